//! The muscle map on the sheet: the map column ("L"/"R", the drawing, a
//! caption) and the legend of the techniques used. The marks come from
//! `atlas::marks`, the same as on screen; `map_drawing` holds the placed
//! geometry and `map_paint` draws it.

use crate::atlas::{self, Atlas, Layer, Mark, Point, View, ViewKind};
use crate::model::{Plan, Technique};
use crate::screening::Warning;

use super::fonts::Fonts;
use super::layout::{Op, Pager, Rect, grey};
use super::map_drawing::{BADGE_RADIUS, MapDrawing, badge_half_width};
use super::map_paint::DEEP_OUTLINE;
use super::text::{Style, wrap};

const LETTER: Style = Style::bold(13.0);
const SMALL_LETTER: Style = Style::bold(9.0);
const VIEW_TITLE: Style = Style::bold(7.0);
const CAPTION: Style = Style::regular(7.0);
const CAPTION_LINE: f32 = 9.0;
const LEGEND_TITLE: Style = Style::bold(8.0);
const LEGEND: Style = Style::regular(8.0);
const LEGEND_ROW: f32 = 13.0;
const LEGEND_TITLE_HEIGHT: f32 = 13.0;
const SWATCH: (f32, f32) = (16.0, 10.0);
/// Room on each side of the drawing for the "L" and "R".
const LETTER_ROOM: f32 = 16.0;
/// Room above a small view for its title and letters, and between views.
const SMALL_VIEW_TITLE: f32 = 12.0;
const SMALL_VIEW_GAP: f32 = 10.0;

/// The views a plan's sheet shows, in `ViewKind` order: each view that
/// shows a planned muscle not already shown by an earlier one (a plan on
/// the back and the psoas: the back and the front). A plan with no steps
/// on the map shows the back.
pub(crate) fn views_for(plan: &Plan) -> Vec<ViewKind> {
    let atlas = Atlas::builtin();
    let mut kinds: Vec<ViewKind> = Vec::new();
    for kind in ViewKind::ALL {
        let view = atlas.view(kind);
        let new_here = plan.steps.iter().any(|step| {
            view.shows(step.muscle) && !kinds.iter().any(|&k| atlas.view(k).shows(step.muscle))
        });
        if new_here {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        kinds.push(ViewKind::Posterior);
    }
    kinds
}

/// Room kept around the planned muscles when the drawing is cropped, in
/// atlas units (about a vertebra and a half on the back).
const CROP_MARGIN: f32 = 40.0;
/// A cropped drawing keeps at least this share of the body's height, so it
/// still reads as a back (or a hip) rather than a patch of muscles.
const CROP_MIN_SHARE: f32 = 0.45;

/// The part of a view to draw: the body's whole width (both sides, and the
/// "L"/"R" stay true), and from a little above the highest planned muscle
/// to a little below the lowest, so the worked area prints large. A view
/// with nothing planned on it shows the whole body.
fn extent(kind: ViewKind, plan: &Plan) -> (Point, Point) {
    let view = Atlas::builtin().view(kind);
    let (low, high) = whole_extent(kind);
    let planned = view
        .regions
        .iter()
        .filter(|r| plan.steps.iter().any(|s| s.muscle == r.muscle))
        .flat_map(|r| &r.outline);
    let Some((top, bottom)) = bounds(planned).map(|(a, b)| (a.y, b.y)) else {
        return (low, high);
    };
    let full = high.y - low.y;
    let (mut y0, mut y1) = (top - CROP_MARGIN, bottom + CROP_MARGIN);
    let short = full * CROP_MIN_SHARE - (y1 - y0);
    if short > 0.0 {
        (y0, y1) = (y0 - short / 2.0, y1 + short / 2.0);
    }
    // Slide back inside the body rather than shrink.
    if y0 < low.y {
        (y0, y1) = (low.y, y1 + (low.y - y0));
    }
    if y1 > high.y {
        (y0, y1) = ((y0 - (y1 - high.y)).max(low.y), high.y);
    }
    (Point::new(low.x, y0), Point::new(high.x, y1))
}

/// The whole body of a view with a small margin (the progress report's
/// heat map shows all of it).
pub(crate) fn whole_extent(kind: ViewKind) -> (Point, Point) {
    let view = Atlas::builtin().view(kind);
    let margin = 4.0;
    match bounds(view.body.iter().flat_map(|b| &b.points)) {
        Some((low, high)) => (
            Point::new(low.x - margin, low.y - margin),
            Point::new(high.x + margin, high.y + margin),
        ),
        None => (Point::new(0.0, 0.0), view.size),
    }
}

/// Height over width of a view's whole body.
pub(crate) fn whole_aspect(kind: ViewKind) -> f32 {
    let (low, high) = whole_extent(kind);
    (high.y - low.y) / (high.x - low.x).max(1.0)
}

/// The smallest box around the points, if there are any.
fn bounds<'a>(points: impl Iterator<Item = &'a Point>) -> Option<(Point, Point)> {
    points.fold(None, |acc, p| {
        let (low, high) = acc.unwrap_or((*p, *p));
        Some((
            Point::new(low.x.min(p.x), low.y.min(p.y)),
            Point::new(high.x.max(p.x), high.y.max(p.y)),
        ))
    })
}

