//! The printed plan sheet, read back the way a reader (or a search) sees
//! it: the text is extracted from the PDF itself (content streams decoded
//! with each font's ToUnicode map), so these tests need no system tools.

mod support;
use support::pdf::{Run, all_text, lines, page_count, read_pdf};

use jiff::civil::date;
use lopdf::{Document, Object, ObjectId};
use massage_planner::model::{Client, Muscle, Plan, Pressure, Side, Step, Technique};
use massage_planner::sheet::{Paper, SheetOptions, render_sheet};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn step(
    muscle: Muscle,
    side: Side,
    technique: Technique,
    pressure: u8,
    minutes: u16,
    notes: &str,
) -> Step {
    Step {
        muscle,
        side,
        technique,
        pressure: Pressure::new(pressure).unwrap_or_default(),
        minutes,
        position: None,
        notes: notes.to_owned(),
        trigger_point: None,
    }
}

/// A typical plan: 12 steps, several techniques, deep muscles, both sides.
fn example_plan() -> Plan {
    use Muscle::*;
    use Side::*;
    use Technique::*;
    let mut plan = Plan::new(date(2026, 11, 25));
    plan.client = Client {
        name: "Maria Keller".to_owned(),
        id: "MK-0142".to_owned(),
    };
    plan.therapist = "Sam Ortiz".to_owned();
    plan.session_minutes = 60;
    plan.goals = "Chronic low back pain, right worse than left; sits over 8 h a day.\n\
                  Today: deeper work on QL and gluteus medius, then re-test side bending."
        .to_owned();
    plan.precautions =
        "No deep pressure under the 12th rib (kidney area). Never directly on the spine."
            .to_owned();
    plan.self_care = "Side-lying QL stretch, 3 x 30 s each side, twice a day.".to_owned();
    plan.steps = vec![
        step(
            ErectorSpinae,
            Both,
            HeatApplication,
            1,
            5,
            "Hot pack over the lumbar area while taking the history.",
        ),
        step(ThoracolumbarFascia, Both, Swedish, 2, 6, ""),
        step(
            LatissimusDorsi,
            Left,
            MyofascialRelease,
            2,
            4,
            "Cross-hand release.",
        ),
        step(
            QuadratusLumborum,
            Left,
            DeepTissue,
            4,
            5,
            "Side-lying, lateral border towards the transverse processes.",
        ),
        step(
            QuadratusLumborum,
            Right,
            DeepTissue,
            4,
            8,
            "Main complaint side. Check the trigger point near the iliac crest.",
        ),
        step(
            GluteusMedius,
            Right,
            TriggerPoint,
            4,
            6,
            "Hold 60-90 s per point; referral into the low back expected.",
        ),
        step(GluteusMinimus, Right, TriggerPoint, 5, 3, ""),
        step(
            Piriformis,
            Right,
            Stretching,
            2,
            4,
            "Stop if tingling into the leg.",
        ),
        step(
            GluteusMaximus,
            Both,
            Sports,
            3,
            4,
            "Compression and broad strokes.",
        ),
        step(
            Multifidus,
            Both,
            Shiatsu,
            3,
            4,
            "Thumb pressure beside the spine, never on it.",
        ),
        step(Hamstrings, Both, Swedish, 3, 5, ""),
        step(
            LowerTrapezius,
            Both,
            Swedish,
            2,
            4,
            "Long finishing strokes.",
        ),
    ];
    plan
}

/// A long plan: `count` steps with long notes, each with a unique marker.
fn long_plan(count: usize) -> Plan {
    let mut plan = example_plan();
    plan.steps = (0..count)
        .map(|i| {
            let muscle = Muscle::ALL[i % Muscle::ALL.len()];
            let side = Side::ALL[i % 3];
            let technique = Technique::ALL[i % Technique::ALL.len()];
            let repeat = 1 + i % 4;
            let notes = format!(
                "{} {}",
                marker(i),
                "Work slowly along the fibres and check in with the client about pressure. "
                    .repeat(repeat)
            );
            step(
                muscle,
                side,
                technique,
                1 + (i % 5) as u8,
                2 + (i % 7) as u16,
                &notes,
            )
        })
        .collect();
    plan
}

