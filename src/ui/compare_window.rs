//! A plan beside its sync conflict copy, line by line, with the choice of
//! which to keep. Nothing is deleted: the other goes to `.history/`.

use egui::{Id, Modal, RichText, ScrollArea, TextStyle};

use super::style;
use crate::planner::{Action, Comparison};
use crate::store::DiffLine;

pub fn compare_window(ctx: &egui::Context, comparison: &Comparison) -> Option<Action> {
    let mut action = None;
    let name = |p: &std::path::Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let modal = Modal::new(Id::unique("compare conflict copy")).show(ctx, |ui| {
        ui.set_width(640.0);
        ui.heading("Plan and its conflict copy");
        ui.label(format!(
            "- only in the plan: {}",
            name(&comparison.original)
        ));
        ui.label(format!("+ only in the copy: {}", name(&comparison.copy)));
        ui.separator();
        ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
            let changed = comparison
                .lines
                .iter()
                .any(|l| !matches!(l, DiffLine::Same(_)));
            if !changed {
                ui.label("The two files are the same.");
            }
            let shown = near_changes(&comparison.lines);
            for (index, line) in comparison.lines.iter().enumerate() {
                if !shown[index] {
                    // One mark for each run of unchanged lines left out.
                    if index == 0 || shown[index - 1] {
                        ui.label(RichText::new("  ...").text_style(TextStyle::Monospace));
                    }
                    continue;
                }
                let (mark, text, colour) = match line {
                    DiffLine::Same(t) => (" ", t, ui.visuals().weak_text_color()),
                    DiffLine::OnlyInPlan(t) => ("-", t, style::ERROR),
                    DiffLine::OnlyInCopy(t) => ("+", t, style::GOOD),
                };
                ui.label(
                    RichText::new(format!("{mark} {text}"))
                        .text_style(TextStyle::Monospace)
                        .color(colour),
                );
            }
        });
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Keep the plan")
                .on_hover_text("The copy goes to .history/")
                .clicked()
            {
                action = Some(Action::PutAwayConflictCopy(comparison.copy.clone()));
            }
            if ui
                .button("Keep the copy")
                .on_hover_text("The copy replaces the plan; the plan goes to .history/")
                .clicked()
            {
                action = Some(Action::KeepConflictCopy(comparison.copy.clone()));
            }
            if ui.button("Close").clicked() {
                action = Some(Action::CloseComparison);
            }
        });
    });
    if action.is_none() && modal.should_close() {
        action = Some(Action::CloseComparison);
    }
    action
}

/// Lines to show: every change with two lines of context around it.
fn near_changes(lines: &[DiffLine]) -> Vec<bool> {
    const CONTEXT: usize = 2;
    let mut shown = vec![false; lines.len()];
    for (index, line) in lines.iter().enumerate() {
        if !matches!(line, DiffLine::Same(_)) {
            let from = index.saturating_sub(CONTEXT);
            let to = (index + CONTEXT).min(lines.len().saturating_sub(1));
            shown[from..=to].iter_mut().for_each(|s| *s = true);
        }
    }
    shown
}
