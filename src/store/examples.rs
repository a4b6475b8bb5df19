//! The example plans and client records (the checkout's `plans/`), built
//! into the program so an installed app can add them to any plans folder
//! when the user asks.

use std::path::{Path, PathBuf};

use super::error::{FileError, Problem};
use super::save::create_new_file;

macro_rules! example {
    ($path:literal) => {
        ($path, include_str!(concat!("../../plans/", $path)))
    };
}

/// Path inside the plans folder, and the file's text.
const EXAMPLES: [(&str, &str); 9] = [
    example!("maria-keller-2026-11-04.ron"),
    example!("maria-keller-2026-11-18.ron"),
    example!("jonas-lindqvist-2026-11-20.ron"),
    example!("aiko-tanaka-2026-11-23.ron"),
    example!("lea-fischer-2026-11-24.ron"),
    example!("clients/maria-keller.ron"),
    example!("clients/jonas-lindqvist.ron"),
    example!("clients/aiko-tanaka.ron"),
    example!("clients/lea-fischer.ron"),
];

/// Copies the example plans and client records into `plans_dir`, skipping
/// any file that is already there (it is never replaced). Returns the
/// files written.
pub fn add_example_plans(plans_dir: &Path) -> Result<Vec<PathBuf>, FileError> {
    let mut written = Vec::new();
    for (relative, text) in EXAMPLES {
        let path = plans_dir.join(relative);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| FileError::new(dir, Problem::Write(e)))?;
        }
        match create_new_file(&path, text.as_bytes()) {
            Ok(()) => written.push(path),
            Err(FileError {
                problem: Problem::AlreadyExists,
                ..
            }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Library, find_client_record};

    #[test]
    fn examples_make_a_library_of_readable_plans_with_client_records() {
        let dir = tempfile::tempdir().unwrap();
        let written = add_example_plans(dir.path()).unwrap();
        assert_eq!(written.len(), EXAMPLES.len());
        let library = Library::scan(dir.path()).unwrap();
        let plans: Vec<_> = library.search("").collect();
        assert_eq!(plans.len(), 5);
        for entry in plans {
            let plan = entry.plan.as_ref().unwrap();
            let record = find_client_record(dir.path(), plan.client()).unwrap();
            assert!(record.is_some(), "no client record for {}", plan.client());
        }
    }

    #[test]
    fn existing_files_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("maria-keller-2026-11-18.ron");
        std::fs::write(&mine, "my own plan").unwrap();
        let written = add_example_plans(dir.path()).unwrap();
        assert!(!written.contains(&mine));
        assert_eq!(std::fs::read_to_string(&mine).unwrap(), "my own plan");
        assert!(add_example_plans(dir.path()).unwrap().is_empty());
    }
}