fn marker(i: usize) -> String {
    format!("MARK{i:02}X")
}

fn options(paper: Paper) -> SheetOptions {
    SheetOptions {
        paper,
        file_name: "maria-keller-2026-11-25.ron".to_owned(),
        ..SheetOptions::default()
    }
}

/// The runs of a line split apart again.
fn cells(line: &str) -> Vec<&str> {
    line.split(" | ").collect()
}

#[test]
fn example_sheet_is_one_page_with_every_step_on_it() -> TestResult {
    let plan = example_plan();
    for paper in Paper::ALL {
        let pdf = render_sheet(&plan, &options(paper))?;
        let pages = read_pdf(&pdf)?;
        assert_eq!(pages.len(), 1, "{paper}: a 12-step plan fits one page");
        let lines = lines(&pages[0]);
        // Words, not line breaks: how the notes column wraps is not the point.
        let text = lines.join(" ");
        for expected in [
            "Maria Keller",
            "MK-0142",
            "Sam Ortiz",
            "Wed 25 Nov 2026",
            "60 min",
            "58 min",
            "2 min spare",
            "Goals",
            "Precautions",
            "Never directly",
            "Self-care advice",
            "maria-keller-2026-11-25.ron",
            "Page 1 of 1",
            "L",
            "R",
        ] {
            assert!(
                text.contains(expected),
                "{paper}: no {expected:?} in\n{text}"
            );
        }
        for (i, step) in plan.steps.iter().enumerate() {
            let number = (i + 1).to_string();
            let first_word = step.muscle.name().split(' ').next().unwrap_or_default();
            let at = lines
                .iter()
                .position(|l| l.starts_with(&format!("{number} | {first_word}")))
                .unwrap_or_else(|| panic!("{paper}: no table row for step {number} in\n{text}"));
            // A row may wrap onto the next line: read both.
            let row = format!(
                "{} | {}",
                lines[at],
                lines.get(at + 1).map_or("", |l| l.as_str())
            );
            let row_cells = cells(&row);
            let side = match step.side {
                Side::Left => "Left",
                Side::Right => "Right",
                Side::Both => "Both",
            };
            assert!(
                row_cells.contains(&side),
                "{paper}: side of step {number}: {row}"
            );
            assert!(
                row_cells.contains(&step.minutes.to_string().as_str()),
                "{paper}: minutes of step {number}: {row}"
            );
            for words in [
                step.muscle.name(),
                step.technique.name(),
                &step.pressure.label(),
            ] {
                for word in words.split(' ') {
                    assert!(
                        row.contains(word),
                        "{paper}: {word:?} of step {number}: {row}"
                    );
                }
            }
        }
        assert!(
            lines.iter().any(|l| l.starts_with("Total | 58 | ")),
            "{paper}: total row in\n{text}"
        );
    }
    Ok(())
}

/// A full session of 15 steps, short notes on two steps in three.
/// A full 90-minute low-back and hip session: fifteen steps over the
/// muscles of the low back and hips (the back view).
fn fifteen_step_plan() -> Plan {
    const LOW_BACK_AND_HIPS: [Muscle; 12] = [
        Muscle::LowerTrapezius,
        Muscle::LatissimusDorsi,
        Muscle::ErectorSpinae,
        Muscle::Multifidus,
        Muscle::QuadratusLumborum,
        Muscle::ThoracolumbarFascia,
        Muscle::GluteusMaximus,
        Muscle::GluteusMedius,
        Muscle::GluteusMinimus,
        Muscle::Piriformis,
        Muscle::TensorFasciaeLatae,
        Muscle::Hamstrings,
    ];
    let mut plan = example_plan();
    plan.session_minutes = 90;
    plan.steps = (0..15)
        .map(|i| {
            let notes = if i % 3 == 2 {
                ""
            } else {
                "Slow strokes; ask about pressure."
            };
            step(
                LOW_BACK_AND_HIPS[i % LOW_BACK_AND_HIPS.len()],
                Side::ALL[i % 3],
                Technique::ALL[i % Technique::ALL.len()],
                1 + (i % 5) as u8,
                4 + (i % 4) as u16,
                notes,
            )
        })
        .collect();
    plan
}

