//! The body chart, the referral patterns after Travell & Simons, the
//! ranking of muscles from a pain drawing, and the nerve signs a drawing
//! shows. Each textbook pattern has a case where it wins and one where it
//! does not.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use massage_planner::atlas::{Atlas, Point};
use massage_planner::model::{
    BodyView, Muscle, PainDrawing, PainLevel, PainMark, PainQuality, Side,
};
use massage_planner::referral::{
    BodyChart, NerveSign, PATTERNS_RON, ReferralPatterns, Suggestion, Zone, nerve_sign_findings,
    suggest, trigger_point_at,
};
use massage_planner::screening::Level;

fn chart() -> &'static BodyChart {
    BodyChart::try_builtin().unwrap()
}

fn patterns() -> &'static ReferralPatterns {
    ReferralPatterns::try_builtin().unwrap()
}

fn mark(level: u8, quality: PainQuality) -> PainMark {
    PainMark {
        intensity: PainLevel::new(level).unwrap(),
        quality,
        constant: true,
    }
}

/// A drawing with whole named areas painted: (view, id, side, intensity, quality).
fn paint(areas: &[(BodyView, &str, Side, u8, PainQuality)]) -> PainDrawing {
    let mut drawing = PainDrawing::default();
    for &(view, id, side, level, quality) in areas {
        let area = chart()
            .find(view, id, side)
            .unwrap_or_else(|| panic!("no {side:?} {id} in the {view:?} view"));
        drawing.paint(view, area.cells.iter().copied(), mark(level, quality));
    }
    drawing
}

/// Back-view areas, aching at 6, on one side (midline ids on both).
fn back(side: Side, ids: &[&str]) -> PainDrawing {
    let midline = ["sacrum", "coccyx", "saddle", "low_back_midline"];
    let areas: Vec<(BodyView, &str, Side, u8, PainQuality)> = ids
        .iter()
        .map(|&id| {
            let side = if midline.contains(&id) {
                Side::Both
            } else {
                side
            };
            (BodyView::Back, id, side, 6, PainQuality::Ache)
        })
        .collect();
    paint(&areas)
}

fn ranked(drawing: &PainDrawing) -> Vec<Suggestion> {
    suggest(drawing, chart(), patterns())
}

fn first(drawing: &PainDrawing) -> (Muscle, Side) {
    let list = ranked(drawing);
    let top = list.first().expect("some suggestion");
    (top.muscle, top.side)
}

fn rank_of(list: &[Suggestion], muscle: Muscle, side: Side) -> Option<usize> {
    list.iter()
        .position(|s| s.muscle == muscle && s.side == side)
}

// ---- The chart --------------------------------------------------------------

#[test]
fn chart_continues_the_map_outline_down_to_the_heels() {
    let chart = chart();
    let atlas = Atlas::builtin();
    let (low, high) = chart.bounds();
    assert!(high.y > 1050.0, "down to the heels: {high:?}");
    assert!(
        (low.y - 12.0).abs() < 1e-3,
        "from the top of the map's neck: {low:?}"
    );
    // The map's outline is part of the chart's, the cut across the thigh is not.
    let back = &atlas.view(massage_planner::atlas::ViewKind::Posterior).body[0].points;
    let on_map = back.iter().filter(|p| chart.outline.contains(p)).count();
    assert_eq!(on_map, back.len());
    // The calf is body, the gap between the knees is not.
    let cell = |x, y| chart.grid.cell_at(Point::new(x, y)).unwrap();
    assert!(chart.is_body(cell(130.0, 1090.0)));
    assert!(chart.is_body(cell(270.0, 1090.0)));
    assert!(!chart.is_body(cell(195.0, 1090.0)));
    assert!(!chart.is_body(cell(20.0, 490.0)));
}

#[test]
fn sides_follow_the_view() {
    let chart = chart();
    let viewer_left = chart.grid.cell_at(Point::new(130.0, 570.0)).unwrap();
    assert_eq!(chart.side_of(BodyView::Back, viewer_left), Side::Left);
    assert_eq!(chart.side_of(BodyView::Front, viewer_left), Side::Right);
    let area = chart.area_at(BodyView::Back, viewer_left).unwrap();
    assert_eq!(area.label(), "left lower buttock");
    let thigh = chart.grid.cell_at(Point::new(130.0, 690.0)).unwrap();
    assert_eq!(
        chart.area_at(BodyView::Front, thigh).unwrap().label(),
        "right front of the thigh"
    );
}

