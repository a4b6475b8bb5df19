//! The main window draws the same triangles with the kept tessellation as
//! egui's own tessellation of the frame's shapes, frame after frame, while
//! the pointer moves, a step is selected, a field is typed into and the
//! layer changes; and it does keep what did not change.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod support;

use eframe::App as _;
use egui::epaint::{ClippedPrimitive, Primitive};
use egui::{Event, Pos2, RawInput, Rect, Vec2};
use jiff::civil::date;
use massage_planner::app::{PlannerApp, StartOptions};
use massage_planner::planner::{Action, Settings};
use massage_planner::ui::backdrop::Backdrop;
use massage_planner::ui::kept_tessellation::KeepUnchangedTessellation;
use support::captured_shapes::CaptureShapes;

/// A clip rectangle, a texture, indices and vertices (position, uv and colour as bits).
type Drawn = (Rect, egui::TextureId, Vec<u32>, Vec<[u32; 5]>);

/// What the GPU draws, as comparable data: consecutive meshes under one
/// clip rectangle and texture joined (dropping a shape that draws nothing
/// can join two runs egui kept apart). The map's meshes hold NaN positions
/// (a degenerate outline normal), so positions are compared as bits.
fn gpu_draws(primitives: &[ClippedPrimitive]) -> Vec<Drawn> {
    let mut joined: Vec<Drawn> = Vec::new();
    for p in primitives {
        let Primitive::Mesh(mesh) = &p.primitive else {
            panic!("the main window paints no callbacks");
        };
        let vertices = mesh.vertices.iter().map(|v| {
            [
                v.pos.x.to_bits(),
                v.pos.y.to_bits(),
                v.uv.x.to_bits(),
                v.uv.y.to_bits(),
                u32::from_ne_bytes(v.color.to_array()),
            ]
        });
        match joined.last_mut() {
            Some((clip, texture, indices, kept))
                if *clip == p.clip_rect && *texture == mesh.texture_id =>
            {
                let offset = u32::try_from(kept.len()).unwrap();
                indices.extend(mesh.indices.iter().map(|i| i + offset));
                kept.extend(vertices);
            }
            _ => joined.push((
                p.clip_rect,
                mesh.texture_id,
                mesh.indices.clone(),
                vertices.collect(),
            )),
        }
    }
    joined
}

#[test]
fn the_kept_tessellation_draws_what_egui_would_and_keeps_what_did_not_change() {
    let plans = support::examples::copy_of_example_plans();
    let ctx = egui::Context::default();
    let captured = CaptureShapes::add_to(&ctx);
    let options = StartOptions {
        plans_dir: Some(plans.path().to_path_buf()),
        open: Some(plans.path().join("maria-keller-2026-11-18.ron")),
        today: Some(date(2026, 11, 25)),
        headless: true,
        // Panels paint their own backgrounds here: egui's shapes, captured
        // before the app's plugins, are then what the window draws.
        backdrop: Backdrop::PanelsFill,
        ..StartOptions::default()
    };
    let mut app = PlannerApp::with_settings(&ctx, options, Settings::default());
    let mut frame = eframe::Frame::_new_kittest();
    let screen = Rect::from_min_size(Pos2::ZERO, Vec2::new(1280.0, 800.0));

    // Pointer over the map (several muscles), over the editor, a click on
    // the first step's title, typing into the goals field, the deep layer.
    let mut script: Vec<(Vec<Event>, Option<Action>)> = Vec::new();
    for _ in 0..3 {
        script.push((Vec::new(), None));
    }
    for x in (300..620).step_by(40) {
        let at = Pos2::new(x as f32, 420.0);
        script.push((vec![Event::PointerMoved(at)], None));
    }
    script.push((vec![Event::PointerMoved(Pos2::new(900.0, 300.0))], None));
    script.push((Vec::new(), Some(Action::SelectStep(Some(0)))));
    script.push((Vec::new(), None));
    script.push((
        Vec::new(),
        Some(Action::SetLayer(massage_planner::atlas::Layer::Deep)),
    ));
    script.push((vec![Event::Text("more".into())], None));
    for _ in 0..3 {
        script.push((Vec::new(), None));
    }

    let mut kept_in_still_frames = 0;
    for (index, (events, action)) in script.into_iter().enumerate() {
        if let Some(action) = action {
            app.apply_all(&ctx, vec![action]);
        }
        let still = events.is_empty();
        let input = RawInput {
            screen_rect: Some(screen),
            time: Some(index as f64 / 60.0),
            events,
            ..RawInput::default()
        };
        let mut output = ctx.run_ui(input, |ui| app.ui(ui, &mut frame));
        output.textures_delta.clear();
        let ppp = output.pixels_per_point;
        let egui_would = ctx.tessellate(captured.lock().unwrap().clone(), ppp);
        let drawn = ctx.tessellate(output.shapes, ppp);
        let (drawn, egui_would) = (gpu_draws(&drawn), gpu_draws(&egui_would));
        assert_eq!(drawn.len(), egui_would.len(), "frame {index}: meshes");
        for (n, (a, b)) in drawn.iter().zip(&egui_would).enumerate() {
            assert!(
                a == b,
                "frame {index}, mesh {n} under {:?} ({} and {} vertices): the kept tessellation differs from egui's",
                a.0,
                a.3.len(),
                b.3.len()
            );
        }
        let reused = ctx
            .with_plugin(|kept: &mut KeepUnchangedTessellation| kept.runs_reused_last_frame())
            .expect("the app registers the plugin");
        if still && index > 0 {
            kept_in_still_frames += usize::from(reused > 5);
        }
    }
    assert!(
        kept_in_still_frames >= 5,
        "frames with no input reuse most runs: {kept_in_still_frames} of them did"
    );
}
