//! The plans library: clients with their plans by date, newest first, a
//! search field and a button for a new plan. Rows are virtualised so a
//! library of thousands of plans costs only the rows on screen, and the
//! grouping is kept until the library or the search changes.

use std::sync::Arc;

use egui::{RichText, ScrollArea, TextEdit, Ui};

use super::style;
use crate::planner::{Action, Command, LibraryState};
use crate::store::{Library, LibraryEntry};

/// A row of the list, by index into the library's entries.
#[derive(Debug, Clone, Copy)]
enum Row {
    /// A client heading: the group's first plan names it; `count` plans follow.
    Client {
        first: usize,
        count: usize,
    },
    Plan(usize),
}

/// The rows for one library generation and query, kept in egui's memory:
/// grouping 10,000 plans takes about a millisecond, too much for every frame.
#[derive(Debug, Clone)]
struct RowsMemo {
    generation: u64,
    query: String,
    rows: Arc<Vec<Row>>,
}

fn rows(ui: &Ui, library: &Library, query: &str) -> Arc<Vec<Row>> {
    let id = egui::Id::unique("library panel rows");
    let kept = ui.data(|d| d.get_temp::<RowsMemo>(id));
    if let Some(memo) = kept
        && memo.generation == library.generation()
        && memo.query == query
    {
        return memo.rows;
    }
    let mut rows = Vec::new();
    for group in library.group_indices(query) {
        let first = group.first().copied().unwrap_or_default();
        rows.push(Row::Client {
            first,
            // Plans, not the sync tools' conflict copies of them.
            count: library.count_plans(&group),
        });
        rows.extend(group.into_iter().map(Row::Plan));
    }
    let rows = Arc::new(rows);
    ui.data_mut(|d| {
        d.insert_temp(
            id,
            RowsMemo {
                generation: library.generation(),
                query: query.to_string(),
                rows: Arc::clone(&rows),
            },
        );
    });
    rows
}

/// What the library panel shows.
pub struct LibraryView<'a> {
    pub library: &'a LibraryState,
    pub search: &'a str,
    /// The open plan's file, highlighted in the list.
    pub open: Option<&'a std::path::Path>,
    /// The plans folder, when it does not exist.
    pub missing_folder: Option<&'a std::path::Path>,
}

pub fn library_panel(ui: &mut Ui, view: &LibraryView<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Plans");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("+ New plan")
                .on_hover_text(Command::New.tooltip())
                .clicked()
            {
                actions.push(Action::Command(Command::New));
            }
        });
    });
    let mut query = view.search.to_string();
    let search = ui.add(
        TextEdit::singleline(&mut query)
            .hint_text("Search client, muscle, technique")
            .desired_width(f32::INFINITY),
    );
    if search.changed() {
        actions.push(Action::SetSearch(query));
    }
    ui.add_space(4.0);

    let library = match view.library {
        LibraryState::Loading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading the plans folder…");
            });
            return actions;
        }
        LibraryState::Failed(error) => {
            match view.missing_folder {
                Some(folder) => missing_folder(ui, folder, &mut actions),
                None => {
                    ui.label(RichText::new(error).color(style::error(ui.visuals())));
                }
            }
            return actions;
        }
        LibraryState::Ready(library) => library,
    };
    let rows = rows(ui, library, view.search);
    if rows.is_empty() {
        if library.entries.is_empty() {
            ui.label(format!("No plans in {} yet.", library.root.display()));
            ui.add_space(4.0);
            if ui
                .button(Command::AddExamplePlans.label())
                .on_hover_text(Command::AddExamplePlans.tooltip())
                .clicked()
            {
                actions.push(Action::Command(Command::AddExamplePlans));
            }
        } else {
            ui.label("No plan matches the search.");
        }
        return actions;
    }
    let open_path = view.open;
    let row_height = ui.spacing().interact_size.y + 2.0;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in rows.get(range).unwrap_or_default() {
                match *row {
                    Row::Client { first, count } => {
                        let client = library
                            .entries
                            .get(first)
                            .and_then(|e| e.plan.as_ref().ok())
                            .map(crate::store::PlanSummary::client);
                        let name = client.unwrap_or("Unreadable files");
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(format!("{name}  ({count})")).strong());
                            if let Some(client) = client.filter(|c| !c.is_empty()) {
                                let course = ui
                                    .small_button("Course")
                                    .on_hover_text(format!(
                                        "Every session of {client}: pain trend, what was worked, comparison"
                                    ));
                                course.widget_info(|| {
                                    egui::WidgetInfo::labeled(
                                        egui::Role::Button,
                                        true,
                                        format!("Course of {client}"),
                                    )
                                });
                                if course.clicked() {
                                    actions.push(Action::Course(
                                        crate::planner::CourseAction::Open(client.to_owned()),
                                    ));
                                }
                            }
                        });
                    }
                    Row::Plan(at) => {
                        if let Some(entry) = library.entries.get(at)
                            && let Some(action) = plan_row(ui, entry, open_path)
                        {
                            actions.push(action);
                        }
                    }
                }
            }
        });
    actions
}

