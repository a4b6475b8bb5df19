//! The client view: every session of one client on a timeline, the pain
//! before and after across them (egui_plot, intake events marked), what
//! was worked over a chosen date range, two sessions compared, and
//! continuing from the last session. Reads the `CourseView`; returns actions.

use egui::{Color32, Id, Modal, RichText, ScrollArea};
use egui_plot::{Legend, Line, LineStyle, MarkerShape, Plot, Points, VLine};
use jiff::civil::Date;

use crate::course::{DateRange, days_from};
use crate::planner::{Action, CourseAction, CourseTab, CourseView};

fn pain_text(pain: Option<&crate::model::Pain>) -> String {
    pain.map_or("—".to_owned(), |p| format!("{}/10", p.level.level()))
}

/// Room the modal leaves around it in the window.
const MARGIN: f32 = 40.0;

pub fn course_window(ctx: &egui::Context, view: &CourseView) -> Vec<Action> {
    let mut actions = Vec::new();
    let course = &view.course;
    let screen = ctx.content_rect();
    let width = (screen.width() - 2.0 * MARGIN).clamp(480.0, 1240.0);
    let height = (screen.height() - 2.0 * MARGIN).max(400.0);
    let modal = Modal::new(Id::unique("client course")).show(ctx, |ui| {
        ui.set_width(width);
        ui.horizontal(|ui| {
            ui.heading(format!("{}: the course", course.client));
            ui.label(format!(
                "{} sessions{}",
                course.sessions.len(),
                match (course.first_date(), course.last_date()) {
                    (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
                    _ => String::new(),
                }
            ));
        });
        // One part at a time, each with the whole modal: the tabs.
        ui.horizontal(|ui| {
            for tab in CourseTab::ALL {
                if ui.selectable_label(view.tab == tab, tab.name()).clicked() && view.tab != tab {
                    actions.push(Action::Course(CourseAction::ShowTab(tab)));
                }
            }
        });
        ui.separator();
        // The buttons below stay in the window: the body takes what is left.
        let footer = ui.spacing().interact_size.y + 24.0;
        let body = (height - ui.min_rect().height() - footer).max(200.0);
        ui.allocate_ui(egui::vec2(width, body), |ui| {
            ui.set_min_size(egui::vec2(width, body));
            ui.set_max_height(body);
            match view.tab {
                CourseTab::Sessions => sessions_tab(ui, view, &mut actions),
                CourseTab::Worked => heat(ui, view, &mut actions),
                CourseTab::Compare => super::course_compare::compare_tab(ui, view, &mut actions),
            }
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
    if !actions.is_empty() {
        // What was chosen is applied after this frame: draw the next one
        // now rather than when the pointer moves again.
        ctx.request_repaint();
    }
    actions
}

/// The pain plot, the intake conditions and the sessions list.
fn sessions_tab(ui: &mut egui::Ui, view: &CourseView, actions: &mut Vec<Action>) {
    ui.strong("Pain before and after each session");
    pain_plot(ui, view);
    conditions(ui, view);
    ui.separator();
    ui.horizontal(|ui| {
        ui.strong("Sessions (tick two to compare them)");
        if let Some(c) = view.comparison() {
            let date = |i: usize| {
                view.course
                    .sessions
                    .get(i)
                    .map(|s| s.date().to_string())
                    .unwrap_or_default()
            };
            if ui
                .button(format!("Compare {} and {}", date(c.older), date(c.newer)))
                .clicked()
            {
                actions.push(Action::Course(CourseAction::ShowTab(CourseTab::Compare)));
            }
        }
    });
    timeline(ui, view, actions);
}

/// Markers on the pain lines only up to this many sessions: beyond, the
/// dots merge into a line and only cost time.
const MARKERS_UP_TO: usize = 40;

fn pain_plot(ui: &mut egui::Ui, view: &CourseView) {
    let series = &view.pain_series;
    let Some(first) = series.first else {
        ui.label("No sessions yet.");
        return;
    };
    let strong = ui.visuals().strong_text_color();
    let after_colour = if ui.visuals().dark_mode {
        Color32::from_rgb(120, 180, 255)
    } else {
        Color32::from_rgb(20, 90, 200)
    };
    let markers = view.course.sessions.len() <= MARKERS_UP_TO;
    Plot::new("pain trend")
        .height(190.0)
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
                Line::new("Pain before", series.before.clone())
                    .color(strong)
                    .width(2.0),
            );
            // Dashed while the points are few; over hundreds of sessions
            // the zigzag would be cut into thousands of dashes a frame.
            let after_style = if markers {
                LineStyle::dashed_loose()
            } else {
                LineStyle::Solid
            };
            plot.line(
                Line::new("Pain after", series.after.clone())
                    .color(after_colour)
                    .style(after_style)
                    .width(2.0),
            );
            if markers {
                plot.points(
                    Points::new("Pain before", series.before.clone())
                        .color(strong)
                        .radius(3.0)
                        .shape(MarkerShape::Square),
                );
                plot.points(
                    Points::new("Pain after", series.after.clone())
                        .color(after_colour)
                        .radius(3.0),
                );
            }
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
/// One session's values under the column heads: painted as text in one
/// widget (rather than a label widget per cell, about 75 a frame), named
/// in words for a screen reader.
/// `columns_left`: where the first column (the date) begins, as the heads.
fn session_row(
    ui: &mut egui::Ui,
    session: &crate::course::Session,
    columns_left: f32,
    height: f32,
) {
    let gap = ui.spacing().item_spacing.x;
    let end: f32 = columns_left + TIMELINE_COLUMNS.iter().map(|(_, w)| w + gap).sum::<f32>();
    let width = (end - ui.cursor().min.x).max(1.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let values = [
        session.date().to_string(),
        session.minutes().to_string(),
        session.steps().to_string(),
        pain_text(session.pain_before()),
        pain_text(session.pain_after()),
    ];
    let painter = ui.painter();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    // Centred in each column, as the heads are.
    let mut x = columns_left;
    for ((_, column), value) in TIMELINE_COLUMNS.iter().zip(&values) {
        painter.text(
            egui::pos2(x + column / 2.0, rect.center().y),
            egui::Align2::CENTER_CENTER,
            value,
            font.clone(),
            colour,
        );
        x += column + gap;
    }
    response.widget_info(|| {
        let [date, minutes, steps, before, after] = &values;
        egui::WidgetInfo::labeled(
            egui::Role::Label,
            true,
            format!("{date}: {minutes} min, {steps} steps, pain before {before}, after {after}"),
        )
    });
}

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
        .auto_shrink([false, true])
        .show_rows(ui, row_height, sessions.len(), |ui, rows| {
            for index in rows {
                let Some(session) = sessions.get(index) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    let columns_left = ui.cursor().min.x + 60.0 + ui.spacing().item_spacing.x;
                    let mut ticked = view.compare.contains(&index);
                    let name = format!("Compare the session of {}", session.date());
                    ui.allocate_ui(egui::vec2(60.0, row_height), |ui| {
                        let tick = ui.checkbox(&mut ticked, "");
                        super::accessible::name_widget(&tick, || name.clone());
                        if tick.on_hover_text(name).clicked() {
                            actions.push(Action::Course(CourseAction::ToggleCompare(index)));
                        }
                    });
                    session_row(ui, session, columns_left, row_height);
                });
            }
        });
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
        super::accessible::name_widget(&from_box, || "Heat map from");
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
        super::accessible::name_widget(&to_box, || "Heat map to");
        if ui.button("All sessions").clicked() {
            actions.push(Action::Course(CourseAction::SetRange(DateRange::ALL)));
        }
        ui.label(format!("({} sessions)", view.heat.sessions));
    });
    ui.add_space(4.0);
    let atlas = crate::atlas::Atlas::builtin();
    let kinds = &view.heat_views;
    let side_width = 340.0;
    let height = ui.available_height() - 22.0;
    // Each view as large as fits: the back is tall, side and front wider.
    let aspects: Vec<f32> = kinds
        .iter()
        .map(|k| {
            let size = atlas.view(*k).size;
            size.x / size.y
        })
        .collect();
    let room = ui.available_width() - side_width - 16.0 * kinds.len() as f32;
    let scale = height.min(room / aspects.iter().sum::<f32>().max(0.1));
    ui.horizontal_top(|ui| {
        for (kind, aspect) in kinds.iter().zip(&aspects) {
            ui.vertical(|ui| {
                ui.label(RichText::new(super::course_heat_map::heat_view_title(*kind)).small());
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(scale * aspect, scale), egui::Sense::hover());
                super::course_heat_map::heat_view(ui, &view.heat, *kind, rect);
            });
        }
        ui.separator();
        ui.vertical(|ui| {
            ui.set_width(side_width - 16.0);
            super::course_heat_map::heat_legend(ui, &view.heat);
            ui.separator();
            heat_table(ui, view);
        });
    });
}

