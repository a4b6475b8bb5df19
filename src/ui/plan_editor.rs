//! The plan editor: client, date, therapist, session length, goals, and
//! the ordered steps with technique, pressure, minutes and notes.

use egui::{ComboBox, DragValue, Grid, Response, RichText, TextEdit, Ui};

use super::accessible::name_widget;
use super::safety::ClientView;
use super::safety::{client_summary, warning_list};
use super::style;
use super::time_bar::time_bar;
use crate::model::{
    MAX_STEP_MINUTES, MIN_STEP_MINUTES, Pain, PainLevel, Plan, Pressure, Side, Step, Technique,
};
use crate::planner::{Action, DocState, Edit};
use crate::screening::Warning;

const SESSION_CHOICES: [u16; 5] = [30, 45, 60, 75, 90];

/// What the plan editor shows.
pub struct EditorView<'a> {
    pub plan: &'a Plan,
    pub selected_step: Option<usize>,
    pub state: DocState,
    /// The plan's screening warnings, acknowledged ones included.
    pub warnings: &'a [Warning],
    pub client: ClientView<'a>,
}

pub fn plan_editor(ui: &mut Ui, view: &EditorView<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let plan = view.plan;
    let warnings = view.warnings;
    ui.add_space(4.0);
    ui.heading("Session plan");
    Grid::new("plan header")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            text_field(
                ui,
                "Client",
                &plan.client.name,
                "Client name",
                &mut actions,
                Edit::ClientName,
            );
            ui.end_row();
            text_field(
                ui,
                "Client no.",
                &plan.client.id,
                "Optional",
                &mut actions,
                Edit::ClientId,
            );
            ui.end_row();
            let label = ui.label("Date");
            date_field(ui, label.id, plan, &mut actions);
            ui.end_row();
            text_field(
                ui,
                "Therapist",
                &plan.therapist,
                "Your name",
                &mut actions,
                Edit::Therapist,
            );
            ui.end_row();
            ui.label("Session");
            session_length(ui, plan.session_minutes, &mut actions);
            ui.end_row();
            let label = ui.label("Pain before");
            pain_field(
                ui,
                label.id,
                "before",
                &plan.pain_before,
                &mut actions,
                Edit::PainBefore,
            );
            ui.end_row();
            let label = ui.label("Pain after");
            pain_field(
                ui,
                label.id,
                "after",
                &plan.pain_after,
                &mut actions,
                Edit::PainAfter,
            );
            ui.end_row();
        });
    client_summary(ui, &view.client, &mut actions);
    ui.label("Goals and notes");
    multiline(
        ui,
        &plan.goals,
        "What the client wants from this session",
        &mut actions,
        Edit::Goals,
    );
    egui::CollapsingHeader::new("Precautions and self-care")
        .default_open(!plan.precautions.is_empty() || !plan.self_care.is_empty())
        .show(ui, |ui| {
            ui.label("Precautions");
            multiline(
                ui,
                &plan.precautions,
                "Areas to avoid, conditions",
                &mut actions,
                Edit::Precautions,
            );
            ui.label("Self-care advice");
            multiline(
                ui,
                &plan.self_care,
                "Stretches, exercises, heat",
                &mut actions,
                Edit::SelfCare,
            );
        });
    ui.add_space(4.0);
    time_bar(ui, plan);
    // A plan nobody has touched yet is not wrong, only empty: no red on start.
    let untouched = view.state == DocState::Empty;
    for finding in plan.validate().into_iter().filter(|_| !untouched) {
        let colour = match finding.severity {
            crate::model::Severity::Error => style::ERROR,
            crate::model::Severity::Warning => style::WARNING,
        };
        ui.label(RichText::new(finding.to_string()).color(colour));
    }
    let whole_plan: Vec<&Warning> = warnings.iter().filter(|w| w.step.is_none()).collect();
    warning_list(ui, &whole_plan, &mut actions);
    ui.separator();
    ui.horizontal(|ui| {
        ui.heading(format!("Steps ({})", plan.steps.len()));
    });
    if plan.steps.is_empty() {
        ui.label("Click a muscle on the map to add a step.");
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, step) in plan.steps.iter().enumerate() {
                // A card scrolled out of sight only keeps its place: laying
                // out every card's controls was most of a frame's time.
                let height_id = egui::Id::unique(("plan editor card height", index));
                let known = ui.data(|d| d.get_temp::<f32>(height_id));
                if let Some(height) = known {
                    let size = egui::vec2(ui.available_width(), height);
                    if !ui.is_rect_visible(egui::Rect::from_min_size(ui.cursor().min, size)) {
                        ui.allocate_space(size);
                        continue;
                    }
                }
                let on_step: Vec<&Warning> =
                    warnings.iter().filter(|w| w.step == Some(index)).collect();
                let height = step_card(
                    ui,
                    StepView {
                        index,
                        step,
                        count: plan.steps.len(),
                        selected: view.selected_step,
                        warnings: &on_step,
                    },
                    &mut actions,
                );
                ui.data_mut(|d| d.insert_temp(height_id, height));
            }
        });
    actions
}

