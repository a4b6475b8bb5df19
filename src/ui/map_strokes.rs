//! The map's fixed drawing, tessellated once: the body, the covering layer
//! faded under the deep view, every region outline, the landmarks and the
//! body outline. They change only with the view, the layer, the landmarks
//! switch, the map's rectangle, the colours and the screen's pixel size,
//! so they are kept as meshes in egui's memory under that key and a frame
//! only copies them.
//!
//! Why: with the three-view atlas, tessellating these strokes (a feathered
//! path per outline, a segment per dash) was the largest single part of a
//! frame's CPU time (callgrind of the `frame` bench). The meshes are made by
//! egui's own tessellator with the frame's options, so what is drawn is the
//! same triangles in the same order.

use std::sync::Arc;

use egui::epaint::{TessellationOptions, Tessellator};
use egui::{Color32, Id, Mesh, Rect, Shape, Ui};

use crate::atlas::{Layer, ViewKind};

/// Everything the fixed drawing depends on; another key, another mesh.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct StrokesKey {
    pub view: ViewKind,
    /// Which atlas's view: the address of the drawn `View` (the built-in
    /// atlas lives as long as the program).
    pub drawing: usize,
    pub layer: Layer,
    pub landmarks: bool,
    /// Where the map is drawn (positions scale with it).
    pub rect: Rect,
    /// What the tessellator culls against.
    pub clip: Rect,
    /// The palette's colours (they follow the theme).
    pub colours: [Color32; 9],
    pub pixels_per_point: f32,
    pub options: TessellationOptions,
}

/// The fixed drawing as three meshes, in paint order with the frame's own
/// shapes between them: `under` (body and faded layer) goes below the
/// region fills, `outlines` above them, `over` (landmarks and the body
/// outline) above the dashed outlines of planned muscles of the other layer.
#[derive(Clone)]
pub(super) struct Strokes {
    pub under: Arc<Mesh>,
    pub outlines: Arc<Mesh>,
    pub over: Arc<Mesh>,
}

/// The shapes to tessellate, made by the map only when the key changed.
pub(super) struct FixedShapes {
    pub under: Vec<Shape>,
    pub outlines: Vec<Shape>,
    pub over: Vec<Shape>,
}

/// The meshes for `key`: from memory, else made from `shapes()` and kept.
pub(super) fn cached(
    ui: &Ui,
    id: Id,
    key: StrokesKey,
    shapes: impl FnOnce() -> FixedShapes,
) -> Strokes {
    kept(ui.ctx(), id, key, || {
        let shapes = shapes();
        Strokes {
            under: tessellated(&key, shapes.under),
            outlines: tessellated(&key, shapes.outlines),
            over: tessellated(&key, shapes.over),
        }
    })
}

/// The dashed outlines of the planned muscles of the other layer: they
/// change with the plan, far less often than frames are drawn.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct DashesKey {
    pub map: StrokesKey,
    /// Each dashed region (its index in the view) and its colour.
    pub planned: Vec<(usize, Color32)>,
}

/// The dashes for `key`: from memory, else made from `shapes()` and kept.
pub(super) fn cached_dashes(
    ui: &Ui,
    id: Id,
    key: DashesKey,
    shapes: impl FnOnce() -> Vec<Shape>,
) -> Arc<Mesh> {
    let map = key.map;
    kept(ui.ctx(), id, key, || tessellated(&map, shapes()))
}

/// The key of this frame's map: the caller fills in what the map knows.
pub(super) fn frame_key(
    ui: &Ui,
    key: impl FnOnce(f32, TessellationOptions) -> StrokesKey,
) -> StrokesKey {
    let ctx = ui.ctx();
    key(ctx.pixels_per_point(), ctx.tessellation_options(|o| *o))
}

/// The value kept under `id` if it was made for `key`, else a new one.
pub(super) fn kept<K, V>(ctx: &egui::Context, id: Id, key: K, make: impl FnOnce() -> V) -> V
where
    K: Clone + PartialEq + Send + Sync + 'static,
    V: Clone + Send + Sync + 'static,
{
    if let Some(value) = ctx.data(|d| {
        d.get_temp::<(K, V)>(id)
            .and_then(|(kept_key, value)| (kept_key == key).then_some(value))
    }) {
        return value;
    }
    let value = make();
    ctx.data_mut(|d| d.insert_temp(id, (key, value.clone())));
    value
}

