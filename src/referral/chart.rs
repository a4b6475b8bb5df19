//! The body chart for pain drawings (`assets/body-chart.ron`): the whole
//! body outline, back and front, its grid of cells and its named areas.
//! Built on the muscle map's outline, so cells, referral zones and muscles
//! share atlas coordinates. No egui here.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::atlas::{Atlas, Point, polygon_contains};
use crate::model::{BodyView, Cell, Side};

use super::error::ChartError;

/// The chart file compiled into the program.
pub const BODY_CHART_RON: &str = include_str!("../../assets/body-chart.ron");

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    /// Top left corner of cell (0, 0).
    pub origin: Point,
    /// Side of a square cell, atlas units.
    pub cell: f32,
    pub columns: u16,
    pub rows: u16,
}

impl Grid {
    /// The cell under `p`, if it is on the grid.
    pub fn cell_at(&self, p: Point) -> Option<Cell> {
        let col = ((p.x - self.origin.x) / self.cell).floor();
        let row = ((p.y - self.origin.y) / self.cell).floor();
        if !(col >= 0.0
            && row >= 0.0
            && col < f32::from(self.columns)
            && row < f32::from(self.rows))
        {
            return None;
        }
        Some(Cell::new(row as u16, col as u16))
    }

    pub fn centre(&self, cell: Cell) -> Point {
        Point::new(
            self.origin.x + (f32::from(cell.col) + 0.5) * self.cell,
            self.origin.y + (f32::from(cell.row) + 0.5) * self.cell,
        )
    }

    /// Top left corner of the cell.
    pub fn corner(&self, cell: Cell) -> Point {
        Point::new(
            self.origin.x + f32::from(cell.col) * self.cell,
            self.origin.y + f32::from(cell.row) * self.cell,
        )
    }

    fn index(&self, cell: Cell) -> Option<usize> {
        (cell.row < self.rows && cell.col < self.columns)
            .then(|| usize::from(cell.row) * usize::from(self.columns) + usize::from(cell.col))
    }

    /// The cells whose centres lie within `radius` of `p`.
    pub fn cells_near(&self, p: Point, radius: f32) -> impl Iterator<Item = Cell> + '_ {
        let reach = (radius / self.cell).ceil() as i32 + 1;
        let centre = self.cell_at(p);
        let (row0, col0) = centre.map_or((-1000, -1000), |c| (i32::from(c.row), i32::from(c.col)));
        (-reach..=reach)
            .flat_map(move |dr| (-reach..=reach).map(move |dc| (row0 + dr, col0 + dc)))
            .filter_map(move |(r, c)| {
                let row = u16::try_from(r).ok()?;
                let col = u16::try_from(c).ok()?;
                let cell = Cell::new(row, col);
                (self.index(cell).is_some() && self.centre(cell).distance(p) <= radius)
                    .then_some(cell)
            })
    }
}

