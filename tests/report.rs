//! The progress report as the client's physician reads it: every session
//! date, the pain chart's scale, every muscle worked, conditions and
//! clearances, read back from the PDF on A4 and Letter; nothing overlaps;
//! `report --client` says clearly when no plan matches.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::PathBuf;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use massage_planner::course::{Course, DateRange, HeatMap, Session};
use massage_planner::model::{
    Acknowledgement, Clearance, ClientRecord, Condition, ConditionKind, Muscle, Pain, PainLevel,
    Plan, Pressure, Side, Step, Technique,
};
use massage_planner::sheet::{Paper, ReportOptions, render_report};
use support::pdf::{all_text, check_fonts_embedded, check_no_overlap, read_pages, read_pdf};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn pain(level: u8) -> Pain {
    Pain {
        level: PainLevel::new(level).unwrap(),
        location: "low back".into(),
        drawing: Default::default(),
    }
}

/// `count` weekly sessions from 1 Sep 2026: the right QL every time, the
/// gluteus medius on both sides every other time, the psoas every third
/// (front view); pain before falling from 8, after two lower.
fn course(count: usize) -> Course {
    let muscles = [
        Muscle::QuadratusLumborum,
        Muscle::GluteusMedius,
        Muscle::PsoasMajor,
    ];
    let sessions = (0..count)
        .map(|i| {
            let on = date(2026, 9, 1).checked_add((7 * i as i64).days()).unwrap();
            let mut plan = Plan::new(on);
            plan.client.name = "Maria Keller".into();
            plan.therapist = "Sam Ortiz".into();
            let before = 8u8.saturating_sub((i / 2) as u8).max(2);
            plan.pain_before = Some(pain(before));
            plan.pain_after = Some(pain(before - 2));
            for (n, &muscle) in muscles.iter().enumerate() {
                if i % (n + 1) == 0 {
                    let side = if n == 1 { Side::Both } else { Side::Right };
                    let mut step = Step::new(
                        muscle,
                        side,
                        Technique::DeepTissue,
                        Pressure::new(3 + n as u8 % 2).unwrap(),
                    );
                    step.minutes = 10;
                    plan.steps.push(step);
                }
            }
            if i == 1 {
                let mut ack =
                    Acknowledgement::new("history_of_cancer", None, "History of cancer", "");
                ack.clearance = Some(Clearance {
                    by: "Dr. Weiss".into(),
                    date: date(2026, 9, 5),
                    note: "gentle massage fine".into(),
                });
                plan.acknowledged.push(ack);
            }
            Session {
                path: PathBuf::from(format!("maria-{i}.ron")),
                plan,
            }
        })
        .collect();
    let mut record = ClientRecord::new("Maria Keller", "");
    let mut injury = Condition::new(ConditionKind::AcuteInjury);
    injury.since = Some(date(2026, 9, 10));
    injury.detail = "twisted lifting a box".into();
    record.conditions = vec![injury, Condition::new(ConditionKind::HistoryOfCancer)];
    Course::from_sessions(sessions, Some(record))
}

fn report(course: &Course, paper: Paper) -> Vec<u8> {
    let options = ReportOptions {
        paper,
        range: DateRange::ALL,
        file_name: "Progress report: Maria Keller".into(),
    };
    render_report(course, &options).unwrap()
}

