//! The plans folder: plan files in RON, atomic saving, the library listing.
//! No egui here.

mod error;
mod file_name;
mod format;
mod library;
mod library_cache;
mod save;

pub use error::{FileError, Location, Problem};
pub use file_name::{file_name_for, file_stem_for};
pub use format::{MAX_PLAN_FILE_BYTES, load_plan, load_plan_stamped, parse_plan, plan_to_ron};
pub use library::{ClientGroup, Library, LibraryEntry, PlanSummary, plan_files_under};
pub use library_cache::library_cache_path;
pub use save::{
    FileStamp, HISTORY_DIR, Overwrite, save_new_plan, save_plan, write_file_atomically,
};

/// The folder the app uses when none is given: `plans/` in the working directory.
pub const DEFAULT_PLANS_DIR: &str = "plans";

/// Plan files end in `.ron`.
pub const PLAN_EXTENSION: &str = "ron";