/// How an area written in the file becomes areas on the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
enum Mirror {
    /// Written whole across the midline: belongs to both sides.
    Single,
    /// Written on the viewer's left half; the mirror image is added.
    Pair,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaEntry {
    id: String,
    name: String,
    views: Vec<BodyView>,
    mirror: Mirror,
    outline: Vec<Point>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChartFile {
    grid: Grid,
    left_leg: Vec<Point>,
    areas: Vec<AreaEntry>,
}

/// One named body area on one side in one view: "right sacroiliac area".
#[derive(Debug, Clone, PartialEq)]
pub struct NamedArea {
    /// Stable id shared by both sides and views ("sacroiliac").
    pub id: String,
    /// Without side: "sacroiliac area".
    pub name: String,
    /// The client's side; `Both` for a midline area.
    pub side: Side,
    pub view: BodyView,
    /// The cells that belong to this area (first match in file order).
    pub cells: Vec<Cell>,
    /// Where a label or a list would point: the mean of the cell centres.
    pub centre: Point,
}

impl NamedArea {
    /// "right sacroiliac area", "sacrum": what a screen reader says.
    pub fn label(&self) -> String {
        side_label(&self.name, self.side)
    }
}

/// "right sacroiliac area" for one side, the bare name for the midline.
pub fn side_label(name: &str, side: Side) -> String {
    match side {
        Side::Left => format!("left {name}"),
        Side::Right => format!("right {name}"),
        Side::Both => name.to_owned(),
    }
}

/// Index of a [`NamedArea`] in [`BodyChart::areas`].
pub type AreaIndex = u16;

const NO_AREA: AreaIndex = AreaIndex::MAX;

/// The body chart: outline, grid and named areas.
#[derive(Debug, Clone)]
pub struct BodyChart {
    pub grid: Grid,
    /// Closed outline of the whole body (the same in both views).
    pub outline: Vec<Point>,
    /// Triangles filling `outline`, for drawing.
    pub triangles: Vec<[u32; 3]>,
    pub midline: f32,
    /// Every named area on every side in every view.
    pub areas: Vec<NamedArea>,
    /// Per view (index of `BodyView::ALL`), per grid cell: its area, or none
    /// when the cell is off the body.
    cell_areas: [Vec<AreaIndex>; 2],
}

impl BodyChart {
    /// The chart shipped with the program, built on the built-in atlas.
    pub fn try_builtin() -> Result<&'static BodyChart, &'static ChartError> {
        static BUILTIN: OnceLock<Result<BodyChart, ChartError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| BodyChart::from_ron(BODY_CHART_RON, Atlas::builtin()))
            .as_ref()
    }

    /// # Panics
    ///
    /// If the built-in chart is invalid: a bug the tests catch.
    pub fn builtin() -> &'static BodyChart {
        match BodyChart::try_builtin() {
            Ok(chart) => chart,
            Err(e) => panic!("assets/body-chart.ron: {e}"),
        }
    }

    /// Parse and check a chart file against the atlas whose outline it continues.
    pub fn from_ron(text: &str, atlas: &Atlas) -> Result<BodyChart, ChartError> {
        let file: ChartFile =
            ron::Options::default()
                .from_str(text)
                .map_err(|e| ChartError::Parse {
                    line: e.span.start.line,
                    col: e.span.start.col,
                    message: e.code.to_string(),
                })?;
        build(file, atlas)
    }

    /// Whether the cell's centre is on the body.
    pub fn is_body(&self, cell: Cell) -> bool {
        self.area_index(BodyView::Back, cell).is_some()
    }

    /// The named area a cell belongs to in `view`.
    pub fn area_index(&self, view: BodyView, cell: Cell) -> Option<AreaIndex> {
        let index = self.grid.index(cell)?;
        let area = *self.cell_areas[view_slot(view)].get(index)?;
        (area != NO_AREA).then_some(area)
    }

    pub fn area_at(&self, view: BodyView, cell: Cell) -> Option<&NamedArea> {
        self.area_index(view, cell)
            .and_then(|i| self.areas.get(usize::from(i)))
    }

    /// The client's side of a cell in a view (no cell is on the midline).
    pub fn side_of(&self, view: BodyView, cell: Cell) -> Side {
        let viewer_left = self.grid.centre(cell).x < self.midline;
        match (view, viewer_left) {
            (BodyView::Back, true) | (BodyView::Front, false) => Side::Left,
            _ => Side::Right,
        }
    }

    /// The areas of a view in reading order: top to bottom, the client's
    /// left before the right.
    pub fn areas_in(&self, view: BodyView) -> Vec<&NamedArea> {
        let mut areas: Vec<&NamedArea> = self.areas.iter().filter(|a| a.view == view).collect();
        areas.sort_by(|a, b| {
            (a.centre.y / 20.0)
                .floor()
                .total_cmp(&(b.centre.y / 20.0).floor())
                .then(a.side.cmp(&b.side))
                .then(a.name.cmp(&b.name))
        });
        areas
    }

