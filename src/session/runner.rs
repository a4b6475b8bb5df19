//! The session as it runs: which step, how long on it, paused or not.
//! Pure state: every call is given the [`Moment`] it happens at, so the
//! same calls always give the same record.

use std::time::{Duration, Instant};

use jiff::civil::DateTime;
use serde::{Deserialize, Serialize};

use super::clock::Moment;
use crate::model::{Outcome, Plan, Pressure, Seconds, SessionRecord, Soap, StepRecord};

/// A step is never shortened below this with "one minute less".
const SHORTEST_STEP_SECONDS: i64 = 60;

/// Where a session stands, as plain data: what the recovery file keeps so a
/// crashed session resumes at the right step with its elapsed time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionProgress {
    /// Local time of the first start; `None` before it.
    #[serde(default)]
    pub started: Option<DateTime>,
    /// 0-based index of the current step; the number of steps once the
    /// last one is done or skipped.
    pub current: usize,
    pub steps: Vec<StepProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepProgress {
    /// Time spent on the step so far, in milliseconds.
    #[serde(default)]
    pub spent_ms: u64,
    /// Minutes added to the step (negative: taken off) during the session.
    #[serde(default)]
    pub extra_minutes: i32,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// Pressure changed to during the session.
    #[serde(default)]
    pub pressure: Option<Pressure>,
    #[serde(default)]
    pub note: String,
}

/// A recovered session that does not belong to the plan it came with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the recovered session has {progress} steps at step {current}, but the plan has {plan} steps"
)]
pub struct ProgressDoesNotFit {
    pub progress: usize,
    pub current: usize,
    pub plan: usize,
}

/// What the runner needs to know of each planned step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Planned {
    seconds: i64,
    pressure: Pressure,
}

/// Runs one session through a plan's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRunner {
    planned: Vec<Planned>,
    session_seconds: i64,
    progress: SessionProgress,
    /// Since when the clock runs; `None` while paused or not started.
    running_since: Option<Instant>,
    /// The step whose end was already signalled.
    cued: Option<usize>,
}

impl SessionRunner {
    /// A session through `plan`, not started, at its first step.
    pub fn new(plan: &Plan) -> Self {
        SessionRunner {
            planned: plan
                .steps
                .iter()
                .map(|s| Planned {
                    seconds: i64::from(s.minutes) * 60,
                    pressure: s.pressure,
                })
                .collect(),
            session_seconds: i64::from(plan.session_minutes) * 60,
            progress: SessionProgress {
                started: None,
                current: 0,
                steps: vec![StepProgress::default(); plan.steps.len()],
            },
            running_since: None,
            cued: None,
        }
    }

