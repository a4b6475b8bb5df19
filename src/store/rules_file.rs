//! Which screening rules apply: the plans folder's own `screening-rules.ron`
//! when there is one, else the built-in rules.

use std::path::{Path, PathBuf};

use super::error::{FileError, Location, Problem};
use super::read::read_bounded;
use crate::screening::{RuleSet, RulesError};

/// File name of a plans folder's own rules, which replace the built-in ones.
pub const RULES_FILE_NAME: &str = "screening-rules.ron";

/// The rules in force for `plans_dir`, and the file they came from (`None`:
/// built in). A broken rules file is an error, never "no rules".
pub fn load_screening_rules(plans_dir: &Path) -> Result<(RuleSet, Option<PathBuf>), FileError> {
    let path = plans_dir.join(RULES_FILE_NAME);
    if !path.exists() {
        let builtin = RuleSet::builtin()
            .map_err(|e| rules_error(Path::new("assets/screening-rules.ron"), e))?;
        return Ok((builtin, None));
    }
    let bytes = read_bounded(&path)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| FileError::new(&path, Problem::NotUtf8))?;
    let rules = RuleSet::parse(text).map_err(|e| rules_error(&path, e))?;
    Ok((rules, Some(path)))
}

fn rules_error(path: &Path, error: RulesError) -> FileError {
    match error {
        RulesError::Syntax { line, col, message } => {
            FileError::at(path, Location { line, col }, Problem::Syntax(message))
        }
        other => FileError::new(path, Problem::Syntax(other.to_string())),
    }
}
