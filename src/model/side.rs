use serde::{Deserialize, Serialize};

/// The client's side (not the viewer's): in the posterior view the client's
/// left is on the viewer's left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
    Both,
}

impl Side {
    pub const ALL: [Side; 3] = [Side::Left, Side::Right, Side::Both];

    pub fn name(self) -> &'static str {
        match self {
            Side::Left => "Left",
            Side::Right => "Right",
            Side::Both => "Both sides",
        }
    }

    /// Short mark for tables and the map: "L", "R", "L+R".
    pub fn abbreviation(self) -> &'static str {
        match self {
            Side::Left => "L",
            Side::Right => "R",
            Side::Both => "L+R",
        }
    }

    /// Whether work planned on `self` covers the one-sided region `side`.
    pub fn covers(self, side: Side) -> bool {
        self == side || self == Side::Both
    }
}