/// Height over width of a view's drawing for this plan.
fn aspect(kind: ViewKind, plan: &Plan) -> f32 {
    let (low, high) = extent(kind, plan);
    (high.y - low.y) / (high.x - low.x).max(1.0)
}

/// How the client lies, for the caption.
fn caption_of(kind: ViewKind) -> &'static str {
    match kind {
        ViewKind::Posterior => "Back: seen from behind, the client's left on your left.",
        ViewKind::Side => "Side-lying: the left side on the left, the right side on the right.",
        ViewKind::Front => "Front: supine, mirrored, the client's left on your right.",
    }
}

/// The map column: the first view large with "L"/"R" beside it and the
/// others smaller, stacked on its right, then a caption. Its height is the
/// first drawing's height and the caption.
pub(crate) struct MapBlock {
    width: f32,
    kinds: Vec<ViewKind>,
    caption: Vec<String>,
    rule: WidthRule,
}

/// How a column's width grows with the first drawing's height `h`:
/// `width = per_height * h + fixed`.
struct WidthRule {
    per_height: f32,
    fixed: f32,
}

impl WidthRule {
    fn of(plan: &Plan, kinds: &[ViewKind]) -> WidthRule {
        let main = kinds.first().copied().unwrap_or_default();
        let rest = kinds.get(1..).unwrap_or_default();
        let mut rule = WidthRule {
            per_height: 1.0 / aspect(main, plan),
            fixed: 2.0 * LETTER_ROOM,
        };
        if !rest.is_empty() {
            // Each small view is (h - its titles and gaps) / n tall.
            let n = rest.len() as f32;
            let widest = rest
                .iter()
                .map(|&k| 1.0 / aspect(k, plan))
                .fold(0.0, f32::max);
            let spent = n * SMALL_VIEW_TITLE + (n - 1.0) * SMALL_VIEW_GAP;
            rule.per_height += widest / n;
            rule.fixed += SMALL_VIEW_GAP - widest * spent / n;
        }
        rule
    }
}

impl MapBlock {
    pub(crate) fn new(fonts: &Fonts, plan: &Plan, width: f32) -> MapBlock {
        let kinds = views_for(plan);
        let text: Vec<&str> = kinds.iter().map(|&k| caption_of(k)).collect();
        MapBlock {
            width,
            caption: wrap(fonts, CAPTION, &text.join(" "), width),
            rule: WidthRule::of(plan, &kinds),
            kinds,
        }
    }

    /// The column width a first drawing `map_height` tall needs, letters,
    /// small views and gaps included.
    pub(crate) fn width_for(plan: &Plan, map_height: f32) -> f32 {
        let rule = WidthRule::of(plan, &views_for(plan));
        rule.per_height * map_height + rule.fixed
    }