fn text_of(pdf: &[u8]) -> String {
    // Runs are joined with " | "; a reader sees one text.
    all_text(&read_pdf(pdf).unwrap())
        .replace(" | ", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Tue 1 Sep 2026", as the sheet writes dates.
fn long_date(on: Date) -> String {
    on.strftime("%a %-d %b %Y").to_string()
}

#[test]
fn every_session_date_every_region_and_the_clearance_are_in_the_report() -> TestResult {
    let course = course(12);
    let heat = HeatMap::of(&course, DateRange::ALL);
    for paper in Paper::ALL {
        let pdf = report(&course, paper);
        // To look at: REPORT_LOOK_DIR=/tmp cargo test --test report
        if let Some(dir) = std::env::var_os("REPORT_LOOK_DIR") {
            std::fs::write(
                PathBuf::from(dir).join(format!("report-{}.pdf", paper.id())),
                &pdf,
            )?;
        }
        check_fonts_embedded(&pdf)?;
        check_no_overlap(&read_pages(&pdf)?)?;
        let text = text_of(&pdf);
        for session in &course.sessions {
            let date = long_date(session.date());
            assert!(text.contains(&date), "{date} missing");
        }
        for (region, cell) in heat.ranked() {
            let row = format!("{} {:.0}", region.label(), cell.minutes());
            assert!(text.contains(&row), "{row} missing");
        }
        for expected in [
            "PROGRESS REPORT",
            "12 sessions, Tue 1 Sep 2026 to Tue 17 Nov 2026",
            "Pain before the session was 8/10 at the first session asked and 3/10 at the latest.",
            "Acute injury (first 72 hours) (twisted lifting a box; on 2026-09-10) — no longer current",
            "History of cancer",
            "Cleared by Dr. Weiss on Sat 5 Sep 2026: gentle massage fine (for History of cancer)",
            "Back (from behind)",
            "Front (mirrored)",
            "1: Acute injury",
        ] {
            assert!(text.contains(expected), "{expected:?} missing");
        }
    }
    Ok(())
}

#[test]
fn the_right_ql_adds_up_to_ten_minutes_a_session() {
    let heat = HeatMap::of(&course(12), DateRange::ALL);
    let ql = heat.get(massage_planner::model::MuscleSide::new(
        Muscle::QuadratusLumborum,
        Side::Right,
    ));
    assert_eq!(ql.minutes(), 120.0);
    assert_eq!(ql.mean_pressure(), Some(3.0));
    // Both sides every other session: 6 sessions × 10 min, half a side.
    let glute = heat.get(massage_planner::model::MuscleSide::new(
        Muscle::GluteusMedius,
        Side::Left,
    ));
    assert_eq!(glute.minutes(), 30.0);
    assert_eq!(glute.mean_pressure(), Some(4.0));
}

#[test]
fn a_long_course_runs_over_pages_without_overlaps() -> TestResult {
    let course = course(90);
    for paper in Paper::ALL {
        let pdf = report(&course, paper);
        let pages = read_pages(&pdf)?;
        assert!(pages.len() >= 3, "{} pages", pages.len());
        check_no_overlap(&pages)?;
        let text = text_of(&pdf);
        for session in &course.sessions {
            assert!(text.contains(&long_date(session.date())));
        }
        // The table's head repeats on each page it runs onto.
        let heads = text
            .matches("Date Minutes Steps Pain before Pain after")
            .count();
        assert!(heads >= 2, "{heads}");
    }
    Ok(())
}

fn run(args: &[&str]) -> std::process::Output {
    let cache = tempfile::tempdir().unwrap();
    std::process::Command::new(env!("CARGO_BIN_EXE_massage-planner"))
        .args(args)
        .env("XDG_CACHE_HOME", cache.path())
        .output()
        .unwrap()
}

#[test]
fn report_writes_the_clients_report_and_exits_1_when_no_plan_matches() -> TestResult {
    let plans = support::examples::copy_of_example_plans();
    let out = tempfile::tempdir()?;
    let pdf_path = out.path().join("maria.pdf");
    let plans_arg = plans.path().to_str().unwrap();
    let ok = run(&[
        "report",
        "--client",
        "MARIA",
        "-o",
        pdf_path.to_str().unwrap(),
        "--plans",
        plans_arg,
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let text = text_of(&std::fs::read(&pdf_path)?);
    assert!(text.contains("Wed 4 Nov 2026"));
    assert!(text.contains("Wed 18 Nov 2026"));
    assert!(text.contains("Herniated disc"));
    assert!(!text.contains("Jonas"));

    let missing = out.path().join("nobody.pdf");
    let none = run(&[
        "report",
        "--client",
        "Nobody Here",
        "-o",
        missing.to_str().unwrap(),
        "--plans",
        plans_arg,
    ]);
    assert_eq!(none.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&none.stderr);
    assert!(
        stderr.contains("no plan in")
            && stderr.contains("is for a client matching \"Nobody Here\""),
        "{stderr}"
    );
    assert!(!missing.exists(), "nothing written");
    // A muscle's name matches plans in `list`, but it is not a client.
    let muscle = run(&[
        "report",
        "--client",
        "piriformis",
        "-o",
        missing.to_str().unwrap(),
        "--plans",
        plans_arg,
    ]);
    assert_eq!(muscle.status.code(), Some(1));
    Ok(())
}
