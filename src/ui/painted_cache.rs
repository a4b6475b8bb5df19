//! Painting kept between frames: what a closure paints is tessellated once
//! and kept in egui memory while its key (and the font texture's size and
//! the pixel scale) stay the same; later frames add the meshes as they are.
//! For pictures that change only when their inputs do (the client view's
//! maps), so a frame copies them instead of working them out again.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::epaint::{Primitive, Tessellator};
use egui::layers::ShapeIdx;
use egui::{Id, Mesh, Rect, Shape, Ui};

#[derive(Clone)]
struct Painted {
    key: u64,
    /// Meshes with the clip rectangle each was painted under.
    parts: Arc<Vec<(Rect, Arc<Mesh>)>>,
}

/// Paints with `paint` on `ui`'s layer, or adds what it painted the last
/// time `key` was the same.
pub fn cached_paint(ui: &Ui, id: Id, key: impl Hash, paint: impl FnOnce()) {
    let ctx = ui.ctx();
    let layer = ui.layer_id();
    let pixels_per_point = ctx.pixels_per_point();
    let font_texture = ctx.fonts(|f| f.font_image_size());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut hasher);
    pixels_per_point.to_bits().hash(&mut hasher);
    font_texture.hash(&mut hasher);
    let key = hasher.finish();
    let cached = ctx
        .memory(|m| m.data.get_temp::<Painted>(id))
        .filter(|p| p.key == key);
    if let Some(painted) = cached {
        ctx.graphics_mut(|g| {
            let list = g.entry(layer);
            for (clip, mesh) in painted.parts.iter() {
                list.add(*clip, Shape::mesh(Arc::clone(mesh)));
            }
        });
        return;
    }
    let start = ctx.graphics_mut(|g| g.entry(layer).next_idx());
    paint();
    let end = ctx.graphics_mut(|g| g.entry(layer).next_idx());
    let mut shapes = Vec::with_capacity(end.0.saturating_sub(start.0));
    ctx.graphics_mut(|g| {
        let list = g.entry(layer);
        for index in start.0..end.0 {
            list.mutate_shape(ShapeIdx(index), |shape| shapes.push(shape.clone()));
        }
    });
    let options = ctx.tessellation_options(|o| *o);
    let mut tessellator = Tessellator::new(pixels_per_point, options, font_texture, Vec::new());
    let parts: Vec<(Rect, Arc<Mesh>)> = tessellator
        .tessellate_shapes(shapes)
        .into_iter()
        .filter_map(|p| match p.primitive {
            Primitive::Mesh(mesh) => Some((p.clip_rect, Arc::new(mesh))),
            Primitive::Callback(_) => None,
        })
        .collect();
    ctx.memory_mut(|m| {
        m.data.insert_temp(
            id,
            Painted {
                key,
                parts: Arc::new(parts),
            },
        );
    });
}
