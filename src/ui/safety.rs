//! The client's conditions at a glance and screening warnings with their
//! acknowledgements, for the plan editor.

use egui::{Frame, RichText, Stroke, TextEdit, Ui};

use super::accessible::name_widget;
use super::style;
use crate::model::{Acknowledgement, ClientRecord};
use crate::planner::{Action, Command, Edit};
use crate::screening::{Level, Warning};

/// The client's record as the editor shows it.
pub struct ClientView<'a> {
    pub record: Option<&'a ClientRecord>,
    /// Why the record could not be read.
    pub error: Option<&'a str>,
}

/// Conditions, pressure preference and areas, with the button to edit them.
pub fn client_summary(ui: &mut Ui, client: &ClientView<'_>, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        match (client.record, client.error) {
            (_, Some(error)) => {
                ui.label(RichText::new(error).color(style::ERROR));
            }
            (Some(record), None) => {
                if record.conditions.is_empty() {
                    ui.label(RichText::new("No conditions reported").weak());
                }
                for condition in &record.conditions {
                    let colour = if condition.kind.is_red_flag() {
                        style::ERROR
                    } else {
                        style::WARNING
                    };
                    ui.label(RichText::new(condition.to_string()).color(colour).strong())
                        .on_hover_text(&condition.notes);
                }
                if let Some(pressure) = record.pressure_preference {
                    ui.label(format!("Prefers at most {}", pressure.label()));
                }
                if !record.avoid.is_empty() {
                    let areas: Vec<String> = record.avoid.iter().map(|a| a.label()).collect();
                    ui.label(
                        RichText::new(format!("Avoid: {}", areas.join(", "))).color(style::ERROR),
                    );
                }
            }
            (None, None) => {
                ui.label(RichText::new("No client record yet").weak());
            }
        }
        let label = if client.record.is_some() {
            "Client record..."
        } else {
            "Create client record..."
        };
        if ui
            .small_button(label)
            .on_hover_text(Command::EditClientRecord.tooltip())
            .clicked()
        {
            actions.push(Action::Command(Command::EditClientRecord));
        }
    });
}

/// Each warning with its reason and what to do instead; open ones can be
/// acknowledged, acknowledged ones carry the therapist's note.
pub fn warning_list(ui: &mut Ui, warnings: &[&Warning], actions: &mut Vec<Action>) {
    for warning in warnings {
        warning_card(ui, warning, actions);
    }
}

fn warning_card(ui: &mut Ui, warning: &Warning, actions: &mut Vec<Action>) {
    let colour = style::level_colour(warning.level);
    let open = warning.is_open();
    let frame = Frame::new()
        .stroke(Stroke::new(
            1.0,
            colour.gamma_multiply(if open { 1.0 } else { 0.4 }),
        ))
        .inner_margin(egui::Margin::symmetric(6, 3))
        .corner_radius(3.0);
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.push_id((&warning.rule, warning.step), |ui| {
            let title = format!("{}: {}", warning.level.name(), warning.reason);
            let title = if open {
                RichText::new(title).color(colour).strong()
            } else {
                RichText::new(title).color(colour.gamma_multiply(0.7))
            };
            ui.label(title);
            if !warning.because.is_empty() {
                ui.label(RichText::new(&warning.because).small());
            }
            if !warning.suggestion.is_empty() && (open || warning.level == Level::ReferOut) {
                ui.label(RichText::new(format!("Instead: {}", warning.suggestion)).small());
            }
            match &warning.acknowledged {
                None => {
                    if ui
                        .small_button("Acknowledge")
                        .on_hover_text("I have read this and decided; add a note why")
                        .clicked()
                    {
                        actions.push(Action::Edit(Edit::Acknowledge(Acknowledgement {
                            rule: warning.rule.clone(),
                            region: warning.region,
                            note: String::new(),
                        })));
                    }
                }
                Some(note) => acknowledged_note(ui, warning, note, actions),
            }
        });
    });
}

fn acknowledged_note(ui: &mut Ui, warning: &Warning, note: &str, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Acknowledged:").small());
        if ui
            .small_button("Undo")
            .on_hover_text("Take the acknowledgement back")
            .clicked()
        {
            actions.push(Action::Edit(Edit::Unacknowledge {
                rule: warning.rule.clone(),
                region: warning.region,
            }));
        }
        let mut text = note.to_string();
        let response = ui.add(
            TextEdit::singleline(&mut text)
                .hint_text("Why it is fine (e.g. physician cleared)")
                .desired_width(ui.available_width()),
        );
        name_widget(&response, "Acknowledgement note");
        if response.changed() {
            actions.push(Action::Edit(Edit::AcknowledgementNote {
                rule: warning.rule.clone(),
                region: warning.region,
                note: text,
            }));
        }
        if response.lost_focus() {
            actions.push(Action::EndGesture);
        }
    });
}
