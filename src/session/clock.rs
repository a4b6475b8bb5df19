//! The time the session runner is given: every call takes the moment it
//! happens, so the runner itself never reads a clock and tests can run a
//! whole session in no time.

use std::cell::Cell;
use std::time::{Duration, Instant};

use jiff::civil::DateTime;

/// A point in time as the runner needs it: a monotonic instant to measure
/// with (unaffected by clock changes), and the local wall-clock time to
/// write in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    pub instant: Instant,
    pub local: DateTime,
}

pub trait Clock {
    fn now(&self) -> Moment;
}

/// The computer's clock, local time to the second.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Moment {
        let local = jiff::ZonedDateTime::now().datetime();
        Moment {
            instant: Instant::now(),
            local: local.round(jiff::Unit::Second).unwrap_or(local),
        }
    }
}

/// A clock that only moves when told to: for tests and demonstrations.
#[derive(Debug, Clone)]
pub struct ManualClock {
    origin: Instant,
    origin_local: DateTime,
    elapsed: Cell<Duration>,
}

impl ManualClock {
    /// A clock that reads `local` now.
    pub fn starting_at(local: DateTime) -> Self {
        ManualClock {
            origin: Instant::now(),
            origin_local: local,
            elapsed: Cell::new(Duration::ZERO),
        }
    }

    pub fn advance(&self, by: Duration) {
        self.elapsed.set(self.elapsed.get() + by);
    }

    pub fn advance_secs(&self, seconds: u64) {
        self.advance(Duration::from_secs(seconds));
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Moment {
        let elapsed = self.elapsed.get();
        let span = jiff::SignedDuration::try_from(elapsed).unwrap_or(jiff::SignedDuration::MAX);
        Moment {
            instant: self.origin + elapsed,
            local: self
                .origin_local
                .checked_add(span)
                .unwrap_or(self.origin_local),
        }
    }
}
