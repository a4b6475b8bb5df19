//! The muscle map on the sheet: the shared atlas drawn as vectors, with
//! the planned muscles filled by technique and numbered in step order, the
//! "L"/"R" marks, and the legend of the techniques used.

use std::collections::BTreeMap;

use krilla::paint::FillRule;
use krilla::surface::Surface;

use crate::atlas::{Atlas, Layer, Point, polygon_contains};
use crate::model::{Muscle, Plan, Side, Technique};

use super::fonts::Fonts;
use super::hatch::paint_technique;
use super::layout::{Op, Pager, Pen, Rect, grey};
use super::render::{
    capsule_path, draw_text, fill_path, polygon_path, polyline_path, rect_path, stroke_path,
};
use super::text::{Style, wrap};

const LETTER: Style = Style::bold(13.0);
const CAPTION: Style = Style::regular(7.0);
const CAPTION_LINE: f32 = 9.0;
const LEGEND_TITLE: Style = Style::bold(8.0);
const LEGEND: Style = Style::regular(8.0);
const LEGEND_ROW: f32 = 14.0;
const LEGEND_TITLE_HEIGHT: f32 = 13.0;
const SWATCH: (f32, f32) = (16.0, 10.0);
const BADGE: Style = Style::bold(7.0);
const BADGE_RADIUS: f32 = 5.2;
/// Room on each side of the drawing for the "L" and "R".
const LETTER_ROOM: f32 = 16.0;
/// Outline of a planned deep muscle, drawn over the superficial layer.
const DEEP_OUTLINE: Pen = Pen::dashed(0.9, grey::BLACK, 2.2);
const CAPTION_TEXT: &str = "Seen from behind: the client's left is on your left.";

/// The map as laid out: where it goes and what is planned on it.
#[derive(Debug, Clone)]
pub(crate) struct MapDrawing {
    /// Where the drawing goes on the page.
    pub rect: Rect,
    /// The part of the atlas shown (the body and a small margin), in atlas units.
    pub view: (Point, Point),
    pub marks: Vec<Mark>,
}

impl MapDrawing {
    fn scale(&self) -> f32 {
        self.rect.w / (self.view.1.x - self.view.0.x).max(1.0)
    }

    /// Atlas point to page point.
    fn place(&self, p: Point) -> (f32, f32) {
        let s = self.scale();
        (
            self.rect.x + (p.x - self.view.0.x) * s,
            self.rect.y + (p.y - self.view.0.y) * s,
        )
    }

    /// Page point to atlas point.
    fn unplace(&self, (x, y): (f32, f32)) -> Point {
        let s = self.scale();
        Point::new(
            self.view.0.x + (x - self.rect.x) / s,
            self.view.0.y + (y - self.rect.y) / s,
        )
    }
}

/// A planned region: one muscle on one side, in the layer where it is worked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    pub muscle: Muscle,
    pub side: Side,
    pub layer: Layer,
    /// The techniques of the steps on the region, each once, in step
    /// order: the region is filled in one band per technique, top down.
    pub techniques: Vec<Technique>,
    /// 1-based numbers of the steps on the region, in plan order.
    pub steps: Vec<usize>,
    /// Centre of the step-number badge on the page.
    pub badge: (f32, f32),
}

/// What the plan puts on the map: each one-sided region with its steps,
/// in step order. A step on both sides marks the left and the right region.
pub(crate) fn marks(plan: &Plan, atlas: &Atlas) -> Vec<Mark> {
    let mut by_region: BTreeMap<(Muscle, Side), Mark> = BTreeMap::new();
    for (index, step) in plan.steps.iter().enumerate() {
        for side in [Side::Left, Side::Right] {
            if !step.side.covers(side) {
                continue;
            }
            let mark = by_region
                .entry((step.muscle, side))
                .or_insert_with(|| Mark {
                    muscle: step.muscle,
                    side,
                    layer: atlas.layer_of(step.muscle),
                    techniques: Vec::new(),
                    steps: Vec::new(),
                    badge: (0.0, 0.0),
                });
            mark.steps.push(index + 1);
            if !mark.techniques.contains(&step.technique) {
                mark.techniques.push(step.technique);
            }
        }
    }
    let mut marks: Vec<Mark> = by_region.into_values().collect();
    marks.sort_by_key(|m| (m.steps.first().copied(), m.side));
    marks
}

/// The map column: "L"/"R", the drawing and a caption. Its height depends
/// on the height chosen for the drawing.
pub(crate) struct MapBlock {
    width: f32,
    caption: Vec<String>,
}

impl MapBlock {
    pub(crate) fn new(fonts: &Fonts, width: f32) -> MapBlock {
        MapBlock {
            width,
            caption: wrap(fonts, CAPTION, CAPTION_TEXT, width),
        }
    }

