//! Two sessions of a client's course compared: their maps side by side
//! (the editor's marks: technique bands and step numbers per muscle and
//! side) and a table of what changed from the older to the newer. The
//! words are worked out by the planner when the pair is chosen.

use egui::{ComboBox, RichText, ScrollArea, Sense, Ui, Vec2, WidgetInfo};

use super::map::{MapView, map_picture, region_at, view_switch};
use super::painted_cache::cached_paint;
use crate::atlas::{Atlas, Layer, ViewKind};
use crate::course::Session;
use crate::model::MuscleSide;
use crate::planner::{Action, CourseAction, CourseView};

/// Width of the table of changes beside the two maps.
const TABLE_WIDTH: f32 = 430.0;

pub fn compare_tab(ui: &mut Ui, view: &CourseView, actions: &mut Vec<Action>) {
    let sessions = &view.course.sessions;
    let (older, newer) = match view.comparison() {
        Some(c) => (Some(c.older), Some(c.newer)),
        None => (None, None),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("Compare");
        let len = sessions.len();
        if let Some(a) = pick(ui, "Older session", older, newer, sessions, |i| {
            pair_with(i, newer, len)
        }) {
            actions.push(Action::Course(a));
        }
        ui.label("with");
        if let Some(a) = pick(ui, "Newer session", newer, older, sessions, |i| {
            pair_with(i, older, len)
        }) {
            actions.push(Action::Course(a));
        }
        ui.separator();
        if let Some(kind) = view_switch(ui, view.compare_view) {
            actions.push(Action::Course(CourseAction::CompareView(kind)));
        }
    });
    let Some(comparison) = view.comparison() else {
        ui.add_space(8.0);
        ui.label(
            "Choose two sessions above, or tick two in the list on the \
             \"Sessions and pain\" tab.",
        );
        if sessions.len() >= 2 {
            let last = sessions.len() - 1;
            if ui.button("Compare the last two sessions").clicked() {
                actions.push(Action::Course(CourseAction::Compare(last - 1, last)));
            }
        }
        return;
    };
    let (Some(a), Some(b)) = (
        sessions.get(comparison.older),
        sessions.get(comparison.newer),
    ) else {
        return;
    };
    ui.separator();
    let height = ui.available_height().max(200.0);
    let map_width = ((ui.available_width() - TABLE_WIDTH - 24.0) / 2.0).max(160.0);
    ui.horizontal_top(|ui| {
        session_map(ui, a, view.compare_view, Vec2::new(map_width, height));
        session_map(ui, b, view.compare_view, Vec2::new(map_width, height));
        ui.separator();
        ui.vertical(|ui| {
            ui.set_width(TABLE_WIDTH - 16.0);
            changes_table(ui, a, b, &comparison.differences);
        });
    });
}

/// Session `chosen` compared with `other`, or with the last session (the
/// one before it when it is the last) while only one is chosen.
fn pair_with(chosen: usize, other: Option<usize>, len: usize) -> Option<CourseAction> {
    let last = len.checked_sub(1)?;
    let other = other.unwrap_or(if chosen == last {
        last.checked_sub(1)?
    } else {
        last
    });
    (other != chosen).then(|| CourseAction::Compare(chosen.min(other), chosen.max(other)))
}

/// A combo box of the sessions by date; what choosing one does.
fn pick(
    ui: &mut Ui,
    name: &str,
    chosen: Option<usize>,
    other: Option<usize>,
    sessions: &[Session],
    on_choose: impl Fn(usize) -> Option<CourseAction>,
) -> Option<CourseAction> {
    let mut action = None;
    let text = chosen
        .and_then(|i| sessions.get(i))
        .map_or("choose a session".to_owned(), |s| s.date().to_string());
    let response = ComboBox::from_id_salt(name)
        .selected_text(text)
        .height(300.0)
        .show_ui(ui, |ui| {
            for (index, session) in sessions.iter().enumerate().rev() {
                if Some(index) == other {
                    continue;
                }
                if ui
                    .selectable_label(Some(index) == chosen, session.date().to_string())
                    .clicked()
                {
                    action = on_choose(index);
                }
            }
        })
        .response;
    super::accessible::name_widget(&response, || name);
    action
}