fn plan_row(ui: &mut Ui, entry: &LibraryEntry, open: Option<&std::path::Path>) -> Option<Action> {
    if crate::store::original_of(&entry.path).is_some() {
        return conflict_copy_row(ui, entry);
    }
    let selected = open == Some(entry.path.as_path());
    let response = match &entry.plan {
        Ok(plan) => ui
            .selectable_label(
                selected,
                format!(
                    "{} · {} steps · {} min",
                    plan.date, plan.steps, plan.total_minutes
                ),
            )
            // Built only while hovered: formatting it for every row each frame adds up.
            .on_hover_ui(|ui| {
                ui.label(format!("{}\n{}", entry.path.display(), muscles_line(plan)));
            }),
        Err(error) => ui
            .selectable_label(
                selected,
                RichText::new(format!(
                    "    ⚠ {}",
                    entry.path.file_name().unwrap_or_default().to_string_lossy()
                ))
                .color(style::error(ui.visuals())),
            )
            .on_hover_ui(|ui| {
                ui.label(error.to_string());
            }),
    };
    (response.clicked() && entry.plan.is_ok()).then(|| Action::OpenPath(entry.path.clone()))
}

/// A sync tool's conflict copy, listed beside its plan (same client and
/// date sort together) with what can be done about it.
fn conflict_copy_row(ui: &mut Ui, entry: &LibraryEntry) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        let date = entry
            .plan
            .as_ref()
            .map(|p| p.date.to_string())
            .unwrap_or_default();
        ui.label(
            RichText::new(format!("    {date}  conflict copy")).color(style::warning(ui.visuals())),
        )
        .on_hover_text(format!(
            "{}\nA sync tool made this copy when the plan was changed in two places.",
            entry.path.display()
        ));
        if ui
            .small_button("Compare")
            .on_hover_text("Show this copy beside its plan")
            .clicked()
        {
            action = Some(Action::CompareConflictCopy(entry.path.clone()));
        }
    });
    action
}

fn muscles_line(plan: &crate::store::PlanSummary) -> String {
    let names: Vec<&str> = plan.muscles().map(|m| m.name()).collect();
    names.join(", ")
}

/// The plans folder is not there (moved, a typo, a drive not plugged in):
/// make it, or choose another.
fn missing_folder(ui: &mut Ui, folder: &std::path::Path, actions: &mut Vec<Action>) {
    ui.label(format!(
        "The plans folder {} does not exist.",
        folder.display()
    ));
    ui.horizontal(|ui| {
        if ui
            .button("Create it")
            .on_hover_text("Make this folder and keep plans in it")
            .clicked()
        {
            actions.push(Action::CreatePlansFolder);
        }
        if ui
            .button("Choose…")
            .on_hover_text(Command::ChoosePlansFolder.tooltip())
            .clicked()
        {
            actions.push(Action::Command(Command::ChoosePlansFolder));
        }
    });
}
