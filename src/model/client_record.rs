use serde::{Deserialize, Serialize};

use super::{Condition, MuscleSide, Pressure};

/// The client file format this build writes. Format 2 added the birth
/// year and conditions with side, place and precaution weeks.
pub const CLIENT_FORMAT_VERSION: u32 = 2;

/// What the therapist knows of a client across sessions: no contact data,
/// only what planning needs. Field order here is the order in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientRecord {
    #[serde(default = "current_format")]
    pub format: u32,
    pub name: String,
    #[serde(default)]
    pub id: String,
    /// Only the year: enough for the "first episode over 50" red flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_year: Option<i16>,
    /// The most pressure the client likes; steps above it get a note.
    #[serde(default)]
    pub pressure_preference: Option<Pressure>,
    #[serde(default)]
    pub focus: Vec<MuscleSide>,
    #[serde(default)]
    pub avoid: Vec<MuscleSide>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub notes: String,
}

fn current_format() -> u32 {
    CLIENT_FORMAT_VERSION
}

impl ClientRecord {
    pub fn new(name: &str, id: &str) -> Self {
        ClientRecord {
            format: CLIENT_FORMAT_VERSION,
            name: name.trim().to_string(),
            id: id.trim().to_string(),
            birth_year: None,
            pressure_preference: None,
            focus: Vec::new(),
            avoid: Vec::new(),
            conditions: Vec::new(),
            notes: String::new(),
        }
    }

    /// Age reached in the year of `on`; `None` without a birth year.
    pub fn age_in_year_of(&self, on: jiff::civil::Date) -> Option<i16> {
        self.birth_year.map(|year| on.year() - year)
    }
}
