//! The client's pain drawing: cells of a coarse grid over the body chart
//! (body coordinates, never screen pixels), grouped into painted areas that
//! share an intensity, a quality and whether the pain is constant.
//!
//! In the plan file each area's cells are one short text, row by row:
//! `"31:20-23 32:19-24,27"` is row 31, columns 20 to 23, and row 32,
//! columns 19 to 24 and 27. The grid itself (origin, cell size) belongs to
//! the body chart (`referral::BodyChart`).

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::PainLevel;

/// Which drawing of the body chart a cell is on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum BodyView {
    /// Seen from behind: the client's left is on the viewer's left.
    #[default]
    Back,
    /// Seen from the front: the client's left is on the viewer's right.
    Front,
}

impl BodyView {
    pub const ALL: [BodyView; 2] = [BodyView::Back, BodyView::Front];

    pub fn name(self) -> &'static str {
        match self {
            BodyView::Back => "Back",
            BodyView::Front => "Front",
        }
    }
}

/// What the pain feels like, in the client's words.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PainQuality {
    #[default]
    Ache,
    Sharp,
    Burning,
    Tingling,
    Numbness,
}

impl PainQuality {
    pub const ALL: [PainQuality; 5] = [
        PainQuality::Ache,
        PainQuality::Sharp,
        PainQuality::Burning,
        PainQuality::Tingling,
        PainQuality::Numbness,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PainQuality::Ache => "Ache",
            PainQuality::Sharp => "Sharp",
            PainQuality::Burning => "Burning",
            PainQuality::Tingling => "Tingling",
            PainQuality::Numbness => "Numbness",
        }
    }

    /// Tingling and numbness point to a nerve rather than a muscle.
    pub fn is_nerve_sign(self) -> bool {
        matches!(self, PainQuality::Tingling | PainQuality::Numbness)
    }
}

/// One cell of the body chart's grid: row (down) and column (right).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cell {
    pub row: u16,
    pub col: u16,
}

impl Cell {
    pub const fn new(row: u16, col: u16) -> Self {
        Cell { row, col }
    }
}

/// A set of cells, written as rows of column runs (see the module comment).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CellSet(BTreeSet<Cell>);

impl CellSet {
    pub fn new() -> Self {
        CellSet::default()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn contains(&self, cell: Cell) -> bool {
        self.0.contains(&cell)
    }

    pub fn insert(&mut self, cell: Cell) -> bool {
        self.0.insert(cell)
    }

    pub fn remove(&mut self, cell: Cell) -> bool {
        self.0.remove(&cell)
    }

    /// In row order, then column order.
    pub fn iter(&self) -> impl Iterator<Item = Cell> + '_ {
        self.0.iter().copied()
    }
}

impl FromIterator<Cell> for CellSet {
    fn from_iter<I: IntoIterator<Item = Cell>>(iter: I) -> Self {
        CellSet(iter.into_iter().collect())
    }
}

impl fmt::Display for CellSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut row: Option<u16> = None;
        let mut run: Option<(u16, u16)> = None;
        let mut first_row = true;
        let flush = |f: &mut fmt::Formatter<'_>, run: (u16, u16), first: bool| {
            let sep = if first { "" } else { "," };
            if run.0 == run.1 {
                write!(f, "{sep}{}", run.0)
            } else {
                write!(f, "{sep}{}-{}", run.0, run.1)
            }
        };
        let mut first_in_row = true;
        for cell in self.iter() {
            if row != Some(cell.row) {
                if let Some(r) = run.take() {
                    flush(f, r, first_in_row)?;
                }
                if !first_row {
                    f.write_str(" ")?;
                }
                write!(f, "{}:", cell.row)?;
                row = Some(cell.row);
                first_row = false;
                first_in_row = true;
            }
            run = match run {
                Some((start, end)) if cell.col == end + 1 => Some((start, cell.col)),
                Some(r) => {
                    flush(f, r, first_in_row)?;
                    first_in_row = false;
                    Some((cell.col, cell.col))
                }
                None => Some((cell.col, cell.col)),
            };
        }
        if let Some(r) = run {
            flush(f, r, first_in_row)?;
        }
        Ok(())
    }
}

