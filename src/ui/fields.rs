//! Small form fields the editor is made of: each reports a change as an
//! edit and a lost focus as the end of a gesture (one undo step per field).

use egui::{Id, Response, RichText, TextEdit, Ui};

use super::accessible::name_widget;
use super::style;
use crate::model::{Pain, PainLevel};
use crate::planner::{Action, Edit};

pub fn push_text_edit(
    response: &Response,
    text: String,
    actions: &mut Vec<Action>,
    edit: impl FnOnce(String) -> Edit,
) {
    if response.changed() {
        actions.push(Action::Edit(edit(text)));
    }
    if response.lost_focus() {
        actions.push(Action::EndGesture);
    }
}

/// Width of the labels in front of the fields, so the fields line up.
pub const LABEL_WIDTH: f32 = 80.0;

/// A row: a label of fixed width, then `add` fills the rest. Returns the
/// label's id, to name the field by it.
pub fn labelled_row(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui, Id)) {
    ui.horizontal(|ui| {
        let label = ui.add_sized([LABEL_WIDTH, 20.0], egui::Label::new(label));
        add(ui, label.id);
    });
}

/// A labelled one-line field; the label is its accessible name too. A
/// `problem` shows under it in the error tone.
pub fn text_field(
    ui: &mut Ui,
    label: &str,
    value: &str,
    hint: &str,
    problem: Option<&str>,
    actions: &mut Vec<Action>,
    edit: impl FnOnce(String) -> Edit,
) {
    labelled_row(ui, label, |ui, label| {
        let mut text = value.to_string();
        let response = ui
            .add(
                TextEdit::singleline(&mut text)
                    .hint_text(hint)
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label);
        push_text_edit(&response, text, actions, edit);
    });
    if let Some(problem) = problem {
        ui.horizontal(|ui| {
            ui.add_space(LABEL_WIDTH + ui.spacing().item_spacing.x);
            ui.label(RichText::new(problem).color(style::error(ui.visuals())));
        });
    }
}

/// A multi-line field the width of the panel, named for screen readers.
pub fn multiline(
    ui: &mut Ui,
    name: &str,
    value: &str,
    hint: &str,
    actions: &mut Vec<Action>,
    edit: impl FnOnce(String) -> Edit,
) {
    let mut text = value.to_string();
    let response = ui.add(
        TextEdit::multiline(&mut text)
            .hint_text(hint)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    );
    name_widget(&response, || name);
    push_text_edit(&response, text, actions, edit);
}

/// The date as `YYYY-MM-DD`; a half-typed date stays in the field (red)
/// until it is a real date.
pub fn date_field(ui: &mut Ui, label: Id, date: jiff::civil::Date, actions: &mut Vec<Action>) {
    let id = ui.make_persistent_id("date draft");
    let saved = date.to_string();
    let mut draft: String = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| saved.clone());
    let valid = draft.trim().parse::<jiff::civil::Date>().is_ok();
    let mut field = TextEdit::singleline(&mut draft).desired_width(100.0);
    if !valid {
        field = field.text_color(style::error(ui.visuals()));
    }
    let response = ui
        .add(field)
        .labelled_by(label)
        .on_hover_text("Year-month-day, e.g. 2026-11-25");
    if response.changed() {
        if let Ok(date) = draft.trim().parse::<jiff::civil::Date>() {
            actions.push(Action::Edit(Edit::Date(date)));
        }
        ui.data_mut(|d| d.insert_temp(id, draft));
    } else if !response.has_focus() {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if response.lost_focus() {
        actions.push(Action::EndGesture);
    }
}

/// Pain 0–10 as buttons (one click, reachable with Tab), "not asked", and
/// where it is felt.
pub(crate) fn pain_field(
    ui: &mut Ui,
    which: &str,
    pain: Option<&Pain>,
    actions: &mut Vec<Action>,
    edit: impl Fn(Option<Pain>) -> Edit,
) {
    ui.vertical(|ui| {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 2.0;
            let none = ui
                .selectable_label(pain.is_none(), "not asked")
                .on_hover_text("Pain was not asked about");
            name_widget(&none, || format!("Pain {which} the session: not asked"));
            if none.clicked() && pain.is_some() {
                actions.push(Action::Edit(edit(None)));
            }
            for level in 0..=PainLevel::MAX.level() {
                let chosen = pain.map(|p| p.level.level()) == Some(level);
                let button = ui
                    .selectable_label(chosen, format!("{level}"))
                    .on_hover_text("0 no pain, 10 worst imaginable");
                name_widget(&button, || {
                    format!("Pain {which} the session: {level} of 10")
                });
                if button.clicked()
                    && !chosen
                    && let Ok(level) = PainLevel::new(level)
                {
                    // A new level keeps the words and the drawing.
                    let kept = pain.cloned().unwrap_or_default();
                    actions.push(Action::Edit(edit(Some(Pain { level, ..kept }))));
                }
            }
        });
        if let Some(current) = pain {
            let mut location = current.location.clone();
            let response = ui.add(
                TextEdit::singleline(&mut location)
                    .hint_text("Where (e.g. low back, right side)")
                    .desired_width(f32::INFINITY),
            );
            name_widget(&response, || {
                format!("Where the pain is felt {which} the session")
            });
            push_text_edit(&response, location, actions, |location| {
                edit(Some(Pain {
                    location,
                    ..current.clone()
                }))
            });
        }
    });
}
