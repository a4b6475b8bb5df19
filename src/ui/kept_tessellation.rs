//! What did not change since the last frame is not tessellated again.
//!
//! egui tessellates every shape of every frame, and most frames draw what
//! the last one drew: the step cards, the library rows and the map stay the
//! same while the pointer rests or moves over one of them. This egui plugin
//! splits each frame's output into runs of shapes under one clip rectangle
//! and compares each run with the run kept from the last frame under the
//! same rectangle. A run that is the same is replaced by the mesh it was
//! tessellated into then; a run that changed is tessellated now, by egui's
//! own tessellator with the frame's options, and kept for the next frame.
//! Either way the frame draws the same triangles as egui would have.
//!
//! egui's `Context::tessellate` notes that comparing shapes costs half of
//! tessellating them. That is with text compared glyph by glyph; here text
//! is the same only when it is the same laid-out galley (egui's galley cache
//! hands out the same one while the text and its style stay), a pointer
//! comparison. A run holding anything that cannot be compared cheaply and
//! surely (a paint callback, a transformed layer) is left to egui.

use std::collections::HashMap;
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::epaint::{ClippedShape, Primitive, TessellationOptions};
use egui::{Context, FullOutput, Mesh, Rect, Shape};

use super::painted_cache::Stamp;

/// The egui plugin; register it after the plugins that edit the output.
#[derive(Default)]
pub struct KeepUnchangedTessellation {
    kept: HashMap<RunKey, KeptRun>,
    /// What the kept meshes were tessellated for.
    made_for: Option<(Stamp, TessellationOptions)>,
    reused: usize,
}

impl KeepUnchangedTessellation {
    /// How many runs of the last frame were drawn from kept meshes.
    pub fn runs_reused_last_frame(&self) -> usize {
        self.reused
    }
}

/// A run's clip rectangle (as bits: rectangles are compared exactly), and
/// how many runs under the same rectangle came before it in the frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct RunKey {
    clip: [u32; 4],
    nth: usize,
}

struct KeptRun {
    shapes: Vec<Shape>,
    /// `None`: egui's tessellation of the run was not one mesh (an image
    /// with its own texture, say); the run is passed on to egui.
    mesh: Option<Arc<Mesh>>,
}

impl egui::Plugin for KeepUnchangedTessellation {
    fn debug_name(&self) -> &'static str {
        "KeepUnchangedTessellation"
    }

    fn output_hook(&mut self, ctx: &Context, output: &mut FullOutput) {
        let made_for = (
            Stamp::of(ctx, output.pixels_per_point),
            ctx.options(|o| o.tessellation_options),
        );
        let still_valid = self
            .made_for
            .is_some_and(|(stamp, options)| options == made_for.1 && stamp.still_valid(made_for.0));
        if !still_valid {
            self.kept.clear();
        }
        self.made_for = Some(made_for);

        let shapes = std::mem::take(&mut output.shapes);
        let mut kept = HashMap::with_capacity(self.kept.len());
        let mut seen: HashMap<[u32; 4], usize> = HashMap::new();
        let mut out = Vec::with_capacity(shapes.len());
        self.reused = 0;
        for run in runs(shapes) {
            let Some(clip) = cacheable(&run) else {
                out.extend(run);
                continue;
            };
            let nth = seen.entry(rect_bits(clip)).or_default();
            let key = RunKey {
                clip: rect_bits(clip),
                nth: *nth,
            };
            *nth += 1;
            let run_shapes: Vec<Shape> = run.into_iter().map(|c| c.shape).collect();
            let previous = self.kept.remove(&key);
            let entry = match previous {
                Some(previous) if same_shapes(&previous.shapes, &run_shapes) => {
                    self.reused += 1;
                    previous
                }
                _ => KeptRun {
                    mesh: tessellate(ctx, clip, &run_shapes, output.pixels_per_point),
                    shapes: run_shapes,
                },
            };
            match &entry.mesh {
                Some(mesh) if mesh.is_empty() => {}
                Some(mesh) => out.push(ClippedShape {
                    clip_rect: clip,
                    shape: Shape::Mesh(Arc::clone(mesh)),
                    transform_after_tessellation: TSTransform::IDENTITY,
                }),
                None => out.extend(entry.shapes.iter().map(|shape| ClippedShape {
                    clip_rect: clip,
                    shape: shape.clone(),
                    transform_after_tessellation: TSTransform::IDENTITY,
                })),
            }
            kept.insert(key, entry);
        }
        // Runs not drawn this frame are dropped with the old map.
        self.kept = kept;
        output.shapes = out;
    }
}

