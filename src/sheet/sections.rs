//! The text sections beside the map: goals, pain, precautions, the
//! client's conditions, safety warnings, plan check and self-care.

use crate::model::{ClientRecord, Finding, Plan, Severity};
use crate::screening::Warning;

use super::SheetOptions;
use super::keep::{Keep, Lines};
use super::layout::{Op, Pager, Rect, grey};
use super::text::{Style, wrap};

const SECTION_TITLE: Style = Style::bold(9.5);
const SECTION_BODY: Style = Style::regular(9.0);
const SECTION_LINE: f32 = 11.5;
const TITLE_LINE: f32 = 15.0;
const AFTER_SECTION: f32 = 8.0;

pub(crate) struct Section {
    title: &'static str,
    body: String,
    emphasis: Emphasis,
    /// Free text (lines kept two together) or a list (items kept whole).
    keep: Keep,
    /// Shown in grey when the body is empty.
    when_empty: Option<&'static str>,
}

/// Goals always; precautions, the client's conditions, safety
/// warnings, plan check and self-care when there are any.
pub(crate) fn sections(plan: &Plan, options: &SheetOptions) -> Vec<Section> {
    let mut sections = vec![Section {
        title: "Goals",
        body: plan.goals.clone(),
        emphasis: Emphasis::Normal,
        keep: Keep::TwoLines,
        when_empty: Some("None recorded."),
    }];
    if !plan.precautions.trim().is_empty() {
        sections.push(Section {
            title: "Precautions",
            body: plan.precautions.clone(),
            emphasis: Emphasis::Warning,
            keep: Keep::TwoLines,
            when_empty: None,
        });
    }
    if let Some(client) = &options.client {
        let lines = client_lines(client);
        if !lines.is_empty() {
            sections.push(Section {
                title: "Client's conditions and wishes",
                body: lines.join("\n"),
                emphasis: Emphasis::Warning,
                keep: Keep::Whole,
                when_empty: None,
            });
        }
    }
    let open = warning_lines(plan, &options.warnings);
    if !open.is_empty() {
        sections.push(Section {
            title: "Safety warnings (not yet acknowledged)",
            body: open.join("\n"),
            emphasis: Emphasis::Warning,
            keep: Keep::Whole,
            when_empty: None,
        });
    }
    // A Refer out stays on the sheet once cleared, with who cleared it.
    let cleared = cleared_lines(&options.warnings);
    if !cleared.is_empty() {
        sections.push(Section {
            title: "Referred out and cleared",
            body: cleared.join("\n"),
            emphasis: Emphasis::Warning,
            keep: Keep::Whole,
            when_empty: None,
        });
    }
    let findings = plan.validate();
    if !findings.is_empty() {
        sections.push(Section {
            title: "Plan check",
            body: findings
                .iter()
                .map(finding_line)
                .collect::<Vec<_>>()
                .join("\n"),
            emphasis: Emphasis::Warning,
            keep: Keep::Whole,
            when_empty: None,
        });
    }
    if !plan.self_care.trim().is_empty() {
        sections.push(Section {
            title: "Self-care advice",
            body: plan.self_care.clone(),
            emphasis: Emphasis::Normal,
            keep: Keep::TwoLines,
            when_empty: None,
        });
    }
    sections
}

impl Section {
    /// A titled text, grey `when_empty` when there is none.
    pub(crate) fn plain(title: &'static str, body: String, when_empty: &'static str) -> Section {
        Section {
            title,
            body,
            emphasis: Emphasis::Normal,
            keep: Keep::TwoLines,
            when_empty: Some(when_empty),
        }
    }

    fn bar(&self) -> f32 {
        if self.emphasis == Emphasis::Warning {
            8.0
        } else {
            0.0
        }
    }

    fn text(&self) -> (&str, u8) {
        match (self.body.trim(), self.when_empty) {
            ("", Some(empty)) => (empty, grey::TEXT_SECONDARY),
            (text, _) => (text, grey::BLACK),
        }
    }