    /// The part of the atlas to draw: the body with a small margin.
    fn view() -> (Point, Point) {
        let atlas = Atlas::builtin();
        let margin = 4.0;
        let (mut low, mut high) = (
            Point::new(f32::MAX, f32::MAX),
            Point::new(f32::MIN, f32::MIN),
        );
        for p in &atlas.body_outline {
            low = Point::new(low.x.min(p.x), low.y.min(p.y));
            high = Point::new(high.x.max(p.x), high.y.max(p.y));
        }
        if low.x > high.x {
            return (Point::new(0.0, 0.0), atlas.size);
        }
        (
            Point::new(low.x - margin, low.y - margin),
            Point::new(high.x + margin, high.y + margin),
        )
    }

    /// Height over width of the drawing.
    fn aspect() -> f32 {
        let (low, high) = MapBlock::view();
        (high.y - low.y) / (high.x - low.x).max(1.0)
    }

    /// The column width a drawing `map_height` tall needs, "L" and "R" included.
    pub(crate) fn width_for(map_height: f32) -> f32 {
        map_height / MapBlock::aspect() + 2.0 * LETTER_ROOM
    }

    /// The tallest the drawing can be in this column.
    pub(crate) fn max_map_height(&self) -> f32 {
        (self.width - 2.0 * LETTER_ROOM) * MapBlock::aspect()
    }

    /// The column's height without the drawing.
    pub(crate) fn extra_height(&self) -> f32 {
        8.0 + self.caption.len() as f32 * CAPTION_LINE
    }

