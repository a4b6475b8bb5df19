//! The selected step's trigger point: the whole muscle, or one of its
//! common trigger points (Travell & Simons), shown under the step's row.

use egui::Ui;

use super::accessible::name_widget;
use crate::model::Step;
use crate::planner::{Action, Edit};
use crate::referral::ReferralPatterns;

/// "Trigger point: [whole muscle ▾]" for step `index`; nothing for a muscle
/// without trigger points.
pub fn trigger_point_choice(ui: &mut Ui, index: usize, step: &Step, actions: &mut Vec<Action>) {
    let Ok(patterns) = ReferralPatterns::try_builtin() else {
        return;
    };
    let Some(pattern) = patterns.of(step.muscle) else {
        return;
    };
    if pattern.trigger_points.is_empty() {
        return;
    }
    let current = step.trigger_point.as_deref();
    let shown = current
        .and_then(|id| pattern.trigger_point(id))
        .map_or("Whole muscle", |p| p.name.as_str());
    let mut chosen = step.trigger_point.clone();
    ui.horizontal(|ui| {
        ui.label("Trigger point:");
        let response = egui::ComboBox::from_id_salt(("step trigger point", index))
            .selected_text(shown)
            .width(ui.available_width().min(360.0))
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut chosen, None, "Whole muscle");
                for point in &pattern.trigger_points {
                    ui.selectable_value(&mut chosen, Some(point.id.clone()), point.name.as_str());
                }
            })
            .response
            .on_hover_text("Work one trigger point: the map and the sheet mark it");
        name_widget(&response, || {
            format!("Trigger point for step {}", index + 1)
        });
    });
    if chosen != step.trigger_point {
        actions.push(Action::Edit(Edit::StepTriggerPoint(index, chosen)));
    }
}
