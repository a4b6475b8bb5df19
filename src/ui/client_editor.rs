//! The client record form: conditions with dates, pressure preference,
//! areas to focus on and to avoid. Edits a copy; Save writes the file.

use egui::{ComboBox, Grid, Id, Modal, RichText, ScrollArea, TextEdit, Ui};

use super::accessible::name_widget;
use super::style;
use crate::model::{ClientRecord, Condition, ConditionKind, Muscle, MuscleSide, Pressure, Side};
use crate::planner::Action;

pub fn client_editor(ctx: &egui::Context, draft: &ClientRecord) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut record = draft.clone();
    let modal = Modal::new(Id::unique("client record")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(format!("Client record: {}", record.name));
        ui.label(RichText::new("Kept in the plans folder under clients/. No contact data.").weak());
        ui.add_space(4.0);
        ScrollArea::vertical()
            .max_height(560.0)
            .min_scrolled_height(520.0)
            .show(ui, |ui| {
                preference(ui, &mut record);
                ui.separator();
                conditions(ui, &mut record.conditions);
                ui.separator();
                areas(ui, "Areas to focus on", "focus", &mut record.focus);
                areas(ui, "Areas to avoid", "avoid", &mut record.avoid);
                ui.separator();
                let label = ui.label("Notes");
                ui.add(
                    TextEdit::multiline(&mut record.notes)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button("Save client record").clicked() {
                actions.push(Action::SaveClient);
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::CloseClientEditor);
            }
        });
    });
    if record != *draft {
        // The changed draft goes first, so Save in the same frame saves it.
        actions.insert(0, Action::ClientDraft(record));
    }
    if actions.is_empty() && modal.should_close() {
        actions.push(Action::CloseClientEditor);
    }
    actions
}

