use serde::{Deserialize, Serialize};

use super::{Condition, Muscle, Pressure, Side};

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
    pub focus: Vec<Area>,
    #[serde(default)]
    pub avoid: Vec<Area>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub notes: String,
}

/// A muscle on one side (or both), as the client asks for or against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub muscle: Muscle,
    pub side: Side,
}

impl Area {
    /// Whether work on `muscle`/`side` touches this area.
    pub fn overlaps(self, muscle: Muscle, side: Side) -> bool {
        self.muscle == muscle && (self.side.covers(side) || side.covers(self.side))
    }

    pub fn label(self) -> String {
        self.muscle.label_with_side(self.side)
    }
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

    pub fn has_red_flag(&self) -> bool {
        self.conditions.iter().any(|c| c.kind.is_red_flag())
    }
}
