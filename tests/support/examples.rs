//! The example plans, copied: tests never depend on (or change) the
//! editable `plans/` folder of the checkout.

use std::path::Path;

/// A temporary copy of `plans/` (plans and client records).
pub fn copy_of_example_plans() -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"),
        copy.path(),
    );
    copy
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read plans/") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
