//! The plan editor, the right panel: the client and session folded to one
//! line while steps are worked on, the client's conditions, whole-plan
//! warnings, the time bar, a quick-add field, and the steps as compact
//! rows. The whole panel scrolls as one; a step cut at the top by
//! scrolling keeps its title in a bar over it.

use egui::{Rect, RichText, ScrollArea, TextEdit, Ui};

use super::accessible::name_widget;
use super::client_section::client_section;
use super::safety::{ClientView, client_summary, warning_list};
use super::step_row::{StepRow, step_row, step_title, sticky_title};
use super::step_trigger_point::trigger_point_choice;
use super::suggestions::referral_suggestions;
use super::time_bar::time_bar;
use crate::model::{Finding, Plan, find_muscles};
use crate::planner::{Action, Command, DocState, Edit};
use crate::screening::Warning;

/// What the plan editor shows.
pub struct EditorView<'a> {
    pub plan: &'a Plan,
    pub selected_step: Option<usize>,
    pub state: DocState,
    /// The plan's screening warnings, acknowledged ones included.
    pub warnings: &'a [Warning],
    pub client: ClientView<'a>,
    /// What is wrong with the plan, once a save was tried.
    pub problems: Vec<Finding>,
    /// The quick-add field should take the keyboard (Ctrl+K).
    pub focus_quick_add: bool,
}

/// Where a step's row landed, for the sticky title.
struct Placed {
    index: usize,
    rect: Rect,
    title_height: f32,
}

pub fn plan_editor(ui: &mut Ui, view: &EditorView<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut placed = Vec::new();
    let output = ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(4.0);
            client_section(ui, view.plan, &view.problems, &mut actions);
            referral_suggestions(ui, view.plan, &mut actions);
            client_summary(ui, &view.client, &mut actions);
            let whole_plan: Vec<&Warning> =
                view.warnings.iter().filter(|w| w.step.is_none()).collect();
            warning_list(ui, &whole_plan, &mut actions);
            ui.add_space(4.0);
            time_bar(ui, view.plan);
            ui.separator();
            steps_header(ui, view, &mut actions);
            steps(ui, view, &mut actions, &mut placed);
        });
    // The step cut by the top edge, if its title scrolled out of sight.
    let clip = output.inner_rect;
    if let Some(cut) = placed
        .iter()
        .find(|p| p.rect.top() < clip.top() && p.rect.bottom() > clip.top() + 24.0)
        && let Some(step) = view.plan.steps.get(cut.index)
    {
        sticky_title(ui, clip, &step_title(cut.index, step), cut.title_height);
    }
    actions
}

fn steps_header(ui: &mut Ui, view: &EditorView<'_>, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.heading(format!("Steps ({})", view.plan.steps.len()));
        quick_add(ui, view.focus_quick_add, actions);
    });
    if view.plan.steps.is_empty() {
        ui.label("Click a muscle on the map, or type one above (Ctrl+K), to add a step.");
    }
    turn_less(ui, view.plan, actions);
}

/// Offered when another order of the steps turns the client fewer times.
fn turn_less(ui: &mut Ui, plan: &Plan, actions: &mut Vec<Action>) {
    let now = plan.position_changes();
    let least = crate::model::position_changes(&plan.steps_turned_less());
    if least >= now {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "The client turns {now} {} in this order.",
            if now == 1 { "time" } else { "times" }
        ));
        let button = ui
            .button(format!("Reorder: {least} {}", if least == 1 { "turn" } else { "turns" }))
            .on_hover_text(
                "Group the steps by the client's position, keeping their order within each position",
            );
        name_widget(&button, || "Reorder to turn the client less");
        if button.clicked() {
            actions.push(Action::Edit(Edit::TurnClientLess));
        }
    });
}

/// "ql r" + Enter adds the right quadratus lumborum: steps without the mouse.
fn quick_add(ui: &mut Ui, focus: bool, actions: &mut Vec<Action>) {
    let id = ui.make_persistent_id("quick add text");
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let found = find_muscles(&text);
    let hint = "Add: muscle and side, e.g. ql r";
    let response = ui.add(
        TextEdit::singleline(&mut text)
            .hint_text(hint)
            .desired_width(ui.available_width()),
    );
    name_widget(&response, || "Add a step by name");
    let response = response.on_hover_text(Command::QuickAdd.tooltip());
    if focus {
        response.request_focus();
        actions.push(Action::FocusTaken);
    }
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if entered && let Some(first) = found.first() {
        actions.push(Action::Pick(*first));
        text.clear();
    }
    if response.has_focus() && !text.trim().is_empty() {
        let shown = match found.first() {
            Some(first) => format!("Enter adds: {}", first.label()),
            None => "No muscle matches".to_string(),
        };
        ui.label(RichText::new(shown).italics());
    }
    ui.data_mut(|d| d.insert_temp(id, text));
}

fn steps(ui: &mut Ui, view: &EditorView<'_>, actions: &mut Vec<Action>, placed: &mut Vec<Placed>) {
    let plan = view.plan;
    for (index, step) in plan.steps.iter().enumerate() {
        // A row scrolled out of sight only keeps its place: laying out every
        // row's controls was most of a frame's time with long plans.
        let height_id = ui.make_persistent_id(("step row height", index));
        let known = ui.data(|d| d.get_temp::<f32>(height_id));
        let selected = view.selected_step == Some(index);
        if let Some(height) = known
            && !selected
        {
            let size = egui::vec2(ui.available_width(), height);
            if !ui.is_rect_visible(Rect::from_min_size(ui.cursor().min, size)) {
                ui.allocate_space(size);
                continue;
            }
        }
        let on_step: Vec<&Warning> = view
            .warnings
            .iter()
            .filter(|w| w.step == Some(index))
            .collect();
        let row = StepRow {
            index,
            step,
            count: plan.steps.len(),
            selected,
            warnings: &on_step,
        };
        let top = ui.cursor().top();
        let title_height = step_row(ui, &row, actions);
        if selected {
            trigger_point_choice(ui, index, step, actions);
        }
        let rect = Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=ui.cursor().top());
        ui.data_mut(|d| d.insert_temp(height_id, rect.height()));
        placed.push(Placed {
            index,
            rect,
            title_height,
        });
    }
}
