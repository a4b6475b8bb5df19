//! The baseline for the start-up budget: a bare eframe window of the app's
//! size with one label, which closes once its first frame is on screen, the
//! way `massage-planner --exit-after-first-frame` does.
//!
//!     hyperfine 'target/release/examples/bare_window'
//!
//! With `BARE_WINDOW_STAY` set it stays open (the baseline for peak memory).

fn main() -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bare window")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    let stay = std::env::var_os("BARE_WINDOW_STAY").is_some();
    let mut frames = 0_u64;
    eframe::run_ui_native("bare-window", native, move |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("Hello");
        });
        frames += 1;
        // The frame drawn by the first call is on screen once the second starts.
        if frames >= 2 && !stay {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    })
}