#[test]
fn named_areas_sit_where_a_therapist_looks_for_them() {
    let chart = chart();
    let label_at = |view, x, y| {
        let cell = chart.grid.cell_at(Point::new(x, y)).unwrap();
        chart.area_at(view, cell).map(|a| a.label())
    };
    use BodyView::{Back, Front};
    // Over the right PSIS (mirror of the left at 162, 496).
    assert_eq!(
        label_at(Back, 238.0, 496.0).as_deref(),
        Some("right sacroiliac area")
    );
    assert_eq!(label_at(Back, 200.5, 520.0).as_deref(), Some("sacrum"));
    assert_eq!(
        label_at(Back, 79.0, 540.0).as_deref(),
        Some("left side of the hip")
    );
    assert_eq!(
        label_at(Back, 140.0, 590.0).as_deref(),
        Some("left lower buttock")
    );
    assert_eq!(
        label_at(Back, 130.0, 520.0).as_deref(),
        Some("left middle of the buttock")
    );
    assert_eq!(
        label_at(Back, 120.0, 460.0).as_deref(),
        Some("left upper buttock")
    );
    assert_eq!(
        label_at(Back, 140.0, 690.0).as_deref(),
        Some("left back of the thigh, upper half")
    );
    assert_eq!(label_at(Back, 140.0, 1070.0).as_deref(), Some("left calf"));
    assert_eq!(label_at(Back, 185.0, 640.0).as_deref(), Some("saddle area"));
    assert_eq!(label_at(Back, 195.0, 640.0), None, "between the thighs");
    assert_eq!(
        label_at(Back, 170.0, 390.0).as_deref(),
        Some("left low back beside the spine")
    );
    assert_eq!(
        label_at(Front, 150.0, 520.0).as_deref(),
        Some("right groin")
    );
    assert_eq!(label_at(Front, 260.0, 1090.0).as_deref(), Some("left shin"));
}

#[test]
fn every_area_is_listed_for_the_keyboard_with_a_unique_name() {
    let chart = chart();
    for view in BodyView::ALL {
        let list = chart.areas_in(view);
        assert!(list.len() > 20, "{view:?}: {}", list.len());
        let mut labels: Vec<String> = list.iter().map(|a| a.label()).collect();
        labels.sort();
        let before = labels.len();
        labels.dedup();
        assert_eq!(before, labels.len(), "{view:?}: a name twice");
        assert!(list.iter().all(|a| !a.cells.is_empty()));
    }
    // Reading order: top to bottom.
    let back = chart.areas_in(BodyView::Back);
    assert!(back.first().unwrap().centre.y < 100.0);
    assert!(back.last().unwrap().centre.y > 1000.0);
}

#[test]
fn a_cell_belongs_to_one_area_and_every_body_cell_to_some() {
    let chart = chart();
    for view in BodyView::ALL {
        let mut count = 0;
        for area in chart.areas.iter().filter(|a| a.view == view) {
            for &cell in &area.cells {
                assert_eq!(chart.area_at(view, cell).map(|a| &a.id), Some(&area.id));
                count += 1;
            }
        }
        let body = (0..chart.grid.rows)
            .flat_map(|r| (0..chart.grid.columns).map(move |c| (r, c)))
            .filter(|&(r, c)| chart.is_body(massage_planner::model::Cell::new(r, c)))
            .count();
        assert_eq!(count, body, "{view:?}");
    }
}

#[test]
fn a_chart_whose_leg_does_not_meet_the_map_is_refused() {
    let text = massage_planner::referral::BODY_CHART_RON
        .replace("(82, 700), (83, 730)", "(80, 700), (83, 730)");
    let err = BodyChart::from_ron(&text, Atlas::builtin()).unwrap_err();
    assert!(err.to_string().contains("left_leg"), "{err}");
    let err = BodyChart::from_ron("(grid: oops)", Atlas::builtin()).unwrap_err();
    assert!(err.to_string().starts_with("1:"), "{err}");
}

// ---- The patterns -------------------------------------------------------------

fn zones(muscle: Muscle, zone: Zone) -> Vec<&'static str> {
    let pattern = patterns().of(muscle).unwrap();
    let list = match zone {
        Zone::Essential => &pattern.essential,
        _ => &pattern.spillover,
    };
    list.iter().map(String::as_str).collect()
}

