//! Session mode: one view to read from two metres away while working. The
//! current step large (muscle and side, technique, pressure by name), its
//! countdown (another colour once it runs over), the time left in the
//! session, the next step, and the muscle ringed on the map. Large buttons;
//! Space and the arrow keys do the same. Returns what the therapist did.

use egui::{Align, Button, Color32, Key, Layout, RichText, TextEdit, Ui, Vec2};

use super::accessible::name_widget;
use super::map::{MapView, muscle_map};
use super::style;
use crate::atlas::Atlas;
use crate::model::{Plan, Pressure, Step};
use crate::planner::SessionAction;
use crate::session::{Moment, SessionRunner, countdown};

pub struct SessionView<'a> {
    pub plan: &'a Plan,
    pub runner: &'a SessionRunner,
    pub now: Moment,
    pub atlas: &'a Atlas,
}

const HUGE: f32 = 140.0;
const LARGE: f32 = 52.0;
const MEDIUM: f32 = 34.0;
const BUTTON_TEXT: f32 = 26.0;
const BUTTON: Vec2 = Vec2::new(170.0, 64.0);

/// The key presses of session mode, unless the note field has the
/// keyboard. Taken before the widgets see them, so Space on a focused
/// button does not also press it.
pub fn session_keys(ctx: &egui::Context) -> Vec<SessionAction> {
    if ctx.text_edit_focused() {
        return Vec::new();
    }
    let keys = [
        (Key::Space, SessionAction::StartOrPause),
        (Key::ArrowRight, SessionAction::Next),
        (Key::ArrowLeft, SessionAction::Previous),
        (Key::ArrowUp, SessionAction::MoreTime),
        (Key::ArrowDown, SessionAction::LessTime),
    ];
    ctx.input_mut(|input| {
        keys.into_iter()
            .filter(|(key, _)| input.consume_key(egui::Modifiers::NONE, *key))
            .map(|(_, action)| action)
            .collect()
    })
}

pub fn session_view(ui: &mut Ui, view: &SessionView<'_>) -> Vec<SessionAction> {
    let mut actions = Vec::new();
    let runner = view.runner;
    top_bar(ui, view, &mut actions);
    ui.separator();
    let width = ui.available_width();
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(
            Vec2::new(width * 0.62, ui.available_height()),
            Layout::top_down(Align::Min),
            |ui| match runner
                .current()
                .and_then(|i| view.plan.steps.get(i).map(|s| (i, s)))
            {
                Some((index, step)) => current_step(ui, view, index, step, &mut actions),
                None => all_through(ui, &mut actions),
            },
        );
        ui.separator();
        ui.vertical(|ui| {
            // The current step's muscle in the view and layer it is usually
            // picked in (the QL deep from behind, the psoas from the front).
            let home = runner
                .current()
                .and_then(|i| view.plan.steps.get(i))
                .and_then(|s| {
                    let drawing = view.atlas.home_view(s.muscle)?;
                    Some((drawing.kind, drawing.layer_of(s.muscle)?))
                });
            let (kind, layer) = home.unwrap_or((
                crate::atlas::ViewKind::Posterior,
                crate::atlas::Layer::Superficial,
            ));
            let map = MapView {
                atlas: view.atlas,
                view: kind,
                plan: view.plan,
                layer,
                landmarks: false,
                selected_step: runner.current(),
                warnings: &[],
                names: true,
                referral: false,
                trigger_points: false,
            };
            let height = ui.available_height() - 110.0;
            ui.allocate_ui(Vec2::new(ui.available_width(), height.max(200.0)), |ui| {
                // The map only shows where: picking is for the editor.
                let _ = muscle_map(ui, &map);
            });
            ui.add_space(8.0);
            ui.label(RichText::new("Next").size(22.0).weak());
            let next = runner
                .next_step()
                .and_then(|i| view.plan.steps.get(i).map(|s| (i, s)));
            match next {
                Some((i, step)) => {
                    ui.label(
                        RichText::new(format!(
                            "{}. {}",
                            i + 1,
                            step.muscle.label_with_side(step.side)
                        ))
                        .size(MEDIUM * 0.8)
                        .strong(),
                    );
                    ui.label(
                        RichText::new(format!("{} · {} min", step.technique.name(), step.minutes))
                            .size(22.0),
                    );
                }
                None => {
                    ui.label(RichText::new("Last step").size(MEDIUM * 0.8));
                }
            }
        });
    });
    actions
}