/// Widths of the heat table's columns.
const HEAT_COLUMNS: [(&str, f32); 3] = [
    ("Muscle and side", 170.0),
    ("Min", 40.0),
    ("Pressure", 70.0),
];

/// Every worked region by minutes, most first, its band's colour beside it;
/// only the rows in view are laid out.
fn heat_table(ui: &mut egui::Ui, view: &CourseView) {
    let ranked = view.heat.ranked();
    let max = view.heat.max_minutes();
    ui.horizontal(|ui| {
        ui.add_space(18.0);
        for (head, width) in HEAT_COLUMNS {
            ui.add_sized(
                [width, 16.0],
                egui::Label::new(RichText::new(head).strong()),
            );
        }
    });
    let row_height = 18.0;
    ScrollArea::vertical()
        .id_salt("course heat rows")
        .auto_shrink([false, true])
        .show_rows(ui, row_height, ranked.len(), |ui, rows| {
            for (region, cell) in ranked.get(rows).unwrap_or_default() {
                ui.horizontal(|ui| {
                    let band = crate::course::heat_band(cell.minutes(), max);
                    let (swatch, _) =
                        ui.allocate_exact_size(egui::vec2(14.0, 10.0), egui::Sense::hover());
                    let colour = super::course_heat_map::HEAT_RAMP
                        .get(band)
                        .copied()
                        .unwrap_or(Color32::GRAY);
                    ui.painter().rect_filled(swatch, 2.0, colour);
                    let values = [
                        region.label(),
                        format!("{:.0}", cell.minutes()),
                        cell.mean_pressure()
                            .map_or("—".to_owned(), |p| format!("{p:.1} of 5")),
                    ];
                    for ((_, width), value) in HEAT_COLUMNS.iter().zip(values) {
                        ui.add_sized(
                            [*width, row_height - 2.0],
                            egui::Label::new(value).halign(egui::Align::LEFT).truncate(),
                        );
                    }
                });
            }
        });
}
