//! Rectangles that paint nothing are dropped before tessellation.
//!
//! egui's widgets paint their frame even when it is invisible: a selectable
//! row, a menu button or a combo box at rest adds a rectangle with no fill
//! and no stroke, and the tessellator still builds its rounded outline
//! before finding nothing to fill. The main window has about 55 of them a
//! frame (the library's rows, the step cards' buttons, the map's switches).

use egui::{Color32, FullOutput, Shape};

/// An egui plugin that removes the shapes that draw nothing from each
/// frame's output, before the output reaches tessellation.
pub struct SkipInvisibleShapes;

impl egui::Plugin for SkipInvisibleShapes {
    fn debug_name(&self) -> &'static str {
        "SkipInvisibleShapes"
    }

    fn output_hook(&mut self, _ctx: &egui::Context, output: &mut FullOutput) {
        output.shapes.retain_mut(|clipped| keep(&mut clipped.shape));
    }
}

/// Whether `shape` draws anything; a list keeps only the shapes that do.
fn keep(shape: &mut Shape) -> bool {
    match shape {
        Shape::Noop => false,
        Shape::Vec(shapes) => {
            shapes.retain_mut(keep);
            !shapes.is_empty()
        }
        // A rectangle with neither fill nor stroke: a blur or a texture
        // tints its fill colour, so with a transparent fill they add nothing.
        Shape::Rect(rect) => rect.fill != Color32::TRANSPARENT || !rect.stroke.is_empty(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{ClippedShape, RectShape};
    use egui::{CornerRadius, Pos2, Rect, Stroke, StrokeKind, Vec2};

    fn rect(fill: Color32, stroke: Stroke) -> Shape {
        let at = Rect::from_min_size(Pos2::ZERO, Vec2::new(40.0, 20.0));
        Shape::Rect(RectShape::new(
            at,
            CornerRadius::same(6),
            fill,
            stroke,
            StrokeKind::Inside,
        ))
    }

    fn output_of(shapes: Vec<Shape>) -> FullOutput {
        let clip = Rect::from_min_size(Pos2::ZERO, Vec2::splat(100.0));
        FullOutput {
            shapes: shapes
                .into_iter()
                .map(|shape| ClippedShape {
                    clip_rect: clip,
                    shape,
                    transform_after_tessellation: Default::default(),
                })
                .collect(),
            ..FullOutput::default()
        }
    }

    fn filtered(shapes: Vec<Shape>) -> Vec<Shape> {
        let mut output = output_of(shapes);
        egui::Plugin::output_hook(
            &mut SkipInvisibleShapes,
            &egui::Context::default(),
            &mut output,
        );
        output.shapes.into_iter().map(|c| c.shape).collect()
    }

    #[test]
    fn a_rectangle_without_fill_or_stroke_is_dropped() {
        let invisible = [
            rect(Color32::TRANSPARENT, Stroke::NONE),
            rect(Color32::TRANSPARENT, Stroke::new(0.0, Color32::RED)),
            rect(Color32::TRANSPARENT, Stroke::new(1.0, Color32::TRANSPARENT)),
        ];
        for shape in invisible {
            assert!(filtered(vec![shape.clone()]).is_empty(), "{shape:?}");
        }
    }

    #[test]
    fn a_filled_or_stroked_rectangle_and_other_shapes_stay() {
        let visible = vec![
            rect(Color32::RED, Stroke::NONE),
            rect(Color32::TRANSPARENT, Stroke::new(1.0, Color32::RED)),
            // Faint but not transparent: still drawn.
            rect(Color32::from_black_alpha(1), Stroke::NONE),
            Shape::circle_filled(Pos2::new(5.0, 5.0), 3.0, Color32::TRANSPARENT),
        ];
        assert_eq!(filtered(visible.clone()), visible);
    }

    #[test]
    fn lists_keep_only_what_draws_and_empty_lists_go() {
        let drawn = rect(Color32::RED, Stroke::NONE);
        let invisible = rect(Color32::TRANSPARENT, Stroke::NONE);
        let shapes = vec![
            Shape::Vec(vec![invisible.clone(), drawn.clone(), Shape::Noop]),
            Shape::Vec(vec![invisible.clone(), Shape::Vec(vec![invisible])]),
            Shape::Noop,
        ];
        assert_eq!(filtered(shapes), vec![Shape::Vec(vec![drawn])]);
    }
}
