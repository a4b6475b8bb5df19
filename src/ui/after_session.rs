//! After the session: pain after, the client's response and the SOAP
//! notes, then save, or plan the next session from this record.

use egui::{Id, Modal, RichText, TextEdit, Ui};

use super::fields::pain_field;
use crate::model::Plan;
use crate::planner::{Action, Command, Edit, SoapPart};

pub fn after_session(ctx: &egui::Context, plan: &Plan) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(record) = &plan.record else {
        return actions;
    };
    let modal = Modal::new(Id::unique("after the session")).show(ctx, |ui| {
        ui.set_width(620.0);
        ui.heading(RichText::new("After the session").size(24.0));
        ui.label(format!(
            "{} to {}, {} on the steps.",
            record.started.strftime("%H:%M"),
            record.ended.strftime("%H:%M"),
            crate::model::Seconds::new(u32::try_from(record.total_seconds()).unwrap_or(u32::MAX))
                .clock()
        ));
        ui.add_space(6.0);
        egui::ScrollArea::vertical()
            .max_height(520.0)
            .show(ui, |ui| {
                ui.label("Pain after the session (0 none, 10 worst imaginable)");
                pain_field(
                    ui,
                    "after",
                    plan.pain_after.as_ref(),
                    &mut actions,
                    Edit::PainAfter,
                );
                text(
                    ui,
                    "Client's response",
                    &record.client_response,
                    "How the client responded to the work and the pressure",
                    &mut actions,
                    Edit::ClientResponse,
                );
                let soap = &record.soap;
                for (title, value, hint, part) in [
                    (
                        "S: Subjective",
                        &soap.subjective,
                        "What the client reports",
                        SoapPart::Subjective,
                    ),
                    (
                        "O: Objective",
                        &soap.objective,
                        "What you found: tissue, range of motion, posture",
                        SoapPart::Objective,
                    ),
                    (
                        "A: Assessment",
                        &soap.assessment,
                        "Your reading of the two",
                        SoapPart::Assessment,
                    ),
                    (
                        "P: Plan for next time",
                        &soap.plan,
                        "What to do next session (becomes its goals)",
                        SoapPart::Plan,
                    ),
                ] {
                    text(ui, title, value, hint, &mut actions, move |v| {
                        Edit::Soap(part, v)
                    });
                }
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Save").size(18.0))
                .on_hover_text("Save the plan with its record")
                .clicked()
            {
                actions.push(Action::Command(Command::Save));
            }
            if ui
                .button(RichText::new(Command::NewSessionFromThis.label()).size(18.0))
                .on_hover_text(Command::NewSessionFromThis.tooltip())
                .clicked()
            {
                actions.push(Action::CloseAfterSession);
                actions.push(Action::Command(Command::NewSessionFromThis));
            }
            if ui
                .button(RichText::new("Close").size(18.0))
                .on_hover_text("Back to the plan; the record stays in it")
                .clicked()
            {
                actions.push(Action::CloseAfterSession);
            }
        });
    });
    if actions.is_empty() && modal.should_close() {
        actions.push(Action::CloseAfterSession);
    }
    actions
}

fn text(
    ui: &mut Ui,
    title: &str,
    value: &str,
    hint: &str,
    actions: &mut Vec<Action>,
    edit: impl Fn(String) -> Edit,
) {
    ui.add_space(6.0);
    let label = ui.label(RichText::new(title).strong());
    let mut text = value.to_owned();
    let response = ui
        .add(
            TextEdit::multiline(&mut text)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text(hint),
        )
        .labelled_by(label.id);
    if response.changed() {
        actions.push(Action::Edit(edit(text)));
    }
    if response.lost_focus() {
        actions.push(Action::EndGesture);
    }
}
