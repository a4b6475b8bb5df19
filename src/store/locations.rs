//! Where the app keeps things on this computer, decided here and nowhere
//! else: the plans folder when none is chosen, the library cache, the
//! crash-recovery files.
//!
//! The plans folder, in order:
//! 1. `--plans DIR`;
//! 2. the folder chosen in the window last time, while it exists;
//! 3. under `cargo run` in the source checkout: its `plans/` (the example
//!    plans), so a developer sees them at once;
//! 4. `Massage plans` in the user's documents folder (XDG user dirs on
//!    Linux, `~/Documents` when none is set), created with a short README
//!    on the window's first start.
//!
//! The working directory never decides: an installed app started from a
//! terminal or a desktop menu finds the same folder.

use std::path::{Path, PathBuf};

use super::error::{FileError, Problem};
use super::save::create_new_file;

/// The folder the app makes in the user's documents.
pub const PLANS_FOLDER_NAME: &str = "Massage plans";

/// The note left in a plans folder the app creates.
pub const PLANS_README_NAME: &str = "README.txt";

const PLANS_README: &str = include_str!("../../assets/plans-folder-README.txt");

/// The folder name under the user's cache, state and data folders.
const APP_DIR_NAME: &str = "massage-planner";

/// A plans folder and why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlansDir {
    pub path: PathBuf,
    pub origin: PlansDirOrigin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlansDirOrigin {
    /// `--plans DIR`.
    Given,
    /// The folder chosen in the window last time.
    Saved,
    /// `plans/` of the source checkout, under `cargo run`.
    Checkout,
    /// `Massage plans` in the user's documents.
    Documents,
}

/// Which plans folder to use: `given` (`--plans`) wins, then `saved` (the
/// window's last choice) while it is a folder, then [`default_plans_dir`].
pub fn choose_plans_dir(given: Option<&Path>, saved: Option<&Path>) -> PlansDir {
    if let Some(path) = given {
        return PlansDir {
            path: path.to_path_buf(),
            origin: PlansDirOrigin::Given,
        };
    }
    match saved {
        Some(path) if path.is_dir() => PlansDir {
            path: path.to_path_buf(),
            origin: PlansDirOrigin::Saved,
        },
        _ => default_plans_dir(),
    }
}

/// The plans folder when none is given or saved (see the module notes).
pub fn default_plans_dir() -> PlansDir {
    default_plans_dir_from(checkout_plans_dir(), dirs::document_dir(), dirs::home_dir())
}

fn default_plans_dir_from(
    checkout_plans: Option<PathBuf>,
    documents: Option<PathBuf>,
    home: Option<PathBuf>,
) -> PlansDir {
    if let Some(path) = checkout_plans {
        return PlansDir {
            path,
            origin: PlansDirOrigin::Checkout,
        };
    }
    // Without a home there is nowhere better than the working directory.
    let documents = documents
        .or_else(|| home.map(|home| home.join("Documents")))
        .unwrap_or_default();
    PlansDir {
        path: documents.join(PLANS_FOLDER_NAME),
        origin: PlansDirOrigin::Documents,
    }
}

/// `plans/` of the checkout this program was built from, when `cargo run`
/// or `cargo test` started it there: cargo sets `CARGO_MANIFEST_DIR` for
/// the programs it runs, and an installed program never sees it (nor the
/// same value from another project's cargo).
fn checkout_plans_dir() -> Option<PathBuf> {
    let built_from = env!("CARGO_MANIFEST_DIR");
    let running_under = std::env::var_os("CARGO_MANIFEST_DIR")?;
    if running_under != built_from {
        return None;
    }
    let plans = Path::new(built_from).join("plans");
    plans.is_dir().then_some(plans)
}

/// Creates the plans folder with its README when it does not exist yet
/// (readable by the user only: plans are health records). Returns whether
/// it was created; an existing folder is left exactly as it is.
pub fn create_plans_dir(dir: &Path) -> Result<bool, FileError> {
    if dir.is_dir() {
        return Ok(false);
    }
    create_private_dir(dir).map_err(|e| FileError::new(dir, Problem::Write(e)))?;
    create_new_file(&dir.join(PLANS_README_NAME), PLANS_README.as_bytes())?;
    Ok(true)
}

