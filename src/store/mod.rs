//! The plans folder: plan files in RON, atomic saving, the library listing.
//! No egui here.

mod client_file;
mod error;
mod examples;
mod file_name;
mod file_stamp;
mod format;
mod library;
mod library_cache;
mod locate;
mod locations;
mod plain_words;
mod plan_files;
mod read;
mod recovery;
mod rules_file;
mod save;
mod sync_conflict;
mod templates;

pub use client_file::{
    CLIENTS_DIR, client_folder, client_record_for_plan_file, client_record_path,
    find_client_record, load_client_record, parse_client_record, save_client_record,
};
pub use error::{FileError, Location, Problem};
pub use examples::add_example_plans;
pub use file_name::{client_slug, file_name_for, file_stem_for};
pub use file_stamp::FileStamp;
pub use format::{load_plan, load_plan_stamped, parse_plan, plan_to_ron};
pub use library::{ClientGroup, Library, LibraryEntry, PlanSummary};
pub use library_cache::library_cache_path;
pub use locate::{locate, locate_in_file};
pub use locations::{
    PLANS_FOLDER_NAME, PLANS_README_NAME, PlansDir, PlansDirOrigin, cache_dir, choose_plans_dir,
    create_plans_dir, default_plans_dir, recovery_dir,
};
pub use plan_files::{is_listed_plan_path, plan_files_under};
pub use read::MAX_PLAN_FILE_BYTES;
pub use recovery::{LeftBehind, Recovery, RecoveryStore, load_recovery, remove_recovery};
pub use rules_file::{RULES_FILE_NAME, load_screening_rules};
pub use save::{HISTORY_DIR, Overwrite, save_new_plan, save_plan, write_file_atomically};
pub use sync_conflict::{
    DiffLine, compare_with_original, conflict_differences, keep_conflict_copy, original_of,
    put_away_conflict_copy,
};
pub use templates::{Template, templates};

/// Plan files end in `.ron`.
pub const PLAN_EXTENSION: &str = "ron";
