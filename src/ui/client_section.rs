//! The client and session part of the editor. While steps are worked on it
//! folds to one summary line ("Maria Keller · Wed 18 Nov 2026 · Sam Ortiz ·
//! 60 min · pain 5/10"), so the steps get the room; precautions stay in
//! sight under it whenever they have content.

use egui::{CollapsingHeader, DragValue, RichText, Ui};

use super::fields::{date_field, labelled_row, multiline, pain_field, text_field};
use super::style;
use crate::model::{Finding, Plan};
use crate::planner::{Action, Edit};

const SESSION_CHOICES: [u16; 5] = [30, 45, 60, 75, 90];

pub fn client_section(ui: &mut Ui, plan: &Plan, problems: &[Finding], actions: &mut Vec<Action>) {
    let name_problem = problems
        .iter()
        .find(|f| f.message.contains("client name"))
        .map(|_| "A client name is needed: the file is named after it.");
    CollapsingHeader::new(RichText::new(summary(plan)).strong())
        .id_salt("client and session")
        // Open while the plan is being started, folded once it has steps
        // (the person can open it any time; egui remembers).
        .default_open(plan.steps.is_empty() || name_problem.is_some())
        .open(name_problem.map(|_| true))
        .show(ui, |ui| fields(ui, plan, name_problem, actions));
    if !plan.precautions.trim().is_empty() {
        ui.label(
            RichText::new(format!("Precautions: {}", plan.precautions.trim()))
                .color(style::warning(ui.visuals())),
        );
    }
}

/// "Maria Keller · Wed 18 Nov 2026 · Sam Ortiz · 60 min · pain 5/10".
fn summary(plan: &Plan) -> String {
    let name = plan.client.name.trim();
    let mut parts = vec![if name.is_empty() {
        "New client".to_string()
    } else {
        name.to_string()
    }];
    parts.push(plan.date.strftime("%a %-d %b %Y").to_string());
    if !plan.therapist.trim().is_empty() {
        parts.push(plan.therapist.trim().to_string());
    }
    parts.push(format!("{} min", plan.session_minutes));
    if let Some(pain) = &plan.pain_before {
        parts.push(format!("pain {}/10", pain.level.level()));
    }
    parts.join(" · ")
}

fn fields(ui: &mut Ui, plan: &Plan, name_problem: Option<&str>, actions: &mut Vec<Action>) {
    text_field(
        ui,
        "Client",
        &plan.client.name,
        "Client name",
        name_problem,
        actions,
        Edit::ClientName,
    );
    text_field(
        ui,
        "Client no.",
        &plan.client.id,
        "Optional",
        None,
        actions,
        Edit::ClientId,
    );
    labelled_row(ui, "Date", |ui, label| {
        date_field(ui, label, plan.date, actions);
    });
    text_field(
        ui,
        "Therapist",
        &plan.therapist,
        "Your name",
        None,
        actions,
        Edit::Therapist,
    );
    labelled_row(ui, "Session", |ui, _| {
        session_length(ui, plan.session_minutes, actions);
    });
    ui.label("Pain before the session (0 none, 10 worst imaginable)");
    pain_field(
        ui,
        "before",
        plan.pain_before.as_ref(),
        actions,
        Edit::PainBefore,
    );
    ui.label("Pain after the session");
    pain_field(
        ui,
        "after",
        plan.pain_after.as_ref(),
        actions,
        Edit::PainAfter,
    );
    ui.label("Goals and notes");
    multiline(
        ui,
        "Goals and notes",
        &plan.goals,
        "What the client wants from this session",
        actions,
        Edit::Goals,
    );
    ui.label("Precautions");
    multiline(
        ui,
        "Precautions",
        &plan.precautions,
        "Areas to avoid, conditions",
        actions,
        Edit::Precautions,
    );
    ui.label("Self-care advice");
    multiline(
        ui,
        "Self-care advice",
        &plan.self_care,
        "Stretches, exercises, heat",
        actions,
        Edit::SelfCare,
    );
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
        super::accessible::name_widget(&drag, || "Session length in minutes");
        if drag.changed() {
            actions.push(Action::Edit(Edit::SessionMinutes(custom)));
        }
        if drag.drag_stopped() || drag.lost_focus() {
            actions.push(Action::EndGesture);
        }
    });
}
