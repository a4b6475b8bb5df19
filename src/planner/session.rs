//! Session mode in the planner: the plan's steps run one after another
//! against the clock, and the record the session leaves in the plan. The
//! shell stamps each session action with the moment it happened, so this
//! stays pure and is tested with a manual clock.

use super::Planner;
use super::action::SessionAction;
use super::history::EditKey;
use super::modal::Modal;
use crate::model::Plan;
use crate::session::{Moment, SessionProgress, SessionRunner};

impl Planner {
    /// The session running on the open plan, if session mode is on.
    pub fn session(&self) -> Option<&SessionRunner> {
        self.session.as_ref()
    }

    /// The session's progress as last seen (for the recovery file).
    pub(super) fn session_progress(&self) -> Option<SessionProgress> {
        let runner = self.session.as_ref()?;
        let now = self.session_moment?;
        Some(runner.progress(now))
    }

    pub(super) fn session_action(&mut self, action: SessionAction, now: Moment) {
        self.session_moment = Some(now);
        if action == SessionAction::Begin {
            self.begin_session();
            return;
        }
        let Some(runner) = &mut self.session else {
            return;
        };
        match action {
            SessionAction::Begin => {}
            SessionAction::StartOrPause => runner.start_or_pause(now),
            SessionAction::Next => runner.next(now),
            SessionAction::Previous => runner.previous(now),
            SessionAction::MoreTime => runner.change_minutes(1),
            SessionAction::LessTime => runner.change_minutes(-1),
            SessionAction::Skip => runner.skip(now),
            SessionAction::Pressure(pressure) => runner.set_pressure(pressure),
            SessionAction::Note(note) => runner.set_note(note),
            SessionAction::Tick => {
                if runner.take_cue(now) {
                    self.step_ended = true;
                }
            }
            SessionAction::Finish => self.finish_session(now),
            SessionAction::Leave => {
                self.session = None;
                self.message = "Left session mode; no record kept".into();
            }
        }
    }

    /// True once after a step's time ran out: the shell's cue.
    pub fn take_step_ended(&mut self) -> bool {
        std::mem::take(&mut self.step_ended)
    }

    fn begin_session(&mut self) {
        if self.session.is_some() {
            return;
        }
        if self.doc.plan.steps.is_empty() {
            self.message = "The plan has no steps to run yet".into();
            return;
        }
        self.modal = None;
        self.session = Some(SessionRunner::new(&self.doc.plan));
        self.message = "Session mode: Space starts and pauses, arrows move between steps".into();
    }

    fn finish_session(&mut self, now: Moment) {
        let Some(mut runner) = self.session.take() else {
            return;
        };
        let record = runner.finish(now, &self.doc.plan);
        self.doc.edit(EditKey::Discrete, |plan: &mut Plan| {
            plan.record = Some(record)
        });
        self.modal = Some(Modal::AfterSession);
        self.message = "Session recorded (not saved yet)".into();
    }

    /// Brings a recovered session back, paused at its step.
    pub(super) fn resume_session(&mut self, progress: SessionProgress) {
        match SessionRunner::resume(&self.doc.plan, progress) {
            Ok(runner) => {
                let step = runner.current().map_or(runner.step_count(), |i| i + 1);
                self.session = Some(runner);
                self.message = format!(
                    "Restored the session at step {step}, paused: Space goes on (not saved yet)"
                );
            }
            Err(e) => self.error = Some(format!("The session could not be restored: {e}")),
        }
    }
}
