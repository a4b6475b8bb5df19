//! The home-care handout as the client gets it: text read back from the
//! PDF, on A4 and Letter, fonts embedded, nothing overlapping, and an
//! exercise the client's conditions rule out left out.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use jiff::civil::date;
use massage_planner::course::HomeCare;
use massage_planner::model::{
    ClientRecord, Condition, ConditionKind, Muscle, Plan, Pressure, Side, Step, Technique,
};
use massage_planner::sheet::{HandoutOptions, Paper, render_handout};
use support::pdf::{all_text, check_fonts_embedded, check_no_overlap, read_pages, read_pdf};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn plan_on(muscles: &[Muscle]) -> Plan {
    let mut plan = Plan::new(date(2026, 11, 20));
    plan.client.name = "Maria Keller".into();
    plan.therapist = "Sam Ortiz".into();
    plan.self_care =
        "Walk twenty minutes every day.\n\nSleep on your side with a pillow between the knees."
            .into();
    plan.steps = muscles
        .iter()
        .map(|&m| Step::new(m, Side::Right, Technique::Swedish, Pressure::MEDIUM))
        .collect();
    plan
}

fn handout(plan: &Plan, client: Option<&ClientRecord>, paper: Paper) -> Vec<u8> {
    let care = HomeCare::try_builtin().unwrap().for_plan(plan, client);
    let options = HandoutOptions {
        paper,
        file_name: "maria-keller-2026-11-20.ron".into(),
    };
    render_handout(plan, &care, &options).unwrap()
}

/// Text as one line: wrapped lines joined by spaces.
fn text_of(pdf: &[u8]) -> String {
    all_text(&read_pdf(pdf).unwrap())
        .replace(" | ", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_muscle_gets_its_exercise_and_the_advice_is_there_on_both_papers() -> TestResult {
    let plan = plan_on(&Muscle::ALL);
    for paper in Paper::ALL {
        let pdf = handout(&plan, None, paper);
        check_fonts_embedded(&pdf)?;
        let pages = read_pages(&pdf)?;
        check_no_overlap(&pages)?;
        let (width, _) = paper.size_points();
        assert!((pages[0].width - width).abs() < 0.5);
        let text = text_of(&pdf);
        let care = HomeCare::try_builtin().unwrap().for_plan(&plan, None);
        for muscle in Muscle::ALL {
            let item = care
                .items
                .iter()
                .find(|i| i.for_muscles.iter().any(|(m, _)| *m == muscle))
                .unwrap();
            assert!(text.contains(&item.exercise.name), "{}", item.exercise.name);
            assert!(text.contains(&item.exercise.dose), "{}", item.exercise.dose);
            assert!(
                text.contains(&item.exercise.steps[0]),
                "{}",
                item.exercise.steps[0]
            );
        }
        for advice in [
            "Turn it on before it touches your body.",
            "Rest it on the muscle without pressing.",
            "about an inch (2-3 cm) a second",
            "On a knot, let it rest there without adding pressure.",
            "Keep it off the bones",
            "A few minutes on an area is enough.",
            "Walk twenty minutes every day.",
            "Sleep on your side with a pillow between the knees.",
            "Heat",
            "Maria Keller",
            "Fri 20 Nov 2026",
        ] {
            assert!(text.contains(advice), "{advice} missing");
        }
    }
    Ok(())
}

#[test]
fn after_a_hip_replacement_the_figure_four_stretch_is_not_on_the_handout() -> TestResult {
    let plan = plan_on(&[Muscle::Piriformis, Muscle::QuadratusLumborum]);
    let mut client = ClientRecord::new("Maria Keller", "");
    let mut hip = Condition::new(ConditionKind::TotalHipReplacement);
    hip.since = Some(date(2026, 10, 1));
    client.conditions.push(hip);
    let text = text_of(&handout(&plan, Some(&client), Paper::A4));
    assert!(!text.contains("Figure-four"), "{text}");
    assert!(text.contains("Buttock squeeze"));
    assert!(text.contains("Side-lying QL stretch"));
    // Without the hip replacement, it is there.
    let text = text_of(&handout(&plan, None, Paper::A4));
    assert!(text.contains("Figure-four stretch"));
    Ok(())
}

#[test]
fn with_reduced_sensation_the_heat_advice_is_left_out() -> TestResult {
    let plan = plan_on(&[Muscle::QuadratusLumborum]);
    let mut client = ClientRecord::new("Maria Keller", "");
    client
        .conditions
        .push(Condition::new(ConditionKind::ReducedSensation));
    let text = text_of(&handout(&plan, Some(&client), Paper::Letter));
    assert!(!text.contains("hot water bottle"));
    assert!(text.contains("Turn it on before it touches your body."));
    Ok(())
}

#[test]
fn the_command_writes_the_handout_and_tells_the_therapist_what_was_left_out() -> TestResult {
    let plans = support::examples::copy_of_example_plans();
    let out = tempfile::tempdir()?;
    let pdf_path = out.path().join("handout.pdf");
    let cache = tempfile::tempdir()?;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_massage-planner"))
        .args([
            "handout",
            plans
                .path()
                .join("maria-keller-2026-11-18.ron")
                .to_str()
                .unwrap(),
            "-o",
            pdf_path.to_str().unwrap(),
            "--paper",
            "letter",
            "--plans",
            plans.path().to_str().unwrap(),
        ])
        .env("XDG_CACHE_HOME", cache.path())
        .output()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    // Maria has a herniated disc: knee to chest is replaced by the bird dog.
    assert!(
        stdout.contains("note: Erector spinae (lumbar): Knee to chest left out, Bird dog instead."),
        "{stdout}"
    );
    let text = text_of(&std::fs::read(&pdf_path)?);
    assert!(text.contains("Bird dog"));
    assert!(!text.contains("Knee to chest"));
    assert!(text.contains("Side-lying QL stretch, 3 x 30 s each side"));
    Ok(())
}