fn top_bar(ui: &mut Ui, view: &SessionView<'_>, actions: &mut Vec<SessionAction>) {
    let runner = view.runner;
    ui.horizontal(|ui| {
        let position = match runner.current() {
            Some(i) => format!("Step {} of {}", i + 1, runner.step_count()),
            None => format!("All {} steps through", runner.step_count()),
        };
        ui.label(RichText::new(position).size(MEDIUM).strong());
        ui.add_space(24.0);
        let left = runner.session_left_ms(view.now);
        let session = if left >= 0 {
            format!("Session: {} left", countdown(left))
        } else {
            format!("Session: {} over", countdown(left).trim_start_matches('+'))
        };
        let colour = if left >= 0 {
            ui.visuals().text_color()
        } else {
            style::error(ui.visuals())
        };
        ui.label(RichText::new(session).size(MEDIUM).color(colour));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let finish = ui
                .add_sized(
                    BUTTON,
                    Button::new(RichText::new("Finish").size(BUTTON_TEXT)),
                )
                .on_hover_text("End the session and keep its record in the plan");
            if finish.clicked() {
                actions.push(SessionAction::Finish);
            }
            let leave = ui
                .add_sized(
                    Vec2::new(BUTTON.x * 1.2, BUTTON.y),
                    Button::new(RichText::new("Back to plan").size(BUTTON_TEXT * 0.8)),
                )
                .on_hover_text("Leave session mode without keeping a record");
            if leave.clicked() {
                actions.push(SessionAction::Leave);
            }
            if !runner.is_running() {
                ui.label(
                    RichText::new(if runner.has_started() {
                        "PAUSED"
                    } else {
                        "NOT STARTED"
                    })
                    .size(MEDIUM)
                    .strong()
                    .color(style::warning(ui.visuals())),
                );
            }
        });
    });
}

fn current_step(
    ui: &mut Ui,
    view: &SessionView<'_>,
    index: usize,
    step: &Step,
    actions: &mut Vec<SessionAction>,
) {
    let runner = view.runner;
    let progress = runner.step(index);
    let pressure = progress.and_then(|p| p.pressure).unwrap_or(step.pressure);
    ui.label(
        RichText::new(step.muscle.label_with_side(step.side))
            .size(LARGE)
            .strong(),
    );
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(28.0), egui::Sense::hover());
        ui.painter()
            .rect_filled(rect, 4.0, style::technique_colour(step.technique));
        ui.label(RichText::new(step.technique.name()).size(MEDIUM));
        ui.label(RichText::new("·").size(MEDIUM));
        ui.label(RichText::new(format!("{} pressure", pressure.name())).size(MEDIUM));
    });
    if !step.notes.trim().is_empty() {
        ui.label(RichText::new(step.notes.trim()).size(22.0).weak());
    }
    ui.add_space(8.0);

    let left = runner.step_left_ms(view.now).unwrap_or(0);
    let over = left <= 0;
    let colour = if over {
        style::error(ui.visuals())
    } else {
        ui.visuals().strong_text_color()
    };
    ui.horizontal(|ui| {
        let response = ui.label(
            RichText::new(countdown(left))
                .size(HUGE)
                .strong()
                .color(colour),
        );
        name_widget(&response, || {
            format!("Time left on this step: {}", countdown(left))
        });
        ui.vertical(|ui| {
            ui.add_space(18.0);
            let planned = runner.planned_seconds(index) / 60;
            ui.label(RichText::new(format!("of {planned} min")).size(26.0).weak());
            if over {
                ui.label(
                    RichText::new("Time is up: on to the next step when ready")
                        .size(26.0)
                        .strong()
                        .color(colour),
                );
            }
        });
    });
    ui.add_space(8.0);
    controls(ui, runner, actions);
    ui.add_space(12.0);
    pressure_row(ui, step.pressure, pressure, actions);
    ui.add_space(12.0);
    ui.label(RichText::new("Note on this step").size(22.0));
    let mut note = progress.map(|p| p.note.clone()).unwrap_or_default();
    let response = ui.add(
        TextEdit::multiline(&mut note)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .font(egui::FontId::proportional(22.0))
            .hint_text("What you notice, what the client says"),
    );
    name_widget(&response, || "Note on this step");
    if response.changed() {
        actions.push(SessionAction::Note(note));
    }
}