#[test]
fn the_sheet_lists_conditions_pain_and_only_unacknowledged_warnings() -> TestResult {
    use massage_planner::model::{
        Acknowledgement, ClientRecord, Condition, ConditionKind, MuscleSide, Pain, PainLevel,
    };
    use massage_planner::screening::{RuleSet, screen};
    let mut plan = example_plan();
    plan.pain_before = Some(Pain {
        level: PainLevel::new(6)?,
        location: "right low back".to_owned(),
        ..Pain::default()
    });
    // Deep work on the right QL was decided on; the left one was not.
    plan.acknowledged.push(Acknowledgement {
        rule: "kidney_area_ql".to_owned(),
        region: Some(MuscleSide::new(Muscle::QuadratusLumborum, Side::Right)),
        note: "angled away".to_owned(),
        because: None,
        clearance: None,
    });
    let mut client = ClientRecord::new("Maria Keller", "MK-0142");
    let mut disc = Condition::new(ConditionKind::HerniatedDisc);
    disc.detail = "L4-L5".to_owned();
    client.conditions.push(disc);
    client.pressure_preference = Some(Pressure::new(4)?);
    client.avoid.push(MuscleSide {
        muscle: Muscle::Piriformis,
        side: Side::Left,
    });
    let warnings = screen(&plan, Some(&client), &RuleSet::builtin()?);
    let left_ql = warnings
        .iter()
        .find(|w| w.rule == "kidney_area_ql" && w.is_open())
        .ok_or("the left QL warning is open")?
        .step
        .ok_or("on a step")?;
    let options = SheetOptions {
        client: Some(client),
        warnings,
        ..options(Paper::A4)
    };
    let pdf = render_sheet(&plan, &options)?;
    let pages = read_pdf(&pdf)?;
    let text = all_text(&pages);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Client's conditions and wishes",
        "Herniated disc (L4-L5)",
        "Prefers pressure at most firm (4/5)",
        "Avoid: Left piriformis",
        "Safety warnings (not yet acknowledged)",
        "PAIN BEFORE",
        "6/10 | right low back",
        "PAIN AFTER",
    ] {
        assert!(flat.contains(expected), "missing {expected:?} in {flat}");
    }
    let open_line = format!("• Note, step {} (Left quadratus lumborum):", left_ql + 1);
    assert!(flat.contains(&open_line), "{open_line:?} in {flat}");
    assert!(
        !flat.contains("(Right quadratus lumborum)"),
        "an acknowledged warning is not in the warnings list: {flat}"
    );
    // ...but its note stays at its step, after a white "!" on black, on
    // the same baseline.
    let runs: Vec<_> = pages.iter().flatten().collect();
    let note = runs
        .iter()
        .find(|r| r.text == "angled away")
        .ok_or("the acknowledged note is printed at its step")?;
    assert!(
        runs.iter().any(|r| r.text == "!"
            && (r.y - note.y).abs() < 2.0
            && r.x < note.x
            && note.x - r.x < 14.0),
        "a caution mark before the note"
    );
    // The pain after is a box to fill in: nothing but "/10" is printed.
    let after = pages[0]
        .iter()
        .position(|r| r.text == "PAIN AFTER")
        .ok_or("PAIN AFTER")?;
    assert!(pages[0][after..].iter().take(4).any(|r| r.text == "/10"));
    Ok(())
}

#[test]
fn a_full_fifteen_step_session_fits_one_page_on_either_paper() -> TestResult {
    let plan = fifteen_step_plan();
    for paper in Paper::ALL {
        let pdf = render_sheet(&plan, &options(paper))?;
        let pages = read_pdf(&pdf)?;
        assert_eq!(pages.len(), 1, "{paper}");
        let text = all_text(&pages);
        assert!(text.contains("Total | 81 | "), "{paper}: {text}");
        assert_text_inside_the_frame(&pages, paper);
    }
    Ok(())
}