fn tessellated(key: &StrokesKey, shapes: Vec<Shape>) -> Arc<Mesh> {
    // No text or circles among these shapes: the font texture's size and
    // the prepared discs are never read.
    let mut tessellator = Tessellator::new(key.pixels_per_point, key.options, [1, 1], Vec::new());
    tessellator.set_clip_rect(key.clip);
    let mut out = Mesh::default();
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut out);
    }
    Arc::new(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use egui::{Pos2, Stroke, Vec2};

    fn key(rect: Rect, colour: Color32) -> StrokesKey {
        StrokesKey {
            view: ViewKind::Posterior,
            drawing: 1,
            layer: Layer::Superficial,
            landmarks: true,
            rect,
            clip: rect,
            colours: [colour; 9],
            pixels_per_point: 1.0,
            options: TessellationOptions::default(),
        }
    }

    fn square(key: &StrokesKey) -> FixedShapes {
        let r = key.rect.shrink(10.0);
        let points = vec![
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
        ];
        FixedShapes {
            under: Vec::new(),
            outlines: vec![Shape::closed_line(points, Stroke::new(1.0, key.colours[0]))],
            over: Vec::new(),
        }
    }

    /// Runs `cached` in one frame of `ctx`; whether the shapes were made.
    fn frame(ctx: &egui::Context, key: StrokesKey) -> (bool, Strokes) {
        let mut made = false;
        let mut strokes = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            strokes = Some(cached(ui, Id::unique("test map"), key, || {
                made = true;
                square(&key)
            }));
        });
        // The font texture is not uploaded anywhere here.
        output.textures_delta.clear();
        (made, strokes.expect("the frame ran"))
    }

    #[test]
    fn same_key_reuses_the_meshes_and_a_new_key_makes_new_ones() {
        let ctx = egui::Context::default();
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(200.0, 300.0));
        let light = key(rect, Color32::BLACK);
        let (made, first) = frame(&ctx, light);
        assert!(made);
        let (made, again) = frame(&ctx, light);
        assert!(!made, "same key: nothing tessellated");
        assert!(Arc::ptr_eq(&first.outlines, &again.outlines));

        // A resized map, another theme, another pixel size, another layer,
        // the landmarks switched off: each makes new meshes.
        let changes = [
            key(rect.expand(20.0), Color32::BLACK),
            key(rect, Color32::WHITE),
            StrokesKey {
                pixels_per_point: 2.0,
                ..light
            },
            StrokesKey {
                layer: Layer::Deep,
                ..light
            },
            StrokesKey {
                landmarks: false,
                ..light
            },
            StrokesKey {
                view: ViewKind::Front,
                ..light
            },
        ];
        for changed in changes {
            let (made, strokes) = frame(&ctx, changed);
            assert!(made, "{changed:?} must make new meshes");
            assert!(!Arc::ptr_eq(&first.outlines, &strokes.outlines));
        }
    }

    #[test]
    fn dashes_follow_the_planned_regions_and_their_colours() {
        let ctx = egui::Context::default();
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(200.0, 300.0));
        let map = key(rect, Color32::BLACK);
        let mut made = 0;
        let mut dashes = |planned: Vec<(usize, Color32)>| {
            let mut mesh = None;
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                let key = DashesKey {
                    map,
                    planned: planned.clone(),
                };
                mesh = Some(cached_dashes(ui, Id::unique("test dashes"), key, || {
                    made += 1;
                    square(&map).outlines
                }));
            });
            output.textures_delta.clear();
            mesh.expect("the frame ran")
        };
        let first = dashes(vec![(3, Color32::RED)]);
        let again = dashes(vec![(3, Color32::RED)]);
        assert!(Arc::ptr_eq(&first, &again), "same plan: same mesh");
        dashes(vec![(3, Color32::BLUE)]);
        dashes(vec![(3, Color32::BLUE), (5, Color32::RED)]);
        dashes(Vec::new());
        assert_eq!(made, 4, "another technique or region: new dashes");
    }

    #[test]
    fn the_mesh_is_what_egui_tessellates_from_the_shapes() {
        // The same outline painted as a shape and tessellated by egui at the
        // end of the frame gives the same triangles as the kept mesh.
        let ctx = egui::Context::default();
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(200.0, 300.0));
        let mut kept = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = ui.painter_at(rect);
            let key = frame_key(ui, |pixels_per_point, options| StrokesKey {
                clip: painter.clip_rect(),
                pixels_per_point,
                options,
                ..key(rect, Color32::from_rgb(150, 70, 62))
            });
            for shape in square(&key).outlines {
                painter.add(shape);
            }
            kept = Some(tessellated(&key, square(&key).outlines));
        });
        output.textures_delta.clear();
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let kept = kept.expect("the frame ran");
        assert!(!kept.is_empty());
        let found = primitives.iter().any(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(mesh) => {
                mesh.vertices == kept.vertices && mesh.indices == kept.indices
            }
            egui::epaint::Primitive::Callback(_) => false,
        });
        assert!(found, "egui drew other triangles than the kept mesh");
    }
}