/// Why a cells text does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cells {text:?}: {reason} (write rows as \"ROW:COL-COL,COL\", e.g. \"31:20-23 32:19-24,27\")"
)]
pub struct CellsSyntax {
    pub text: String,
    pub reason: &'static str,
}

impl std::str::FromStr for CellSet {
    type Err = CellsSyntax;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = |token: &str, reason| CellsSyntax {
            text: token.to_owned(),
            reason,
        };
        let number = |token: &str, part: &str| -> Result<u16, CellsSyntax> {
            part.trim()
                .parse::<u16>()
                .map_err(|_| bad(token, "not a row or column number (0 to 65535)"))
        };
        let mut cells = CellSet::new();
        for token in text.split_whitespace() {
            let (row, runs) = token
                .split_once(':')
                .ok_or_else(|| bad(token, "a row needs a ':' before its columns"))?;
            let row = number(token, row)?;
            for run in runs.split(',') {
                let (start, end) = match run.split_once('-') {
                    Some((a, b)) => (number(token, a)?, number(token, b)?),
                    None => {
                        let c = number(token, run)?;
                        (c, c)
                    }
                };
                if start > end {
                    return Err(bad(token, "a run of columns must go from low to high"));
                }
                for col in start..=end {
                    cells.insert(Cell::new(row, col));
                }
            }
        }
        Ok(cells)
    }
}

impl Serialize for CellSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CellSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// What the brush paints: the same for every cell of one painted area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PainMark {
    pub intensity: PainLevel,
    pub quality: PainQuality,
    /// Constant, or comes and goes.
    pub constant: bool,
}

/// One painted area: cells of one view with one intensity, quality and
/// constancy. Field order is the order in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainArea {
    #[serde(default)]
    pub view: BodyView,
    pub intensity: PainLevel,
    #[serde(default)]
    pub quality: PainQuality,
    /// Constant (true) or comes and goes (false).
    #[serde(default = "constant_by_default")]
    pub constant: bool,
    pub cells: CellSet,
}

fn constant_by_default() -> bool {
    true
}

impl PainArea {
    pub fn mark(&self) -> PainMark {
        PainMark {
            intensity: self.intensity,
            quality: self.quality,
            constant: self.constant,
        }
    }
}

/// The whole drawing: painted areas, each cell in at most one area per view
/// (painting over a cell moves it to the brush's area).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PainDrawing {
    pub areas: Vec<PainArea>,
}

impl PainDrawing {
    pub fn is_empty(&self) -> bool {
        self.areas.iter().all(|a| a.cells.is_empty())
    }

    /// The painted area a cell belongs to (the last one, if a hand-edited
    /// file lists a cell twice).
    pub fn area_at(&self, view: BodyView, cell: Cell) -> Option<&PainArea> {
        self.areas
            .iter()
            .rev()
            .find(|a| a.view == view && a.cells.contains(cell))
    }

