//! The pain trend: pain before and after each session, and the intake
//! events (conditions with a date) to mark beside it.

use jiff::civil::Date;

use super::Course;

/// Pain (0–10) before and after one session; `None` where not asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrendPoint {
    pub date: Date,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

impl TrendPoint {
    /// How much the session eased the pain (positive: less pain after).
    pub fn relief(&self) -> Option<i16> {
        Some(i16::from(self.before?) - i16::from(self.after?))
    }
}

/// A dated intake condition: "Acute injury (...) on 2026-09-03".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeEvent {
    pub date: Date,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PainTrend {
    /// One per session, oldest first.
    pub points: Vec<TrendPoint>,
    /// Dated conditions from the client record, oldest first.
    pub events: Vec<IntakeEvent>,
}

impl PainTrend {
    pub fn of(course: &Course) -> PainTrend {
        let points = course
            .sessions
            .iter()
            .map(|s| TrendPoint {
                date: s.date(),
                before: s.pain_before().map(|p| p.level.level()),
                after: s.pain_after().map(|p| p.level.level()),
            })
            .collect();
        let mut events: Vec<IntakeEvent> = course
            .record
            .iter()
            .flat_map(|r| &r.conditions)
            .filter_map(|c| {
                Some(IntakeEvent {
                    date: c.since?,
                    text: c.to_string(),
                })
            })
            .collect();
        events.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.text.cmp(&b.text)));
        PainTrend { points, events }
    }

    /// The points to plot: days since the first session against pain,
    /// before and after. Worked out once, not every frame of the plot.
    pub fn series(&self) -> PainSeries {
        let Some(first) = self.points.first().map(|p| p.date) else {
            return PainSeries::default();
        };
        let mut series = PainSeries {
            first: Some(first),
            ..PainSeries::default()
        };
        for point in &self.points {
            let day = days_from(first, point.date);
            if let Some(before) = point.before {
                series.before.push([day, f64::from(before)]);
            }
            if let Some(after) = point.after {
                series.after.push([day, f64::from(after)]);
            }
        }
        series
    }

    /// Mean pain before the sessions, over those that asked.
    pub fn mean_before(&self) -> Option<f32> {
        mean(self.points.iter().filter_map(|p| p.before))
    }

    pub fn mean_after(&self) -> Option<f32> {
        mean(self.points.iter().filter_map(|p| p.after))
    }

    /// Pain before the first session that asked, and before the last one.
    pub fn first_and_last_before(&self) -> Option<(u8, u8)> {
        let mut asked = self.points.iter().filter_map(|p| p.before);
        let first = asked.next()?;
        Some((first, asked.next_back().unwrap_or(first)))
    }
}

/// Days from `first` to `date` (negative before it).
pub fn days_from(first: Date, date: Date) -> f64 {
    first
        .until(date)
        .map_or(0.0, |span| f64::from(span.get_days()))
}

/// Pain against days since the first session, ready to plot.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PainSeries {
    pub first: Option<Date>,
    pub before: Vec<[f64; 2]>,
    pub after: Vec<[f64; 2]>,
}

fn mean(levels: impl Iterator<Item = u8>) -> Option<f32> {
    let (sum, count) = levels.fold((0u32, 0u32), |(s, n), l| (s + u32::from(l), n + 1));
    (count > 0).then(|| sum as f32 / count as f32)
}
