//! Built-in plan templates (`assets/templates/`): starting points that are
//! plain plan files without a client.

use std::path::Path;

use jiff::civil::Date;

use super::error::FileError;
use super::format::parse_plan;
use crate::model::{Client, Plan};

/// A named starting point for a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub title: &'static str,
    pub plan: Plan,
}

impl Template {
    /// A new unsaved plan from this template for `client` on `date`.
    pub fn instantiate(&self, client: Client, date: Date) -> Plan {
        Plan {
            client,
            date,
            ..self.plan.clone()
        }
    }
}

const TEMPLATES: [(&str, &str, &str); 4] = [
    (
        "Low back pain: QL and gluteus medius (60 min)",
        "low-back-ql-gluteus-medius.ron",
        include_str!("../../assets/templates/low-back-ql-gluteus-medius.ron"),
    ),
    (
        "Swedish relaxation (60 min)",
        "swedish-relaxation.ron",
        include_str!("../../assets/templates/swedish-relaxation.ron"),
    ),
    (
        "Shiatsu back (45 min)",
        "shiatsu-back.ron",
        include_str!("../../assets/templates/shiatsu-back.ron"),
    ),
    (
        "Herniated disc: surrounding muscles only (45 min)",
        "herniated-disc-surrounding.ron",
        include_str!("../../assets/templates/herniated-disc-surrounding.ron"),
    ),
];

/// Every built-in template, in menu order.
pub fn templates() -> Result<Vec<Template>, FileError> {
    TEMPLATES
        .iter()
        .map(|(title, file, text)| {
            let path = Path::new("assets/templates").join(file);
            parse_plan(text.as_bytes(), &path).map(|plan| Template { title, plan })
        })
        .collect()
}