#[test]
fn long_plan_flows_onto_more_pages_and_loses_nothing() -> TestResult {
    let plan = long_plan(40);
    let pdf = render_sheet(&plan, &options(Paper::A4))?;
    let pages = read_pdf(&pdf)?;
    assert!(
        pages.len() >= 3,
        "40 long steps take several pages, not {}",
        pages.len()
    );
    let text = all_text(&pages);
    for i in 0..40 {
        assert_eq!(
            text.matches(&marker(i)).count(),
            1,
            "{} in\n{text}",
            marker(i)
        );
    }
    let count = pages.len();
    for (n, page) in pages.iter().enumerate() {
        let page_text = lines(page).join("\n");
        assert!(page_text.contains(&format!("Page {} of {count}", n + 1)));
        if n > 0 {
            assert!(
                page_text.contains("(continued)"),
                "running head on page {}",
                n + 1
            );
            assert!(
                page_text.contains("# | Muscle | Side"),
                "table header on page {}",
                n + 1
            );
        }
    }
    let total = plan.total_minutes();
    assert_eq!(text.matches(&format!("Total | {total} | ")).count(), 1);
    assert!(text.contains(&format!("OVER BY {} MIN", total - 60)));
    assert!(
        text.contains("Plan check"),
        "the overrun is listed as a finding"
    );
    assert_text_inside_the_frame(&pages, Paper::A4);
    Ok(())
}

/// Every run sits on the page, and above the footer unless it is the footer.
fn assert_text_inside_the_frame(pages: &[Vec<Run>], paper: Paper) {
    let (width, height) = paper.size_points();
    for (n, page) in pages.iter().enumerate() {
        for run in page {
            assert!(
                run.x >= 30.0 && run.x < width - 30.0,
                "page {}: {run:?}",
                n + 1
            );
            assert!(run.y < height - 30.0, "page {}: {run:?}", n + 1);
            let footer = (run.y - 26.0).abs() < 1.0;
            assert!(
                footer || run.y > 54.0,
                "page {}: runs into the footer: {run:?}",
                n + 1
            );
        }
    }
}

#[test]
fn a_note_longer_than_a_page_continues_on_the_next_page() -> TestResult {
    let mut plan = example_plan();
    let sentences: Vec<String> = (0..260)
        .map(|i| format!("S{i:03}Q keep the pressure steady and breathe with the client."))
        .collect();
    plan.steps[3].notes = sentences.join(" ");
    let pdf = render_sheet(&plan, &options(Paper::Letter))?;
    let pages = read_pdf(&pdf)?;
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let text = all_text(&pages);
    for i in 0..260 {
        assert_eq!(text.matches(&format!("S{i:03}Q")).count(), 1, "S{i:03}Q");
    }
    // The parts after the first say which step they continue.
    assert!(text.contains("4 | (continued)"), "{text}");
    for step in &plan.steps {
        assert!(text.contains(step.muscle.name().split(' ').next().unwrap_or_default()));
    }
    assert_text_inside_the_frame(&pages, Paper::Letter);
    Ok(())
}

#[test]
fn long_goals_and_precautions_run_under_the_map_and_onto_the_next_page() -> TestResult {
    let mut plan = example_plan();
    let numbered = |prefix: char, count: usize| {
        (0..count)
            .map(|i| format!("{prefix}{i:03}Q more words to fill the line."))
            .collect::<Vec<_>>()
            .join(" ")
    };
    plan.goals = numbered('G', 220);
    plan.precautions = numbered('P', 60);
    let pdf = render_sheet(&plan, &options(Paper::A4))?;
    let pages = read_pdf(&pdf)?;
    assert!(pages.len() >= 2);
    let text = all_text(&pages);
    for (prefix, count) in [('G', 220), ('P', 60)] {
        for i in 0..count {
            let marker = format!("{prefix}{i:03}Q");
            assert_eq!(text.matches(&marker).count(), 1, "{marker}");
        }
    }
    for (i, step) in plan.steps.iter().enumerate() {
        assert!(text.contains(&format!(
            "{} | {}",
            i + 1,
            step.muscle.name().split(' ').next().unwrap_or_default()
        )));
    }
    assert!(text.contains("Techniques on the map"));
    assert_text_inside_the_frame(&pages, Paper::A4);
    Ok(())
}