    /// An area by id, side and view.
    pub fn find(&self, view: BodyView, id: &str, side: Side) -> Option<&NamedArea> {
        self.areas
            .iter()
            .find(|a| a.view == view && a.id == id && a.side == side)
    }

    /// Whether any area, in any view, has this id.
    pub fn knows(&self, id: &str) -> bool {
        self.areas.iter().any(|a| a.id == id)
    }

    /// The body cells of a view that lie within `radius` of `p`: a brush.
    pub fn brush(&self, view: BodyView, p: Point, radius: f32) -> impl Iterator<Item = Cell> + '_ {
        self.grid
            .cells_near(p, radius)
            .filter(move |&c| self.area_index(view, c).is_some())
    }

    /// Top left and bottom right of the outline.
    pub fn bounds(&self) -> (Point, Point) {
        self.outline.iter().fold(
            (
                Point::new(f32::INFINITY, f32::INFINITY),
                Point::new(f32::NEG_INFINITY, f32::NEG_INFINITY),
            ),
            |(lo, hi), p| {
                (
                    Point::new(lo.x.min(p.x), lo.y.min(p.y)),
                    Point::new(hi.x.max(p.x), hi.y.max(p.y)),
                )
            },
        )
    }
}

fn view_slot(view: BodyView) -> usize {
    match view {
        BodyView::Back => 0,
        BodyView::Front => 1,
    }
}

/// The atlas outline with each leg put in place of the cut at the upper thigh.
fn whole_outline(atlas: &Atlas, left_leg: &[Point]) -> Result<Vec<Point>, ChartError> {
    let back = atlas.view(crate::atlas::ViewKind::Posterior);
    let width = back.size.x;
    let body: &[Point] = back.body.first().map_or(&[], |o| o.points.as_slice());
    let (Some(&top), Some(&bottom)) = (left_leg.first(), left_leg.last()) else {
        return Err(ChartError::LegDoesNotFit);
    };
    let same = |a: Point, b: Point| a.distance(b) < 1e-3;
    let find_edge = |a: Point, b: Point| {
        let n = body.len();
        (0..n).find(|&i| same(body[i], a) && same(body[(i + 1) % n], b))
    };
    let left = find_edge(top, bottom).ok_or(ChartError::LegDoesNotFit)?;
    let right =
        find_edge(bottom.mirrored(width), top.mirrored(width)).ok_or(ChartError::LegDoesNotFit)?;
    let inner = &left_leg[1..left_leg.len() - 1];
    let mut outline = Vec::with_capacity(body.len() + 2 * inner.len());
    for (i, &p) in body.iter().enumerate() {
        outline.push(p);
        if i == left {
            outline.extend_from_slice(inner);
        } else if i == right {
            outline.extend(inner.iter().rev().map(|p| p.mirrored(width)));
        }
    }
    Ok(outline)
}

