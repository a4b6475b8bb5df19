//! One step of the plan: a compact row on a fixed grid (number and muscle,
//! side, technique, pressure, minutes), its warnings always in sight under
//! it, and, for the selected step, the notes as a full-width field and the
//! step's buttons.

use egui::{
    Button, ComboBox, DragValue, Frame, Response, RichText, Sense, Stroke, TextEdit, Ui, Vec2,
};

use super::accessible::name_widget;
use super::fields::push_text_edit;
use super::safety::warning_list;
use super::style;
use crate::model::{MAX_STEP_MINUTES, MIN_STEP_MINUTES, Position, Pressure, Side, Step, Technique};
use crate::planner::{Action, Edit};
use crate::screening::Warning;

/// Widths of the row's controls, so every row lines up.
const SIDE_WIDTH: f32 = 52.0;
const TECHNIQUE_WIDTH: f32 = 104.0;
const PRESSURE_WIDTH: f32 = 86.0;
const MINUTES_WIDTH: f32 = 56.0;

pub struct StepRow<'a> {
    pub index: usize,
    pub step: &'a Step,
    pub count: usize,
    pub selected: bool,
    pub warnings: &'a [&'a Warning],
}

impl StepRow<'_> {
    /// "3. Left quadratus lumborum", the title the row never shows without.
    pub fn title(&self) -> String {
        step_title(self.index, self.step)
    }
}

/// "3. Left quadratus lumborum" for the step at `index`.
pub fn step_title(index: usize, step: &Step) -> String {
    format!("{}. {}", index + 1, step.region().label())
}

/// Draws the step; returns the height of its title line (for the sticky title).
pub fn step_row(ui: &mut Ui, row: &StepRow<'_>, actions: &mut Vec<Action>) -> f32 {
    let visuals = ui.visuals().clone();
    let fill = if row.selected {
        visuals.selection.bg_fill.gamma_multiply(0.3)
    } else {
        visuals.faint_bg_color
    };
    let mut title_height = 0.0;
    Frame::group(ui.style())
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(6, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.push_id(("step", row.index), |ui| {
                let top = ui.cursor().top();
                title_line(ui, row, actions);
                title_height = ui.cursor().top() - top;
                warning_list(ui, row.warnings, actions);
                if row.selected {
                    details(ui, row, actions);
                } else {
                    // The position leads, so turns show down the list.
                    let summary: Vec<&str> = row
                        .step
                        .position
                        .map(Position::name)
                        .into_iter()
                        .chain(Some(row.step.notes.trim()).filter(|n| !n.is_empty()))
                        .collect();
                    if !summary.is_empty() {
                        ui.add(
                            egui::Label::new(RichText::new(summary.join(" · ")).weak()).truncate(),
                        );
                    }
                }
            });
        });
    title_height
}

fn title_line(ui: &mut Ui, row: &StepRow<'_>, actions: &mut Vec<Action>) {
    // Laid out from the right: the controls keep their widths, and the
    // title takes exactly what is left (cut with "…" when long), so a row
    // never grows wider than the panel.
    let line = Vec2::new(ui.available_width(), ui.spacing().interact_size.y + 2.0);
    ui.allocate_ui_with_layout(
        line,
        egui::Layout::right_to_left(egui::Align::Center),
        |ui| {
            minutes_field(ui, row.index, row.step.minutes, actions);
            pressure_choice(ui, row.index, row.step.pressure, actions);
            technique_choice(ui, row.index, row.step.technique, actions);
            side_choice(ui, row.index, row.step.side, actions);
            let title_width = (ui.available_width() - 4.0 - ui.spacing().item_spacing.x).max(40.0);
            let title = ui
                .allocate_ui_with_layout(
                    Vec2::new(title_width, 20.0),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.set_width(title_width);
                        ui.add(
                            Button::selectable(row.selected, RichText::new(row.title()).strong())
                                .truncate(),
                        )
                    },
                )
                .inner
                // Built only while hovered: a title formatted per row each frame adds up.
                .on_hover_ui(|ui| {
                    ui.label(format!(
                        "{}: click to select; its muscle is highlighted on the map",
                        row.title()
                    ));
                });
            if title.clicked() {
                let next = (!row.selected).then_some(row.index);
                actions.push(Action::SelectStep(next));
            }
            // A stripe in the technique's colour, the same as on the map.
            let (stripe, _) = ui.allocate_exact_size(Vec2::new(4.0, 20.0), Sense::hover());
            ui.painter()
                .rect_filled(stripe, 1.0, style::technique_colour(row.step.technique));
        },
    );
}

