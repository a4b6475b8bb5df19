use serde::{Deserialize, Serialize};

use super::{Muscle, Side};

/// A muscle on one side of the client (or both): what the map picks, what a
/// step works, what a client asks to focus on or avoid, and what a
/// screening warning and its acknowledgement are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MuscleSide {
    pub muscle: Muscle,
    pub side: Side,
}

impl MuscleSide {
    pub const fn new(muscle: Muscle, side: Side) -> Self {
        MuscleSide { muscle, side }
    }

    /// Whether work on `self` touches `other` or the other way round: the
    /// same muscle, and one side covers the other.
    pub fn overlaps(self, other: MuscleSide) -> bool {
        self.muscle == other.muscle
            && (self.side.covers(other.side) || other.side.covers(self.side))
    }

    /// Whether work on `self` covers the one-sided `other` completely.
    pub fn covers(self, other: MuscleSide) -> bool {
        self.muscle == other.muscle && self.side.covers(other.side)
    }

    /// The one-sided regions this covers: left and right for both sides.
    pub fn one_sided(self) -> impl Iterator<Item = MuscleSide> {
        [Side::Left, Side::Right]
            .into_iter()
            .filter(move |&s| self.side.covers(s))
            .map(move |side| MuscleSide::new(self.muscle, side))
    }

    /// "Left quadratus lumborum", "Gluteus medius, both sides".
    pub fn label(self) -> String {
        self.muscle.label_with_side(self.side)
    }
}

impl std::fmt::Display for MuscleSide {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEFT_QL: MuscleSide = MuscleSide::new(Muscle::QuadratusLumborum, Side::Left);
    const RIGHT_QL: MuscleSide = MuscleSide::new(Muscle::QuadratusLumborum, Side::Right);
    const BOTH_QL: MuscleSide = MuscleSide::new(Muscle::QuadratusLumborum, Side::Both);

    #[test]
    fn both_sides_cover_each_side_but_one_side_does_not_cover_the_other() {
        assert!(BOTH_QL.covers(LEFT_QL));
        assert!(BOTH_QL.covers(RIGHT_QL));
        assert!(!LEFT_QL.covers(RIGHT_QL));
        assert!(!LEFT_QL.covers(BOTH_QL));
        assert!(LEFT_QL.overlaps(BOTH_QL));
        assert!(!LEFT_QL.overlaps(RIGHT_QL));
        let other_muscle = MuscleSide::new(Muscle::GluteusMedius, Side::Both);
        assert!(!other_muscle.overlaps(LEFT_QL));
    }

    #[test]
    fn one_sided_splits_both_sides_into_left_and_right() {
        assert_eq!(BOTH_QL.one_sided().collect::<Vec<_>>(), [LEFT_QL, RIGHT_QL]);
        assert_eq!(RIGHT_QL.one_sided().collect::<Vec<_>>(), [RIGHT_QL]);
    }
}
