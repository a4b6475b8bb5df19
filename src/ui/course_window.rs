//! The client view: every session of one client on a timeline, the pain
//! before and after across them (egui_plot, intake events marked), what
//! was worked over a chosen date range, two sessions compared, and
//! continuing from the last session. Reads the `CourseView`; returns actions.

use egui::{Color32, Grid, Id, Modal, RichText, ScrollArea};
use egui_plot::{Legend, Line, LineStyle, MarkerShape, Plot, Points, VLine};
use jiff::civil::Date;

use crate::course::DateRange;
use crate::planner::{Action, CourseAction, CourseView};

fn pain_text(pain: Option<&crate::model::Pain>) -> String {
    pain.map_or("—".to_owned(), |p| format!("{}/10", p.level.level()))
}

pub fn course_window(ctx: &egui::Context, view: &CourseView) -> Vec<Action> {
    let mut actions = Vec::new();
    let course = &view.course;
    let modal = Modal::new(Id::unique("client course")).show(ctx, |ui| {
        ui.set_width(760.0);
        ui.heading(format!("{}: the course", course.client));
        ui.label(format!(
            "{} sessions{}",
            course.sessions.len(),
            match (course.first_date(), course.last_date()) {
                (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
                _ => String::new(),
            }
        ));
        ScrollArea::vertical()
            .id_salt("course scroll")
            .max_height(ui.ctx().content_rect().height() - 180.0)
            .show(ui, |ui| {
                ui.separator();
                ui.strong("Pain before and after each session");
                pain_plot(ui, view);
                conditions(ui, view);
                ui.separator();
                ui.strong("Sessions (tick two to compare them)");
                timeline(ui, view, &mut actions);
                ui.separator();
                heat(ui, view, &mut actions);
                comparison(ui, view);
            });
        ui.separator();
        ui.horizontal(|ui| {
            if ui
                .button("Continue from the last session")
                .on_hover_text(
                    "Open the client's last plan and start the next session from it (not saved yet)",
                )
                .clicked()
            {
                actions.push(Action::Course(CourseAction::ContinueFromLast));
            }
            if ui.button("Close").clicked() {
                actions.push(Action::Course(CourseAction::Close));
            }
        });
    });
    if actions.is_empty() && modal.should_close() {
        actions.push(Action::Course(CourseAction::Close));
    }
    actions
}

fn days_from(first: Date, date: Date) -> f64 {
    first
        .until(date)
        .map_or(0.0, |span| f64::from(span.get_days()))
}

fn pain_plot(ui: &mut egui::Ui, view: &CourseView) {
    let Some(first) = view.course.first_date() else {
        ui.label("No sessions yet.");
        return;
    };
    let points = |after: bool| -> Vec<[f64; 2]> {
        view.trend
            .points
            .iter()
            .filter_map(|p| {
                let level = if after { p.after } else { p.before }?;
                Some([days_from(first, p.date), f64::from(level)])
            })
            .collect()
    };
    let strong = ui.visuals().strong_text_color();
    let after_colour = if ui.visuals().dark_mode {
        Color32::from_rgb(120, 180, 255)
    } else {
        Color32::from_rgb(20, 90, 200)
    };
    Plot::new("pain trend")
        .height(170.0)
        .include_y(0.0)
        .include_y(10.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label(format!("days since {first}"))
        .y_axis_label("pain (0–10)")
        .legend(Legend::default().position(egui_plot::Corner::LeftBottom))
        .show(ui, |plot| {
            plot.line(
                Line::new("Pain before", points(false))
                    .color(strong)
                    .width(2.0),
            );
            plot.points(
                Points::new("Pain before", points(false))
                    .color(strong)
                    .radius(3.0)
                    .shape(MarkerShape::Square),
            );
            plot.line(
                Line::new("Pain after", points(true))
                    .color(after_colour)
                    .style(LineStyle::dashed_loose())
                    .width(2.0),
            );
            plot.points(
                Points::new("Pain after", points(true))
                    .color(after_colour)
                    .radius(3.0),
            );
            // Events during the course; earlier ones are listed above the plot.
            for event in view.trend.events.iter().filter(|e| e.date >= first) {
                plot.vline(
                    VLine::new(event.text.clone(), days_from(first, event.date))
                        .style(LineStyle::dotted_dense())
                        .color(Color32::GRAY),
                );
            }
        });
}

fn conditions(ui: &mut egui::Ui, view: &CourseView) {
    let conditions: Vec<String> = view
        .course
        .record
        .iter()
        .flat_map(|r| &r.conditions)
        .map(ToString::to_string)
        .collect();
    if conditions.is_empty() {
        ui.label("Intake conditions: none recorded.");
    } else {
        ui.label("Intake conditions (dated ones are marked on the plot):");
        for condition in conditions {
            ui.label(format!("• {condition}"));
        }
    }
}

/// Widths of the timeline's columns after the tick box.
const TIMELINE_COLUMNS: [(&str, f32); 5] = [
    ("Date", 90.0),
    ("Minutes", 60.0),
    ("Steps", 50.0),
    ("Pain before", 80.0),
    ("Pain after", 80.0),
];

/// Newest last, as on the plot; only the rows in view are laid out, so a
/// course of hundreds of sessions costs no more a frame than a few.
fn timeline(ui: &mut egui::Ui, view: &CourseView, actions: &mut Vec<Action>) {
    let cell = |ui: &mut egui::Ui, width: f32, text: egui::WidgetText| {
        ui.add_sized(
            [width, 18.0],
            egui::Label::new(text).halign(egui::Align::LEFT),
        );
    };
    ui.horizontal(|ui| {
        cell(ui, 60.0, RichText::new("Compare").strong().into());
        for (head, width) in TIMELINE_COLUMNS {
            cell(ui, width, RichText::new(head).strong().into());
        }
    });
    let row_height = ui.spacing().interact_size.y;
    let sessions = &view.course.sessions;
    ScrollArea::vertical()
        .id_salt("course timeline")
        .max_height(row_height * 8.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, sessions.len(), |ui, rows| {
            for index in rows {
                let Some(session) = sessions.get(index) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    let mut ticked = view.compare.contains(&index);
                    let name = format!("Compare the session of {}", session.date());
                    ui.allocate_ui(egui::vec2(60.0, row_height), |ui| {
                        let tick = ui.checkbox(&mut ticked, "");
                        super::accessible::name_widget(&tick, name.clone());
                        if tick.on_hover_text(name).clicked() {
                            actions.push(Action::Course(CourseAction::ToggleCompare(index)));
                        }
                    });
                    let values = [
                        session.date().to_string(),
                        session.minutes().to_string(),
                        session.steps().to_string(),
                        pain_text(session.pain_before()),
                        pain_text(session.pain_after()),
                    ];
                    for ((_, width), value) in TIMELINE_COLUMNS.iter().zip(values) {
                        cell(ui, *width, value.into());
                    }
                });
            }
        });
}