/// The user's cache folder for this app (`$XDG_CACHE_HOME/massage-planner`,
/// `~/.cache/...`; `%LOCALAPPDATA%`, `~/Library/Caches` elsewhere).
pub fn cache_dir() -> Option<PathBuf> {
    Some(dirs::cache_dir()?.join(APP_DIR_NAME))
}

/// Where unsaved edits wait against a crash: the user's state folder
/// (`$XDG_STATE_HOME/massage-planner/recovery`, `~/.local/state/...`), or
/// the local data folder on systems without one (Windows, macOS). Never
/// the shared plans folder.
pub fn recovery_dir() -> Option<PathBuf> {
    let base = dirs::state_dir().or_else(dirs::data_local_dir)?;
    Some(base.join(APP_DIR_NAME).join("recovery"))
}

/// Creates `dir` and its parents; the last one readable by the user only.
pub(super) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_folder_wins_over_the_saved_one() {
        let saved = tempfile::tempdir().unwrap();
        let chosen = choose_plans_dir(Some(Path::new("/tmp/given")), Some(saved.path()));
        assert_eq!(chosen.path, Path::new("/tmp/given"));
        assert_eq!(chosen.origin, PlansDirOrigin::Given);
    }

    #[test]
    fn saved_folder_is_used_while_it_exists() {
        let saved = tempfile::tempdir().unwrap();
        let chosen = choose_plans_dir(None, Some(saved.path()));
        assert_eq!(chosen.path, saved.path());
        assert_eq!(chosen.origin, PlansDirOrigin::Saved);

        let gone = saved.path().join("removed");
        let chosen = choose_plans_dir(None, Some(&gone));
        assert_ne!(chosen.path, gone);
        assert_ne!(chosen.origin, PlansDirOrigin::Saved);
    }

    #[test]
    fn installed_app_uses_a_folder_in_the_documents() {
        let chosen = default_plans_dir_from(
            None,
            Some(PathBuf::from("/home/anna/Dokumente")),
            Some(PathBuf::from("/home/anna")),
        );
        assert_eq!(chosen.path, Path::new("/home/anna/Dokumente/Massage plans"));
        assert_eq!(chosen.origin, PlansDirOrigin::Documents);
    }

    #[test]
    fn without_a_documents_folder_the_home_documents_is_used() {
        let chosen = default_plans_dir_from(None, None, Some(PathBuf::from("/home/anna")));
        assert_eq!(chosen.path, Path::new("/home/anna/Documents/Massage plans"));
    }

    #[test]
    fn cargo_run_in_the_checkout_opens_the_example_plans() {
        let checkout = PathBuf::from("/src/massage-planner/plans");
        let chosen = default_plans_dir_from(
            Some(checkout.clone()),
            Some(PathBuf::from("/home/anna/Documents")),
            None,
        );
        assert_eq!(chosen.path, checkout);
        assert_eq!(chosen.origin, PlansDirOrigin::Checkout);
    }

    #[test]
    fn first_start_creates_the_folder_with_a_readme() {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("Documents").join(PLANS_FOLDER_NAME);
        assert!(create_plans_dir(&dir).unwrap());
        let readme = std::fs::read_to_string(dir.join(PLANS_README_NAME)).unwrap();
        assert!(readme.contains(".ron"), "{readme}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&dir).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700);
        }
    }

    #[test]
    fn an_existing_folder_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(PLANS_README_NAME), "mine").unwrap();
        assert!(!create_plans_dir(dir.path()).unwrap());
        let readme = std::fs::read_to_string(dir.path().join(PLANS_README_NAME)).unwrap();
        assert_eq!(readme, "mine");
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a file");
        std::fs::write(&file, "").unwrap();
        let error = create_plans_dir(&file.join(PLANS_FOLDER_NAME)).unwrap_err();
        assert!(error.to_string().contains("a file"), "{error}");
    }
}