    /// The tallest the first drawing can be in this column.
    pub(crate) fn max_map_height(&self) -> f32 {
        ((self.width - self.rule.fixed) / self.rule.per_height.max(0.001)).max(0.0)
    }

    /// Places the column at the cursor from `x`, the first drawing
    /// `map_height` tall (at most [`MapBlock::max_map_height`]). Returns the
    /// bottom of the column; the cursor is left where it was.
    pub(crate) fn place(
        &self,
        pager: &mut Pager,
        plan: &Plan,
        warnings: &[Warning],
        x: f32,
        map_height: f32,
    ) -> f32 {
        let top = pager.y;
        let map_height = map_height.min(self.max_map_height());
        let main = self.kinds.first().copied().unwrap_or_default();
        let rest = self.kinds.get(1..).unwrap_or_default();
        let map_width = map_height / aspect(main, plan);
        let used = MapBlock::width_for(plan, map_height).min(self.width);
        let left_edge = x + (self.width - used) / 2.0;
        let rect = Rect::new(left_edge + LETTER_ROOM, top, map_width, map_height);
        // The client's side beside each half of the first drawing.
        let view = Atlas::builtin().view(main);
        let letters = rect.y + 16.0;
        let (on_left, on_right) = (view.side_at(0.0), view.side_at(view.size.x));
        pager.text(
            left_edge + 2.0,
            letters,
            LETTER,
            grey::BLACK,
            on_left.abbreviation().to_owned(),
        );
        pager.text_right(
            rect.right() + LETTER_ROOM - 2.0,
            letters,
            LETTER,
            grey::BLACK,
            on_right.abbreviation().to_owned(),
        );
        place_drawing(pager, plan, warnings, main, rect);

        // The other views, stacked on the right, each titled with its name
        // and the client's sides.
        if !rest.is_empty() {
            let n = rest.len() as f32;
            let small = (map_height - n * SMALL_VIEW_TITLE - (n - 1.0) * SMALL_VIEW_GAP) / n;
            let column = rect.right() + LETTER_ROOM + SMALL_VIEW_GAP;
            let room = (x + self.width - column).max(1.0);
            let mut y = top;
            for &kind in rest {
                let width = (small / aspect(kind, plan)).min(room);
                let height = width * aspect(kind, plan);
                let left = column + (room - width) / 2.0;
                let baseline = y + SMALL_VIEW_TITLE - 3.0;
                let view = Atlas::builtin().view(kind);
                let name = kind.name().to_owned();
                let name_width = pager.fonts.width(VIEW_TITLE.weight, VIEW_TITLE.size, &name);
                pager.text(
                    left + (width - name_width) / 2.0,
                    baseline,
                    VIEW_TITLE,
                    grey::BLACK,
                    name,
                );
                pager.text(
                    left,
                    baseline,
                    SMALL_LETTER,
                    grey::BLACK,
                    view.side_at(0.0).abbreviation().to_owned(),
                );
                pager.text_right(
                    left + width,
                    baseline,
                    SMALL_LETTER,
                    grey::BLACK,
                    view.side_at(view.size.x).abbreviation().to_owned(),
                );
                place_drawing(
                    pager,
                    plan,
                    warnings,
                    kind,
                    Rect::new(left, y + SMALL_VIEW_TITLE, width, height),
                );
                y += SMALL_VIEW_TITLE + small + SMALL_VIEW_GAP;
            }
        }

        let mut y = rect.bottom() + 8.0;
        for line in &self.caption {
            y += CAPTION_LINE;
            pager.text(x, y - 2.0, CAPTION, grey::TEXT_SECONDARY, line.clone());
        }
        y
    }
}

/// One view's drawing with the plan's marks and their badges.
fn place_drawing(pager: &mut Pager, plan: &Plan, warnings: &[Warning], kind: ViewKind, rect: Rect) {
    let view = Atlas::builtin().view(kind);
    let mut drawing = MapDrawing {
        kind,
        rect,
        view: extent(kind, plan),
        marks: atlas::marks(plan, view, warnings),
        badges: Vec::new(),
        trigger_points: super::trigger_marks::targets(plan, kind),
    };
    drawing.badges = badge_positions(pager.fonts, view, &drawing);
    pager.push(Op::Map(Box::new(drawing)));
}