#[test]
fn every_muscle_on_the_map_has_a_pattern_and_its_trigger_points_lie_in_it() {
    let atlas = Atlas::builtin();
    for muscle in Muscle::ALL {
        let pattern = patterns()
            .of(muscle)
            .unwrap_or_else(|| panic!("{muscle:?}"));
        assert!(
            !pattern.essential.is_empty() || !pattern.beyond_chart.is_empty(),
            "{muscle:?}"
        );
        for point in &pattern.trigger_points {
            // Inside the muscle on both sides of the view it is drawn in,
            // and in no other muscle's region of that view's same layer.
            let drawn = atlas.view(point.view);
            for side in [Side::Left, Side::Right] {
                let at = trigger_point_at(atlas, point, side);
                assert!(
                    drawn
                        .regions
                        .iter()
                        .any(|r| r.muscle == muscle && r.side == side && r.contains(at)),
                    "{muscle:?} {side:?} {} at {at:?} is outside its muscle",
                    point.id
                );
                let other_side = if side == Side::Left {
                    Side::Right
                } else {
                    Side::Left
                };
                assert!(
                    !drawn
                        .regions
                        .iter()
                        .any(|r| r.muscle == muscle && r.side == other_side && r.contains(at)),
                    "{muscle:?} {side:?} {} lies in the other side's muscle",
                    point.id
                );
            }
        }
    }
    // Every muscle has a pattern and, where Travell & Simons describe them,
    // its common trigger points; the fascia and the IT band have none in the
    // textbook (they are not muscles).
    assert_eq!(patterns().patterns.len(), Muscle::ALL.len());
    for pattern in &patterns().patterns {
        let none_in_the_textbook = matches!(
            pattern.muscle,
            Muscle::ThoracolumbarFascia | Muscle::IliotibialBand
        );
        assert_eq!(
            pattern.trigger_points.is_empty(),
            none_in_the_textbook,
            "{:?}",
            pattern.muscle
        );
    }
}

#[test]
fn a_trigger_point_outside_its_muscle_or_in_the_wrong_view_is_refused() {
    let chart = BodyChart::builtin();
    let atlas = Atlas::builtin();
    // The psoas's point below the inguinal ligament, front view: accepted.
    let good = PATTERNS_RON.to_owned();
    assert!(ReferralPatterns::from_ron(&good, chart, atlas).is_ok());
    // The same point read in the posterior view is on no psoas there.
    let wrong_view = PATTERNS_RON.replace("at: (244, 245), view: Front", "at: (244, 245)");
    assert_ne!(wrong_view, good);
    let err = ReferralPatterns::from_ron(&wrong_view, chart, atlas).unwrap_err();
    assert!(err.to_string().contains("insertion"), "{err}");
    // Moved into the thigh beside it: outside the muscle.
    let outside =
        PATTERNS_RON.replace("at: (244, 245), view: Front", "at: (300, 245), view: Front");
    let err = ReferralPatterns::from_ron(&outside, chart, atlas).unwrap_err();
    assert!(err.to_string().contains("not inside the muscle"), "{err}");
}

