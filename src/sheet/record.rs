//! The session record sheet: what was planned against what was done, step
//! by step, pain before and after, the client's response and the SOAP
//! notes. Rows move to the next page whole.

use crate::model::{Outcome, Plan, SessionRecord, Step};

use super::layout::{Pager, Pen, Rect, grey};
use super::sections::Section;
use super::table::{HeaderCell, header_band};
use super::text::{Style, ellipsize, wrap};

const BODY: Style = Style::regular(9.0);
const BODY_BOLD: Style = Style::bold(9.0);
const HEAD: Style = Style::bold(7.5);
const PAIN_LABEL: Style = Style::bold(6.5);
const PAIN_VALUE: Style = Style::bold(14.0);
const LINE: f32 = 11.5;
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
const HEAD_HEIGHT: f32 = 16.0;

/// Column titles and their share of the width (the note takes the rest).
const COLUMNS: [(&str, f32); 7] = [
    ("#", 0.045),
    ("Muscle", 0.2),
    ("Technique", 0.13),
    ("Pressure", 0.14),
    ("Planned", 0.08),
    ("Done", 0.1),
    ("Note during the session", 0.0),
];

/// The record part of the sheet, below the header.
pub(crate) fn lay_out_record(pager: &mut Pager, plan: &Plan) {
    pain(pager, plan);
    let Some(record) = &plan.record else {
        let frame = pager.frame;
        pager.y += 8.0;
        let baseline = pager.baseline(pager.y, LINE, BODY);
        pager.text(
            frame.left,
            baseline,
            BODY,
            grey::TEXT_SECONDARY,
            "No session record yet: run the session in the app (Session mode, F5) to keep one."
                .to_owned(),
        );
        pager.y += LINE;
        return;
    };
    table(pager, plan, record);
    pager.y += 14.0;
    let (left, width) = (pager.frame.left, pager.frame.content_width());
    let full_width = move |_: usize, _: f32| (left, width);
    for section in notes(record) {
        section.place(pager, &full_width);
    }
}

/// Pain before and after side by side: the rating large, where below it.
fn pain(pager: &mut Pager, plan: &Plan) {
    let frame = pager.frame;
    let top = pager.y;
    let half = frame.content_width() / 2.0;
    let mut bottom = top + 26.0;
    for (i, (label, pain)) in [
        ("PAIN BEFORE (0–10)", &plan.pain_before),
        ("PAIN AFTER (0–10)", &plan.pain_after),
    ]
    .into_iter()
    .enumerate()
    {
        let x = frame.left + i as f32 * half;
        pager.text(
            x,
            top + 7.0,
            PAIN_LABEL,
            grey::TEXT_SECONDARY,
            label.to_owned(),
        );
        let Some(pain) = pain else {
            pager.text(
                x,
                top + 23.0,
                PAIN_VALUE,
                grey::TEXT_SECONDARY,
                "not recorded".to_owned(),
            );
            continue;
        };
        pager.text(
            x,
            top + 23.0,
            PAIN_VALUE,
            grey::BLACK,
            format!("{}/10", pain.level.level()),
        );
        let mut y = top + 26.0;
        for line in wrap(pager.fonts, BODY, pain.location.trim(), half - 16.0)
            .into_iter()
            .take(3)
        {
            let baseline = pager.baseline(y, LINE, BODY);
            pager.text(x, baseline, BODY, grey::BLACK, line);
            y += LINE;
        }
        bottom = bottom.max(y);
    }
    pager.y = bottom + 8.0;
}

struct Columns {
    x: [f32; 7],
    w: [f32; 7],
}

impl Columns {
    fn new(left: f32, width: f32) -> Columns {
        let mut w = [0.0; 7];
        for (i, (_, share)) in COLUMNS.iter().enumerate() {
            w[i] = width * share;
        }
        w[6] = width - w.iter().take(6).sum::<f32>();
        let mut x = [0.0; 7];
        let mut at = left;
        for i in 0..7 {
            x[i] = at;
            at += w[i];
        }
        Columns { x, w }
    }

    fn inner(&self, i: usize) -> f32 {
        (self.w[i] - 2.0 * PAD_X).max(1.0)
    }
}

/// The cells of one step: planned beside done.
fn cells(number: usize, step: &Step, record: &SessionRecord) -> [String; 7] {
    let done = record.step(number - 1);
    let pressure = match done.and_then(|d| d.pressure) {
        Some(used) if used != step.pressure => {
            format!("{} → {}", step.pressure.label(), used.label())
        }
        _ => step.pressure.label(),
    };
    let time = match done {
        Some(d) if d.outcome == Outcome::Skipped => "skipped".to_owned(),
        Some(d) => d.seconds.clock(),
        None => "not done".to_owned(),
    };
    [
        number.to_string(),
        step.muscle.label_with_side(step.side),
        step.technique.name().to_owned(),
        pressure,
        format!("{} min", step.minutes),
        time,
        done.map(|d| d.note.clone()).unwrap_or_default(),
    ]
}

