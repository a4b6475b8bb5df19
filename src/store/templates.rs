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

const TEMPLATES: [(&str, &str, &str); 6] = [
    (
        "Low back pain: QL and gluteus medius (60 min)",
        "low-back-ql-gluteus-medius.ron",
        include_str!("../../assets/templates/low-back-ql-gluteus-medius.ron"),
    ),
    (
        "Low back pain with iliopsoas: prone, side-lying and supine (60 min)",
        "low-back-with-iliopsoas.ron",
        include_str!("../../assets/templates/low-back-with-iliopsoas.ron"),
    ),
    (
        "Swedish relaxation, full back with neck and shoulders (60 min)",
        "swedish-relaxation.ron",
        include_str!("../../assets/templates/swedish-relaxation.ron"),
    ),
    (
        "Neck and shoulders (45 min)",
        "neck-and-shoulders.ron",
        include_str!("../../assets/templates/neck-and-shoulders.ron"),
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::Muscle;

    fn template(title: &str) -> Template {
        templates()
            .unwrap()
            .into_iter()
            .find(|t| t.title.starts_with(title))
            .unwrap()
    }

    fn muscles(t: &Template) -> Vec<Muscle> {
        t.plan.steps.iter().map(|s| s.muscle).collect()
    }

    #[test]
    fn the_full_back_relaxation_includes_the_upper_back() {
        let swedish = muscles(&template("Swedish relaxation, full back"));
        for m in [
            Muscle::UpperTrapezius,
            Muscle::MiddleTrapezius,
            Muscle::ErectorSpinae,
        ] {
            assert!(swedish.contains(&m), "{m:?}");
        }
        let low_back = muscles(&template("Low back pain: QL"));
        assert!(!low_back.contains(&Muscle::UpperTrapezius));
    }

    #[test]
    fn neck_and_shoulders_works_the_neck_and_the_shoulder_blades() {
        let t = template("Neck and shoulders");
        let m = muscles(&t);
        for muscle in [
            Muscle::UpperTrapezius,
            Muscle::LevatorScapulae,
            Muscle::Rhomboids,
        ] {
            assert!(m.contains(&muscle), "{muscle:?}");
        }
        assert!(!m.contains(&Muscle::QuadratusLumborum));
        assert!(t.plan.precautions.contains("collarbone"));
    }

    #[test]
    fn the_low_back_session_treats_the_iliopsoas_supine() {
        let t = template("Low back pain with iliopsoas");
        let m = muscles(&t);
        assert!(m.contains(&Muscle::PsoasMajor) && m.contains(&Muscle::Iliacus));
        assert!(m.contains(&Muscle::QuadratusLumborum));
        for step in t
            .plan
            .steps
            .iter()
            .filter(|s| matches!(s.muscle, Muscle::PsoasMajor | Muscle::Iliacus))
        {
            assert!(step.notes.contains("Supine"), "{:?}", step.muscle);
            assert!(step.pressure.level() <= 3, "gentle");
        }
        assert!(t.plan.precautions.contains("aortic pulse"));
        let neck = muscles(&template("Neck and shoulders"));
        assert!(!neck.contains(&Muscle::PsoasMajor));
    }
}
