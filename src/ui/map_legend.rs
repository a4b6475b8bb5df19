//! The key to the map, drawn in its lower right corner: the techniques on
//! the map, the dashed outline of work planned on the other layer, and
//! the rings of open warnings.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, Vec2};

use super::style;
use crate::atlas::{Layer, Mark};
use crate::model::Technique;
use crate::screening::Level;

const ROW: f32 = 17.0;
const SWATCH: Vec2 = Vec2::new(16.0, 11.0);

enum Entry {
    Technique(Technique),
    OtherLayer(Layer),
    Warning(Level),
}

/// Draws the legend for `marks` shown on `layer`; nothing when no step is planned.
pub fn paint_legend(
    painter: &Painter,
    rect: Rect,
    marks: &[Mark],
    layer: Layer,
    avoid: Avoid<'_>,
    visuals: &egui::Visuals,
) {
    let entries = entries(marks, layer);
    if entries.is_empty() {
        return;
    }
    let font = FontId::proportional(12.0);
    let text = visuals.strong_text_color();
    let labels: Vec<String> = entries.iter().map(label).collect();
    let widest = labels
        .iter()
        .map(|l| {
            painter
                .layout_no_wrap(l.clone(), font.clone(), text)
                .size()
                .x
        })
        .fold(0.0, f32::max);
    let size = Vec2::new(
        SWATCH.x + 8.0 + widest + 12.0,
        entries.len() as f32 * ROW + 8.0,
    );
    let frame = corner(rect, size, avoid);
    painter.rect_filled(frame, 4.0, visuals.window_fill.gamma_multiply(0.92));
    painter.rect_stroke(
        frame,
        4.0,
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        egui::StrokeKind::Inside,
    );
    for (i, (entry, label)) in entries.iter().zip(labels).enumerate() {
        let top = frame.top() + 4.0 + i as f32 * ROW;
        let swatch = Rect::from_min_size(
            Pos2::new(frame.left() + 6.0, top + (ROW - SWATCH.y) / 2.0),
            SWATCH,
        );
        paint_sample(painter, swatch, entry, visuals);
        painter.text(
            Pos2::new(swatch.right() + 8.0, top + ROW / 2.0),
            Align2::LEFT_CENTER,
            label,
            font.clone(),
            text,
        );
    }
}

/// What the legend should not cover.
pub struct Avoid<'a> {
    /// The planned muscles on screen: covered as little as can be.
    pub planned: &'a [Rect],
    /// Other cards on the map (the referral key): never covered.
    pub taken: &'a [Rect],
}

/// The bottom-right corner (above the caption), unless another corner
/// covers less of the planned muscles: the legend must not hide a step's
/// badge (a plan on the right hamstrings, on the shoulders).
fn corner(rect: Rect, size: Vec2, avoid: Avoid<'_>) -> Rect {
    let (margin, caption) = (6.0, 22.0);
    let (left, right) = (rect.left() + margin, rect.right() - margin - size.x);
    // Below the "L" and "R" letters at the top.
    let (top, bottom) = (rect.top() + 34.0, rect.bottom() - caption - size.y);
    let corners = [(right, bottom), (left, bottom), (right, top), (left, top)];
    let hidden = |frame: &Rect| -> f32 {
        if avoid.taken.iter().any(|t| t.intersects(*frame)) {
            return f32::INFINITY;
        }
        avoid
            .planned
            .iter()
            .map(|r| r.intersect(*frame))
            .filter(|r| r.is_positive())
            .map(|r| r.area())
            .sum()
    };
    corners
        .into_iter()
        .map(|(x, y)| Rect::from_min_size(Pos2::new(x, y), size))
        // The first of equals wins: bottom right is where a reader looks.
        .fold(None::<(Rect, f32)>, |best, frame| {
            let cost = hidden(&frame);
            match best {
                Some((_, least)) if least <= cost => best,
                _ => Some((frame, cost)),
            }
        })
        .map_or(
            Rect::from_min_size(Pos2::new(right, bottom), size),
            |(frame, _)| frame,
        )
}

