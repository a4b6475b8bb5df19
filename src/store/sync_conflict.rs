//! Copies that sync tools make when two people change the same plan:
//! Syncthing's `NAME.sync-conflict-DATE-TIME-DEVICE.ron`, Dropbox's and
//! Nextcloud's `NAME (conflicted copy ...).ron` / `NAME (Sam's conflicted
//! copy ...).ron`. Found, compared with their plan, kept or put away.

use std::path::{Path, PathBuf};

use super::error::{FileError, Problem};
use super::format::load_plan;
use super::read::read_bounded;
use super::save::{HISTORY_DIR, Overwrite, save_plan};
use crate::model::{Difference, differences};

/// The plan a conflict copy belongs to, when `path` is one.
pub fn original_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".ron")?;
    let original_stem = if let Some(at) = stem.find(".sync-conflict-") {
        &stem[..at]
    } else {
        let open = stem.rfind(" (")?;
        let inside = stem[open + 2..].strip_suffix(')')?;
        if !inside.contains("conflicted copy") {
            return None;
        }
        &stem[..open]
    };
    if original_stem.is_empty() {
        return None;
    }
    Some(path.with_file_name(format!("{original_stem}.ron")))
}

/// One line of the side-by-side comparison of a plan and its copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Same(String),
    /// Only in the plan.
    OnlyInPlan(String),
    /// Only in the conflict copy.
    OnlyInCopy(String),
}

/// The plan's text against the copy's, line by line.
pub fn compare_with_original(copy: &Path) -> Result<Vec<DiffLine>, FileError> {
    let original = original_of(copy).ok_or_else(|| not_a_copy(copy))?;
    let ours = text_of(&original)?;
    let theirs = text_of(copy)?;
    let diff = similar::TextDiff::from_lines(&ours, &theirs);
    Ok(diff
        .iter_all_changes()
        .map(|change| {
            let line = change.value().trim_end_matches('\n').to_string();
            match change.tag() {
                similar::ChangeTag::Equal => DiffLine::Same(line),
                similar::ChangeTag::Delete => DiffLine::OnlyInPlan(line),
                similar::ChangeTag::Insert => DiffLine::OnlyInCopy(line),
            }
        })
        .collect())
}

/// What differs from the plan to its conflict copy, field by field in
/// words ("Therapist: Therapist B → Therapist A").
pub fn conflict_differences(copy: &Path) -> Result<Vec<Difference>, FileError> {
    let original = original_of(copy).ok_or_else(|| not_a_copy(copy))?;
    Ok(differences(&load_plan(&original)?, &load_plan(copy)?))
}

/// The copy becomes the plan: the plan's version goes to `.history/` (as
/// every save over a plan does), then the copy is put away there too.
pub fn keep_conflict_copy(copy: &Path) -> Result<PathBuf, FileError> {
    let original = original_of(copy).ok_or_else(|| not_a_copy(copy))?;
    let plan = load_plan(copy)?;
    save_plan(&plan, &original, Overwrite::Always)?;
    put_away(copy)?;
    Ok(original)
}

/// Removes the copy from the library by moving it into `.history/` beside
/// it, where it can still be found: nothing is deleted outright.
pub fn put_away_conflict_copy(copy: &Path) -> Result<(), FileError> {
    original_of(copy).ok_or_else(|| not_a_copy(copy))?;
    put_away(copy)
}

fn put_away(copy: &Path) -> Result<(), FileError> {
    let name = copy.file_name().ok_or_else(|| not_a_copy(copy))?;
    let dir = copy.parent().unwrap_or(Path::new(".")).join(HISTORY_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| FileError::new(&dir, Problem::Write(e)))?;
    let target = dir.join(name);
    if target.exists() {
        return Err(FileError::new(&target, Problem::AlreadyExists));
    }
    std::fs::rename(copy, &target).map_err(|e| FileError::new(copy, Problem::Write(e)))
}

fn text_of(path: &Path) -> Result<String, FileError> {
    let bytes = read_bounded(path)?;
    String::from_utf8(bytes).map_err(|_| FileError::new(path, Problem::NotUtf8))
}

fn not_a_copy(path: &Path) -> FileError {
    FileError::new(
        path,
        Problem::Syntax("not a sync conflict copy of a plan".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflict_copies_of_the_usual_sync_tools_are_recognised() {
        let original = Some(PathBuf::from("plans/anna-berg-2026-11-25.ron"));
        for copy in [
            "plans/anna-berg-2026-11-25.sync-conflict-20261125-103000-ABCDEFG.ron",
            "plans/anna-berg-2026-11-25 (conflicted copy 2026-11-25).ron",
            "plans/anna-berg-2026-11-25 (Sam's conflicted copy 2026-11-25).ron",
            "plans/anna-berg-2026-11-25 (conflicted copy 2026-11-25 103000).ron",
        ] {
            assert_eq!(original_of(Path::new(copy)), original, "{copy}");
        }
        for plan in [
            "plans/anna-berg-2026-11-25.ron",
            "plans/anna (berg) 2026.ron",
            "plans/.sync-conflict-x.ron",
            "plans/notes (conflicted copy).txt",
        ] {
            assert_eq!(original_of(Path::new(plan)), None, "{plan}");
        }
    }
}