#[test]
fn pages_have_the_size_of_the_paper() -> TestResult {
    for (paper, expected) in [
        (Paper::A4, (595.28, 841.89)),
        (Paper::Letter, (612.0, 792.0)),
    ] {
        let pdf = render_sheet(&long_plan(40), &options(paper))?;
        let doc = Document::load_mem(&pdf)?;
        for (_, page_id) in doc.get_pages() {
            let media_box = doc.get_dictionary(page_id)?.get(b"MediaBox")?.as_array()?;
            let numbers: Vec<f32> = media_box
                .iter()
                .map(|o| o.as_float())
                .collect::<Result<_, _>>()?;
            assert_eq!(numbers.len(), 4);
            assert!(
                numbers[0].abs() < 0.01 && numbers[1].abs() < 0.01,
                "{numbers:?}"
            );
            assert!(
                (numbers[2] - expected.0).abs() < 0.5,
                "{paper}: {numbers:?}"
            );
            assert!(
                (numbers[3] - expected.1).abs() < 0.5,
                "{paper}: {numbers:?}"
            );
        }
    }
    Ok(())
}

#[test]
fn a_plan_with_empty_optional_fields_still_prints() -> TestResult {
    let plan = Plan::new(date(2026, 1, 2));
    let pdf = render_sheet(&plan, &SheetOptions::default())?;
    let pages = read_pdf(&pdf)?;
    assert_eq!(pages.len(), 1);
    let text = all_text(&pages);
    for expected in [
        "(no client name)",
        "Fri 2 Jan 2026",
        "None recorded.",
        "No steps planned yet.",
        "Total | 0 | ",
        "the client name is empty",
        "Page 1 of 1",
    ] {
        assert!(text.contains(expected), "no {expected:?} in\n{text}");
    }
    assert!(!text.contains("Precautions") && !text.contains("Self-care"));
    assert!(
        !text.contains("Techniques on the map"),
        "no legend without steps"
    );
    Ok(())
}

#[test]
fn text_outside_ascii_reads_back_the_same() -> TestResult {
    let mut plan = example_plan();
    plan.client.name = "Zoë Ångström-Łukasiewicz".to_owned();
    plan.steps[0].notes = "Ça va? Überprüfen: Druck ≤ 3, 5–10 min — danach Wärme.".to_owned();
    let pdf = render_sheet(&plan, &options(Paper::A4))?;
    // Characters Noto Sans lacks come from the fallback font: separate runs.
    let text = all_text(&read_pdf(&pdf)?)
        .replace(" | ", "")
        .replace('\n', " ");
    assert!(text.contains("Zoë Ångström-Łukasiewicz"), "{text}");
    assert!(
        text.contains("Ça va? Überprüfen: Druck ≤ 3, 5–10"),
        "{text}"
    );
    Ok(())
}

#[test]
fn the_pdf_is_sound_and_its_fonts_are_embedded_with_unicode_maps() -> TestResult {
    for plan in [example_plan(), long_plan(40), Plan::new(date(2026, 1, 2))] {
        let pdf = render_sheet(&plan, &options(Paper::A4))?;
        assert!(pdf.starts_with(b"%PDF-"));
        let doc = Document::load_mem(&pdf)?;
        assert!(doc.trailer.get(b"Root").is_ok());
        // Every reference resolves.
        for object in doc.objects.values() {
            let mut references = Vec::new();
            collect_references(object, &mut references);
            for id in references {
                assert!(doc.get_object(id).is_ok(), "dangling reference {id:?}");
            }
        }
        for (_, page_id) in doc.get_pages() {
            let fonts = doc.get_page_fonts(page_id)?;
            assert!(!fonts.is_empty());
            for font in fonts.values() {
                assert_eq!(font.get(b"Subtype")?.as_name()?, b"Type0");
                assert!(
                    font.get(b"ToUnicode").is_ok(),
                    "copy and search need ToUnicode"
                );
                let descendant = match font.get(b"DescendantFonts")? {
                    Object::Array(items) => doc.dereference(&items[0])?.1.as_dict()?,
                    other => panic!("DescendantFonts is {other:?}"),
                };
                let descriptor = doc
                    .dereference(descendant.get(b"FontDescriptor")?)?
                    .1
                    .as_dict()?;
                assert!(descriptor.get(b"FontFile2").is_ok(), "the font is embedded");
                let name = descriptor.get(b"FontName")?.as_name()?;
                assert!(
                    name.contains(&b'+'),
                    "the font is a subset: {}",
                    String::from_utf8_lossy(name)
                );
            }
        }
        assert_eq!(read_pdf(&pdf)?.len(), doc.get_pages().len());
    }
    Ok(())
}

