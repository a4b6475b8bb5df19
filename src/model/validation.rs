use super::Plan;

pub const MIN_STEP_MINUTES: u16 = 1;
pub const MAX_STEP_MINUTES: u16 = 180;

/// Planned time may run over the session by this share before we warn.
const OVERRUN_TOLERANCE_PERCENT: u32 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem with a plan, for the editor, `check` and the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// 0-based index of the step concerned, if any.
    pub step: Option<usize>,
    pub message: String,
}

impl Finding {
    fn error(step: Option<usize>, message: String) -> Self {
        Finding {
            severity: Severity::Error,
            step,
            message,
        }
    }
    fn warning(step: Option<usize>, message: String) -> Self {
        Finding {
            severity: Severity::Warning,
            step,
            message,
        }
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.step {
            Some(i) => write!(f, "{level}: step {}: {}", i + 1, self.message),
            None => write!(f, "{level}: {}", self.message),
        }
    }
}

impl Plan {
    /// Everything wrong with the plan, errors and warnings, in plan order.
    pub fn validate(&self) -> Vec<Finding> {
        let mut findings = Vec::new();
        if self.client.name.trim().is_empty() {
            findings.push(Finding::error(None, "the client name is empty".into()));
        }
        if self.session_minutes == 0 {
            findings.push(Finding::error(
                None,
                "the session length must be at least 1 minute".into(),
            ));
        }
        for (i, step) in self.steps.iter().enumerate() {
            if !(MIN_STEP_MINUTES..=MAX_STEP_MINUTES).contains(&step.minutes) {
                findings.push(Finding::error(
                    Some(i),
                    format!(
                        "{} minutes for {}: a step takes {MIN_STEP_MINUTES} to {MAX_STEP_MINUTES} minutes",
                        step.minutes,
                        step.muscle.label_with_side(step.side).to_lowercase()
                    ),
                ));
            }
        }
        let total = self.total_minutes();
        let session = u32::from(self.session_minutes);
        // In u64: a plan file can hold enough 65,535-minute steps to overflow u32.
        if session > 0
            && u64::from(total) * 100
                > u64::from(session) * u64::from(100 + OVERRUN_TOLERANCE_PERCENT)
        {
            findings.push(Finding::warning(
                None,
                format!(
                    "the steps take {total} minutes, {} more than the {session}-minute session",
                    total - session
                ),
            ));
        }
        findings
    }
}