#[test]
fn patterns_match_the_textbook() {
    use Muscle::*;
    use Zone::{Essential as E, Spillover as S};
    let cases: [(Muscle, Zone, &[&str], &[&str]); 28] = [
        (
            PsoasMajor,
            E,
            &["low_back", "anterior_thigh"],
            &["calf", "heel"],
        ),
        (Rhomboids, E, &["interscapular"], &["low_back"]),
        (MiddleTrapezius, E, &["interscapular"], &["sacrum"]),
        (
            VastusLateralis,
            E,
            &["lateral_thigh", "front_of_knee"],
            &["sacrum", "low_back"],
        ),
        (
            ExternalOblique,
            E,
            &["lower_abdomen", "groin"],
            &["low_back"],
        ),
        (
            Adductors,
            E,
            &["groin", "anterior_thigh"],
            &["sacrum", "calf"],
        ),
        // (muscle, kind, must include, must not include)
        (
            QuadratusLumborum,
            E,
            &["sacroiliac", "lower_buttock", "lateral_hip", "iliac_crest"],
            &["calf", "upper_posterior_thigh"],
        ),
        (QuadratusLumborum, S, &["lower_abdomen", "groin"], &["calf"]),
        (
            GluteusMedius,
            E,
            &["iliac_crest", "sacrum", "upper_buttock", "sacroiliac"],
            &["calf", "lateral_leg"],
        ),
        (
            GluteusMedius,
            S,
            &["upper_posterior_thigh"],
            &["calf", "lower_posterior_thigh"],
        ),
        (
            GluteusMinimus,
            E,
            &[
                "lateral_thigh",
                "upper_posterior_thigh",
                "lower_posterior_thigh",
                "calf",
                "lateral_leg",
            ],
            &["sacrum", "iliac_crest"],
        ),
        (GluteusMinimus, S, &["heel"], &["sacrum"]),
        (
            Piriformis,
            E,
            &["mid_buttock", "lateral_hip", "sacroiliac"],
            &["calf"],
        ),
        (Piriformis, S, &["upper_posterior_thigh"], &["calf", "heel"]),
        (
            GluteusMaximus,
            E,
            &["sacrum", "coccyx", "lower_buttock", "sacroiliac"],
            &["upper_posterior_thigh", "calf"],
        ),
        (
            GluteusMaximus,
            S,
            &[],
            &["upper_posterior_thigh", "lateral_thigh"],
        ),
        (
            Hamstrings,
            E,
            &[
                "upper_posterior_thigh",
                "lower_posterior_thigh",
                "back_of_knee",
                "lower_buttock",
            ],
            &["sacrum", "iliac_crest"],
        ),
        (Hamstrings, S, &["calf"], &["sacrum"]),
        (
            TensorFasciaeLatae,
            E,
            &["front_of_hip", "lateral_thigh"],
            &["sacrum", "calf"],
        ),
        (TensorFasciaeLatae, S, &["front_of_knee"], &["calf"]),
        (
            ErectorSpinae,
            E,
            &["low_back", "mid_buttock"],
            &["calf", "lateral_thigh"],
        ),
        (ErectorSpinae, S, &["lower_buttock"], &["calf"]),
        (
            Multifidus,
            E,
            &["low_back", "low_back_midline", "coccyx"],
            &["calf", "lateral_hip"],
        ),
        (Multifidus, S, &["sacrum", "lower_abdomen"], &["calf"]),
        (
            LowerTrapezius,
            E,
            &["interscapular"],
            &["low_back", "sacrum"],
        ),
        (
            LatissimusDorsi,
            E,
            &["lower_scapula", "mid_back"],
            &["sacrum", "lower_buttock"],
        ),
        (LatissimusDorsi, S, &["side_low_back"], &["calf"]),
        (
            ThoracolumbarFascia,
            E,
            &["low_back", "side_low_back"],
            &["calf", "lower_buttock"],
        ),
    ];
    for (muscle, zone, has, not) in cases {
        let list = zones(muscle, zone);
        for id in has {
            assert!(
                list.contains(id),
                "{muscle:?} {zone:?} lacks {id}: {list:?}"
            );
        }
        for id in not {
            assert!(!list.contains(id), "{muscle:?} {zone:?} has {id}: {list:?}");
        }
    }
    // Zones the chart cannot show yet are said in words.
    assert!(
        patterns()
            .of(LowerTrapezius)
            .unwrap()
            .beyond_chart
            .contains("neck")
    );
    assert!(
        patterns()
            .of(LatissimusDorsi)
            .unwrap()
            .beyond_chart
            .contains("little")
    );
}

#[test]
fn a_zone_that_is_not_on_the_chart_is_refused() {
    let text = massage_planner::referral::PATTERNS_RON.replace("\"interscapular\"]", "\"neck\"]");
    let err = ReferralPatterns::from_ron(&text, chart(), Atlas::builtin()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "lower_trapezius: zone \"neck\" is not an area of the body chart"
    );
    let text = massage_planner::referral::PATTERNS_RON.replace("at: (168, 240)", "at: (60, 240)");
    let err = ReferralPatterns::from_ron(&text, chart(), Atlas::builtin()).unwrap_err();
    assert!(err.to_string().contains("not inside the muscle"), "{err}");
}

// ---- Suggest ------------------------------------------------------------------

#[test]
fn right_si_lower_buttock_and_side_of_hip_suggest_the_right_ql_first() {
    let drawing = back(Side::Right, &["sacroiliac", "lower_buttock", "lateral_hip"]);
    let list = ranked(&drawing);
    assert_eq!(first(&drawing), (Muscle::QuadratusLumborum, Side::Right));
    assert_eq!(
        list[0].reason,
        "refers to the right sacroiliac area, lower buttock and side of the hip: 3 of 3 painted areas"
    );
    assert!(
        list.iter().all(|s| s.side != Side::Left),
        "nothing on the left: {list:?}"
    );
    // The same on the left suggests the left QL.
    let left = back(Side::Left, &["sacroiliac", "lower_buttock", "lateral_hip"]);
    assert_eq!(first(&left), (Muscle::QuadratusLumborum, Side::Left));
}