fn controls(ui: &mut Ui, runner: &SessionRunner, actions: &mut Vec<SessionAction>) {
    let big = |ui: &mut Ui, text: &str, hint: &str| {
        ui.add_sized(BUTTON, Button::new(RichText::new(text).size(BUTTON_TEXT)))
            .on_hover_text(hint)
            .clicked()
    };
    ui.horizontal_wrapped(|ui| {
        if big(ui, "Previous", "Back to the step before (Left arrow)") {
            actions.push(SessionAction::Previous);
        }
        let start = if runner.is_running() {
            "Pause"
        } else if runner.has_started() {
            "Go on"
        } else {
            "Start"
        };
        let fill = if runner.is_running() {
            None
        } else {
            Some(style::good(ui.visuals()))
        };
        let mut button = Button::new(RichText::new(start).size(BUTTON_TEXT).strong().color(
            if fill.is_some() {
                Color32::WHITE
            } else {
                ui.visuals().strong_text_color()
            },
        ));
        if let Some(fill) = fill {
            button = button.fill(fill);
        }
        if ui
            .add_sized(BUTTON, button)
            .on_hover_text("Start or pause the clock (Space)")
            .clicked()
        {
            actions.push(SessionAction::StartOrPause);
        }
        if big(
            ui,
            "Next",
            "This step is done: on to the next (Right arrow)",
        ) {
            actions.push(SessionAction::Next);
        }
        if big(ui, "Skip", "Leave this step out and go on") {
            actions.push(SessionAction::Skip);
        }
        if big(ui, "+1 min", "One minute more for this step (Up arrow)") {
            actions.push(SessionAction::MoreTime);
        }
        if big(ui, "−1 min", "One minute less for this step (Down arrow)") {
            actions.push(SessionAction::LessTime);
        }
    });
}

fn pressure_row(ui: &mut Ui, planned: Pressure, used: Pressure, actions: &mut Vec<SessionAction>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Pressure").size(22.0));
        for level in (1..=5).filter_map(|l| Pressure::new(l).ok()) {
            let mut text = RichText::new(level.name()).size(22.0);
            if level == planned {
                text = text.underline();
            }
            let response = ui
                .add_sized(
                    Vec2::new(110.0, 44.0),
                    Button::selectable(level == used, text),
                )
                .on_hover_text(if level == planned {
                    "The planned pressure".to_owned()
                } else {
                    format!("Change to {}", level.label())
                });
            name_widget(&response, || format!("Pressure {}", level.label()));
            if response.clicked() && level != used {
                actions.push(SessionAction::Pressure(level));
            }
        }
    });
}

fn all_through(ui: &mut Ui, actions: &mut Vec<SessionAction>) {
    ui.add_space(40.0);
    ui.label(RichText::new("All steps are through").size(LARGE).strong());
    ui.label(RichText::new("Finish keeps the record in the plan.").size(MEDIUM));
    ui.add_space(20.0);
    ui.horizontal(|ui| {
        if ui
            .add_sized(
                BUTTON,
                Button::new(RichText::new("Previous").size(BUTTON_TEXT)),
            )
            .clicked()
        {
            actions.push(SessionAction::Previous);
        }
        if ui
            .add_sized(
                BUTTON,
                Button::new(
                    RichText::new("Finish")
                        .size(BUTTON_TEXT)
                        .color(Color32::WHITE),
                )
                .fill(style::good(ui.visuals())),
            )
            .clicked()
        {
            actions.push(SessionAction::Finish);
        }
    });
}