/// The key to the map: a sample of each technique used, in order of first
/// use, and the dashed outline of a deep muscle if one is planned.
pub(crate) struct Legend {
    entries: Vec<(Option<Technique>, &'static str)>,
    columns: usize,
    column_width: f32,
}

impl Legend {
    pub(crate) fn new(fonts: &Fonts, plan: &Plan, width: f32) -> Legend {
        let atlas = Atlas::builtin();
        let kinds = views_for(plan);
        let mut entries: Vec<(Option<Technique>, &'static str)> = Vec::new();
        for step in &plan.steps {
            if !entries.iter().any(|(t, _)| *t == Some(step.technique)) {
                entries.push((Some(step.technique), step.technique.name()));
            }
        }
        if plan.steps.iter().any(|s| {
            kinds
                .iter()
                .any(|&k| atlas.view(k).layer_of(s.muscle) == Some(Layer::Deep))
        }) {
            entries.push((None, "deep muscle"));
        }
        let entry_width = entries
            .iter()
            .map(|(_, label)| SWATCH.0 + 5.0 + fonts.width(LEGEND.weight, LEGEND.size, label))
            .fold(0.0, f32::max)
            + 6.0;
        let columns = ((width / entry_width).floor() as usize).clamp(1, 3);
        Legend {
            entries,
            columns,
            column_width: width / columns as f32,
        }
    }

    pub(crate) fn height(&self) -> f32 {
        if self.entries.is_empty() {
            0.0
        } else {
            LEGEND_TITLE_HEIGHT + self.entries.len().div_ceil(self.columns) as f32 * LEGEND_ROW
        }
    }

    /// Places the legend at `(x, pager.y)` and moves the cursor below it.
    pub(crate) fn place(&self, pager: &mut Pager, x: f32) {
        if self.entries.is_empty() {
            return;
        }
        let top = pager.y;
        pager.text(
            x,
            top + 8.0,
            LEGEND_TITLE,
            grey::BLACK,
            "Techniques on the map".to_owned(),
        );
        let y = top + LEGEND_TITLE_HEIGHT;
        for (i, (technique, label)) in self.entries.iter().enumerate() {
            let column = i % self.columns;
            let row = i / self.columns;
            let left = x + column as f32 * self.column_width;
            let row_top = y + row as f32 * LEGEND_ROW;
            let sample = Rect::new(
                left,
                row_top + (LEGEND_ROW - SWATCH.1) / 2.0,
                SWATCH.0,
                SWATCH.1,
            );
            match technique {
                Some(technique) => pager.push(Op::Swatch {
                    rect: sample,
                    technique: *technique,
                }),
                None => pager.rect(sample, Some(grey::WHITE), Some(DEEP_OUTLINE)),
            }
            let baseline = pager.baseline(row_top, LEGEND_ROW, LEGEND);
            pager.text(
                left + SWATCH.0 + 5.0,
                baseline,
                LEGEND,
                grey::BLACK,
                (*label).to_owned(),
            );
        }
        pager.y = top + self.height();
    }
}

/// Each mark's badge centre on the page, placed by the shared rule so no
/// badge covers another.
fn badge_positions(fonts: &Fonts, atlas: &View, drawing: &MapDrawing) -> Vec<Option<(f32, f32)>> {
    let scale = drawing.scale().max(0.01);
    let half = |_: usize, mark: &Mark| {
        Point::new(
            (badge_half_width(fonts, &mark.steps) + 1.0) / scale,
            (BADGE_RADIUS + 1.0) / scale,
        )
    };
    atlas::place_badges(atlas, &drawing.marks, half)
        .into_iter()
        .map(|badge| badge.map(|b| drawing.place(b.at)))
        .collect()
}