/// The frame's shapes in runs of one clip rectangle and transform, in order.
fn runs(shapes: Vec<ClippedShape>) -> Vec<Vec<ClippedShape>> {
    let mut runs: Vec<Vec<ClippedShape>> = Vec::new();
    for shape in shapes {
        match runs.last_mut() {
            Some(run)
                if run.first().is_some_and(|first| {
                    first.clip_rect == shape.clip_rect
                        && first.transform_after_tessellation == shape.transform_after_tessellation
                }) =>
            {
                run.push(shape);
            }
            _ => runs.push(vec![shape]),
        }
    }
    runs
}

/// The run's clip rectangle, if the run is worth keeping: not transformed,
/// nothing in it that cannot be compared, and not only meshes (kept already,
/// like the map's picture: a copy would hold its memory twice).
fn cacheable(run: &[ClippedShape]) -> Option<Rect> {
    let first = run.first()?;
    let plain = first.transform_after_tessellation == TSTransform::IDENTITY
        && run.iter().all(|c| comparable(&c.shape))
        && !run.iter().all(|c| matches!(c.shape, Shape::Mesh(_)));
    plain.then_some(first.clip_rect)
}

fn comparable(shape: &Shape) -> bool {
    match shape {
        Shape::Callback(_) => false,
        Shape::Vec(shapes) => shapes.iter().all(comparable),
        _ => true,
    }
}

fn rect_bits(rect: Rect) -> [u32; 4] {
    [
        rect.min.x.to_bits(),
        rect.min.y.to_bits(),
        rect.max.x.to_bits(),
        rect.max.y.to_bits(),
    ]
}

fn same_shapes(a: &[Shape], b: &[Shape]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_shape(a, b))
}

/// Whether two shapes surely tessellate alike. Text and meshes are the same
/// only as the same shared data; everything else is compared by value.
fn same_shape(a: &Shape, b: &Shape) -> bool {
    match (a, b) {
        (Shape::Vec(a), Shape::Vec(b)) => same_shapes(a, b),
        (Shape::Text(a), Shape::Text(b)) => {
            Arc::ptr_eq(&a.galley, &b.galley)
                && a.pos == b.pos
                && a.underline == b.underline
                && a.fallback_color == b.fallback_color
                && a.override_text_color == b.override_text_color
                && a.opacity_factor == b.opacity_factor
                && a.angle == b.angle
        }
        (Shape::Mesh(a), Shape::Mesh(b)) => Arc::ptr_eq(a, b),
        (Shape::Callback(_), _) | (_, Shape::Callback(_)) => false,
        (Shape::Text(_) | Shape::Mesh(_) | Shape::Vec(_), _)
        | (_, Shape::Text(_) | Shape::Mesh(_) | Shape::Vec(_)) => false,
        _ => a == b,
    }
}

/// egui's tessellation of one run, if it is one mesh (or nothing).
fn tessellate(
    ctx: &Context,
    clip: Rect,
    shapes: &[Shape],
    pixels_per_point: f32,
) -> Option<Arc<Mesh>> {
    let clipped = shapes
        .iter()
        .map(|shape| ClippedShape {
            clip_rect: clip,
            shape: shape.clone(),
            transform_after_tessellation: TSTransform::IDENTITY,
        })
        .collect();
    let mut primitives = ctx.tessellate(clipped, pixels_per_point);
    match primitives.len() {
        0 => Some(Arc::new(Mesh::default())),
        1 => match primitives.pop().map(|p| (p.clip_rect, p.primitive)) {
            Some((rect, Primitive::Mesh(mesh))) if rect == clip => Some(Arc::new(mesh)),
            _ => None,
        },
        _ => None,
    }
}