    /// Places the column at the cursor from `x`, the drawing `map_height`
    /// tall (at most [`MapBlock::max_map_height`]). Returns the bottom of
    /// the column; the cursor is left where it was.
    pub(crate) fn place(&self, pager: &mut Pager, plan: &Plan, x: f32, map_height: f32) -> f32 {
        let atlas = Atlas::builtin();
        let top = pager.y;
        let map_height = map_height.min(self.max_map_height());
        let map_width = map_height / MapBlock::aspect();
        let rect = Rect::new(
            x + (self.width - map_width) / 2.0,
            top,
            map_width,
            map_height,
        );

        // "L" and "R" beside the shoulders: in this posterior view the
        // client's left is on the viewer's left.
        let letters = rect.y + 16.0;
        let left = (rect.x - LETTER_ROOM + 2.0).max(x);
        let right = (rect.right() + LETTER_ROOM - 2.0).min(x + self.width);
        pager.text(left, letters, LETTER, grey::BLACK, "L".to_owned());
        pager.text_right(right, letters, LETTER, grey::BLACK, "R".to_owned());

        let mut drawing = MapDrawing {
            rect,
            view: MapBlock::view(),
            marks: marks(plan, atlas),
        };
        place_badges(pager.fonts, atlas, &mut drawing);
        pager.push(Op::Map(Box::new(drawing)));

        let mut y = rect.bottom() + 8.0;
        for line in &self.caption {
            y += CAPTION_LINE;
            pager.text(x, y - 2.0, CAPTION, grey::TEXT_SECONDARY, line.clone());
        }
        y
    }
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
        let mut entries: Vec<(Option<Technique>, &'static str)> = Vec::new();
        for step in &plan.steps {
            if !entries.iter().any(|(t, _)| *t == Some(step.technique)) {
                entries.push((Some(step.technique), step.technique.name()));
            }
        }
        if plan
            .steps
            .iter()
            .any(|s| atlas.layer_of(s.muscle) == Layer::Deep)
        {
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

fn badge_label(steps: &[usize]) -> String {
    steps
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn badge_half_width(fonts: &Fonts, steps: &[usize]) -> f32 {
    let text = fonts.width(BADGE.weight, BADGE.size, &badge_label(steps));
    (text / 2.0 + 2.6).max(BADGE_RADIUS)
}

/// Puts each badge on its region's label point, or, where that would
/// cover an earlier badge, on the nearest free spot inside the region.
fn place_badges(fonts: &Fonts, atlas: &Atlas, drawing: &mut MapDrawing) {
    let deep: Vec<(Muscle, Side, &[Point])> = drawing
        .marks
        .iter()
        .filter(|m| m.layer == Layer::Deep)
        .filter_map(|m| {
            let region = atlas.region(m.muscle, m.side, Layer::Deep)?;
            Some((m.muscle, m.side, region.outline.as_slice()))
        })
        .collect();
    let mut placed: Vec<Rect> = Vec::new();
    let mut badges = Vec::with_capacity(drawing.marks.len());
    for mark in &drawing.marks {
        let Some(region) = atlas.region(mark.muscle, mark.side, mark.layer) else {
            badges.push(None);
            continue;
        };
        let half = badge_half_width(fonts, &mark.steps);
        let home = drawing.place(region.label_at);
        let box_at = |(x, y): (f32, f32)| {
            Rect::new(
                x - half - 1.0,
                y - BADGE_RADIUS - 1.0,
                2.0 * half + 2.0,
                2.0 * BADGE_RADIUS + 2.0,
            )
        };
        let free = |c: (f32, f32)| placed.iter().all(|r| !overlaps(r, &box_at(c)));
        let inside = |c: (f32, f32)| polygon_contains(&region.outline, drawing.unplace(c));
        // A planned deep muscle drawn over this one hides that part of it.
        let hidden = |c: (f32, f32)| {
            let p = drawing.unplace(c);
            deep.iter().any(|(muscle, side, outline)| {
                (*muscle, *side) != (mark.muscle, mark.side) && polygon_contains(outline, p)
            })
        };
        let mut chosen = home;
        if !free(home) || hidden(home) {
            let candidates = (1..=10).flat_map(|ring| {
                let d = ring as f32 * BADGE_RADIUS;
                (0..8).map(move |k| {
                    let angle = (90.0 + 45.0 * k as f32).to_radians();
                    (home.0 + d * angle.cos(), home.1 + d * angle.sin())
                })
            });
            let mut best: Option<((f32, f32), u8)> = None;
            for c in candidates {
                if !free(c) {
                    continue;
                }
                let rank = match (inside(c), hidden(c)) {
                    (true, false) => 0,
                    (true, true) => 1,
                    (false, _) => 2,
                };
                if best.is_none_or(|(_, r)| rank < r) {
                    best = Some((c, rank));
                }
                if rank == 0 {
                    break;
                }
            }
            // Where nothing better is free, a covered label point beats a
            // spot outside the region.
            chosen = match best {
                Some((c, rank)) if rank == 0 || !free(home) => c,
                _ => home,
            };
        }
        placed.push(box_at(chosen));
        badges.push(Some(chosen));
    }
    for (mark, badge) in drawing.marks.iter_mut().zip(badges) {
        if let Some(badge) = badge {
            mark.badge = badge;
        }
    }
}

fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// Draws the map: body, planned regions with their fills, outlines of all
/// superficial regions, landmarks, and the step numbers on top.
pub(crate) fn draw_map(surface: &mut Surface, fonts: &Fonts, map: &MapDrawing) {
    let atlas = Atlas::builtin();
    let outline = |points: &[Point]| polygon_path(points.iter().map(|p| map.place(*p)));
    let bounds = |points: &[Point]| {
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for p in points {
            let (x, y) = map.place(*p);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        Rect::new(x0, y0, (x1 - x0).max(0.0), (y1 - y0).max(0.0))
    };
    // Planned regions of a layer in the atlas's paint order (later on top).
    let planned = |layer: Layer| {
        atlas.regions_in(layer).filter_map(move |region| {
            let mark = map.marks.iter().find(|m| {
                (m.muscle, m.side, m.layer) == (region.muscle, region.side, region.layer)
            })?;
            Some((mark, region))
        })
    };

    let body = outline(&atlas.body_outline);
    if let Some(body) = &body {
        fill_path(surface, body, 252);
    }
    for (mark, region) in planned(Layer::Superficial) {
        if let Some(path) = outline(&region.outline) {
            paint_bands(surface, &path, bounds(&region.outline), &mark.techniques);
        }
    }
    for region in atlas.regions_in(Layer::Superficial) {
        if let Some(path) = outline(&region.outline) {
            stroke_path(surface, &path, Pen::new(0.4, 140));
        }
    }
    for (_, region) in planned(Layer::Superficial) {
        if let Some(path) = outline(&region.outline) {
            stroke_path(surface, &path, Pen::new(0.8, grey::BLACK));
        }
    }
    for (mark, region) in planned(Layer::Deep) {
        if let Some(path) = outline(&region.outline) {
            paint_bands(surface, &path, bounds(&region.outline), &mark.techniques);
            stroke_path(surface, &path, DEEP_OUTLINE);
        }
    }
    // Planned superficial muscles keep their edge where a deep one covers them.
    for (_, region) in planned(Layer::Superficial) {
        if let Some(path) = outline(&region.outline) {
            stroke_path(surface, &path, Pen::new(0.5, grey::BLACK));
        }
    }
    for landmark in &atlas.landmarks {
        let points = landmark.points.iter().map(|p| map.place(*p));
        if let Some(path) = polyline_path(points, landmark.closed) {
            stroke_path(surface, &path, Pen::new(0.45, 90));
        }
    }
    if let Some(body) = &body {
        stroke_path(surface, body, Pen::new(0.9, 40));
    }
    for mark in &map.marks {
        if atlas.region(mark.muscle, mark.side, mark.layer).is_some() {
            draw_badge(surface, fonts, mark.badge, &mark.steps);
        }
    }
}

/// Fills a region with its techniques: the whole region for one, else one
/// horizontal band each, top down in step order, split by a white hairline.
fn paint_bands(
    surface: &mut Surface,
    path: &krilla::geom::Path,
    bounds: Rect,
    techniques: &[Technique],
) {
    let [first, ..] = techniques else {
        return;
    };
    if techniques.len() == 1 {
        paint_technique(surface, path, bounds, *first);
        return;
    }
    let band = bounds.h / techniques.len() as f32;
    for (i, technique) in techniques.iter().enumerate() {
        let strip = Rect::new(
            bounds.x - 1.0,
            bounds.y + i as f32 * band,
            bounds.w + 2.0,
            band,
        );
        let Some(clip) = rect_path(strip) else {
            continue;
        };
        surface.push_clip_path(&clip, &FillRule::NonZero);
        paint_technique(surface, path, bounds, *technique);
        surface.pop();
    }
    surface.push_clip_path(path, &FillRule::NonZero);
    for i in 1..techniques.len() {
        let y = bounds.y + i as f32 * band;
        if let Some(line) = polyline_path([(bounds.x, y), (bounds.right(), y)], false) {
            stroke_path(surface, &line, Pen::new(1.0, grey::WHITE));
        }
    }
    surface.pop();
}

/// The step numbers of a region in a white pill, readable on any fill.
fn draw_badge(surface: &mut Surface, fonts: &Fonts, centre: (f32, f32), steps: &[usize]) {
    let label = badge_label(steps);
    let half_width = badge_half_width(fonts, steps);
    if let Some(pill) = capsule_path(centre, half_width, BADGE_RADIUS) {
        fill_path(surface, &pill, grey::WHITE);
        stroke_path(surface, &pill, Pen::new(0.7, grey::BLACK));
    }
    let text_width = fonts.width(BADGE.weight, BADGE.size, &label);
    let cap = fonts.face(BADGE.weight).cap_height(BADGE.size);
    draw_text(
        surface,
        fonts,
        (centre.0 - text_width / 2.0, centre.1 + cap / 2.0),
        BADGE,
        grey::BLACK,
        &label,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Pressure, Step};

    fn plan_with(steps: &[(Muscle, Side)]) -> Plan {
        let mut plan = Plan::new(jiff::civil::date(2026, 11, 25));
        plan.steps = steps
            .iter()
            .map(|(m, s)| Step::new(*m, *s, Technique::Swedish, Pressure::MEDIUM))
            .collect();
        plan
    }

    #[test]
    fn both_sides_mark_two_regions_and_repeats_share_a_badge() {
        let atlas = Atlas::builtin();
        let plan = plan_with(&[
            (Muscle::GluteusMedius, Side::Both),
            (Muscle::QuadratusLumborum, Side::Right),
            (Muscle::GluteusMedius, Side::Left),
        ]);
        let marks = marks(&plan, atlas);
        let summary: Vec<(Muscle, Side, Vec<usize>)> = marks
            .iter()
            .map(|m| (m.muscle, m.side, m.steps.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                (Muscle::GluteusMedius, Side::Left, vec![1, 3]),
                (Muscle::GluteusMedius, Side::Right, vec![1]),
                (Muscle::QuadratusLumborum, Side::Right, vec![2]),
            ]
        );
        assert_eq!(marks[2].layer, Layer::Deep);
    }

    #[test]
    fn badges_do_not_cover_each_other() -> Result<(), crate::sheet::SheetError> {
        let fonts = Fonts::load()?;
        let atlas = Atlas::builtin();
        // Every muscle on both sides: the most crowded map there is.
        let steps: Vec<(Muscle, Side)> = Muscle::ALL.iter().map(|m| (*m, Side::Both)).collect();
        let plan = plan_with(&steps);
        let mut drawing = MapDrawing {
            rect: Rect::new(0.0, 0.0, 170.0, 170.0 * MapBlock::aspect()),
            view: MapBlock::view(),
            marks: marks(&plan, atlas),
        };
        place_badges(&fonts, atlas, &mut drawing);
        let boxes: Vec<Rect> = drawing
            .marks
            .iter()
            .map(|m| {
                let half = badge_half_width(&fonts, &m.steps);
                Rect::new(
                    m.badge.0 - half,
                    m.badge.1 - BADGE_RADIUS,
                    2.0 * half,
                    2.0 * BADGE_RADIUS,
                )
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlaps(a, b), "{a:?} overlaps {b:?}");
            }
        }
        Ok(())
    }
}
