//! The command line: open the window, or check, list and print plans.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::model::Severity;
use crate::screening::screen;
use crate::sheet::{Paper, SheetError, SheetOptions, render_sheet};
use crate::store::{self, FileError, Library};

#[derive(Debug, Parser)]
#[command(
    name = "massage-planner",
    version,
    about = "Plan massage sessions on a muscle map of the back and hips; plans are plain RON files."
)]
pub struct Cli {
    /// The plans folder (default: `plans` in the working directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub plans: Option<PathBuf>,

    /// Paint one frame, then exit with status 0 (to time start-up).
    #[arg(long)]
    pub exit_after_first_frame: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the window on this plan.
    Open {
        /// A plan file (.ron).
        file: PathBuf,
    },
    /// Check plan files or folders: one line per problem, exit 1 if any plan is invalid.
    Check {
        /// Plan files or folders (searched recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Exit 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Write the plan sheet of a plan as PDF.
    Sheet {
        /// The plan file (.ron).
        plan: PathBuf,
        /// Where to write the PDF.
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        /// Paper size: a4 or letter.
        #[arg(long, default_value = "a4")]
        paper: Paper,
    },
    /// List the plans, newest first: date, client, steps, minutes, file.
    List {
        /// Only plans whose client, muscles or techniques match this text.
        #[arg(long, value_name = "TEXT")]
        client: Option<String>,
    },
}

impl Cli {
    pub fn plans_dir(&self) -> PathBuf {
        self.plans
            .clone()
            .unwrap_or_else(|| PathBuf::from(store::DEFAULT_PLANS_DIR))
    }
}

/// Runs a command that does not need the window; output goes to `out`,
/// problems to `err`.
pub fn run_command(
    command: &Command,
    plans_dir: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let result = match command {
        Command::Open { .. } => return ExitCode::from(2),
        Command::Check {
            paths,
            deny_warnings,
        } => check(paths, plans_dir, *deny_warnings, out),
        Command::List { client } => list(plans_dir, client.as_deref().unwrap_or(""), out),
        Command::Sheet {
            plan,
            output,
            paper,
        } => sheet(plan, plans_dir, output, *paper, out),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "massage-planner: {e}");
            ExitCode::FAILURE
        }
    }
}

#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error(transparent)]
    File(#[from] FileError),
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    #[error("{}: cannot draw the plan sheet: {source}", .plan.display())]
    Sheet { plan: PathBuf, source: SheetError },
}

fn check(
    paths: &[PathBuf],
    plans_dir: &Path,
    deny_warnings: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let (rules, _) = store::load_screening_rules(plans_dir)?;
    let mut failed = false;
    for path in paths {
        let files = if path.is_dir() {
            match store::plan_files_under(path) {
                Ok(files) => files,
                Err(e) => {
                    writeln!(out, "{}: cannot read the folder: {e}", path.display())?;
                    failed = true;
                    continue;
                }
            }
        } else {
            vec![path.clone()]
        };
        for file in files {
            if let Some(original) = store::original_of(&file) {
                writeln!(
                    out,
                    "{}: warning: {}",
                    file.display(),
                    conflict_copy_note(&original)
                )?;
                failed |= deny_warnings;
            }
            match store::load_plan(&file) {
                Err(e) => {
                    writeln!(out, "{e}")?;
                    failed = true;
                }
                Ok(plan) => {
                    for finding in plan.validate() {
                        writeln!(out, "{}: {finding}", file.display())?;
                        failed |= finding.severity == Severity::Error
                            || (deny_warnings && finding.severity == Severity::Warning);
                    }
                    match store::client_record_for_plan_file(&file, plans_dir, &plan.client.name) {
                        Err(e) => {
                            writeln!(out, "{e}")?;
                            failed = true;
                        }
                        Ok(client) => {
                            // Acknowledged warnings were decided on: not repeated.
                            for warning in screen(&plan, client.as_ref(), &rules)
                                .iter()
                                .filter(|w| w.is_open())
                            {
                                writeln!(out, "{}: warning: {warning}", file.display())?;
                                failed |= deny_warnings;
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn list(plans_dir: &Path, query: &str, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let library = Library::scan_cached(plans_dir)?;
    for entry in library.search(query) {
        let copy = entry
            .conflict_copy_of()
            .map(|original| format!("  [{}]", conflict_copy_note(&original)))
            .unwrap_or_default();
        match &entry.plan {
            Ok(plan) => writeln!(
                out,
                "{}  {:<24}  {:>2} steps  {:>3} min  {}{copy}",
                plan.date,
                plan.client,
                plan.steps,
                plan.total_minutes,
                entry.path.display()
            )?,
            Err(e) => writeln!(out, "unreadable: {e}{copy}")?,
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// "conflict copy of lea-fischer-2026-11-24.ron: ...": a sync tool kept two
/// versions of one plan.
fn conflict_copy_note(original: &Path) -> String {
    let name = original.file_name().map_or_else(
        || original.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    format!(
        "conflict copy of {name}: a sync tool kept both versions; compare them and keep one in the window"
    )
}

fn sheet(
    plan_path: &Path,
    plans_dir: &Path,
    output: &Path,
    paper: Paper,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let plan = store::load_plan(plan_path)?;
    let (rules, _) = store::load_screening_rules(plans_dir)?;
    let client = store::client_record_for_plan_file(plan_path, plans_dir, &plan.client.name)?;
    let options = SheetOptions {
        paper,
        file_name: plan_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        warnings: screen(&plan, client.as_ref(), &rules),
        client,
    };
    let pdf = render_sheet(&plan, &options).map_err(|source| CliError::Sheet {
        plan: plan_path.to_path_buf(),
        source,
    })?;
    store::write_file_atomically(output, &pdf)?;
    writeln!(out, "{}", output.display())?;
    Ok(ExitCode::SUCCESS)
}
