use serde::{Deserialize, Serialize};

use super::Step;

/// How the client lies (or sits) for a step. Side-lying is named by the
/// side the client lies on: lying on the left side, the right is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Position {
    Prone,
    Supine,
    SideLyingLeft,
    SideLyingRight,
    Seated,
}

impl Position {
    pub const ALL: [Position; 5] = [
        Position::Prone,
        Position::Supine,
        Position::SideLyingLeft,
        Position::SideLyingRight,
        Position::Seated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Position::Prone => "Prone",
            Position::Supine => "Supine",
            Position::SideLyingLeft => "Side-lying on the left side",
            Position::SideLyingRight => "Side-lying on the right side",
            Position::Seated => "Seated",
        }
    }

    /// Short form for the step table: "prone", "side-lying L".
    pub fn short_name(self) -> &'static str {
        match self {
            Position::Prone => "prone",
            Position::Supine => "supine",
            Position::SideLyingLeft => "side-lying L",
            Position::SideLyingRight => "side-lying R",
            Position::Seated => "seated",
        }
    }
}

/// Each step's position for turning: its own, else that of the step before
/// it (a step without a position is done where the client already lies);
/// leading steps without one take the first position given.
fn effective_positions(steps: &[Step]) -> Vec<Option<Position>> {
    let first = steps.iter().find_map(|s| s.position);
    let mut current = first;
    steps
        .iter()
        .map(|step| {
            if step.position.is_some() {
                current = step.position;
            }
            current
        })
        .collect()
}

/// How many times the client turns between consecutive steps.
pub fn position_changes(steps: &[Step]) -> usize {
    effective_positions(steps)
        .windows(2)
        .filter(|pair| pair[0] != pair[1])
        .count()
}

/// The order of `steps` (old indices) that turns the client as few times as
/// possible: positions in the order they first appear, and within each
/// position the steps in their planned order. Each position is visited
/// once, so the count of changes is the number of positions less one, the
/// least any order can have.
pub fn order_to_turn_less(steps: &[Step]) -> Vec<usize> {
    let positions = effective_positions(steps);
    let mut visited: Vec<Option<Position>> = Vec::new();
    for position in &positions {
        if !visited.contains(position) {
            visited.push(*position);
        }
    }
    visited
        .iter()
        .flat_map(|wanted| {
            positions
                .iter()
                .enumerate()
                .filter(move |(_, p)| *p == wanted)
                .map(|(i, _)| i)
        })
        .collect()
}