struct StepView<'a> {
    index: usize,
    step: &'a Step,
    count: usize,
    selected: Option<usize>,
    warnings: &'a [&'a Warning],
}

/// Draws one step and returns its height.
fn step_card(ui: &mut Ui, view: StepView<'_>, actions: &mut Vec<Action>) -> f32 {
    let StepView {
        index,
        step,
        count,
        selected,
        warnings,
    } = view;
    let is_selected = selected == Some(index);
    let frame = egui::Frame::group(ui.style()).fill(if is_selected {
        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
    } else {
        ui.visuals().faint_bg_color
    });
    let card = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.push_id(("step", index), |ui| {
            ui.horizontal(|ui| {
                let (swatch, _) =
                    ui.allocate_exact_size(egui::Vec2::splat(12.0), egui::Sense::hover());
                ui.painter()
                    .rect_filled(swatch, 2.0, style::technique_colour(step.technique));
                let title = format!("{}. {}", index + 1, step.muscle.label_with_side(step.side));
                if ui
                    .selectable_label(is_selected, RichText::new(title).strong())
                    .on_hover_text("Select this step; its muscle is highlighted on the map")
                    .clicked()
                {
                    actions.push(Action::SelectStep(Some(index)));
                }
            });
            ui.horizontal_wrapped(|ui| {
                let n = index + 1;
                side_choice(ui, index, step.side, actions);
                technique_choice(ui, index, step.technique, actions);
                pressure_choice(ui, index, step.pressure, actions);
                let mut minutes = step.minutes;
                let drag = ui.add(
                    DragValue::new(&mut minutes)
                        .range(MIN_STEP_MINUTES..=MAX_STEP_MINUTES)
                        .suffix(" min"),
                );
                let drag = drag.on_hover_text("Minutes for this step (drag or type)");
                name_widget(&drag, format!("Minutes for step {n}"));
                if drag.changed() {
                    actions.push(Action::Edit(Edit::StepMinutes(index, minutes)));
                }
                if drag.drag_stopped() || drag.lost_focus() {
                    actions.push(Action::EndGesture);
                }
            });
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    step_buttons(ui, index, count, actions);
                    let mut notes = step.notes.clone();
                    let response = ui.add(
                        TextEdit::singleline(&mut notes)
                            .hint_text("Notes for this step")
                            .desired_width(ui.available_width()),
                    );
                    push_text_edit(&response, notes, actions, |v| Edit::StepNotes(index, v));
                });
            });
            warning_list(ui, warnings, actions);
        });
    });
    card.response.rect.height()
}