fn preference(ui: &mut Ui, record: &mut ClientRecord) {
    ui.horizontal(|ui| {
        let label = ui.label("Preferred pressure, at most");
        let shown = record
            .pressure_preference
            .map_or("no preference".to_string(), Pressure::label);
        ComboBox::from_id_salt("pressure preference")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut record.pressure_preference, None, "no preference");
                for pressure in Pressure::all() {
                    ui.selectable_value(
                        &mut record.pressure_preference,
                        Some(pressure),
                        pressure.label(),
                    );
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn conditions(ui: &mut Ui, conditions: &mut Vec<Condition>) {
    ui.strong("Conditions reported at intake");
    if conditions.is_empty() {
        ui.label(RichText::new("None reported.").weak());
    }
    let mut remove = None;
    for (index, condition) in conditions.iter_mut().enumerate() {
        ui.push_id(("condition", index), |ui| {
            let colour = if condition.kind.is_red_flag() {
                style::error(ui.visuals())
            } else {
                style::warning(ui.visuals())
            };
            ui.horizontal(|ui| {
                ui.label(RichText::new(condition.kind.name()).color(colour).strong());
                if condition.kind.is_red_flag() {
                    ui.label(
                        RichText::new("red flag: refer out").color(style::error(ui.visuals())),
                    );
                }
                if ui.small_button("Remove").clicked() {
                    remove = Some(index);
                }
            });
            Grid::new("condition fields")
                .num_columns(2)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    let label = ui.label(condition.kind.detail_label());
                    ui.add(TextEdit::singleline(&mut condition.detail).desired_width(300.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Since");
                    since_field(ui, label.id, &mut condition.since);
                    ui.end_row();
                    let label = ui.label("Notes");
                    ui.add(TextEdit::singleline(&mut condition.notes).desired_width(300.0))
                        .labelled_by(label.id);
                    ui.end_row();
                });
        });
    }
    if let Some(index) = remove {
        conditions.remove(index);
    }
    // Every condition in sight at once, grouped, a click each: a red flag
    // must not hide at the bottom of a long list. Closed again once a
    // condition is added, so the rest of the form stays in sight.
    let id = ui.make_persistent_id("add condition");
    let mut state =
        egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
    let mut added = false;
    if ui
        .add(egui::Button::new("Add a condition...").small())
        .clicked()
    {
        state.toggle(ui);
    }
    state.show_body_unindented(ui, |ui| {
        let groups: [(&str, KindFilter); 3] = [
            ("Emergency signs", ConditionKind::is_emergency),
            ("Red flags: refer out", |k| {
                k.is_red_flag() && !k.is_emergency()
            }),
            ("Other conditions", |k| !k.is_red_flag()),
        ];
        for (title, belongs) in groups {
            ui.label(RichText::new(title).strong());
            ui.horizontal_wrapped(|ui| {
                for kind in ConditionKind::ALL.into_iter().filter(|k| belongs(*k)) {
                    let recorded = conditions.iter().any(|c| c.kind == kind);
                    let button = ui
                        .add_enabled(!recorded, egui::Button::new(kind.name()).small())
                        .on_disabled_hover_text("Already recorded");
                    if button.clicked() {
                        conditions.push(Condition::new(kind));
                        added = true;
                    }
                }
            });
        }
    });
    if added {
        let mut state =
            egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), id, false);
        state.set_open(false);
        state.store(ui.ctx());
    }
}

/// Which conditions a group of the form lists.
type KindFilter = fn(ConditionKind) -> bool;

/// `YYYY-MM-DD` or empty; a half-typed date stays in the field in red.
fn since_field(ui: &mut Ui, label: Id, since: &mut Option<jiff::civil::Date>) {
    let id = ui.make_persistent_id("since draft");
    let saved = since.map(|d| d.to_string()).unwrap_or_default();
    let mut draft: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| saved.clone());
    let trimmed = draft.trim();
    let parsed = if trimmed.is_empty() {
        Some(None)
    } else {
        trimmed.parse::<jiff::civil::Date>().ok().map(Some)
    };
    let mut edit = TextEdit::singleline(&mut draft)
        .hint_text("YYYY-MM-DD")
        .desired_width(100.0);
    if parsed.is_none() {
        edit = edit.text_color(style::error(ui.visuals()));
    }
    let response = ui.add(edit).labelled_by(label);
    if response.changed() {
        let trimmed = draft.trim();
        if trimmed.is_empty() {
            *since = None;
        } else if let Ok(date) = trimmed.parse() {
            *since = Some(date);
        }
        ui.data_mut(|d| d.insert_temp(id, draft));
    } else if !response.has_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
    }
}

fn areas(ui: &mut Ui, title: &str, salt: &str, areas: &mut Vec<MuscleSide>) {
    ui.push_id(salt, |ui| {
        ui.strong(title);
        let mut remove = None;
        for (index, area) in areas.iter_mut().enumerate() {
            ui.push_id(index, |ui| {
                ui.horizontal(|ui| {
                    let response = ComboBox::from_id_salt("muscle")
                        .selected_text(area.muscle.name())
                        .width(180.0)
                        .show_ui(ui, |ui| {
                            for muscle in Muscle::ALL {
                                ui.selectable_value(&mut area.muscle, muscle, muscle.name());
                            }
                        })
                        .response;
                    name_widget(&response, || format!("{title}: muscle {}", index + 1));
                    let response = ComboBox::from_id_salt("side")
                        .selected_text(area.side.name())
                        .width(90.0)
                        .show_ui(ui, |ui| {
                            for side in Side::ALL {
                                ui.selectable_value(&mut area.side, side, side.name());
                            }
                        })
                        .response;
                    name_widget(&response, || format!("{title}: side {}", index + 1));
                    if ui.small_button("Remove").clicked() {
                        remove = Some(index);
                    }
                });
            });
        }
        if let Some(index) = remove {
            areas.remove(index);
        }
        if ui
            .small_button(format!("Add to {}", title.to_lowercase()))
            .clicked()
        {
            areas.push(MuscleSide {
                muscle: Muscle::GluteusMedius,
                side: Side::Both,
            });
        }
    });
}
