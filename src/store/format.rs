//! The plan file format: RON text with a format version, stable output.

use std::path::Path;

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::error::{FileError, Location, Problem};
use super::file_stamp::FileStamp;
use super::plain_words::plain_message;
use super::read::read_bounded;
use crate::model::{FORMAT_VERSION, Plan};

/// Deeper nesting than a plan ever has is refused before it costs stack.
const RECURSION_LIMIT: usize = 32;

const HEADER: &str =
    "// Massage session plan (massage-planner). Plain text: safe to read and edit by hand.\n";

/// The plan as file text: same plan, same bytes, fields in a fixed order.
pub fn plan_to_ron(plan: &Plan) -> Result<String, ron::Error> {
    let mut stored = plan.clone();
    stored.format = FORMAT_VERSION;
    let body = to_pretty_ron(&stored)?;
    Ok(format!("{HEADER}{body}\n"))
}

/// Reads and parses one plan file, with every failure naming the file.
pub fn load_plan(path: &Path) -> Result<Plan, FileError> {
    let bytes = read_bounded(path)?;
    parse_plan(&bytes, path)
}

/// Loads a plan and the stamp of the very bytes it was read from, so a later
/// save can tell whether someone else changed the file since.
pub fn load_plan_stamped(path: &Path) -> Result<(Plan, FileStamp), FileError> {
    let bytes = read_bounded(path)?;
    let plan = parse_plan(&bytes, path)?;
    Ok((plan, FileStamp::of_bytes(&bytes)))
}

/// Parses plan file bytes; `path` only names the file in errors.
pub fn parse_plan(bytes: &[u8], path: &Path) -> Result<Plan, FileError> {
    // One parse for a file that reads (parsing is most of opening a large
    // library). Only when it does not is the version read on its own, so a
    // newer file is refused with that reason rather than with whatever
    // field it added; the outcome is the same as reading the version first.
    let mut plan: Plan = match parse_ron(bytes, path) {
        Ok(plan) => plan,
        Err(error) => {
            let version: VersionProbe = parse_ron(bytes, path)?;
            return Err(newer_format(path, version.format).unwrap_or(error));
        }
    };
    let found = plan.format;
    if let Some(newer) = newer_format(path, found) {
        return Err(newer);
    }
    migrate(&mut plan, found);
    check_trigger_points(&plan, bytes, path)?;
    Ok(plan)
}

/// The reason to refuse a file of format `found`, if it is newer than ours.
fn newer_format(path: &Path, found: u32) -> Option<FileError> {
    (found > FORMAT_VERSION).then(|| {
        FileError::new(
            path,
            Problem::NewerFormat {
                found,
                supported: FORMAT_VERSION,
            },
        )
    })
}

/// A step's trigger point must be one of its muscle's (a hand-edited or
/// older file may name one that does not exist): refused with the list.
fn check_trigger_points(plan: &Plan, bytes: &[u8], path: &Path) -> Result<(), FileError> {
    let Ok(patterns) = crate::referral::ReferralPatterns::try_builtin() else {
        return Ok(());
    };
    for (i, step) in plan.steps.iter().enumerate() {
        let Some(id) = &step.trigger_point else {
            continue;
        };
        let points = patterns
            .of(step.muscle)
            .map_or(&[][..], |p| p.trigger_points.as_slice());
        if points.iter().any(|p| &p.id == id) {
            continue;
        }
        let known = if points.is_empty() {
            "none".to_owned()
        } else {
            points
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let problem = Problem::UnknownTriggerPoint {
            step: i + 1,
            muscle: step.muscle.name(),
            id: id.clone(),
            known,
        };
        let quoted = format!("\"{id}\"");
        let offset = bytes
            .windows(quoted.len())
            .position(|w| w == quoted.as_bytes());
        return Err(match offset {
            Some(offset) => FileError::at(path, location_of_offset(bytes, offset), problem),
            None => FileError::new(path, problem),
        });
    }
    Ok(())
}

/// RON text to `T`, bounded in depth, with errors at line and column.
pub(crate) fn parse_ron<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    path: &Path,
) -> Result<T, FileError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let location = location_of_offset(bytes, e.valid_up_to());
        FileError::at(path, location, Problem::NotUtf8)
    })?;
    // Windows Notepad starts UTF-8 files with a byte-order mark; editors do
    // not show it, so columns are counted without it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FileError::new(
            path,
            Problem::Syntax("the file is empty; it should start with `(`".into()),
        ));
    }
    // `implicit_some`: an optional value may be written without `Some(…)`
    // (`pain_before: (level: 6)`); files are still written with it.
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| syntax_error(path, text, &e))
}

/// Pretty RON in the one layout all our files share.
pub(crate) fn to_pretty_ron<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .escape_strings(false);
    ron::Options::default().to_string_pretty(value, config)
}

/// Brings a plan read from an older format up to the current one. Format 1
/// is the first; later formats add their steps here, oldest first. Formats
/// 2 (pain, acknowledgements) and 3 (session record) only added optional
/// fields, which older files leave out.
fn migrate(plan: &mut Plan, _found: u32) {
    plan.format = FORMAT_VERSION;
}

#[derive(Deserialize)]
#[serde(rename = "Plan")]
struct VersionProbe {
    /// Files written by hand may leave the version out: they are read as current.
    #[serde(default = "current_format")]
    format: u32,
}

fn current_format() -> u32 {
    FORMAT_VERSION
}

fn syntax_error(path: &Path, text: &str, error: &ron::error::SpannedError) -> FileError {
    let at = error.span.start;
    let (line, mut col) = (at.line, at.col);
    // A number out of range is reported after its sign; the sign is where
    // the value starts.
    let before = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.chars().nth(col.saturating_sub(2)));
    if col > 1 && matches!(before, Some('-' | '+')) {
        col -= 1;
    }
    let location = Location { line, col };
    let message = plain_message(&error.code, text, at);
    FileError::at(path, location, Problem::Syntax(message))
}

fn location_of_offset(bytes: &[u8], offset: usize) -> Location {
    let before = &bytes[..offset.min(bytes.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    Location { line, col }
}
