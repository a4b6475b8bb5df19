//! The printed page as a reader sees it: the position of every piece of
//! text is read back from the PDF, and no two pieces overlap, none leaves
//! its page, and a paragraph that continues in another place (under the
//! map, or on the next page) keeps at least two lines on each side; one
//! warning is never divided. Over the example plans, the templates and
//! generated plans.

mod support;

use jiff::civil::date;
use massage_planner::model::{
    Client, ClientRecord, Condition, ConditionKind, Muscle, MuscleSide, Pain, PainLevel, Plan,
    Pressure, Side, Step, Technique,
};
use massage_planner::screening::{RuleSet, screen};
use massage_planner::sheet::{Paper, SheetOptions, render_sheet};
use proptest::prelude::*;
use support::pdf::{Page, Run, check_no_overlap, read_pages};

type TestResult = Result<(), Box<dyn std::error::Error>>;

// ---------------------------------------------------------------------------
// Widows and orphans.

/// A line of the notes (goals, precautions, conditions, warnings, plan
/// check, self-care) as printed.
#[derive(Debug, Clone)]
struct NoteLine {
    /// Page, and 0 beside the map or 1 under it (on page 1).
    place: (usize, u8),
    top: f32,
    text: String,
    title: bool,
}

/// Section text is set at 9 pt, titles at 9.5 pt bold; the table below
/// (also 9 pt) starts with its header row, whose `#` is 7.5 pt bold.
fn note_lines(pages: &[Page]) -> Vec<NoteLine> {
    let mut lines: Vec<NoteLine> = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        let table_top = page
            .runs
            .iter()
            .filter(|r| r.text == "#" && r.bold && (r.size - 7.5).abs() < 0.05)
            .map(|r| r.bounds.top)
            .fold(f32::MAX, f32::min);
        let mut runs: Vec<&Run> = page
            .runs
            .iter()
            .filter(|r| r.bounds.top < table_top)
            .filter(|r| {
                (!r.bold && (r.size - 9.0).abs() < 0.05) || (r.bold && (r.size - 9.5).abs() < 0.05)
            })
            .collect();
        // Beside the map the column starts well right of the margin.
        let place = |r: &Run| (n, u8::from(!(n == 0 && r.x > 120.0)));
        runs.sort_by(|a, b| {
            (place(a), a.bounds.top, a.x)
                .partial_cmp(&(place(b), b.bounds.top, b.x))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        for run in runs {
            let key = place(run);
            match lines.last_mut() {
                // Runs of one line (a fallback font for some characters).
                Some(line) if line.place == key && (line.top - run.bounds.top).abs() < 0.5 => {
                    line.text.push_str(&run.text);
                    line.title &= run.bold;
                }
                _ => lines.push(NoteLine {
                    place: key,
                    top: run.bounds.top,
                    text: run.text.clone(),
                    title: run.bold,
                }),
            }
        }
    }
    lines
}

/// Text without spaces and bullets, to compare a paragraph with its lines.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '•')
        .collect()
}

/// The paragraphs of free text the sheet prints for this plan and client,
/// each as the author wrote it on one line.
fn known_paragraphs(plan: &Plan, client: Option<&ClientRecord>) -> Vec<String> {
    let mut paragraphs = Vec::new();
    for text in [&plan.goals, &plan.precautions, &plan.self_care] {
        paragraphs.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned),
        );
    }
    if plan.goals.trim().is_empty() {
        paragraphs.push("None recorded.".to_owned());
    }
    if let Some(client) = client {
        paragraphs.extend(client.conditions.iter().map(ToString::to_string));
        if let Some(pressure) = client.pressure_preference {
            paragraphs.push(format!("Prefers pressure at most {}", pressure.label()));
        }
        let areas = |areas: &[MuscleSide]| {
            areas
                .iter()
                .map(|a| a.label())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !client.avoid.is_empty() {
            paragraphs.push(format!("Avoid: {}", areas(&client.avoid)));
        }
        if !client.focus.is_empty() {
            paragraphs.push(format!("Focus: {}", areas(&client.focus)));
        }
    }
    paragraphs
}