/// Pain 0–10 (or not asked) and where, on one row.
fn pain_field(
    ui: &mut Ui,
    label: egui::Id,
    which: &str,
    pain: &Option<Pain>,
    actions: &mut Vec<Action>,
    edit: impl Fn(Option<Pain>) -> Edit,
) {
    ui.horizontal(|ui| {
        let shown = match pain {
            Some(p) => format!("{}/10", p.level.level()),
            None => "not asked".to_string(),
        };
        let response = ComboBox::from_id_salt(("pain", which))
            .selected_text(shown)
            .width(80.0)
            .show_ui(ui, |ui| {
                if ui.selectable_label(pain.is_none(), "not asked").clicked() && pain.is_some() {
                    actions.push(Action::Edit(edit(None)));
                }
                for level in 0..=PainLevel::MAX.level() {
                    let chosen = pain.as_ref().map(|p| p.level.level()) == Some(level);
                    if ui.selectable_label(chosen, format!("{level}/10")).clicked() && !chosen {
                        let location = pain
                            .as_ref()
                            .map(|p| p.location.clone())
                            .unwrap_or_default();
                        if let Ok(level) = PainLevel::new(level) {
                            actions.push(Action::Edit(edit(Some(Pain { level, location }))));
                        }
                    }
                }
            })
            .response
            .labelled_by(label)
            .on_hover_text("0 no pain, 10 worst imaginable");
        name_widget(&response, format!("Pain {which} the session"));
        if let Some(current) = pain {
            let mut location = current.location.clone();
            let response = ui.add(
                TextEdit::singleline(&mut location)
                    .hint_text("Where")
                    .desired_width(ui.available_width()),
            );
            name_widget(
                &response,
                format!("Where the pain is felt {which} the session"),
            );
            let level = current.level;
            push_text_edit(&response, location, actions, |location| {
                edit(Some(Pain { level, location }))
            });
        }
    });
}

/// Remove, duplicate and move, laid out right to left.
fn step_buttons(ui: &mut Ui, index: usize, count: usize, actions: &mut Vec<Action>) {
    let n = index + 1;
    if icon(ui, "Remove", &format!("Remove step {n}")).clicked() {
        actions.push(Action::Edit(Edit::RemoveStep(index)));
    }
    if icon(ui, "Copy", &format!("Duplicate step {n}")).clicked() {
        actions.push(Action::Edit(Edit::DuplicateStep(index)));
    }
    if ui
        .add_enabled(index + 1 < count, egui::Button::new("Down").small())
        .on_hover_text(format!("Move step {n} down"))
        .clicked()
    {
        actions.push(Action::Edit(Edit::MoveStep {
            from: index,
            to: index + 1,
        }));
    }
    if ui
        .add_enabled(index > 0, egui::Button::new("Up").small())
        .on_hover_text(format!("Move step {n} up"))
        .clicked()
    {
        actions.push(Action::Edit(Edit::MoveStep {
            from: index,
            to: index - 1,
        }));
    }
}

fn icon(ui: &mut Ui, text: &str, label: &str) -> Response {
    ui.small_button(text).on_hover_text(label)
}

fn side_choice(ui: &mut Ui, index: usize, side: Side, actions: &mut Vec<Action>) {
    let response = ComboBox::from_id_salt("side")
        .selected_text(side.name())
        .width(80.0)
        .show_ui(ui, |ui| {
            for choice in Side::ALL {
                if ui.selectable_label(choice == side, choice.name()).clicked() && choice != side {
                    actions.push(Action::Edit(Edit::StepSide(index, choice)));
                }
            }
        })
        .response
        .on_hover_text("The client's side");
    name_widget(&response, format!("Side for step {}", index + 1));
}

fn technique_choice(ui: &mut Ui, index: usize, technique: Technique, actions: &mut Vec<Action>) {
    let response = ComboBox::from_id_salt("technique")
        .selected_text(technique.name())
        .width(125.0)
        .show_ui(ui, |ui| {
            for choice in Technique::ALL {
                let label = RichText::new(choice.name());
                if ui
                    .selectable_label(choice == technique, label)
                    .on_hover_text(choice.description())
                    .clicked()
                    && choice != technique
                {
                    actions.push(Action::Edit(Edit::StepTechnique(index, choice)));
                }
            }
        })
        .response
        .on_hover_text(technique.description());
    name_widget(&response, format!("Technique for step {}", index + 1));
}