/// One session's plan on the map, its date and numbers above it.
fn session_map(ui: &mut Ui, session: &Session, kind: ViewKind, size: Vec2) {
    ui.vertical(|ui| {
        ui.set_width(size.x);
        ui.strong(session.date().to_string());
        ui.label(format!(
            "{} steps · {} min · pain {} → {}",
            session.steps(),
            session.minutes(),
            pain(session.pain_before()),
            pain(session.pain_after())
        ));
        let map_size = Vec2::new(size.x, (ui.available_height() - 4.0).max(120.0));
        let (rect, response) = ui.allocate_exact_size(map_size, Sense::hover());
        let name = format!("Map of the session of {}", session.date());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, &name));
        let atlas = Atlas::builtin();
        let layer = Layer::Superficial;
        let hovered = response
            .hover_pos()
            .and_then(|p| region_at(atlas, kind, layer, rect, p));
        let map = MapView {
            atlas,
            view: kind,
            plan: &session.plan,
            layer,
            landmarks: false,
            selected_step: None,
            warnings: &[],
            names: false,
            referral: false,
            trigger_points: false,
        };
        // The plan on screen changes only with the view, size, theme and
        // the muscle pointed at: painted once for those.
        let key = (
            &session.path,
            session.plan.steps.len(),
            kind,
            [rect.min.x, rect.min.y, rect.max.x, rect.max.y].map(f32::to_bits),
            ui.visuals().dark_mode,
            hovered.map(|r| (r.muscle, r.side, r.layer)),
        );
        let id = ui.scope_id().with(("compare map", &session.path));
        cached_paint(ui, id, key, || map_picture(ui, &map, rect, hovered));
        if let Some(region) = hovered {
            let here = MuscleSide::new(region.muscle, region.side);
            let steps: Vec<String> = session
                .plan
                .steps_on(here)
                .map(|(i, step)| {
                    format!(
                        "Step {}: {}, {}, {} min",
                        i + 1,
                        step.technique.name(),
                        step.pressure.label(),
                        step.minutes
                    )
                })
                .collect();
            let title = region.label();
            response.on_hover_ui_at_pointer(|ui| {
                ui.strong(title);
                if steps.is_empty() {
                    ui.label("Not worked in this session");
                }
                for step in steps {
                    ui.label(step);
                }
            });
        }
    });
}

fn pain(pain: Option<&crate::model::Pain>) -> String {
    pain.map_or("—".to_owned(), |p| p.level.level().to_string())
}

/// What changed, one row per difference: what, in the older, in the newer.
fn changes_table(
    ui: &mut Ui,
    older: &Session,
    newer: &Session,
    differences: &[crate::model::Difference],
) {
    ui.strong(format!(
        "What changed from {} to {}",
        older.date(),
        newer.date()
    ));
    if differences.is_empty() {
        ui.label("The two sessions were planned the same.");
        return;
    }
    let column = (ui.available_width() - WHAT_WIDTH - 24.0) / 2.0;
    ui.horizontal_top(|ui| {
        cell(ui, RichText::new("What").strong(), WHAT_WIDTH);
        cell(ui, RichText::new(older.date().to_string()).strong(), column);
        cell(ui, RichText::new(newer.date().to_string()).strong(), column);
    });
    ui.separator();
    // Rows as tall as their longest text (a grid would size them from
    // the frame before and overlap wrapped text).
    ScrollArea::vertical()
        .id_salt("changes between sessions")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // The dates head the columns already.
            for difference in differences.iter().filter(|d| d.what != "Date") {
                ui.horizontal_top(|ui| {
                    cell(ui, RichText::new(&difference.what).strong(), WHAT_WIDTH);
                    cell(ui, RichText::new(&difference.before), column);
                    cell(ui, RichText::new(&difference.after), column);
                });
                ui.add(egui::Separator::default().spacing(4.0));
            }
        });
}

/// Width of the table's first column ("Step 3 pressure").
const WHAT_WIDTH: f32 = 110.0;

/// A table cell that wraps its text at `width`.
fn cell(ui: &mut Ui, text: RichText, width: f32) {
    ui.allocate_ui(Vec2::new(width, 0.0), |ui| {
        ui.set_min_width(width);
        ui.set_max_width(width);
        ui.add(egui::Label::new(text).wrap());
    });
}
