//! A plan beside its sync conflict copy: what differs in words, the raw
//! lines one click away, and the choice of which to keep. Nothing is
//! deleted: the other goes to `.history/`.

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
            "From the plan ({}) to the copy ({}):",
            name(&comparison.original),
            name(&comparison.copy)
        ));
        ui.separator();
        ScrollArea::vertical()
            .id_salt("differences in words")
            .max_height(300.0)
            .show(ui, |ui| match &comparison.differences {
                Ok(differences) if differences.is_empty() => {
                    ui.label("The plan and the copy say the same.");
                }
                Ok(differences) => {
                    for difference in differences {
                        ui.label(difference.to_string());
                    }
                }
                Err(error) => {
                    ui.label(RichText::new(error).color(style::error(ui.visuals())));
                }
            });
        ui.separator();
        // The raw lines, one click away, for what the words leave out
        // (comments, layout).
        egui::CollapsingHeader::new("Lines of the two files")
            .default_open(comparison.differences.is_err())
            .show(ui, |ui| raw_lines(ui, comparison));
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

/// The lines that differ ("-" only in the plan, "+" only in the copy),
/// with a little context.
fn raw_lines(ui: &mut egui::Ui, comparison: &Comparison) {
    ui.label(RichText::new("- only in the plan, + only in the copy").weak());
    ScrollArea::vertical()
        .id_salt("raw lines")
        .max_height(300.0)
        .show(ui, |ui| {
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
                    DiffLine::OnlyInPlan(t) => ("-", t, style::error(ui.visuals())),
                    DiffLine::OnlyInCopy(t) => ("+", t, style::good(ui.visuals())),
                };
                ui.label(
                    RichText::new(format!("{mark} {text}"))
                        .text_style(TextStyle::Monospace)
                        .color(colour),
                );
            }
        });
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