    pub(crate) fn place(&self, pager: &mut Pager, column: &impl Fn(usize, f32) -> (f32, f32)) {
        let bar = self.bar();
        let indented = |page: usize, y: f32| {
            let (x, w) = column(page, y);
            (x + bar, w - bar)
        };
        let (text, shade) = self.text();
        let title = Lines {
            style: SECTION_TITLE,
            grey: grey::BLACK,
            height: TITLE_LINE,
            column: &indented,
        };
        let body = Lines {
            style: SECTION_BODY,
            grey: shade,
            height: SECTION_LINE,
            column: &indented,
        };
        // The title stays with the first two lines of the text (with the
        // whole first item of a list that is never divided), on the same
        // page and in the same column.
        let (_, width) = indented(pager.page(), pager.y);
        let title_lines = wrap(pager.fonts, SECTION_TITLE, self.title, width).len();
        let first_lines = match self.keep {
            Keep::Whole => {
                let first_item = text.split('\n').next().unwrap_or_default();
                wrap(pager.fonts, SECTION_BODY, first_item, width).len()
            }
            // A paragraph of three lines or fewer cannot be divided with
            // two on each side: it goes whole, so the title keeps all of it.
            Keep::TwoLines => {
                let first_paragraph = text.split("\n\n").next().unwrap_or_default();
                match wrap(pager.fonts, SECTION_BODY, first_paragraph, width).len() {
                    n if n <= 3 => n,
                    _ => 2,
                }
            }
        };
        let title_height = title_lines as f32 * TITLE_LINE;
        let together = title_height + first_lines as f32 * SECTION_LINE;
        // Every step only moves the cursor on; it settles within a few rounds.
        let mut at = (pager.page(), pager.y);
        loop {
            body.keep_together(pager, together);
            // Where the column changes before they end (the notes beside the
            // map go on under it), the title starts in the next column.
            let page = pager.page();
            while pager.y < pager.frame.bottom
                && column(page, pager.y) != column(page, pager.y + together)
            {
                pager.y += 2.0;
            }
            body.keep_together(pager, together);
            // The text's own widow rule may still move its first paragraph
            // on (the rest, rewrapped wider under the map, would be one line
            // alone): then the title goes on with it, never alone.
            body.keep_title_with_text(pager, title_height, text, self.keep);
            if (pager.page(), pager.y) == at {
                break;
            }
            at = (pager.page(), pager.y);
        }
        let mut placed = title.flow(pager, self.title, Keep::TwoLines);
        placed.extend(body.flow(pager, text, self.keep));
        if self.emphasis == Emphasis::Warning {
            // A black bar down the left edge, line by line, so it follows
            // the text across a page break.
            for (page, line) in placed {
                let rect = Rect::new(line.x - bar, line.y, 2.5, line.h);
                pager.push_on(
                    page,
                    Op::Rect {
                        rect,
                        fill: Some(grey::BLACK),
                        stroke: None,
                    },
                );
            }
        }
        pager.y += AFTER_SECTION;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Emphasis {
    Normal,
    /// A black bar down the left edge: read this before starting.
    Warning,
}

/// One line per condition, then the pressure preference and areas.
fn client_lines(client: &ClientRecord) -> Vec<String> {
    let mut lines: Vec<String> = client.conditions.iter().map(|c| format!("• {c}")).collect();
    if let Some(pressure) = client.pressure_preference {
        lines.push(format!("• Prefers pressure at most {}", pressure.label()));
    }
    let areas = |areas: &[crate::model::MuscleSide]| {
        areas
            .iter()
            .map(|a| a.label())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !client.avoid.is_empty() {
        lines.push(format!("• Avoid: {}", areas(&client.avoid)));
    }
    if !client.focus.is_empty() {
        lines.push(format!("• Focus: {}", areas(&client.focus)));
    }
    lines
}

/// One line per rule with the steps it fired on: "Adjust, step 3 (Right
/// gluteus medius), step 4 (Right piriformis): reason. Instead: ...". Why
/// it fired is left out: the client's conditions are listed just above.
fn warning_lines(plan: &Plan, warnings: &[Warning]) -> Vec<String> {
    let mut rules: Vec<(&Warning, Vec<String>)> = Vec::new();
    for warning in warnings.iter().filter(|w| w.is_open()) {
        let place = warning
            .step
            .and_then(|i| plan.steps.get(i).map(|s| (i, s)))
            .map(|(i, step)| {
                format!(
                    "step {} ({})",
                    i + 1,
                    step.muscle.label_with_side(step.side)
                )
            });
        match rules
            .iter_mut()
            .find(|(first, _)| first.rule == warning.rule)
        {
            Some((_, places)) => places.extend(place),
            None => rules.push((warning, place.into_iter().collect())),
        }
    }
    // The most serious first: an emergency heads the list.
    rules.sort_by_key(|(warning, _)| std::cmp::Reverse(warning.level));
    rules
        .into_iter()
        .map(|(warning, places)| {
            let mut line = format!("• {}", warning.level.name());
            if !places.is_empty() {
                line.push_str(&format!(", {}", places.join(", ")));
            }
            line.push_str(&format!(": {}", warning.reason));
            if !warning.suggestion.is_empty() {
                line.push_str(&format!(". Instead: {}", warning.suggestion));
            }
            line
        })
        .collect()
}

/// "• Refer out: reason (client: ...). Cleared by Dr. Roth on 2026-11-20: note".
fn cleared_lines(warnings: &[Warning]) -> Vec<String> {
    warnings
        .iter()
        .filter(|w| !w.is_open() && w.level.always_printed())
        .map(|w| {
            let mut line = format!("• {}: {}", w.level.name(), w.reason);
            if !w.because.is_empty() {
                line.push_str(&format!(" ({})", w.because));
            }
            match &w.clearance {
                Some(clearance) => {
                    line.push_str(&format!(". {}", capitalised(&clearance.to_string())))
                }
                None => line.push_str(". Not cleared"),
            }
            if let Some(note) = w.acknowledged.as_deref().filter(|n| !n.trim().is_empty()) {
                line.push_str(&format!(". Note: {note}"));
            }
            line
        })
        .collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn finding_line(finding: &Finding) -> String {
    let level = match finding.severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
    };
    match finding.step {
        Some(step) => format!("• {level}, step {}: {}", step + 1, finding.message),
        None => format!("• {level}: {}", finding.message),
    }
}