fn collect_references(object: &Object, out: &mut Vec<ObjectId>) {
    match object {
        Object::Reference(id) => out.push(*id),
        Object::Array(items) => items.iter().for_each(|o| collect_references(o, out)),
        Object::Dictionary(dict) => dict.iter().for_each(|(_, o)| collect_references(o, out)),
        Object::Stream(stream) => stream
            .dict
            .iter()
            .for_each(|(_, o)| collect_references(o, out)),
        _ => {}
    }
}

#[test]
fn the_same_plan_gives_the_same_bytes() -> TestResult {
    let plan = example_plan();
    assert_eq!(
        render_sheet(&plan, &options(Paper::A4))?,
        render_sheet(&plan, &options(Paper::A4))?
    );
    Ok(())
}

#[test]
fn the_example_plans_print_on_one_page_each() -> TestResult {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let plan = massage_planner::store::load_plan(&path)?;
        // As printed from the app: with the client's record and warnings.
        let client = massage_planner::store::find_client_record(&dir, &plan.client.name)?;
        let rules = massage_planner::screening::RuleSet::builtin()?;
        let warnings = massage_planner::screening::screen(&plan, client.as_ref(), &rules);
        for paper in Paper::ALL {
            let options = SheetOptions {
                client: client.clone(),
                warnings: warnings.clone(),
                ..options(paper)
            };
            let pdf = render_sheet(&plan, &options)?;
            assert_eq!(page_count(&pdf)?, 1, "{}: {paper}", path.display());
            let text = all_text(&read_pdf(&pdf)?);
            assert!(text.contains(plan.client.name.trim()), "{}", path.display());
        }
        seen += 1;
    }
    assert!(seen > 0, "no plans in {}", dir.display());
    Ok(())
}

// ---------------------------------------------------------------------------
// The session record sheet.

fn plan_with_record() -> Plan {
    use massage_planner::model::{
        Outcome, Pain, PainLevel, Seconds, SessionRecord, Soap, StepRecord,
    };
    let mut plan = example_plan();
    plan.pain_before = Some(Pain {
        level: PainLevel::new(7).unwrap_or_default(),
        location: "low back, right side".to_owned(),
        drawing: Default::default(),
    });
    plan.pain_after = Some(Pain {
        level: PainLevel::new(4).unwrap_or_default(),
        location: "right buttock".to_owned(),
        drawing: Default::default(),
    });
    let record = |step, seconds, outcome, pressure: Option<u8>, note: &str| StepRecord {
        step,
        seconds: Seconds::new(seconds),
        outcome,
        pressure: pressure.map(|p| Pressure::new(p).unwrap_or_default()),
        note: note.to_owned(),
    };
    plan.record = Some(SessionRecord {
        started: date(2026, 11, 25).at(14, 0, 0, 0),
        ended: date(2026, 11, 25).at(14, 58, 0, 0),
        steps: vec![
            record(1, 305, Outcome::Done, None, ""),
            record(2, 610, Outcome::Done, Some(4), "MARKNOTE taut band"),
            record(3, 0, Outcome::Skipped, None, "no time"),
        ],
        client_response: "MARKRESPONSE relaxed".to_owned(),
        soap: Soap {
            subjective: "MARKS".to_owned(),
            objective: "MARKO".to_owned(),
            assessment: String::new(),
            plan: "MARKP".to_owned(),
        },
    });
    plan
}