fn build(file: ChartFile, atlas: &Atlas) -> Result<BodyChart, ChartError> {
    let grid = file.grid;
    if !(grid.cell.is_finite() && grid.cell > 0.0 && grid.origin.is_finite()) {
        return Err(ChartError::BadGrid);
    }
    let width = atlas.view(crate::atlas::ViewKind::Posterior).size.x;
    let midline = width / 2.0;
    let outline = whole_outline(atlas, &file.left_leg)?;
    let triangles = crate::atlas::triangulate_outline(&outline);
    if triangles.is_empty() {
        return Err(ChartError::LegDoesNotFit);
    }

    // Every area entry on its sides and views, with its outline, in file order.
    let mut shapes: Vec<(NamedArea, Vec<Point>)> = Vec::new();
    let mut seen = HashSet::new();
    for (index, entry) in file.areas.iter().enumerate() {
        let what = format!("area {} ({})", index + 1, entry.id);
        if entry.outline.len() < 3 || entry.outline.iter().any(|p| !p.is_finite()) {
            return Err(ChartError::BadOutline { what });
        }
        if entry.views.is_empty() {
            return Err(ChartError::NoView { what });
        }
        for &view in &entry.views {
            let sides: Vec<(Side, Vec<Point>)> = match entry.mirror {
                Mirror::Single => vec![(Side::Both, entry.outline.clone())],
                Mirror::Pair => {
                    if let Some(p) = entry.outline.iter().find(|p| p.x > midline + 1e-3) {
                        return Err(ChartError::CrossesMidline {
                            what,
                            x: p.x,
                            y: p.y,
                        });
                    }
                    let mirrored = entry.outline.iter().map(|p| p.mirrored(width)).collect();
                    let (written, other) = match view {
                        BodyView::Back => (Side::Left, Side::Right),
                        BodyView::Front => (Side::Right, Side::Left),
                    };
                    vec![(written, entry.outline.clone()), (other, mirrored)]
                }
            };
            for (side, shape) in sides {
                if !seen.insert((view, entry.id.clone(), side)) {
                    return Err(ChartError::Duplicate { what });
                }
                shapes.push((
                    NamedArea {
                        id: entry.id.clone(),
                        name: entry.name.clone(),
                        side,
                        view,
                        cells: Vec::new(),
                        centre: Point::default(),
                    },
                    shape,
                ));
            }
        }
    }
    if shapes.len() >= usize::from(NO_AREA) {
        return Err(ChartError::TooManyAreas);
    }

    let cells_total = usize::from(grid.rows) * usize::from(grid.columns);
    let mut cell_areas = [vec![NO_AREA; cells_total], vec![NO_AREA; cells_total]];
    for row in 0..grid.rows {
        for col in 0..grid.columns {
            let cell = Cell::new(row, col);
            let centre = grid.centre(cell);
            if !polygon_contains(&outline, centre) {
                continue;
            }
            for view in BodyView::ALL {
                let found = shapes
                    .iter()
                    .position(|(area, shape)| area.view == view && polygon_contains(shape, centre));
                let Some(found) = found else {
                    return Err(ChartError::Uncovered {
                        view: view.name(),
                        x: centre.x,
                        y: centre.y,
                    });
                };
                let index = grid.index(cell).unwrap_or_default();
                cell_areas[view_slot(view)][index] = found as AreaIndex;
                shapes[found].0.cells.push(cell);
            }
        }
    }

    let mut areas = Vec::with_capacity(shapes.len());
    for (mut area, _) in shapes {
        if area.cells.is_empty() {
            return Err(ChartError::EmptyArea {
                what: area.label(),
                view: area.view.name(),
            });
        }
        let n = area.cells.len() as f32;
        let (sx, sy) = area.cells.iter().fold((0.0, 0.0), |(sx, sy), &c| {
            let p = grid.centre(c);
            (sx + p.x, sy + p.y)
        });
        area.centre = Point::new(sx / n, sy / n);
        areas.push(area);
    }

    Ok(BodyChart {
        grid,
        outline,
        triangles,
        midline,
        areas,
        cell_areas,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn grid_cells_and_centres() {
        let grid = Grid {
            origin: Point::new(0.0, -300.0),
            cell: 10.0,
            columns: 40,
            rows: 140,
        };
        assert_eq!(grid.cell_at(Point::new(5.0, -295.0)), Some(Cell::new(0, 0)));
        assert_eq!(
            grid.cell_at(Point::new(205.0, 0.0)),
            Some(Cell::new(30, 20))
        );
        assert_eq!(grid.cell_at(Point::new(-1.0, 0.0)), None);
        assert_eq!(grid.cell_at(Point::new(400.0, 0.0)), None);
        assert_eq!(grid.centre(Cell::new(30, 20)), Point::new(205.0, 5.0));
        let near: Vec<Cell> = grid.cells_near(Point::new(200.0, 0.0), 8.0).collect();
        assert_eq!(near.len(), 4, "{near:?}");
    }
}
