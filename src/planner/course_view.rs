//! The client view: one client's course on screen (timeline, pain trend,
//! heat map over a date range, two sessions compared). Kept in the modal;
//! changed only through `Planner::apply`.

use crate::atlas::{Atlas, ViewKind};
use crate::course::{Course, DateRange, HeatMap, PainSeries, PainTrend, views_worked};
use crate::model::{Difference, differences};

/// What the client view does.
#[derive(Debug, Clone, PartialEq)]
pub enum CourseAction {
    /// Open the view for the client of this name (as the library groups it).
    Open(String),
    /// Show one part of the view.
    ShowTab(CourseTab),
    /// The heat map's date range.
    SetRange(DateRange),
    /// Tick or untick a session (index, oldest first) for the comparison;
    /// a third tick replaces the older of the two.
    ToggleCompare(usize),
    /// Compare these two sessions (indices, oldest first).
    Compare(usize, usize),
    /// Which drawing the two compared maps show.
    CompareView(ViewKind),
    /// Start the next session from the client's last one.
    ContinueFromLast,
    Close,
}

/// The parts of the client view, one on screen at a time so each gets
/// the room (a 1280×800 window has no space for all of them at once).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum CourseTab {
    /// The pain plot, the intake conditions and the sessions.
    #[default]
    Sessions,
    /// The heat map on the atlas over a date range.
    Worked,
    /// Two sessions' maps side by side and what changed.
    Compare,
}

impl CourseTab {
    pub const ALL: [CourseTab; 3] = [CourseTab::Sessions, CourseTab::Worked, CourseTab::Compare];

    pub fn name(self) -> &'static str {
        match self {
            CourseTab::Sessions => "Sessions and pain",
            CourseTab::Worked => "What was worked",
            CourseTab::Compare => "Compare two sessions",
        }
    }
}

/// Two sessions compared: indices (older first) and what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionComparison {
    pub older: usize,
    pub newer: usize,
    pub differences: Vec<Difference>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CourseView {
    pub course: Course,
    pub trend: PainTrend,
    /// The trend's points to plot, worked out once.
    pub pain_series: PainSeries,
    pub tab: CourseTab,
    pub range: DateRange,
    /// Worked out again only when the range changes, not every frame.
    pub heat: HeatMap,
    /// The atlas views that show a muscle worked in the range.
    pub heat_views: Vec<ViewKind>,
    /// Up to two sessions (indices, in the order ticked).
    pub compare: Vec<usize>,
    /// The drawing the compared maps show.
    pub compare_view: ViewKind,
    /// Worked out when the ticked pair changes, not every frame.
    comparison: Option<SessionComparison>,
}

impl CourseView {
    pub fn new(course: Course) -> CourseView {
        let range = DateRange::ALL;
        let trend = PainTrend::of(&course);
        let heat = HeatMap::of(&course, range);
        CourseView {
            heat_views: views_worked(&heat, Atlas::builtin()),
            pain_series: trend.series(),
            trend,
            heat,
            course,
            tab: CourseTab::default(),
            range,
            compare: Vec::new(),
            compare_view: ViewKind::Posterior,
            comparison: None,
        }
    }

    pub(super) fn show_tab(&mut self, tab: CourseTab) {
        self.tab = tab;
    }

    pub(super) fn set_range(&mut self, range: DateRange) {
        if range != self.range {
            self.range = range;
            self.heat = HeatMap::of(&self.course, range);
            self.heat_views = views_worked(&self.heat, Atlas::builtin());
        }
    }

    pub(super) fn toggle_compare(&mut self, index: usize) {
        if index >= self.course.sessions.len() {
            return;
        }
        if let Some(at) = self.compare.iter().position(|&i| i == index) {
            self.compare.remove(at);
        } else {
            if self.compare.len() == 2 {
                self.compare.remove(0);
            }
            self.compare.push(index);
        }
        self.compare_changed();
    }

    pub(super) fn set_compare(&mut self, a: usize, b: usize) {
        let count = self.course.sessions.len();
        if a >= count || b >= count || a == b {
            return;
        }
        self.compare = vec![a, b];
        self.compare_changed();
    }

    pub(super) fn set_compare_view(&mut self, kind: ViewKind) {
        self.compare_view = kind;
    }

    fn compare_changed(&mut self) {
        self.comparison = self.work_out_comparison();
    }

    fn work_out_comparison(&self) -> Option<SessionComparison> {
        let [a, b] = self.compare[..] else {
            return None;
        };
        let (older, newer) = (a.min(b), a.max(b));
        let sessions = &self.course.sessions;
        Some(SessionComparison {
            older,
            newer,
            differences: differences(&sessions.get(older)?.plan, &sessions.get(newer)?.plan),
        })
    }

    /// The two sessions ticked, older first, and what changed from the
    /// older to the newer.
    pub fn comparison(&self) -> Option<&SessionComparison> {
        self.comparison.as_ref()
    }
}