#[test]
fn the_record_sheet_sets_planned_against_done_with_pain_and_notes() -> TestResult {
    let plan = plan_with_record();
    let options = SheetOptions {
        record: true,
        ..options(Paper::A4)
    };
    let pdf = render_sheet(&plan, &options)?;
    let pages = read_pdf(&pdf)?;
    for page in &pages {
        assert_text_inside_the_frame(std::slice::from_ref(page), Paper::A4);
    }
    let text = all_text(&pages);
    for expected in [
        "MASSAGE SESSION RECORD",
        "14:00–14:58",
        "7/10",
        "4/10",
        "right buttock",
        "5:05",
        "10:10",
        "skipped",
        "not done",
        "MARKNOTE taut band",
        "5 min | 5:05",
        "MARKRESPONSE relaxed",
        "S: Subjective",
        "MARKS",
        "MARKO",
        "A: Assessment",
        "Not recorded.",
        "MARKP",
        "2 of 12 steps done, 1 skipped",
    ] {
        assert!(text.contains(expected), "no {expected:?} in\n{text}");
    }
    // The pressure changed during the session: planned, an arrow, used.
    let row = text
        .lines()
        .find(|l| l.contains("MARKNOTE"))
        .ok_or("step 2's row")?;
    assert!(row.contains("light (2/5)") && row.contains('→'), "{row}");
    // The plan's own sections are not on the record sheet.
    assert!(!text.contains("Self-care advice"), "{text}");

    // The plan sheet of the same plan has no record in it.
    let plan_sheet = all_text(&read_pdf(&render_sheet(&plan, &options_a4())?)?);
    assert!(!plan_sheet.contains("MARKRESPONSE"), "{plan_sheet}");
    Ok(())
}

fn options_a4() -> SheetOptions {
    options(Paper::A4)
}

#[test]
fn a_record_sheet_without_a_record_says_so() -> TestResult {
    let options = SheetOptions {
        record: true,
        ..options(Paper::A4)
    };
    let text = all_text(&read_pdf(&render_sheet(&example_plan(), &options)?)?);
    assert!(text.contains("No session record yet"), "{text}");
    Ok(())
}

#[test]
fn emergency_and_refer_out_findings_are_always_printed_with_their_clearance() -> TestResult {
    use massage_planner::model::{
        Acknowledgement, Clearance, ClientRecord, Condition, ConditionKind, Position,
    };
    use massage_planner::screening::{RuleSet, screen};
    let mut plan = example_plan();
    plan.steps[0].position = Some(Position::SideLyingLeft);
    plan.steps[1].technique = Technique::Percussion;
    let mut client = ClientRecord::new("Maria Keller", "MK-0142");
    client
        .conditions
        .push(Condition::new(ConditionKind::UrinaryRetention));
    client
        .conditions
        .push(Condition::new(ConditionKind::HistoryOfCancer));
    let rules = RuleSet::builtin()?;
    let because = screen(&plan, Some(&client), &rules)
        .into_iter()
        .find(|w| w.rule == "red_flag_cancer")
        .ok_or("the cancer red flag fires")?
        .because;
    // The therapist tries to acknowledge both; only the cleared Refer out holds.
    let mut cleared = Acknowledgement::new("red_flag_cancer", None, &because, "");
    cleared.clearance = Some(Clearance {
        by: "Dr. Weber".to_owned(),
        date: date(2026, 11, 20),
        note: "no spread; gentle massage fine".to_owned(),
    });
    plan.acknowledged.push(cleared);
    plan.acknowledged
        .push(Acknowledgement::new("cauda_equina", None, "", "seen"));
    let options = SheetOptions {
        client: Some(client),
        warnings: screen(&plan, Some(&client_of(&plan)), &rules),
        ..options(Paper::A4)
    };
    let pdf = render_sheet(&plan, &options)?;
    let text = all_text(&read_pdf(&pdf)?);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Safety warnings (not yet acknowledged)",
        "• Emergency: Possible cauda equina syndrome",
        "emergency department now",
        "Referred out and cleared",
        "Cleared by Dr. Weber on 2026-11-20: no spread; gentle massage fine",
        "Side-lying on the left side.",
        "about an inch",
    ] {
        assert!(flat.contains(expected), "missing {expected:?} in {flat}");
    }
    // The cleared finding is not listed as open.
    let open = flat
        .split("Safety warnings (not yet acknowledged)")
        .nth(1)
        .ok_or("open section")?;
    let open = open
        .split("Referred out and cleared")
        .next()
        .ok_or("split")?;
    assert!(!open.contains("History of cancer with back pain"), "{open}");
    Ok(())
}