fn style(column: usize) -> Style {
    if matches!(column, 0 | 1) {
        BODY_BOLD
    } else {
        BODY
    }
}

fn table(pager: &mut Pager, plan: &Plan, record: &SessionRecord) {
    let frame = pager.frame;
    let columns = Columns::new(frame.left, frame.content_width());
    // A row never grows taller than a fresh page holds.
    let max_lines =
        (((pager.full_page_room() - HEAD_HEIGHT - 2.0 * PAD_Y) / LINE).floor() as usize).max(1);
    pager.make_room(HEAD_HEIGHT + 2.0 * LINE);
    header_row(pager, &columns);
    for (index, step) in plan.steps.iter().enumerate() {
        let cells = cells(index + 1, step, record);
        let mut wrapped: Vec<Vec<String>> = cells
            .iter()
            .enumerate()
            .map(|(c, text)| wrap(pager.fonts, style(c), text, columns.inner(c)))
            .collect();
        for lines in &mut wrapped {
            if lines.len() > max_lines {
                lines.truncate(max_lines);
                if let Some(last) = lines.last_mut() {
                    last.push_str(" …");
                }
            }
        }
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let h = lines as f32 * LINE + 2.0 * PAD_Y;
        if pager.make_room(h) {
            header_row(pager, &columns);
        }
        let top = pager.y;
        if index % 2 == 1 {
            pager.rect(
                Rect::new(frame.left, top, frame.content_width(), h),
                Some(247),
                None,
            );
        }
        let done = record
            .step(index)
            .is_some_and(|d| d.outcome == Outcome::Done);
        for (c, lines) in wrapped.into_iter().enumerate() {
            // The time spent stands out; "skipped" and "not done" are grey.
            let (style, shade) = match c {
                5 if done => (BODY_BOLD, grey::BLACK),
                5 => (BODY, grey::TEXT_SECONDARY),
                c => (style(c), grey::BLACK),
            };
            for (n, line) in lines.into_iter().enumerate() {
                let baseline = pager.baseline(top + PAD_Y + n as f32 * LINE, LINE, style);
                if c == 0 {
                    let right = columns.x[c] + columns.w[c] - PAD_X;
                    pager.text_right(right, baseline, style, shade, line);
                } else {
                    pager.text(columns.x[c] + PAD_X, baseline, style, shade, line);
                }
            }
        }
        pager.y += h;
        pager.line(
            (frame.left, pager.y),
            (frame.right, pager.y),
            Pen::new(0.4, grey::RULE_LIGHT),
        );
    }
    total_row(pager, &columns, plan, record);
}

fn header_row(pager: &mut Pager, columns: &Columns) {
    let cells: Vec<HeaderCell> = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (title, _))| HeaderCell {
            left: columns.x[i],
            width: columns.w[i],
            title: ellipsize(pager.fonts, HEAD, title, columns.inner(i)),
            right_aligned: i == 0,
        })
        .collect();
    header_band(pager, &cells);
}

fn total_row(pager: &mut Pager, columns: &Columns, plan: &Plan, record: &SessionRecord) {
    let frame = pager.frame;
    let h = LINE + 2.0 * PAD_Y + 2.0;
    if pager.make_room(h) {
        header_row(pager, columns);
    }
    let top = pager.y;
    pager.line(
        (frame.left, top),
        (frame.right, top),
        Pen::new(1.0, grey::BLACK),
    );
    let baseline = pager.baseline(top + 1.0, LINE + 2.0 * PAD_Y, BODY_BOLD);
    let done = plan
        .steps
        .iter()
        .enumerate()
        .filter(|(i, _)| record.step(*i).is_some_and(|d| d.outcome == Outcome::Done))
        .count();
    let skipped = record
        .steps
        .iter()
        .filter(|d| d.outcome == Outcome::Skipped)
        .count();
    let cells = [
        (1, "Total".to_owned()),
        (4, format!("{} min", plan.total_minutes())),
        (
            5,
            crate::model::Seconds::new(u32::try_from(record.total_seconds()).unwrap_or(u32::MAX))
                .clock(),
        ),
        (
            6,
            format!(
                "{done} of {} steps done, {skipped} skipped",
                plan.steps.len()
            ),
        ),
    ];
    for (c, text) in cells {
        let text = ellipsize(pager.fonts, BODY_BOLD, &text, columns.inner(c).max(60.0));
        pager.text(columns.x[c] + PAD_X, baseline, BODY_BOLD, grey::BLACK, text);
    }
    pager.y += h;
}

/// The client's response and the SOAP notes.
fn notes(record: &SessionRecord) -> Vec<Section> {
    let soap = &record.soap;
    [
        ("Client's response", &record.client_response),
        ("S: Subjective", &soap.subjective),
        ("O: Objective", &soap.objective),
        ("A: Assessment", &soap.assessment),
        ("P: Plan for next time", &soap.plan),
    ]
    .into_iter()
    .map(|(title, body)| Section::plain(title, body.clone(), "Not recorded."))
    .collect()
}