    /// The session `progress` was saved from, paused where it stood.
    pub fn resume(plan: &Plan, progress: SessionProgress) -> Result<Self, ProgressDoesNotFit> {
        let mut runner = SessionRunner::new(plan);
        if progress.steps.len() != plan.steps.len() || progress.current > plan.steps.len() {
            return Err(ProgressDoesNotFit {
                progress: progress.steps.len(),
                current: progress.current + 1,
                plan: plan.steps.len(),
            });
        }
        runner.progress = progress;
        Ok(runner)
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    pub fn has_started(&self) -> bool {
        self.progress.started.is_some()
    }

    /// 0-based index of the current step; `None` once all are through.
    pub fn current(&self) -> Option<usize> {
        (self.progress.current < self.planned.len()).then_some(self.progress.current)
    }

    /// The step after the current one.
    pub fn next_step(&self) -> Option<usize> {
        let next = self.progress.current + 1;
        (next < self.planned.len()).then_some(next)
    }

    pub fn step_count(&self) -> usize {
        self.planned.len()
    }

    /// The step's progress: outcome, pressure changed, note.
    pub fn step(&self, index: usize) -> Option<&StepProgress> {
        self.progress.steps.get(index)
    }

    /// Starts or continues the clock. Nothing to run once all steps are through.
    pub fn start(&mut self, now: Moment) {
        if self.running_since.is_some() || self.current().is_none() {
            return;
        }
        self.progress.started.get_or_insert(now.local);
        self.running_since = Some(now.instant);
    }

    pub fn pause(&mut self, now: Moment) {
        self.bank(now);
        self.running_since = None;
    }

    /// Space: start when paused, pause when running.
    pub fn start_or_pause(&mut self, now: Moment) {
        if self.is_running() {
            self.pause(now);
        } else {
            self.start(now);
        }
    }

    /// The current step is done; on to the next.
    pub fn next(&mut self, now: Moment) {
        self.leave_current(now, Outcome::Done);
    }

    /// The current step is skipped; on to the next.
    pub fn skip(&mut self, now: Moment) {
        self.leave_current(now, Outcome::Skipped);
    }

    /// Back to the step before; its time goes on from where it was.
    pub fn previous(&mut self, now: Moment) {
        self.bank(now);
        if self.progress.current > 0 {
            self.progress.current -= 1;
        }
    }

    /// One minute more (`1`) or less (`-1`) for the current step; never
    /// shorter than a minute.
    pub fn change_minutes(&mut self, minutes: i32) {
        let Some(index) = self.current() else {
            return;
        };
        let planned = self.planned[index].seconds;
        let step = &mut self.progress.steps[index];
        let wanted = step.extra_minutes.saturating_add(minutes);
        let shortest = (SHORTEST_STEP_SECONDS.min(planned) - planned) / 60;
        step.extra_minutes = wanted.max(i32::try_from(shortest).unwrap_or(0));
        // A longer step may end again.
        if self.cued == Some(index) {
            self.cued = None;
        }
    }

    /// The pressure actually used on the current step.
    pub fn set_pressure(&mut self, pressure: Pressure) {
        if let Some(index) = self.current() {
            self.progress.steps[index].pressure =
                (pressure != self.planned[index].pressure).then_some(pressure);
        }
    }

    /// The note typed during the current step.
    pub fn set_note(&mut self, note: String) {
        if let Some(index) = self.current() {
            self.progress.steps[index].note = note;
        }
    }

    /// Time spent on step `index` up to `now`.
    pub fn spent(&self, index: usize, now: Moment) -> Duration {
        let banked = self.progress.steps.get(index).map_or(0, |s| s.spent_ms);
        let mut spent = Duration::from_millis(banked);
        if index == self.progress.current {
            spent += self.running_for(now);
        }
        spent
    }

    /// The planned length of step `index`, with the minutes added or taken off.
    pub fn planned_seconds(&self, index: usize) -> i64 {
        let planned = self.planned.get(index).map_or(0, |p| p.seconds);
        let extra = self
            .progress
            .steps
            .get(index)
            .map_or(0, |s| i64::from(s.extra_minutes));
        planned + extra * 60
    }

    /// Milliseconds left on the current step; negative once it runs over.
    pub fn step_left_ms(&self, now: Moment) -> Option<i64> {
        let index = self.current()?;
        Some(self.planned_seconds(index) * 1000 - millis(self.spent(index, now)))
    }

    /// Milliseconds left of the booked session length; negative once over.
    pub fn session_left_ms(&self, now: Moment) -> i64 {
        self.session_seconds * 1000 - millis(self.total_spent(now))
    }

    pub fn total_spent(&self, now: Moment) -> Duration {
        (0..self.planned.len()).map(|i| self.spent(i, now)).sum()
    }

    /// True once when the running step reaches its end: time for the chime.
    pub fn take_cue(&mut self, now: Moment) -> bool {
        let Some(index) = self.current() else {
            return false;
        };
        let ended = self.is_running() && self.step_left_ms(now).is_some_and(|left| left <= 0);
        if ended && self.cued != Some(index) {
            self.cued = Some(index);
            return true;
        }
        false
    }

    /// How long until the countdown shows another second; `None` while
    /// paused, when nothing on screen changes.
    pub fn until_next_tick(&self, now: Moment) -> Option<Duration> {
        self.running_since?;
        let index = self.current()?;
        let spent = millis(self.spent(index, now));
        let to_next_second = 1000 - spent.rem_euclid(1000);
        Some(Duration::from_millis(
            u64::try_from(to_next_second).unwrap_or(1000),
        ))
    }

    /// The progress up to `now`, for the recovery file.
    pub fn progress(&self, now: Moment) -> SessionProgress {
        let mut progress = self.progress.clone();
        if let Some(step) = progress.steps.get_mut(progress.current) {
            step.spent_ms += u64::try_from(millis(self.running_for(now))).unwrap_or(0);
        }
        progress
    }

    /// Ends the session: the record of what was done. A step worked on
    /// (time, pressure or a note) with no outcome, such as the one finished
    /// on, counts as done; steps never reached have no entry. The SOAP Subjective starts from the plan's
    /// goals and the pain before.
    pub fn finish(&mut self, now: Moment, plan: &Plan) -> SessionRecord {
        self.pause(now);
        let started = self.progress.started.unwrap_or(now.local);
        let steps = self
            .progress
            .steps
            .iter()
            .enumerate()
            .filter_map(|(index, step)| {
                let seconds = (step.spent_ms + 500) / 1000;
                let worked_on =
                    step.spent_ms > 0 || step.pressure.is_some() || !step.note.trim().is_empty();
                let outcome = match step.outcome {
                    Some(outcome) => outcome,
                    None if worked_on => Outcome::Done,
                    None => return None,
                };
                Some(StepRecord {
                    step: index + 1,
                    seconds: Seconds::new(u32::try_from(seconds).unwrap_or(u32::MAX)),
                    outcome,
                    pressure: step.pressure,
                    note: step.note.trim().to_owned(),
                })
            })
            .collect();
        SessionRecord {
            started,
            // The wall clock may have been set back during the session.
            ended: now.local.max(started),
            steps,
            client_response: String::new(),
            soap: Soap {
                subjective: Soap::subjective_from(plan),
                ..Soap::default()
            },
        }
    }

    fn leave_current(&mut self, now: Moment, outcome: Outcome) {
        self.bank(now);
        let Some(index) = self.current() else {
            return;
        };
        self.progress.steps[index].outcome = Some(outcome);
        self.progress.current += 1;
        if self.current().is_none() {
            // Nothing left to time.
            self.running_since = None;
        }
    }

    /// Moves the running time onto the current step.
    fn bank(&mut self, now: Moment) {
        let running = self.running_for(now);
        if let Some(step) = self.progress.steps.get_mut(self.progress.current) {
            step.spent_ms += u64::try_from(millis(running)).unwrap_or(0);
        }
        if self.running_since.is_some() {
            self.running_since = Some(now.instant);
        }
    }

    fn running_for(&self, now: Moment) -> Duration {
        self.running_since.map_or(Duration::ZERO, |since| {
            now.instant.saturating_duration_since(since)
        })
    }
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

/// "4:59" while time is left, "+0:12" once the step runs over: whole
/// seconds, counting down from the planned length.
pub fn countdown(left_ms: i64) -> String {
    if left_ms > 0 {
        let seconds = (left_ms + 999) / 1000;
        format!("{}:{:02}", seconds / 60, seconds % 60)
    } else {
        let seconds = -left_ms / 1000;
        format!("+{}:{:02}", seconds / 60, seconds % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Muscle, Side, Step, Technique};
    use crate::session::{Clock, ManualClock};
    use jiff::civil::date;

    fn plan() -> Plan {
        let mut plan = Plan::new(date(2026, 11, 4));
        plan.session_minutes = 20;
        for (muscle, minutes) in [
            (Muscle::ALL[0], 5),
            (Muscle::ALL[1], 10),
            (Muscle::ALL[2], 2),
        ] {
            let mut step = Step::new(muscle, Side::Left, Technique::ALL[0], Pressure::MEDIUM);
            step.minutes = minutes;
            plan.steps.push(step);
        }
        plan
    }

    fn clock() -> ManualClock {
        ManualClock::starting_at(date(2026, 11, 4).at(9, 0, 0, 0))
    }

    #[test]
    fn counts_down_the_step_and_runs_past_zero() {
        let (plan, clock) = (plan(), clock());
        let mut runner = SessionRunner::new(&plan);
        assert_eq!(runner.step_left_ms(clock.now()), Some(300_000));
        runner.start(clock.now());
        clock.advance(Duration::from_millis(1500));
        assert_eq!(
            countdown(runner.step_left_ms(clock.now()).unwrap_or(0)),
            "4:59"
        );
        assert!(!runner.take_cue(clock.now()));
        clock.advance_secs(310);
        assert!(runner.take_cue(clock.now()), "the step ended");
        assert!(!runner.take_cue(clock.now()), "once");
        assert_eq!(
            countdown(runner.step_left_ms(clock.now()).unwrap_or(0)),
            "+0:11"
        );
        assert_eq!(runner.session_left_ms(clock.now()), 1_200_000 - 311_500);
    }

    #[test]
    fn paused_time_does_not_count_and_needs_no_ticks() {
        let (plan, clock) = (plan(), clock());
        let mut runner = SessionRunner::new(&plan);
        assert_eq!(runner.until_next_tick(clock.now()), None);
        runner.start(clock.now());
        clock.advance(Duration::from_millis(2300));
        assert_eq!(
            runner.until_next_tick(clock.now()),
            Some(Duration::from_millis(700))
        );
        runner.pause(clock.now());
        clock.advance_secs(600);
        assert_eq!(runner.until_next_tick(clock.now()), None);
        assert_eq!(runner.spent(0, clock.now()), Duration::from_millis(2300));
    }

    #[test]
    fn one_minute_less_stops_at_a_minute() {
        let plan = plan();
        let mut runner = SessionRunner::new(&plan);
        runner.change_minutes(1);
        assert_eq!(runner.planned_seconds(0), 360);
        for _ in 0..10 {
            runner.change_minutes(-1);
        }
        assert_eq!(runner.planned_seconds(0), 60);
    }

    #[test]
    fn the_last_step_done_stops_the_clock() {
        let (plan, clock) = (plan(), clock());
        let mut runner = SessionRunner::new(&plan);
        runner.start(clock.now());
        runner.next(clock.now());
        runner.skip(clock.now());
        clock.advance_secs(30);
        runner.next(clock.now());
        assert_eq!(runner.current(), None);
        assert!(!runner.is_running());
        runner.start(clock.now());
        assert!(!runner.is_running(), "nothing left to run");
        runner.previous(clock.now());
        assert_eq!(runner.current(), Some(2));
    }

    #[test]
    fn a_pressure_like_the_plan_is_no_change() {
        let plan = plan();
        let mut runner = SessionRunner::new(&plan);
        runner.set_pressure(Pressure::new(5).unwrap_or_default());
        assert_eq!(
            runner.step(0).and_then(|s| s.pressure),
            Some(Pressure::new(5).unwrap_or_default())
        );
        runner.set_pressure(Pressure::MEDIUM);
        assert_eq!(runner.step(0).and_then(|s| s.pressure), None);
    }

    #[test]
    fn progress_of_another_plan_is_refused() {
        let plan = plan();
        let runner = SessionRunner::new(&plan);
        let mut other = plan.clone();
        other.steps.pop();
        let progress = runner.progress(clock().now());
        assert!(SessionRunner::resume(&other, progress.clone()).is_err());
        assert!(SessionRunner::resume(&plan, progress).is_ok());
    }
}