/// The selected step's notes and buttons.
fn details(ui: &mut Ui, row: &StepRow<'_>, actions: &mut Vec<Action>) {
    let index = row.index;
    let mut notes = row.step.notes.clone();
    let response = ui.add(
        TextEdit::multiline(&mut notes)
            .hint_text("Notes for this step")
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    name_widget(&response, || format!("Notes for step {}", index + 1));
    push_text_edit(&response, notes, actions, |v| Edit::StepNotes(index, v));
    ui.horizontal_wrapped(|ui| {
        position_choice(ui, index, row.step.position, actions);
        step_buttons(ui, row, actions);
    });
}

/// How the client lies for the step; "Not set" means where they already lie.
fn position_choice(
    ui: &mut Ui,
    index: usize,
    position: Option<Position>,
    actions: &mut Vec<Action>,
) {
    const NOT_SET: &str = "Position not set";
    let response = ComboBox::from_id_salt("position")
        .selected_text(position.map_or(NOT_SET, Position::name))
        .show_ui(ui, |ui| {
            for choice in Position::ALL.map(Some).into_iter().chain([None]) {
                let label = choice.map_or(NOT_SET, Position::name);
                if ui.selectable_label(choice == position, label).clicked() && choice != position {
                    actions.push(Action::Edit(Edit::StepPosition(index, choice)));
                }
            }
        })
        .response
        .on_hover_text("How the client lies for this step (printed in the step's notes)");
    name_widget(&response, || format!("Position for step {}", index + 1));
}

fn step_buttons(ui: &mut Ui, row: &StepRow<'_>, actions: &mut Vec<Action>) {
    let (index, n) = (row.index, row.index + 1);
    if button(ui, index > 0, "Up", &format!("Move step {n} up")).clicked() {
        actions.push(Action::Edit(Edit::MoveStep {
            from: index,
            to: index - 1,
        }));
    }
    if button(
        ui,
        index + 1 < row.count,
        "Down",
        &format!("Move step {n} down"),
    )
    .clicked()
    {
        actions.push(Action::Edit(Edit::MoveStep {
            from: index,
            to: index + 1,
        }));
    }
    if button(ui, true, "Duplicate", &format!("Duplicate step {n}")).clicked() {
        actions.push(Action::Edit(Edit::DuplicateStep(index)));
    }
    if row.step.side == Side::Both
        && button(
            ui,
            true,
            "Split into left + right",
            &format!("Make step {n} one step per side, the minutes shared"),
        )
        .clicked()
    {
        actions.push(Action::Edit(Edit::SplitStep(index)));
    }
    if button(ui, true, "Remove", &format!("Remove step {n}")).clicked() {
        actions.push(Action::Edit(Edit::RemoveStep(index)));
    }
}

fn button(ui: &mut Ui, enabled: bool, text: &str, tip: &str) -> Response {
    ui.add_enabled(enabled, Button::new(text))
        .on_hover_text(tip)
}

fn side_choice(ui: &mut Ui, index: usize, side: Side, actions: &mut Vec<Action>) {
    let short = |s: Side| match s {
        Side::Left => "Left",
        Side::Right => "Right",
        Side::Both => "Both",
    };
    let response = ComboBox::from_id_salt("side")
        .selected_text(short(side))
        .width(SIDE_WIDTH)
        .show_ui(ui, |ui| {
            for choice in Side::ALL {
                if ui.selectable_label(choice == side, choice.name()).clicked() && choice != side {
                    actions.push(Action::Edit(Edit::StepSide(index, choice)));
                }
            }
        })
        .response
        .on_hover_text("The client's side");
    name_widget(&response, || format!("Side for step {}", index + 1));
}

fn technique_choice(ui: &mut Ui, index: usize, technique: Technique, actions: &mut Vec<Action>) {
    let response = ComboBox::from_id_salt("technique")
        .selected_text(technique.name())
        .width(TECHNIQUE_WIDTH)
        .show_ui(ui, |ui| {
            for choice in Technique::ALL {
                if ui
                    .selectable_label(choice == technique, choice.name())
                    .on_hover_text(choice.description())
                    .clicked()
                    && choice != technique
                {
                    actions.push(Action::Edit(Edit::StepTechnique(index, choice)));
                }
            }
        })
        .response
        .on_hover_text(technique.description());
    name_widget(&response, || format!("Technique for step {}", index + 1));
}

fn pressure_choice(ui: &mut Ui, index: usize, pressure: Pressure, actions: &mut Vec<Action>) {
    let response = ComboBox::from_id_salt("pressure")
        .selected_text(pressure.label())
        .width(PRESSURE_WIDTH)
        .show_ui(ui, |ui| {
            for choice in Pressure::all() {
                if ui
                    .selectable_label(choice == pressure, choice.label())
                    .clicked()
                    && choice != pressure
                {
                    actions.push(Action::Edit(Edit::StepPressure(index, choice)));
                }
            }
        })
        .response
        .on_hover_text("Pressure, 1 (very light) to 5 (deep)");
    name_widget(&response, || format!("Pressure for step {}", index + 1));
}

fn minutes_field(ui: &mut Ui, index: usize, minutes: u16, actions: &mut Vec<Action>) {
    let mut value = minutes;
    let drag = ui
        .add_sized(
            [MINUTES_WIDTH, 20.0],
            DragValue::new(&mut value)
                .range(MIN_STEP_MINUTES..=MAX_STEP_MINUTES)
                .suffix(" min"),
        )
        .on_hover_text("Minutes for this step (drag or type)");
    name_widget(&drag, || format!("Minutes for step {}", index + 1));
    if drag.changed() {
        actions.push(Action::Edit(Edit::StepMinutes(index, value)));
    }
    if drag.drag_stopped() || drag.lost_focus() {
        actions.push(Action::EndGesture);
    }
}

/// Draws `title` as a bar over the top of `clip`: a step cut by scrolling
/// still shows whose warnings and notes these are.
pub fn sticky_title(ui: &Ui, clip: egui::Rect, title: &str, height: f32) {
    let bar = egui::Rect::from_min_size(clip.min, Vec2::new(clip.width(), height.max(20.0)));
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("sticky step title"),
    ));
    let painter = painter.with_clip_rect(clip);
    let visuals = ui.visuals();
    painter.rect_filled(bar, 0.0, visuals.panel_fill);
    painter.line_segment(
        [bar.left_bottom(), bar.right_bottom()],
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
    );
    painter.text(
        bar.left_center() + Vec2::new(10.0, 0.0),
        egui::Align2::LEFT_CENTER,
        title,
        egui::TextStyle::Button.resolve(ui.style()),
        visuals.strong_text_color(),
    );
}