#[test]
fn iliac_crest_sacrum_and_buttock_suggest_gluteus_medius() {
    let drawing = back(Side::Right, &["iliac_crest", "sacrum", "upper_buttock"]);
    assert_eq!(first(&drawing), (Muscle::GluteusMedius, Side::Right));
    let reason = &ranked(&drawing)[0].reason;
    assert!(
        reason.contains("the right back of the iliac crest, upper buttock and the sacrum"),
        "{reason}"
    );
    // Not when the pain is down the leg instead.
    let leg = back(Side::Right, &["lateral_thigh", "calf"]);
    assert_ne!(first(&leg).0, Muscle::GluteusMedius);
}

#[test]
fn side_and_back_of_thigh_and_calf_suggest_gluteus_minimus() {
    let drawing = back(
        Side::Left,
        &[
            "lateral_thigh",
            "upper_posterior_thigh",
            "lower_posterior_thigh",
            "calf",
        ],
    );
    assert_eq!(first(&drawing), (Muscle::GluteusMinimus, Side::Left));
    // Low back pain alone does not.
    let low_back = back(Side::Left, &["low_back", "side_low_back"]);
    let list = ranked(&low_back);
    assert_eq!(rank_of(&list, Muscle::GluteusMinimus, Side::Left), None);
}

#[test]
fn buttock_and_back_of_thigh_suggest_piriformis() {
    let drawing = back(Side::Right, &["mid_buttock", "upper_posterior_thigh"]);
    assert_eq!(first(&drawing), (Muscle::Piriformis, Side::Right));
    // The back of the thigh and knee alone point to the hamstrings instead.
    let thigh = back(
        Side::Right,
        &[
            "upper_posterior_thigh",
            "lower_posterior_thigh",
            "back_of_knee",
        ],
    );
    assert_eq!(first(&thigh), (Muscle::Hamstrings, Side::Right));
}

#[test]
fn midline_pain_suggests_both_sides() {
    let drawing = back(Side::Both, &["low_back_midline", "coccyx"]);
    let (muscle, side) = first(&drawing);
    assert_eq!((muscle, side), (Muscle::Multifidus, Side::Both));
}

#[test]
fn intensity_weighs_areas() {
    // The same two areas; the stronger one decides.
    let crest_strong = paint(&[
        (
            BodyView::Back,
            "interscapular",
            Side::Right,
            9,
            PainQuality::Ache,
        ),
        (BodyView::Back, "calf", Side::Right, 2, PainQuality::Ache),
    ]);
    // The muscles that refer between the shoulder blades lead.
    assert!(
        [
            Muscle::MiddleTrapezius,
            Muscle::Rhomboids,
            Muscle::LowerTrapezius
        ]
        .contains(&first(&crest_strong).0),
        "{:?}",
        first(&crest_strong)
    );
    let calf_strong = paint(&[
        (
            BodyView::Back,
            "interscapular",
            Side::Right,
            2,
            PainQuality::Ache,
        ),
        (BodyView::Back, "calf", Side::Right, 9, PainQuality::Ache),
    ]);
    assert_eq!(first(&calf_strong).0, Muscle::GluteusMinimus);
}

#[test]
fn front_view_pain_counts_too() {
    // Front of the hip and side of the thigh, painted from the front: TFL.
    let drawing = paint(&[
        (
            BodyView::Front,
            "front_of_hip",
            Side::Right,
            5,
            PainQuality::Ache,
        ),
        (
            BodyView::Front,
            "lateral_thigh",
            Side::Right,
            5,
            PainQuality::Ache,
        ),
    ]);
    assert_eq!(first(&drawing), (Muscle::TensorFasciaeLatae, Side::Right));
}

#[test]
fn an_empty_drawing_suggests_nothing() {
    assert!(ranked(&PainDrawing::default()).is_empty());
}

// ---- Nerve signs -------------------------------------------------------------

fn signs(drawing: &PainDrawing) -> Vec<NerveSign> {
    nerve_sign_findings(drawing, chart())
        .iter()
        .map(|f| f.sign)
        .collect()
}

