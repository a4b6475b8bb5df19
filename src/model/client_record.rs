use serde::{Deserialize, Serialize};

use super::{Condition, MuscleSide, Pressure};

/// The client file format this build writes.
pub const CLIENT_FORMAT_VERSION: u32 = 1;

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
            pressure_preference: None,
            focus: Vec::new(),
            avoid: Vec::new(),
            conditions: Vec::new(),
            notes: String::new(),
        }
    }
}
