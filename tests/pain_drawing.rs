//! The pain drawing in the plan file (format 3): it round-trips, stays
//! compact, and plans written before it still load.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use massage_planner::model::{
    BodyView, Cell, FORMAT_VERSION, Pain, PainDrawing, PainLevel, PainMark, PainQuality,
};
use massage_planner::referral::BodyChart;
use massage_planner::store::{load_plan, parse_plan, plan_to_ron};

fn data(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn mark(level: u8, quality: PainQuality, constant: bool) -> PainMark {
    PainMark {
        intensity: PainLevel::new(level).unwrap(),
        quality,
        constant,
    }
}

#[test]
fn a_plan_with_drawings_before_and_after_round_trips() {
    let chart = BodyChart::try_builtin().unwrap();
    let mut plan = load_plan(&data("plans/maria-keller-2026-11-18.ron")).unwrap();
    assert!(!plan.pain_before.as_ref().unwrap().drawing.is_empty());
    let mut after = PainDrawing::default();
    let sacrum = chart
        .find(BodyView::Back, "sacrum", massage_planner::model::Side::Both)
        .unwrap();
    after.paint(
        BodyView::Back,
        sacrum.cells.iter().copied(),
        mark(2, PainQuality::Ache, false),
    );
    after.paint(
        BodyView::Front,
        chart.brush(
            BodyView::Front,
            massage_planner::atlas::Point::new(150.0, 330.0),
            15.0,
        ),
        mark(3, PainQuality::Tingling, true),
    );
    plan.pain_after = Some(Pain {
        level: PainLevel::new(2).unwrap(),
        location: "sacrum".into(),
        drawing: after,
    });
    let text = plan_to_ron(&plan).unwrap();
    assert!(text.contains("view: front"), "{text}");
    assert!(text.contains("quality: tingling"), "{text}");
    let again = parse_plan(text.as_bytes(), &data("x.ron")).unwrap();
    assert_eq!(again, plan);
    assert_eq!(plan_to_ron(&again).unwrap(), text, "same plan, same bytes");
}

#[test]
fn a_plain_plan_writes_no_drawing() {
    let plan = load_plan(&data("plans/jonas-lindqvist-2026-11-20.ron")).unwrap();
    let text = plan_to_ron(&plan).unwrap();
    assert!(!text.contains("drawing"), "{text}");
}

#[test]
fn format_2_plans_still_load() {
    let path = data("tests/data/format2/maria-keller-2026-11-18.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format: 2,"));
    let plan = load_plan(&path).unwrap();
    assert_eq!(plan.format, FORMAT_VERSION);
    let pain = plan.pain_before.unwrap();
    assert_eq!(pain.level.level(), 5);
    assert!(pain.drawing.is_empty());
    assert_eq!(plan.steps.len(), 9);
}

#[test]
fn a_bad_drawing_is_refused_with_line_and_column() {
    let text = std::fs::read_to_string(data("plans/maria-keller-2026-11-18.ron")).unwrap();
    let broken = text.replacen("cells: \"43:21 ", "cells: \"43:x21 ", 1);
    assert_ne!(broken, text);
    let err = parse_plan(broken.as_bytes(), &data("bad.ron")).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("bad.ron:"), "{message}");
    assert!(message.contains("43:x21"), "{message}");
}

#[test]
fn a_full_drawing_before_and_after_keeps_the_plan_under_20_kb() {
    let chart = BodyChart::try_builtin().unwrap();
    let mut plan = load_plan(&data("plans/maria-keller-2026-11-18.ron")).unwrap();
    // Every body cell of both views painted, in bands of four different
    // marks (a busier drawing than any client's), before and after.
    let mut drawing = PainDrawing::default();
    let marks = [
        mark(7, PainQuality::Ache, true),
        mark(4, PainQuality::Burning, false),
        mark(2, PainQuality::Tingling, true),
        mark(9, PainQuality::Sharp, false),
    ];
    for view in BodyView::ALL {
        for row in 0..chart.grid.rows {
            let cells: Vec<Cell> = (0..chart.grid.columns)
                .map(|col| Cell::new(row, col))
                .filter(|&c| chart.area_index(view, c).is_some())
                .collect();
            drawing.paint(view, cells, marks[usize::from(row / 10) % marks.len()]);
        }
    }
    let painted = drawing.painted().count();
    assert!(painted > 3000, "{painted} cells");
    for pain in [&mut plan.pain_before, &mut plan.pain_after] {
        *pain = Some(Pain {
            level: PainLevel::new(7).unwrap(),
            location: "everywhere".into(),
            drawing: drawing.clone(),
        });
    }
    let size = plan_to_ron(&plan).unwrap().len();
    assert!(size < 20 * 1024, "{size} bytes");
}
