//! The heat map of a course: how long and how firmly each muscle was
//! worked on each side over a range of dates.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::model::{MuscleSide, Plan, Side};

use super::Course;

/// Dates from `from` to `to`, both included; `None` is open-ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DateRange {
    pub const ALL: DateRange = DateRange {
        from: None,
        to: None,
    };

    pub fn new(from: Date, to: Date) -> DateRange {
        DateRange {
            from: Some(from),
            to: Some(to),
        }
    }

    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// Time and pressure on one muscle on one side. Kept in seconds and
/// pressure × seconds so sums are exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct HeatCell {
    pub seconds: u64,
    pressure_seconds: u64,
    /// Sessions that worked it.
    pub sessions: u32,
}

impl HeatCell {
    pub fn minutes(&self) -> f32 {
        self.seconds as f32 / 60.0
    }

    /// Mean pressure (1–5), weighted by time; `None` when never worked.
    pub fn mean_pressure(&self) -> Option<f32> {
        (self.seconds > 0).then(|| self.pressure_seconds as f32 / self.seconds as f32)
    }
}

/// Every one-sided region worked in the range, with its time and pressure.
#[derive(Debug, Clone, PartialEq, Default, Hash)]
pub struct HeatMap {
    pub range: DateRange,
    pub cells: BTreeMap<MuscleSide, HeatCell>,
    /// Sessions in the range.
    pub sessions: usize,
}

impl HeatMap {
    /// What was worked in `range`. A session that has run counts what its
    /// record says was done (a skipped step not at all, a changed pressure
    /// as changed); a plan not yet run counts as planned. A step on both
    /// sides gives each side half its time: the therapist's minutes are
    /// shared between the two.
    pub fn of(course: &Course, range: DateRange) -> HeatMap {
        let mut map = HeatMap {
            range,
            ..HeatMap::default()
        };
        for session in course.sessions.iter().filter(|s| range.contains(s.date())) {
            map.sessions += 1;
            map.add(&session.plan);
        }
        map
    }

    fn add(&mut self, plan: &Plan) {
        let mut touched: Vec<MuscleSide> = Vec::new();
        for (index, step) in plan.steps.iter().enumerate() {
            let (seconds, pressure) = match plan.record.as_ref() {
                Some(record) => match record.step(index) {
                    Some(done) if done.outcome == crate::model::Outcome::Done => (
                        u64::from(done.seconds.get()),
                        done.pressure.unwrap_or(step.pressure),
                    ),
                    _ => continue,
                },
                None => (u64::from(step.minutes) * 60, step.pressure),
            };
            let share = if step.side == Side::Both {
                seconds / 2
            } else {
                seconds
            };
            if share == 0 {
                continue;
            }
            for region in step.region().one_sided() {
                let cell = self.cells.entry(region).or_default();
                cell.seconds += share;
                cell.pressure_seconds += share * u64::from(pressure.level());
                if !touched.contains(&region) {
                    touched.push(region);
                    cell.sessions += 1;
                }
            }
        }
    }

    pub fn get(&self, region: MuscleSide) -> HeatCell {
        self.cells.get(&region).copied().unwrap_or_default()
    }

    /// The most minutes on any one region: the top of the legend.
    pub fn max_minutes(&self) -> f32 {
        self.cells
            .values()
            .map(HeatCell::minutes)
            .fold(0.0, f32::max)
    }

    /// Regions by minutes worked, most first (ties in muscle order).
    pub fn ranked(&self) -> Vec<(MuscleSide, HeatCell)> {
        let mut cells: Vec<_> = self.cells.iter().map(|(r, c)| (*r, *c)).collect();
        cells.sort_by(|a, b| b.1.seconds.cmp(&a.1.seconds).then_with(|| a.0.cmp(&b.0)));
        cells
    }
}