/// Where a paragraph continues in another place, at least two of its lines
/// are on each side; a list item (a warning, a condition, a finding) and a
/// section title are never separated from what follows them.
fn check_widows(pages: &[Page], plan: &Plan, client: Option<&ClientRecord>) -> Result<(), String> {
    let lines = note_lines(pages);
    // Which paragraph each line belongs to: known free text first, then
    // list items (from a bullet to the next title, item or paragraph).
    let mut owner: Vec<Option<(usize, bool)>> = vec![None; lines.len()];
    let mut next_id = 0;
    for paragraph in known_paragraphs(plan, client) {
        let wanted = squash(&paragraph);
        if wanted.is_empty() {
            continue;
        }
        let mut start = 0;
        while start < lines.len() {
            let mut joined = String::new();
            let mut end = start;
            while end < lines.len() && joined.len() < wanted.len() && !lines[end].title {
                joined.push_str(&squash(&lines[end].text));
                end += 1;
            }
            if joined == wanted && owner[start..end].iter().all(Option::is_none) {
                let list_item = lines[start].text.trim_start().starts_with('•');
                for o in &mut owner[start..end] {
                    *o = Some((next_id, list_item));
                }
                next_id += 1;
                start = end;
            } else {
                start += 1;
            }
        }
    }
    let mut current: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if line.title || owner[i].is_some() {
            current = None;
            continue;
        }
        if line.text.trim_start().starts_with('•') {
            current = Some(next_id);
            next_id += 1;
        }
        match current {
            Some(id) => owner[i] = Some((id, true)),
            None => return Err(format!("cannot tell which paragraph {line:?} belongs to")),
        }
    }
    for id in 0..next_id {
        let members: Vec<usize> = (0..lines.len())
            .filter(|&i| owner[i].is_some_and(|(o, _)| o == id))
            .collect();
        let list_item = members
            .first()
            .and_then(|&i| owner[i])
            .is_some_and(|(_, item)| item);
        let mut parts: Vec<((usize, u8), usize)> = Vec::new();
        for &i in &members {
            match parts.last_mut() {
                Some((place, count)) if *place == lines[i].place => *count += 1,
                _ => parts.push((lines[i].place, 1)),
            }
        }
        if parts.len() < 2 {
            continue;
        }
        let text: Vec<&str> = members.iter().map(|&i| lines[i].text.as_str()).collect();
        // Longer than a whole page: it cannot stay in one place.
        let longer_than_a_page = members.len() > 60;
        if list_item && !longer_than_a_page {
            return Err(format!(
                "one item is divided between places {parts:?}: {text:?}"
            ));
        }
        if parts.iter().any(|(_, count)| *count < 2) {
            return Err(format!(
                "a paragraph divided with a line alone {parts:?}: {text:?}"
            ));
        }
    }
    check_titles(&lines)
}