fn pressure_choice(ui: &mut Ui, index: usize, pressure: Pressure, actions: &mut Vec<Action>) {
    let response = ComboBox::from_id_salt("pressure")
        .selected_text(pressure.label())
        .width(100.0)
        .show_ui(ui, |ui| {
            for choice in Pressure::all() {
                if ui
                    .selectable_label(choice == pressure, choice.label())
                    .clicked()
                    && choice != pressure
                {
                    actions.push(Action::Edit(Edit::StepPressure(index, choice)));
                }
            }
        })
        .response
        .on_hover_text("Pressure, 1 (very light) to 5 (deep)");
    name_widget(&response, format!("Pressure for step {}", index + 1));
}

fn session_length(ui: &mut Ui, minutes: u16, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        for choice in SESSION_CHOICES {
            if ui
                .selectable_label(minutes == choice, format!("{choice}"))
                .on_hover_text(format!("A {choice}-minute session"))
                .clicked()
            {
                actions.push(Action::Edit(Edit::SessionMinutes(choice)));
            }
        }
        let mut custom = minutes;
        let drag = ui
            .add(DragValue::new(&mut custom).range(5..=480).suffix(" min"))
            .on_hover_text("Any other session length");
        if drag.changed() {
            actions.push(Action::Edit(Edit::SessionMinutes(custom)));
        }
        if drag.drag_stopped() || drag.lost_focus() {
            actions.push(Action::EndGesture);
        }
    });
}

/// A labelled one-line field; the label is its accessible name too.
fn text_field(
    ui: &mut Ui,
    label: &str,
    value: &str,
    hint: &str,
    actions: &mut Vec<Action>,
    edit: impl FnOnce(String) -> Edit,
) {
    let label = ui.label(label);
    let mut text = value.to_string();
    let response = ui
        .add(
            TextEdit::singleline(&mut text)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    push_text_edit(&response, text, actions, edit);
}

fn multiline(
    ui: &mut Ui,
    value: &str,
    hint: &str,
    actions: &mut Vec<Action>,
    edit: impl FnOnce(String) -> Edit,
) {
    let mut text = value.to_string();
    let response = ui.add(
        TextEdit::multiline(&mut text)
            .hint_text(hint)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    push_text_edit(&response, text, actions, edit);
}

fn push_text_edit(
    response: &Response,
    text: String,
    actions: &mut Vec<Action>,
    edit: impl FnOnce(String) -> Edit,
) {
    if response.changed() {
        actions.push(Action::Edit(edit(text)));
    }
    if response.lost_focus() {
        actions.push(Action::EndGesture);
    }
}

/// The date as `YYYY-MM-DD`; a half-typed date stays in the field (red)
/// until it is a real date.
fn date_field(ui: &mut Ui, label: egui::Id, plan: &Plan, actions: &mut Vec<Action>) {
    let id = ui.make_persistent_id("date draft");
    let saved = plan.date.to_string();
    let mut draft: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| saved.clone());
    let parsed = draft.trim().parse::<jiff::civil::Date>();
    let valid = parsed.is_ok();
    let mut edit = TextEdit::singleline(&mut draft).desired_width(100.0);
    if !valid {
        edit = edit.text_color(style::ERROR);
    }
    let response = ui
        .add(edit)
        .labelled_by(label)
        .on_hover_text("Year-month-day, e.g. 2026-11-25");
    if response.changed() {
        if let Ok(date) = draft.trim().parse::<jiff::civil::Date>() {
            actions.push(Action::Edit(Edit::Date(date)));
        }
        ui.data_mut(|d| d.insert_temp(id, draft));
    } else if !response.has_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if response.lost_focus() {
        actions.push(Action::EndGesture);
    }
}
