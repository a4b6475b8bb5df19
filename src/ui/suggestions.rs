//! Under the pain ratings: the muscles whose referred pain best explains
//! the client's pain drawing, each with its reason and one click to add it
//! as a step (with the current defaults), and the nerve signs the drawing
//! shows. Draws and returns actions; never changes the plan itself.

use egui::{RichText, Ui};

use super::accessible::name_widget;
use super::style;
use crate::model::{MuscleSide, Plan};
use crate::planner::Action;
use crate::referral::{BodyChart, ReferralPatterns, nerve_sign_findings, suggest};

/// How many suggestions are listed.
const SHOWN: usize = 5;

/// The list for the pain before the session; nothing when it has no drawing.
pub fn referral_suggestions(ui: &mut Ui, plan: &Plan, actions: &mut Vec<Action>) {
    let Some(drawing) = plan
        .pain_before
        .as_ref()
        .map(|p| &p.drawing)
        .filter(|d| !d.is_empty())
    else {
        return;
    };
    let (Ok(chart), Ok(patterns)) = (BodyChart::try_builtin(), ReferralPatterns::try_builtin())
    else {
        return;
    };
    let findings = nerve_sign_findings(drawing, chart);
    for finding in &findings {
        let colour = style::level_colour(finding.level, ui.visuals());
        ui.label(
            RichText::new(format!(
                "{}: {} {}",
                finding.level.name(),
                finding.reason,
                finding.suggestion
            ))
            .color(colour)
            .strong(),
        );
    }
    let suggestions = suggest(drawing, chart, patterns);
    if suggestions.is_empty() {
        return;
    }
    // Open while the plan is being started; folded once there are steps,
    // so the steps keep the room.
    let shown = suggestions.len().min(SHOWN);
    egui::CollapsingHeader::new(format!("Muscles that may refer this pain ({shown})"))
        .id_salt("referral suggestions")
        .default_open(plan.steps.is_empty())
        .show(ui, |ui| {
            for suggestion in suggestions.iter().take(SHOWN) {
                let region = MuscleSide::new(suggestion.muscle, suggestion.side);
                let name = suggestion.muscle.label_with_side(suggestion.side);
                ui.horizontal_wrapped(|ui| {
                    let planned = plan.steps_on(region).next().map(|(i, _)| i + 1);
                    let (text, accessible) = match planned {
                        Some(step) => (format!("Step {step}"), format!("Show step {step}: {name}")),
                        None => ("Add as step".to_owned(), format!("Add {name} as a step")),
                    };
                    let button = ui.button(text);
                    name_widget(&button, || accessible);
                    if button.clicked() {
                        actions.push(Action::Pick(region));
                    }
                    ui.label(RichText::new(&name).strong());
                    ui.label(format!("{:.0}%", suggestion.score * 100.0))
                        .on_hover_text(
                            "How much of the drawing this muscle's referral pattern explains",
                        );
                });
                ui.label(RichText::new(&suggestion.reason).small());
            }
        });
}
