//! Safety screening: rules (data in `assets/screening-rules.ron`) matched
//! against the client's record and each planned step. No egui here.

mod rules;
mod screen;

pub use rules::{Level, Rule, RuleSet, RulesError, StepMatch, Trigger};
pub use screen::{Warning, next_session, screen};
