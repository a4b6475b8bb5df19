//! Each frame's shapes as egui made them, before the app's own plugins
//! (registered after this one) change them: the kept tessellation replaces
//! runs of shapes by meshes.

use std::sync::{Arc, Mutex};

use egui::FullOutput;
use egui::epaint::ClippedShape;

/// Add to a context before the app is made on it.
pub struct CaptureShapes(pub Arc<Mutex<Vec<ClippedShape>>>);

impl CaptureShapes {
    /// The plugin, added to `ctx`, and where it keeps the last frame's shapes.
    pub fn add_to(ctx: &egui::Context) -> Arc<Mutex<Vec<ClippedShape>>> {
        let captured = Arc::new(Mutex::new(Vec::new()));
        ctx.add_plugin(CaptureShapes(Arc::clone(&captured)));
        captured
    }
}

impl egui::Plugin for CaptureShapes {
    fn debug_name(&self) -> &'static str {
        "CaptureShapes"
    }
    fn output_hook(&mut self, _ctx: &egui::Context, output: &mut FullOutput) {
        *self.0.lock().unwrap() = output.shapes.clone();
    }
}
