//! Watches the plans folder so files others add, change or remove (another
//! therapist, a sync tool) reach the library without a restart. Events are
//! debounced: a sync that writes many files gives one batch.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify_debouncer_mini::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

/// Changes settle this long before the library is told.
const DEBOUNCE: Duration = Duration::from_millis(400);

pub struct PlansWatcher {
    // Dropping the debouncer stops the watching.
    _debouncer: Debouncer<RecommendedWatcher>,
    changes: Receiver<Vec<PathBuf>>,
}

impl PlansWatcher {
    /// Starts watching `dir` and below; `wake` is called when changes arrive
    /// (so the window repaints only then).
    pub fn start(dir: &Path, wake: impl Fn() + Send + 'static) -> Result<Self, notify::Error> {
        let (sender, changes) = channel();
        let mut debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
            // A watcher error (e.g. too many folders) only stops updates;
            // the library is still read at start and on request.
            if let Ok(events) = result {
                let paths: Vec<PathBuf> = events.into_iter().map(|e| e.path).collect();
                if !paths.is_empty() && sender.send(paths).is_ok() {
                    wake();
                }
            }
        })?;
        debouncer.watcher().watch(dir, RecursiveMode::Recursive)?;
        Ok(PlansWatcher {
            _debouncer: debouncer,
            changes,
        })
    }

    /// Every path changed since the last call, each once.
    pub fn changed(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = self.changes.try_iter().flatten().collect();
        paths.sort();
        paths.dedup();
        paths
    }
}
