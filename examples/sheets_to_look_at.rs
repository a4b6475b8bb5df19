//! Writes the plan sheet of every example plan and every template into a
//! folder, to look at before a change lands:
//! `cargo run --example sheets_to_look_at -- /tmp/sheets` then open the PDFs
//! (or `pdf-look` them). Each plan is screened against its client's record,
//! as the window and `massage-planner sheet` do.

use std::path::{Path, PathBuf};

use massage_planner::model::{Client, Plan};
use massage_planner::screening::{RuleSet, screen};
use massage_planner::sheet::{Paper, SheetOptions, render_sheet};
use massage_planner::store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .ok_or("usage: sheets_to_look_at OUT_DIR")?;
    std::fs::create_dir_all(&out)?;
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let rules = RuleSet::builtin()?;
    for path in store::plan_files_under(&plans)? {
        let plan = store::load_plan(&path)?;
        let client = store::client_record_for_plan_file(&path, &plans, &plan.client.name)?;
        let name = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let options = SheetOptions {
            paper: Paper::A4,
            file_name: format!("{name}.ron"),
            warnings: screen(&plan, client.as_ref(), &rules),
            client,
        };
        write(&out, &name, &plan, &options)?;
    }
    let today = jiff::civil::date(2026, 12, 1);
    for (index, template) in store::templates()?.iter().enumerate() {
        let client = Client {
            name: "Template client".into(),
            id: String::new(),
        };
        let plan = template.instantiate(client, today);
        let options = SheetOptions {
            paper: Paper::Letter,
            warnings: screen(&plan, None, &rules),
            ..SheetOptions::default()
        };
        write(&out, &format!("template-{index}"), &plan, &options)?;
    }
    Ok(())
}

fn write(
    out: &Path,
    name: &str,
    plan: &Plan,
    options: &SheetOptions,
) -> Result<(), Box<dyn std::error::Error>> {
    let path = out.join(format!("sheet-{name}.pdf"));
    std::fs::write(&path, render_sheet(plan, options)?)?;
    println!("{}", path.display());
    Ok(())
}