fn comparison(ui: &mut egui::Ui, view: &CourseView) {
    let Some((older, newer, differences)) = view.comparison() else {
        return;
    };
    let date = |i: usize| {
        view.course
            .sessions
            .get(i)
            .map(|s| s.date().to_string())
            .unwrap_or_default()
    };
    ui.separator();
    ui.strong(format!("From {} to {}", date(older), date(newer)));
    if differences.is_empty() {
        ui.label("The two sessions were planned the same.");
    }
    for difference in differences {
        ui.label(difference.to_string());
    }
}

fn heat(ui: &mut egui::Ui, view: &CourseView, actions: &mut Vec<Action>) {
    ui.strong("What was worked: minutes and mean pressure per muscle and side");
    let dates: Vec<Date> = view.course.sessions.iter().map(|s| s.date()).collect();
    let (Some(&first), Some(&last)) = (dates.first(), dates.last()) else {
        return;
    };
    let from = view.range.from.unwrap_or(first);
    let to = view.range.to.unwrap_or(last);
    ui.horizontal(|ui| {
        ui.label("From");
        let from_box = egui::ComboBox::from_id_salt("heat from")
            .selected_text(from.to_string())
            .show_ui(ui, |ui| {
                for &date in dates.iter().filter(|d| **d <= to) {
                    if ui
                        .selectable_label(date == from, date.to_string())
                        .clicked()
                    {
                        actions.push(Action::Course(CourseAction::SetRange(DateRange::new(
                            date, to,
                        ))));
                    }
                }
            })
            .response;
        super::accessible::name_widget(&from_box, "Heat map from");
        ui.label("to");
        let to_box = egui::ComboBox::from_id_salt("heat to")
            .selected_text(to.to_string())
            .show_ui(ui, |ui| {
                for &date in dates.iter().filter(|d| **d >= from) {
                    if ui.selectable_label(date == to, date.to_string()).clicked() {
                        actions.push(Action::Course(CourseAction::SetRange(DateRange::new(
                            from, date,
                        ))));
                    }
                }
            })
            .response;
        super::accessible::name_widget(&to_box, "Heat map to");
        if ui.button("All sessions").clicked() {
            actions.push(Action::Course(CourseAction::SetRange(DateRange::ALL)));
        }
        ui.label(format!("({} sessions)", view.heat.sessions));
    });
    let max = view.heat.max_minutes().max(1.0);
    ui.label(RichText::new("Bar: minutes, against the most-worked region in the range.").small());
    Grid::new("course heat")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for head in ["Muscle and side", "Minutes", "", "Mean pressure"] {
                ui.strong(head);
            }
            ui.end_row();
            for (region, cell) in view.heat.ranked() {
                ui.label(region.label());
                ui.label(format!("{:.0}", cell.minutes()));
                ui.add(
                    egui::ProgressBar::new(cell.minutes() / max)
                        .desired_width(160.0)
                        .desired_height(10.0),
                );
                ui.label(
                    cell.mean_pressure()
                        .map_or("—".to_owned(), |p| format!("{p:.1} of 5")),
                );
                ui.end_row();
            }
        });
}