fn entries(marks: &[Mark], layer: Layer) -> Vec<Entry> {
    let mut techniques: Vec<Technique> = Vec::new();
    for technique in marks.iter().flat_map(|m| m.techniques.iter()) {
        if !techniques.contains(technique) {
            techniques.push(*technique);
        }
    }
    let mut entries: Vec<Entry> = techniques.into_iter().map(Entry::Technique).collect();
    if let Some(other) = marks.iter().map(|m| m.layer).find(|&l| l != layer) {
        entries.push(Entry::OtherLayer(other));
    }
    let mut levels: Vec<Level> = marks.iter().filter_map(|m| m.warning).collect();
    levels.sort();
    levels.dedup();
    entries.extend(levels.into_iter().rev().map(Entry::Warning));
    entries
}

fn label(entry: &Entry) -> String {
    match entry {
        Entry::Technique(t) => t.name().to_string(),
        Entry::OtherLayer(layer) => format!("planned, {} layer", layer.name().to_lowercase()),
        Entry::Warning(level) => format!("{} (open warning)", level.name()),
    }
}

fn paint_sample(painter: &Painter, swatch: Rect, entry: &Entry, visuals: &egui::Visuals) {
    match entry {
        Entry::Technique(t) => {
            painter.rect_filled(swatch, 2.0, style::technique_colour(*t));
        }
        Entry::OtherLayer(_) => {
            let colour = visuals.strong_text_color();
            let points = [
                swatch.left_top(),
                swatch.right_top(),
                swatch.right_bottom(),
                swatch.left_bottom(),
                swatch.left_top(),
            ];
            painter.extend(egui::Shape::dashed_line(
                &points,
                Stroke::new(1.5, colour),
                4.0,
                3.0,
            ));
        }
        Entry::Warning(level) => {
            painter.rect_stroke(
                swatch,
                2.0,
                Stroke::new(2.5, style::level_colour(*level, visuals)),
                egui::StrokeKind::Inside,
            );
            painter.rect_filled(swatch.shrink(3.0), 1.0, Color32::TRANSPARENT);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: Rect = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(400.0, 700.0));
    const SIZE: Vec2 = Vec2::new(150.0, 120.0);

    #[test]
    fn the_legend_sits_bottom_right_when_it_hides_nothing() {
        let frame = corner(
            MAP,
            SIZE,
            Avoid {
                planned: &[],
                taken: &[],
            },
        );
        assert!(frame.right() > 380.0 && frame.bottom() > 650.0, "{frame:?}");
    }

    #[test]
    fn the_legend_leaves_a_corner_where_it_would_hide_a_planned_muscle() {
        let right_hamstrings = Rect::from_min_max(Pos2::new(260.0, 560.0), Pos2::new(330.0, 690.0));
        let planned = [right_hamstrings];
        let avoid = Avoid {
            planned: &planned,
            taken: &[],
        };
        let frame = corner(MAP, SIZE, avoid);
        assert!(frame.left() < 20.0 && frame.bottom() > 650.0, "{frame:?}");
        assert!(!frame.intersects(right_hamstrings));
    }

    #[test]
    fn the_legend_never_covers_another_card() {
        let right_hamstrings = Rect::from_min_max(Pos2::new(260.0, 560.0), Pos2::new(330.0, 690.0));
        let referral_key = Rect::from_min_max(Pos2::new(0.0, 620.0), Pos2::new(200.0, 690.0));
        let avoid = Avoid {
            planned: &[right_hamstrings],
            taken: &[referral_key],
        };
        let frame = corner(MAP, SIZE, avoid);
        assert!(!frame.intersects(referral_key), "{frame:?}");
        assert!(!frame.intersects(right_hamstrings), "{frame:?}");
    }
}
