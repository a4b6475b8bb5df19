//! Watches the plans folder so files others add, change or remove (another
//! therapist, a sync tool) reach the library without a restart. Events are
//! debounced: a sync that writes many files gives one batch.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, SystemTime};

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
        let mut seen = Seen::default();
        let mut debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
            // A watcher error (e.g. too many folders) only stops updates;
            // the library is still read at start and on request.
            if let Ok(events) = result {
                let paths: Vec<PathBuf> = events
                    .into_iter()
                    .map(|e| e.path)
                    .filter(|path| seen.changed(path))
                    .collect();
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

/// What each reported file looked like last time. inotify also reports a
/// file being opened or read; the app reading a client record must not
/// count as a change (it would read it again, and again, once a debounce).
#[derive(Default)]
struct Seen(HashMap<PathBuf, Option<(SystemTime, u64)>>);

impl Seen {
    /// Whether `path` was added, changed or removed since it was last seen.
    fn changed(&mut self, path: &Path) -> bool {
        let now = std::fs::metadata(path)
            .ok()
            .map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()));
        self.0.insert(path.to_path_buf(), now) != Some(now)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reading_a_file_is_not_a_change_but_writing_and_removing_are() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("client.ron");
        std::fs::write(&file, "one").unwrap();
        let mut seen = Seen::default();
        assert!(seen.changed(&file), "first seen");
        let _ = std::fs::read(&file).unwrap();
        assert!(!seen.changed(&file), "read only");
        std::fs::write(&file, "a longer text").unwrap();
        assert!(seen.changed(&file), "written");
        std::fs::remove_file(&file).unwrap();
        assert!(seen.changed(&file), "removed");
        assert!(!seen.changed(&file), "still gone");
    }
}
