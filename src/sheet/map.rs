//! The muscle map on the sheet: the map column ("L"/"R", the drawing, a
//! caption) and the legend of the techniques used. The marks come from
//! `atlas::marks`, the same as on screen; `map_drawing` holds the placed
//! geometry and `map_paint` draws it.

use crate::atlas::{self, Atlas, Layer, Mark, Point};
use crate::model::{Plan, Technique};
use crate::screening::Warning;

use super::fonts::Fonts;
use super::layout::{Op, Pager, Rect, grey};
use super::map_drawing::{BADGE_RADIUS, MapDrawing, badge_half_width};
use super::map_paint::DEEP_OUTLINE;
use super::text::{Style, wrap};

const LETTER: Style = Style::bold(13.0);
const CAPTION: Style = Style::regular(7.0);
const CAPTION_LINE: f32 = 9.0;
const LEGEND_TITLE: Style = Style::bold(8.0);
const LEGEND: Style = Style::regular(8.0);
const LEGEND_ROW: f32 = 14.0;
const LEGEND_TITLE_HEIGHT: f32 = 13.0;
const SWATCH: (f32, f32) = (16.0, 10.0);
/// Room on each side of the drawing for the "L" and "R".
const LETTER_ROOM: f32 = 16.0;
const CAPTION_TEXT: &str = "Seen from behind: the client's left is on your left.";

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
    pub(crate) fn place(
        &self,
        pager: &mut Pager,
        plan: &Plan,
        warnings: &[Warning],
        x: f32,
        map_height: f32,
    ) -> f32 {
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
            marks: atlas::marks(plan, atlas, warnings),
            badges: Vec::new(),
        };
        drawing.badges = badge_positions(pager.fonts, atlas, &drawing);
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

/// Each mark's badge centre on the page, placed by the shared rule so no
/// badge covers another.
fn badge_positions(fonts: &Fonts, atlas: &Atlas, drawing: &MapDrawing) -> Vec<Option<(f32, f32)>> {
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