#[test]
fn tingling_below_the_knee_asks_the_sciatica_questions() {
    let drawing = paint(&[(
        BodyView::Back,
        "calf",
        Side::Right,
        4,
        PainQuality::Tingling,
    )]);
    let findings = nerve_sign_findings(&drawing, chart());
    assert_eq!(signs(&drawing), [NerveSign::BelowKnee(Side::Right)]);
    assert_eq!(findings[0].level, Level::Adjust);
    assert!(
        findings[0]
            .asks
            .contains(&massage_planner::model::ConditionKind::Sciatica)
    );
    // An ache in the calf, or tingling in the thigh only, is not a nerve sign below the knee.
    let ache = paint(&[(BodyView::Back, "calf", Side::Right, 4, PainQuality::Ache)]);
    assert!(signs(&ache).is_empty());
    let thigh = paint(&[(
        BodyView::Back,
        "upper_posterior_thigh",
        Side::Right,
        4,
        PainQuality::Numbness,
    )]);
    assert!(signs(&thigh).is_empty());
}

#[test]
fn numbness_in_both_legs_or_the_saddle_is_a_red_flag() {
    let both = paint(&[
        (
            BodyView::Back,
            "upper_posterior_thigh",
            Side::Right,
            3,
            PainQuality::Numbness,
        ),
        (
            BodyView::Front,
            "shin",
            Side::Left,
            3,
            PainQuality::Tingling,
        ),
    ]);
    let findings = nerve_sign_findings(&both, chart());
    assert_eq!(signs(&both), [NerveSign::BothLegs]);
    assert_eq!(findings[0].level, Level::ReferOut);
    let saddle = paint(&[(
        BodyView::Back,
        "saddle",
        Side::Both,
        0,
        PainQuality::Numbness,
    )]);
    let findings = nerve_sign_findings(&saddle, chart());
    assert_eq!(signs(&saddle), [NerveSign::Saddle]);
    assert!(findings[0].suggestion.contains("emergency"));
    // Burning in the saddle area, or tingling in one leg: no red flag.
    let burning = paint(&[(
        BodyView::Back,
        "saddle",
        Side::Both,
        5,
        PainQuality::Burning,
    )]);
    assert!(signs(&burning).is_empty());
    let one_leg = paint(&[(
        BodyView::Back,
        "lateral_thigh",
        Side::Left,
        3,
        PainQuality::Tingling,
    )]);
    assert!(signs(&one_leg).is_empty());
}

// ---- The window's suggestion list -----------------------------------------

mod window_list {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use massage_planner::model::{Muscle, MuscleSide, Plan, Side};
    use massage_planner::planner::Action;
    use massage_planner::ui::suggestions::referral_suggestions;

    struct State {
        plan: Plan,
        actions: Vec<Action>,
    }

    fn maria() -> Plan {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("plans/maria-keller-2026-11-18.ron");
        massage_planner::store::load_plan(&path).unwrap()
    }

    fn harness(plan: Plan) -> Harness<'static, State> {
        Harness::builder().with_size([520.0, 500.0]).build_ui_state(
            |ui, state: &mut State| {
                let mut actions = Vec::new();
                referral_suggestions(ui, &state.plan, &mut actions);
                state.actions.extend(actions);
            },
            State {
                plan,
                actions: Vec::new(),
            },
        )
    }

    #[test]
    fn one_click_adds_a_suggested_muscle_and_a_planned_one_shows_its_step() {
        let mut plan = maria();
        // Without the steps, the right QL is offered as a new step.
        plan.steps.clear();
        let mut harness = harness(plan);
        harness.run();
        harness
            .get_by_label("Add Right quadratus lumborum as a step")
            .click();
        harness.run();
        let picked: Vec<MuscleSide> = harness
            .state()
            .actions
            .iter()
            .filter_map(|a| match a {
                Action::Pick(region) => Some(*region),
                _ => None,
            })
            .collect();
        assert_eq!(
            picked,
            [MuscleSide::new(Muscle::QuadratusLumborum, Side::Right)]
        );
        // Maria's plan already works on it: step 4 (the list is folded
        // while the plan has steps).
        let mut harness = super::window_list::harness(maria());
        harness.run();
        assert!(
            harness
                .query_by_label("Show step 4: Right quadratus lumborum")
                .is_none()
        );
        harness
            .get_by_label_contains("Muscles that may refer this pain")
            .click();
        harness.run();
        harness.get_by_label("Show step 4: Right quadratus lumborum");
    }

    #[test]
    fn no_list_without_a_drawing() {
        let mut plan = maria();
        plan.pain_before = None;
        let mut harness = harness(plan);
        harness.run();
        assert!(harness.query_by_label_contains("as a step").is_none());
    }
}