    /// Every painted cell with its mark, view by view.
    pub fn painted(&self) -> impl Iterator<Item = (BodyView, Cell, PainMark)> + '_ {
        self.areas
            .iter()
            .flat_map(|a| a.cells.iter().map(move |c| (a.view, c, a.mark())))
    }

    /// Paints `cells` of `view` with `mark`, over whatever was there.
    pub fn paint(&mut self, view: BodyView, cells: impl IntoIterator<Item = Cell>, mark: PainMark) {
        let cells: Vec<Cell> = cells.into_iter().collect();
        self.erase(view, cells.iter().copied());
        let index = match self
            .areas
            .iter()
            .position(|a| a.view == view && a.mark() == mark)
        {
            Some(i) => i,
            None => {
                self.areas.push(PainArea {
                    view,
                    intensity: mark.intensity,
                    quality: mark.quality,
                    constant: mark.constant,
                    cells: CellSet::new(),
                });
                self.areas.len() - 1
            }
        };
        if let Some(area) = self.areas.get_mut(index) {
            for cell in cells {
                area.cells.insert(cell);
            }
        }
        self.areas.retain(|a| !a.cells.is_empty());
    }

    /// Removes `cells` of `view` from the drawing.
    pub fn erase(&mut self, view: BodyView, cells: impl IntoIterator<Item = Cell>) {
        let cells: Vec<Cell> = cells.into_iter().collect();
        for area in self.areas.iter_mut().filter(|a| a.view == view) {
            for &cell in &cells {
                area.cells.remove(cell);
            }
        }
        self.areas.retain(|a| !a.cells.is_empty());
    }

    /// The highest intensity painted anywhere.
    pub fn max_intensity(&self) -> Option<PainLevel> {
        self.areas
            .iter()
            .filter(|a| !a.cells.is_empty())
            .map(|a| a.intensity)
            .max()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn mark(level: u8, quality: PainQuality) -> PainMark {
        PainMark {
            intensity: PainLevel::new(level).unwrap(),
            quality,
            constant: true,
        }
    }

    #[test]
    fn cells_text_round_trips() {
        let text = "31:20-23 32:19-24,27 40:3";
        let cells: CellSet = text.parse().unwrap();
        assert_eq!(cells.len(), 4 + 6 + 1 + 1);
        assert!(cells.contains(Cell::new(32, 27)));
        assert!(!cells.contains(Cell::new(32, 26)));
        assert_eq!(cells.to_string(), text);
        assert_eq!(CellSet::new().to_string(), "");
        assert!("".parse::<CellSet>().unwrap().is_empty());
    }

    #[test]
    fn bad_cells_text_is_refused_with_the_token() {
        let err = "31:20-23 32-19".parse::<CellSet>().unwrap_err();
        assert_eq!(err.text, "32-19");
        assert!("3:9-4".parse::<CellSet>().is_err());
        assert!("3:x".parse::<CellSet>().is_err());
        assert!("70000:1".parse::<CellSet>().is_err());
    }

    #[test]
    fn painting_over_moves_cells_and_merges_same_marks() {
        let mut drawing = PainDrawing::default();
        let ache = mark(5, PainQuality::Ache);
        let tingling = mark(3, PainQuality::Tingling);
        drawing.paint(BodyView::Back, [Cell::new(1, 1), Cell::new(1, 2)], ache);
        drawing.paint(BodyView::Back, [Cell::new(1, 2), Cell::new(2, 2)], tingling);
        drawing.paint(BodyView::Back, [Cell::new(5, 5)], ache);
        assert_eq!(drawing.areas.len(), 2);
        assert_eq!(
            drawing
                .area_at(BodyView::Back, Cell::new(1, 2))
                .map(PainArea::mark),
            Some(tingling)
        );
        assert_eq!(drawing.areas[0].cells.to_string(), "1:1 5:5");
        assert!(drawing.area_at(BodyView::Front, Cell::new(1, 2)).is_none());

        drawing.erase(BodyView::Back, [Cell::new(1, 2), Cell::new(2, 2)]);
        assert_eq!(drawing.areas.len(), 1, "an emptied area is dropped");
        drawing.erase(BodyView::Back, [Cell::new(1, 1), Cell::new(5, 5)]);
        assert!(drawing.is_empty());
    }

    #[test]
    fn area_in_ron() {
        let area: PainArea =
            ron::from_str("(intensity: 6, quality: tingling, constant: false, cells: \"4:1-2\")")
                .unwrap();
        assert_eq!(area.view, BodyView::Back);
        assert_eq!(area.quality, PainQuality::Tingling);
        assert!(!area.constant);
        assert_eq!(area.cells.len(), 2);
        assert!(ron::from_str::<PainArea>("(intensity: 11, cells: \"\")").is_err());
        assert!(ron::from_str::<PainArea>("(intensity: 1, cells: \"4-1\")").is_err());
    }
}