/// The same record the test above builds, for screening.
fn client_of(plan: &Plan) -> massage_planner::model::ClientRecord {
    use massage_planner::model::{ClientRecord, Condition, ConditionKind};
    let mut client = ClientRecord::new(&plan.client.name, "MK-0142");
    client
        .conditions
        .push(Condition::new(ConditionKind::UrinaryRetention));
    client
        .conditions
        .push(Condition::new(ConditionKind::HistoryOfCancer));
    client
}

/// Two acknowledged cautions on a step with short notes: the first goes on
/// after the notes on their line, each has its mark, and no text overlaps.
#[test]
fn acknowledged_cautions_share_the_notes_line_without_overlapping() -> TestResult {
    use massage_planner::screening::{Level, Warning};
    let plan = example_plan();
    // Step 1 has notes; step 2 has none.
    let caution = |step: usize, rule: &str, note: &str| Warning {
        rule: rule.to_owned(),
        level: Level::Note,
        step: Some(step),
        region: None,
        at: None,
        reason: "reason".to_owned(),
        suggestion: "suggestion".to_owned(),
        because: String::new(),
        acknowledged: Some(note.to_owned()),
        clearance: None,
    };
    let options = SheetOptions {
        warnings: vec![
            caution(0, "first", "Ok."),
            caution(
                0,
                "second",
                "Angled away from the 12th rib, never under it.",
            ),
            caution(1, "third", "Only on a line of its own."),
        ],
        ..options(Paper::A4)
    };
    let pages = read_pdf(&render_sheet(&plan, &options)?)?;
    let runs = &pages[0];
    let marks = runs.iter().filter(|r| r.text == "!").count();
    assert_eq!(marks, 3, "one mark per caution");
    let own_line = runs
        .iter()
        .find(|r| r.text.starts_with("Only on a line"))
        .ok_or("the third caution")?;
    // The notes' last line has no room left: the first caution starts a
    // line of its own; the second goes on after it on that line.
    let ok = runs.iter().find(|r| r.text == "Ok.").ok_or("the first")?;
    let history = runs
        .iter()
        .find(|r| r.text.ends_with("history."))
        .ok_or("the notes' last line")?;
    let angled = runs
        .iter()
        .find(|r| r.text.starts_with("Angled away"))
        .ok_or("the second")?;
    assert!(ok.y < history.y - 5.0, "a line of its own");
    assert!(
        (angled.y - ok.y).abs() < 0.5 && angled.x > ok.x,
        "the second caution shares the first one's line"
    );
    assert!(
        runs.iter()
            .any(|r| r.text == "2" && (own_line.y - r.y).abs() < 0.5),
        "without notes, the caution starts the cell, level with the step number"
    );
    for (i, a) in runs.iter().enumerate() {
        for b in &runs[i + 1..] {
            let (x, y) = a.bounds.overlap(&b.bounds);
            assert!(x <= 0.5 || y <= 0.5, "{:?} overlaps {:?}", a.text, b.text);
        }
    }
    Ok(())
}

/// A step that targets a trigger point names it in its notes, in the
/// words of the referral patterns; a step without one does not.
#[test]
fn a_targeted_trigger_point_is_named_in_the_step_notes() -> TestResult {
    let mut plan = example_plan();
    let ql = plan
        .steps
        .iter()
        .position(|s| s.muscle == Muscle::QuadratusLumborum)
        .ok_or("a QL step")?;
    plan.steps[ql].trigger_point = Some("deep_lower".to_owned());
    let text = all_text(&read_pdf(&render_sheet(&plan, &options(Paper::A4))?)?)
        .replace(" | ", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Trigger point: deep (medial), near L4-L5 above the crest."),
        "{text}"
    );
    assert_eq!(text.matches("Trigger point:").count(), 1);
    Ok(())
}
