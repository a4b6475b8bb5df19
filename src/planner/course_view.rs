//! The client view: one client's course on screen (timeline, pain trend,
//! heat map over a date range, two sessions compared). Kept in the modal;
//! changed only through `Planner::apply`.

use crate::course::{Course, DateRange, HeatMap, PainTrend};
use crate::model::{Difference, differences};

/// What the client view does.
#[derive(Debug, Clone, PartialEq)]
pub enum CourseAction {
    /// Open the view for the client of this name (as the library groups it).
    Open(String),
    /// The heat map's date range.
    SetRange(DateRange),
    /// Tick or untick a session (index, oldest first) for the comparison;
    /// a third tick replaces the older of the two.
    ToggleCompare(usize),
    /// Start the next session from the client's last one.
    ContinueFromLast,
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CourseView {
    pub course: Course,
    pub trend: PainTrend,
    pub range: DateRange,
    /// Worked out again only when the range changes, not every frame.
    pub heat: HeatMap,
    /// Up to two sessions (indices, in the order ticked).
    pub compare: Vec<usize>,
}

impl CourseView {
    pub fn new(course: Course) -> CourseView {
        let range = DateRange::ALL;
        CourseView {
            trend: PainTrend::of(&course),
            heat: HeatMap::of(&course, range),
            course,
            range,
            compare: Vec::new(),
        }
    }

    pub(super) fn set_range(&mut self, range: DateRange) {
        if range != self.range {
            self.range = range;
            self.heat = HeatMap::of(&self.course, range);
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
    }

    /// The two sessions ticked, older first, and what changed from the
    /// older to the newer.
    pub fn comparison(&self) -> Option<(usize, usize, Vec<Difference>)> {
        let [a, b] = self.compare[..] else {
            return None;
        };
        let (older, newer) = (a.min(b), a.max(b));
        let sessions = &self.course.sessions;
        Some((
            older,
            newer,
            differences(&sessions.get(older)?.plan, &sessions.get(newer)?.plan),
        ))
    }
}
