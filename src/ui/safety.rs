//! The client's conditions at a glance and screening warnings with their
//! acknowledgements, for the plan editor.

use egui::{Frame, RichText, Stroke, TextEdit, Ui};

use super::accessible::name_widget;
use super::style;
use crate::model::{Acknowledgement, Clearance, ClientRecord};
use crate::planner::{Action, Command, Edit};
use crate::screening::Warning;

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
                ui.label(RichText::new(error).color(style::error(ui.visuals())));
            }
            (Some(record), None) => {
                if record.conditions.is_empty() {
                    ui.label(RichText::new("No conditions reported").weak());
                }
                for condition in &record.conditions {
                    let colour = if condition.kind.is_red_flag() {
                        style::error(ui.visuals())
                    } else {
                        style::warning(ui.visuals())
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
                        RichText::new(format!("Avoid: {}", areas.join(", ")))
                            .color(style::error(ui.visuals())),
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
    let visuals = ui.visuals().clone();
    let colour = style::level_colour(warning.level, &visuals);
    let open = warning.is_open();
    let frame = Frame::new()
        .stroke(Stroke::new(if open { 2.0 } else { 1.0 }, colour))
        .inner_margin(egui::Margin::symmetric(6, 3))
        .corner_radius(3.0);
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.push_id((&warning.rule, warning.step), |ui| {
            match &warning.acknowledged {
                None => open_warning(ui, warning, colour, actions),
                Some(note) => acknowledged_note(ui, warning, note, colour, actions),
            }
        });
    });
}

/// The headline in the level's colour, why in the body text colour (as
/// large and as dark as the rest of the panel), and Acknowledge.
fn open_warning(ui: &mut Ui, warning: &Warning, colour: egui::Color32, actions: &mut Vec<Action>) {
    ui.label(RichText::new(headline(warning)).color(colour).strong());
    ui.horizontal_wrapped(|ui| {
        if !warning.level.can_be_acknowledged() {
            ui.label(
                RichText::new("Cannot be acknowledged: the client needs emergency care first.")
                    .color(colour)
                    .strong(),
            );
        } else if warning.level.needs_clearance() {
            clearance_form(ui, warning, actions);
        } else if ui
            .button("Acknowledge")
            .on_hover_text("I have read this and decided; add a note why")
            .clicked()
        {
            actions.push(Action::Edit(Edit::Acknowledge(Acknowledgement::new(
                &warning.rule,
                warning.region,
                &warning.because,
                "",
            ))));
        }
        let why = why(warning);
        if !why.is_empty() {
            ui.label(RichText::new(why).color(ui.visuals().text_color()));
        }
    });
}

/// Who cleared the client, when and why: typed here, recorded with the
/// acknowledgement in one edit when complete.
fn clearance_form(ui: &mut Ui, warning: &Warning, actions: &mut Vec<Action>) {
    let id = ui.make_persistent_id("clearance draft");
    let mut draft: [String; 3] = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    ui.vertical(|ui| {
        ui.label("Treat only once a physician has cleared the client:");
        egui::Grid::new("clearance")
            .num_columns(2)
            .spacing([6.0, 2.0])
            .show(ui, |ui| {
                for (i, (label, hint)) in [
                    ("Cleared by", "Dr. Weber, orthopaedic surgeon"),
                    ("Date", "YYYY-MM-DD"),
                    ("Note", "What they allow"),
                ]
                .into_iter()
                .enumerate()
                {
                    let label = ui.label(label);
                    ui.add(
                        TextEdit::singleline(&mut draft[i])
                            .hint_text(hint)
                            .desired_width(220.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
            });
        let date = draft[1].trim().parse::<jiff::civil::Date>().ok();
        let complete = !draft[0].trim().is_empty() && date.is_some();
        let record = ui
            .add_enabled(complete, egui::Button::new("Record clearance"))
            .on_hover_text("Acknowledge this finding with who cleared the client and when")
            .on_disabled_hover_text("Name who cleared the client and the date (YYYY-MM-DD)");
        if record.clicked()
            && let Some(date) = date
        {
            let mut ack = Acknowledgement::new(&warning.rule, warning.region, &warning.because, "");
            ack.clearance = Some(Clearance {
                by: draft[0].trim().to_string(),
                date,
                note: draft[2].trim().to_string(),
            });
            actions.push(Action::Edit(Edit::Acknowledge(ack)));
            ui.data_mut(|d| d.remove::<[String; 3]>(id));
        } else {
            ui.data_mut(|d| d.insert_temp(id, draft));
        }
    });
}

/// "Why: the reason (client: …)", or what the client record says.
fn why(warning: &Warning) -> String {
    let because = warning.because.trim();
    match (warning.suggestion.is_empty(), because.is_empty()) {
        (false, false) => format!("Why: {} ({because})", warning.reason),
        (false, true) => format!("Why: {}", warning.reason),
        (true, false) => capitalise(because),
        (true, true) => String::new(),
    }
}

/// The level, the side and what to do: "Avoid · Left gluteus medius: work
/// the right side only".
pub fn headline(warning: &Warning) -> String {
    let action = if warning.suggestion.is_empty() {
        &warning.reason
    } else {
        &warning.suggestion
    };
    match warning.at {
        Some(at) => format!("{} · {}: {}", warning.level.name(), at.label(), action),
        None => format!("{}: {}", warning.level.name(), action),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One line: the headline, dimmed but readable, the therapist's note and Undo.
fn acknowledged_note(
    ui: &mut Ui,
    warning: &Warning,
    note: &str,
    colour: egui::Color32,
    actions: &mut Vec<Action>,
) {
    ui.label(RichText::new(format!("Acknowledged — {}", headline(warning))).color(colour));
    if let Some(clearance) = &warning.clearance {
        ui.label(RichText::new(capitalise(&clearance.to_string())).strong());
    }
    ui.horizontal(|ui| {
        if ui
            .button("Undo")
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
        name_widget(&response, || "Acknowledgement note");
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
