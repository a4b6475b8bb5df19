//! Painting kept between frames: what a closure paints is tessellated once
//! and kept in egui memory while its key (and the pixel scale and the font
//! atlas its text points into) stay the same; later frames add the meshes
//! as they are. For pictures that change only when their inputs do (the
//! editor's map, the client view's maps), so a frame copies them instead of
//! working them out again.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::epaint::Primitive;
use egui::layers::ShapeIdx;
use egui::{Id, Mesh, Rect, Shape, Ui};

/// What the kept meshes were made for besides the caller's key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Stamp {
    pixels_per_point: f32,
    font_texture: [usize; 2],
    /// How full the font atlas was after painting. It only grows until egui
    /// clears the atlas (keeping its size), which moves every glyph: a
    /// lower figure means the kept text points at glyphs that are gone.
    font_atlas_fill: f32,
}

impl Stamp {
    fn now(ui: &Ui) -> Self {
        let ctx = ui.ctx();
        Self::of(ctx, ctx.pixels_per_point())
    }

    /// The font atlas now, for meshes tessellated at `pixels_per_point`.
    pub(super) fn of(ctx: &egui::Context, pixels_per_point: f32) -> Self {
        let (font_texture, font_atlas_fill) =
            ctx.fonts(|f| (f.font_image_size(), f.font_atlas_fill_ratio()));
        Stamp {
            pixels_per_point,
            font_texture,
            font_atlas_fill,
        }
    }

    /// Whether meshes stamped `self` can still be drawn `now`.
    pub(super) fn still_valid(self, now: Stamp) -> bool {
        self.pixels_per_point == now.pixels_per_point
            && self.font_texture == now.font_texture
            && now.font_atlas_fill >= self.font_atlas_fill
    }
}

struct Painted<K> {
    key: K,
    stamp: Stamp,
    /// Meshes with the clip rectangle each was painted under.
    parts: Vec<(Rect, Arc<Mesh>)>,
}

/// Paints with `paint` on `ui`'s layer, or adds what it painted the last
/// time `key` was the same.
pub fn cached_paint(ui: &Ui, id: Id, key: impl Hash, paint: impl FnOnce()) {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut hasher);
    let key = hasher.finish();
    cached_paint_with(ui, id, |kept: &u64| *kept == key, || key, paint);
}

/// Like [`cached_paint`] for keys compared rather than hashed: `same(kept)`
/// tells whether the kept key is this frame's; `key()` makes the key to
/// keep, only when painting (so a large key is not copied every frame).
pub fn cached_paint_with<K: Send + Sync + 'static>(
    ui: &Ui,
    id: Id,
    same: impl FnOnce(&K) -> bool,
    key: impl FnOnce() -> K,
    paint: impl FnOnce(),
) {
    let ctx = ui.ctx();
    let layer = ui.layer_id();
    let stamp = Stamp::now(ui);
    let kept = ctx
        .memory(|m| m.data.get_temp::<Arc<Painted<K>>>(id))
        .filter(|p| p.stamp.still_valid(stamp) && same(&p.key));
    if let Some(painted) = kept {
        ctx.graphics_mut(|g| {
            let list = g.entry(layer);
            for (clip, mesh) in &painted.parts {
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
    // The glyphs the painting added are in the atlas now. egui's own
    // tessellation: its options, and its atlas's prepared discs for small
    // circles, so the kept meshes are what the frame would have made.
    let stamp = Stamp::now(ui);
    let parts: Vec<(Rect, Arc<Mesh>)> = ctx
        .tessellate(shapes, stamp.pixels_per_point)
        .into_iter()
        .filter_map(|p| match p.primitive {
            Primitive::Mesh(mesh) => Some((p.clip_rect, Arc::new(mesh))),
            Primitive::Callback(_) => None,
        })
        .collect();
    let painted = Arc::new(Painted {
        key: key(),
        stamp,
        parts,
    });
    ctx.memory_mut(|m| m.data.insert_temp(id, painted));
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use egui::{Color32, Pos2, Vec2};

    fn stamp(fill: f32) -> Stamp {
        Stamp {
            pixels_per_point: 1.0,
            font_texture: [2048, 64],
            font_atlas_fill: fill,
        }
    }

    #[test]
    fn kept_meshes_go_stale_with_another_scale_texture_or_a_cleared_atlas() {
        let kept = stamp(0.3);
        assert!(kept.still_valid(stamp(0.3)));
        assert!(kept.still_valid(stamp(0.5)), "glyphs were only added");
        assert!(!kept.still_valid(stamp(0.1)), "the atlas was cleared");
        let scaled = Stamp {
            pixels_per_point: 2.0,
            ..stamp(0.3)
        };
        assert!(!kept.still_valid(scaled));
        let larger = Stamp {
            font_texture: [2048, 128],
            ..stamp(0.3)
        };
        assert!(!kept.still_valid(larger));
    }

    /// One frame painting a square for `key`; whether `paint` ran, and how
    /// many shapes the frame's layer got.
    fn frame(ctx: &egui::Context, key: u32) -> (bool, usize) {
        let mut painted = false;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            cached_paint_with(
                ui,
                Id::unique("square"),
                |kept: &u32| *kept == key,
                || key,
                || {
                    painted = true;
                    let rect = Rect::from_min_size(Pos2::new(10.0, 10.0), Vec2::splat(20.0));
                    ui.painter().rect_filled(rect, 0.0, Color32::RED);
                },
            );
        });
        // The font texture is not uploaded anywhere here.
        output.textures_delta.clear();
        (painted, output.shapes.len())
    }

    #[test]
    fn the_same_key_adds_the_kept_meshes_and_another_key_paints_again() {
        let ctx = egui::Context::default();
        let (painted, first) = frame(&ctx, 1);
        assert!(painted);
        let (painted, again) = frame(&ctx, 1);
        assert!(!painted, "same key: nothing painted");
        assert_eq!(again, first, "the kept mesh stands in for the square");
        let (painted, _) = frame(&ctx, 2);
        assert!(painted, "another key paints again");
    }
}