/// A section title is never the last line of its place (the foot of the
/// column beside the map, or of a page): the lines after it are in the
/// same place.
fn check_titles(lines: &[NoteLine]) -> Result<(), String> {
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1);
        if line.title && next.is_some_and(|n| n.place != line.place) {
            return Err(format!("a title alone at the foot of its column: {line:?}"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------

/// The sheet as printed from the app: with the client's record and the
/// screening warnings.
fn print(plan: &Plan, client: Option<ClientRecord>, paper: Paper) -> Result<Vec<Page>, String> {
    let rules = RuleSet::builtin().map_err(|e| e.to_string())?;
    let warnings = screen(plan, client.as_ref(), &rules);
    let options = SheetOptions {
        paper,
        file_name: "plan.ron".to_owned(),
        client,
        warnings,
        ..SheetOptions::default()
    };
    let pdf = render_sheet(plan, &options).map_err(|e| e.to_string())?;
    read_pages(&pdf).map_err(|e| e.to_string())
}

fn check_sheet(plan: &Plan, client: Option<ClientRecord>, paper: Paper) -> Result<(), String> {
    let pages = print(plan, client.clone(), paper)?;
    check_no_overlap(&pages)?;
    check_widows(&pages, plan, client.as_ref())
}

/// An example plan: its file name, the plan and its client's record.
type Example = (String, Plan, Option<ClientRecord>);

fn example_plans() -> Result<Vec<Example>, Box<dyn std::error::Error>> {
    let copy = support::examples::copy_of_example_plans();
    let dir = copy.path();
    let mut plans = Vec::new();
    for path in massage_planner::store::plan_files_under(dir)? {
        let plan = massage_planner::store::load_plan(&path)?;
        let client = massage_planner::store::find_client_record(dir, &plan.client.name)?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        plans.push((name.unwrap_or_default(), plan, client));
    }
    assert!(plans.len() >= 3, "example plans in plans/");
    Ok(plans)
}

#[test]
fn example_plans_print_without_overlaps_or_widows() -> TestResult {
    for (name, plan, client) in example_plans()? {
        for paper in Paper::ALL {
            if let Err(problem) = check_sheet(&plan, client.clone(), paper) {
                panic!("{name}, {paper}: {problem}");
            }
        }
    }
    Ok(())
}

#[test]
fn templates_print_without_overlaps_or_widows() -> TestResult {
    let templates = massage_planner::store::templates()?;
    assert!(!templates.is_empty());
    for template in templates {
        let mut plan = template.plan.clone();
        plan.client.name = "Anna Berg".to_owned();
        for paper in Paper::ALL {
            if let Err(problem) = check_sheet(&plan, None, paper) {
                panic!("{}, {paper}: {problem}", template.title);
            }
        }
    }
    Ok(())
}

/// Lea Fischer's sheet once had the last line of her warnings alone under
/// the map caption.
#[test]
fn lea_fischers_warnings_stay_together() -> TestResult {
    let (_, plan, client) = example_plans()?
        .into_iter()
        .find(|(_, plan, _)| plan.client.name == "Lea Fischer")
        .ok_or("Lea Fischer's example plan")?;
    assert!(client.is_some(), "her record is in plans/clients");
    let pages = print(&plan, client.clone(), Paper::A4)?;
    check_widows(&pages, &plan, client.as_ref())?;
    Ok(())
}

/// The check itself finds a line alone: a paragraph set so that exactly
/// one line runs on under the map is reported.
#[test]
fn the_widow_check_finds_a_line_alone() {
    let lines = |texts: &[(&str, (usize, u8))]| -> Vec<Page> {
        let mut runs = Vec::new();
        for (i, (text, (_, place))) in texts.iter().enumerate() {
            let x = if *place == 0 { 220.0 } else { 48.0 };
            let top = 100.0 + 12.0 * i as f32;
            runs.push(Run {
                x,
                y: 800.0 - top,
                text: (*text).to_owned(),
                size: 9.0,
                bold: false,
                bounds: support::pdf::Bounds {
                    left: x,
                    top,
                    right: x + 100.0,
                    bottom: top + 9.0,
                },
            });
        }
        vec![Page {
            width: 595.0,
            height: 842.0,
            runs,
        }]
    };
    let mut plan = Plan::new(date(2026, 11, 24));
    plan.goals = "one two three four".to_owned();
    let divided = lines(&[("one", (0, 0)), ("two three", (0, 0)), ("four", (0, 1))]);
    assert!(check_widows(&divided, &plan, None).is_err());
    let kept = lines(&[
        ("one", (0, 0)),
        ("two", (0, 0)),
        ("three", (0, 1)),
        ("four", (0, 1)),
    ]);
    assert!(check_widows(&kept, &plan, None).is_ok());
    let warning = lines(&[
        ("one two three four", (0, 0)),
        ("• Avoid: one", (0, 0)),
        ("two", (0, 1)),
    ]);
    assert!(check_widows(&warning, &plan, None).is_err());
}

// ---------------------------------------------------------------------------
// Generated plans.

const WORDS: &[&str] = &[
    "slow",
    "strokes",
    "along",
    "the",
    "fibres",
    "then",
    "cross-fibre",
    "friction",
    "on",
    "lateral",
    "border",
    "ask",
    "about",
    "referral",
    "into",
    "hip",
    "side-lying",
    "pillow",
    "between",
    "knees",
    "breathe",
    "with",
    "client",
    "pressure",
    "steady",
    "trigger",
    "point",
    "release",
    "warm",
    "up",
    "first",
    "check",
    "in",
    "sciatic",
    "nerve",
    "area",
    "avoid",
    "iliac",
    "crest",
    "sacrum",
    "buttock",
    "thoracolumbar",
    "a",
    "of",
    "and",
    "to",
];

fn arb_text(
    paragraphs: std::ops::Range<usize>,
    words: std::ops::Range<usize>,
) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::collection::vec(prop::sample::select(WORDS.to_vec()), words.clone()),
            any::<bool>(),
        ),
        paragraphs,
    )
    .prop_map(|paragraphs| {
        paragraphs
            .into_iter()
            .enumerate()
            .map(|(i, (words, long_word))| {
                // A unique first word, and now and then one longer than a line.
                let mut text = format!("P{i}Q {}", words.join(" "));
                if long_word && i % 3 == 0 {
                    text.push_str(&format!(" {}", "x".repeat(120)));
                }
                text
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn arb_step() -> impl Strategy<Value = Step> {
    (
        prop::sample::select(Muscle::ALL.to_vec()),
        prop::sample::select(Side::ALL.to_vec()),
        prop::sample::select(Technique::ALL.to_vec()),
        1u8..=5,
        1u16..=30,
        arb_text(0..3, 0..60),
    )
        .prop_map(|(muscle, side, technique, level, minutes, notes)| Step {
            muscle,
            side,
            technique,
            pressure: Pressure::new(level).unwrap_or_default(),
            minutes,
            notes,
            ..Step::new(muscle, side, technique, Pressure::MEDIUM)
        })
}

fn arb_client() -> impl Strategy<Value = Option<ClientRecord>> {
    prop::option::of((
        prop::sample::subsequence(ConditionKind::ALL.to_vec(), 0..=ConditionKind::ALL.len()),
        prop::option::of(1u8..=5),
        prop::collection::vec(
            (
                prop::sample::select(Muscle::ALL.to_vec()),
                prop::sample::select(Side::ALL.to_vec()),
            ),
            0..5,
        ),
    ))
    .prop_map(|record| {
        record.map(|(kinds, pressure, avoid)| {
            let mut client = ClientRecord::new("Anna Berg", "AB-1");
            client.conditions = kinds
                .into_iter()
                .map(|kind| {
                    let mut condition = Condition::new(kind);
                    condition.detail = "since the spring, worse in the evening".to_owned();
                    condition
                })
                .collect();
            client.pressure_preference = pressure.and_then(|p| Pressure::new(p).ok());
            client.avoid = avoid
                .into_iter()
                .map(|(muscle, side)| MuscleSide::new(muscle, side))
                .collect();
            client
        })
    })
}

fn arb_plan() -> impl Strategy<Value = Plan> {
    (
        arb_text(0..4, 1..80),
        arb_text(0..3, 1..50),
        arb_text(0..3, 1..50),
        prop::collection::vec(arb_step(), 0..40),
        prop::option::of((0u8..=10, arb_text(1..2, 0..30))),
        20u16..=120,
    )
        .prop_map(|(goals, precautions, self_care, steps, pain, session)| {
            let mut plan = Plan::new(date(2026, 11, 24));
            plan.client = Client {
                name: "Anna Berg".to_owned(),
                id: "AB-1".to_owned(),
            };
            plan.therapist = "Sam Ortiz".to_owned();
            plan.session_minutes = session;
            plan.goals = goals;
            plan.precautions = precautions;
            plan.self_care = self_care;
            plan.steps = steps;
            plan.pain_before = pain.map(|(level, location)| Pain {
                level: PainLevel::new(level).unwrap_or_default(),
                location: location.replace('\n', " "),
                drawing: Default::default(),
            });
            plan
        })
}

proptest! {
    // A fixed seed: the same 24 generated plans every run, so CI never
    // depends on luck (change the seed to explore other plans).
    #![proptest_config(ProptestConfig {
        cases: 24,
        rng_seed: proptest::test_runner::RngSeed::Fixed(20_261_201),
        ..ProptestConfig::default()
    })]

    /// Generated plans: no text overlaps, none leaves its page, and the
    /// widow rule holds (a paragraph continued elsewhere keeps two lines on
    /// each side, an item is never divided, a title is never alone at the
    /// foot of the map column or of a page).
    #[test]
    fn generated_plans_print_without_overlaps_or_widows(
        plan in arb_plan(),
        client in arb_client(),
        letter in any::<bool>(),
    ) {
        let paper = if letter { Paper::Letter } else { Paper::A4 };
        let pages = print(&plan, client.clone(), paper);
        let checked = pages.and_then(|pages| {
            check_no_overlap(&pages)?;
            check_widows(&pages, &plan, client.as_ref())
        });
        if let Err(problem) = checked {
            prop_assert!(false, "{}", problem);
        }
    }
}
