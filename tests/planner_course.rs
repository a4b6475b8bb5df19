//! The client view through `Planner::apply`: opened from the library's
//! client or the editor's client name, the heat map's range, two sessions
//! compared, and continuing from the last session.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use jiff::civil::date;
use massage_planner::course::DateRange;
use massage_planner::model::{Muscle, MuscleSide, Side};
use massage_planner::planner::{Action, Command, CourseAction, Edit, Modal, Outcome, Planner};
use massage_planner::store::Library;

fn planner_on_examples() -> (tempfile::TempDir, Planner) {
    let plans = support::examples::copy_of_example_plans();
    let mut p = Planner::new(plans.path().to_path_buf(), date(2026, 11, 25));
    p.apply(Action::Done(Outcome::LibraryLoaded {
        dir: plans.path().to_path_buf(),
        result: Library::scan(plans.path()).map_err(|e| e.to_string()),
    }));
    (plans, p)
}

fn course_view(p: &Planner) -> &massage_planner::planner::CourseView {
    match p.modal() {
        Some(Modal::Course(view)) => view,
        other => panic!("no client view: {other:?}"),
    }
}

#[test]
fn the_client_view_opens_from_the_library_with_every_session_and_the_trend() {
    let (_plans, mut p) = planner_on_examples();
    p.apply(Action::Course(CourseAction::Open("Maria Keller".into())));
    let view = course_view(&p);
    let dates: Vec<_> = view.course.sessions.iter().map(|s| s.date()).collect();
    assert_eq!(dates, [date(2026, 11, 4), date(2026, 11, 18)]);
    assert_eq!(view.trend.points[0].before, Some(7));
    assert_eq!(view.trend.points[0].after, Some(4));
    assert_eq!(view.trend.events.len(), 1, "the dated disc herniation");
    assert_eq!(view.heat.sessions, 2);
    p.apply(Action::Course(CourseAction::Close));
    assert!(p.modal().is_none());
}

#[test]
fn the_heat_map_follows_the_chosen_range() {
    let (_plans, mut p) = planner_on_examples();
    p.apply(Action::Course(CourseAction::Open("Maria Keller".into())));
    let all = course_view(&p).heat.clone();
    let right_ql = MuscleSide::new(Muscle::QuadratusLumborum, Side::Right);
    p.apply(Action::Course(CourseAction::SetRange(DateRange::new(
        date(2026, 11, 10),
        date(2026, 11, 30),
    ))));
    let later = &course_view(&p).heat;
    assert_eq!(later.sessions, 1);
    assert!(later.get(right_ql).minutes() < all.get(right_ql).minutes());
    p.apply(Action::Course(CourseAction::SetRange(DateRange::ALL)));
    assert_eq!(course_view(&p).heat, all);
}

#[test]
fn two_sessions_are_compared_and_a_third_tick_replaces_the_older_one() {
    let (_plans, mut p) = planner_on_examples();
    p.apply(Action::Course(CourseAction::Open("Maria Keller".into())));
    assert!(course_view(&p).comparison().is_none());
    p.apply(Action::Course(CourseAction::ToggleCompare(1)));
    p.apply(Action::Course(CourseAction::ToggleCompare(0)));
    let comparison = course_view(&p).comparison().unwrap();
    let differences = &comparison.differences;
    assert_eq!((comparison.older, comparison.newer), (0, 1));
    assert!(
        differences
            .iter()
            .any(|d| d.to_string().starts_with("Date:")),
        "{differences:?}"
    );
    // Unticking leaves one; out of range is ignored.
    p.apply(Action::Course(CourseAction::ToggleCompare(0)));
    p.apply(Action::Course(CourseAction::ToggleCompare(7)));
    assert_eq!(course_view(&p).compare, [1]);
}

#[test]
fn continue_from_the_last_session_opens_it_and_starts_the_next() {
    let (plans, mut p) = planner_on_examples();
    p.apply(Action::Course(CourseAction::Open("Maria Keller".into())));
    p.apply(Action::Course(CourseAction::ContinueFromLast));
    assert!(p.modal().is_none(), "{:?}", p.modal());
    assert_eq!(p.plan().client.name, "Maria Keller");
    assert_eq!(p.plan().date, date(2026, 11, 25));
    assert_eq!(p.plan().pain_before, None);
    let last = massage_planner::store::load_plan(&plans.path().join("maria-keller-2026-11-18.ron"))
        .unwrap();
    assert_eq!(p.plan().steps.len(), last.steps.len());
    assert!(p.file().is_none(), "a new, unsaved plan");
    assert!(
        p.message().starts_with("New session for Maria Keller"),
        "{}",
        p.message()
    );
}

#[test]
fn the_editors_client_name_opens_the_course_and_an_unknown_name_says_so() {
    let (_plans, mut p) = planner_on_examples();
    p.apply(Action::Command(Command::ClientCourse));
    assert!(p.modal().is_none());
    assert!(p.message().starts_with("Type the client's name first"));
    p.apply(Action::Edit(Edit::ClientName("Aiko Tanaka".into())));
    p.apply(Action::Command(Command::ClientCourse));
    assert_eq!(course_view(&p).course.sessions.len(), 1);
    p.apply(Action::Course(CourseAction::Close));
    p.apply(Action::Edit(Edit::ClientName("Nina Novak".into())));
    p.apply(Action::Command(Command::ClientCourse));
    assert!(p.modal().is_none());
    assert!(
        p.message().contains("No saved plan for Nina Novak"),
        "{}",
        p.message()
    );
}

#[test]
fn the_tabs_the_chosen_pair_and_the_compared_view_change_only_through_apply() {
    use massage_planner::atlas::ViewKind;
    use massage_planner::planner::CourseTab;
    let (_plans, mut p) = planner_on_examples();
    p.apply(Action::Course(CourseAction::Open("Maria Keller".into())));
    assert_eq!(course_view(&p).tab, CourseTab::Sessions);
    p.apply(Action::Course(CourseAction::ShowTab(CourseTab::Compare)));
    assert_eq!(course_view(&p).tab, CourseTab::Compare);
    // A pair chosen at once: the words are worked out then, not per frame.
    p.apply(Action::Course(CourseAction::Compare(0, 1)));
    let comparison = course_view(&p).comparison().unwrap();
    assert_eq!((comparison.older, comparison.newer), (0, 1));
    assert!(!comparison.differences.is_empty());
    // The same session twice, or one out of range, changes nothing.
    p.apply(Action::Course(CourseAction::Compare(1, 1)));
    p.apply(Action::Course(CourseAction::Compare(0, 9)));
    assert_eq!(course_view(&p).compare, [0, 1]);
    // Unticking one leaves nothing to compare.
    p.apply(Action::Course(CourseAction::ToggleCompare(1)));
    assert!(course_view(&p).comparison().is_none());
    p.apply(Action::Course(CourseAction::CompareView(ViewKind::Side)));
    assert_eq!(course_view(&p).compare_view, ViewKind::Side);
}
