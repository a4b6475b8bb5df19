//! The command line: open the window, or check, list and print plans.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::course::{CourseError, DateRange, HomeCare, load_course};
use crate::model::Severity;
use crate::referral::{self, BodyChart, ReferralPatterns};
use crate::screening::screen;
use crate::sheet::{
    HandoutOptions, Paper, ReportOptions, SheetError, SheetOptions, render_handout, render_report,
    render_sheet,
};
use crate::store::{self, FileError, Library};

#[derive(Debug, Parser)]
#[command(
    name = "massage-planner",
    args_conflicts_with_subcommands = true,
    version,
    about = "Plan massage sessions on a muscle map of the back and hips; plans are plain RON files.",
    long_about = "Plan massage sessions on a muscle map of the back and hips; plans are plain RON files.\n\n\
        Without a subcommand, opens the window on the plans folder: click muscles on the map to \
        build a plan (technique, pressure and minutes per muscle and side), save it, print its \
        plan sheet. The subcommands check, list and print plans without a window."
)]
pub struct Cli {
    /// The plans folder (default: "Massage plans" in your documents folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub plans: Option<PathBuf>,

    // For benchmarks, so not in the help.
    /// Paint one frame, then exit with status 0 (to time start-up).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,

    /// A plan file to open in the window, as `open FILE` does (the desktop
    /// entry passes the file this way).
    #[arg(value_name = "FILE.ron", value_parser = existing_file)]
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the window on this plan.
    Open {
        /// A plan file (.ron).
        file: PathBuf,
        /// Start in session mode: the plan's steps one after another against the clock.
        #[arg(long)]
        run: bool,
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
        /// The session record instead of the plan: planned against done per
        /// step, pain before and after, the notes.
        #[arg(long)]
        record: bool,
    },
    /// Write the client's home-care handout for a plan as PDF: an exercise
    /// or stretch for each muscle worked, heat and massage-gun advice, the
    /// plan's self-care text. What the client's conditions rule out is left
    /// out; each such note is printed for the therapist.
    Handout {
        /// The plan file (.ron).
        plan: PathBuf,
        /// Where to write the PDF.
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        /// Paper size: a4 or letter.
        #[arg(long, default_value = "a4")]
        paper: Paper,
    },
    /// Write a client's progress report as PDF: the pain trend, the
    /// sessions, the heat map of what was worked, conditions and clearances.
    /// Exit 1 when no plan's client matches.
    Report {
        /// The client: every word must appear in the client's name or id,
        /// case ignored, as `list --client` matches names.
        #[arg(long, value_name = "NAME")]
        client: String,
        /// Where to write the PDF.
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        /// Paper size: a4 or letter.
        #[arg(long, default_value = "a4")]
        paper: Paper,
        /// Only sessions on or after this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: Option<jiff::civil::Date>,
        /// Only sessions on or before this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: Option<jiff::civil::Date>,
    },
    /// Rank the muscles whose referred pain explains the plan's pain drawing:
    /// rank, muscle, side, score, reason, one a line.
    Suggest {
        /// The plan file (.ron).
        plan: PathBuf,
        /// Use the pain drawn after the session instead of before.
        #[arg(long)]
        after: bool,
    },
    /// List the plans, newest first: date, client, steps, minutes, file.
    List {
        /// Only plans whose client, muscles or techniques match this text.
        #[arg(long, value_name = "TEXT")]
        client: Option<String>,
    },
}

impl Cli {
    /// The plan to open in the window: `open FILE` or a plain `FILE`.
    pub fn file_to_open(&self) -> Option<&Path> {
        match &self.command {
            Some(Command::Open { file, .. }) => Some(file),
            _ => self.file.as_deref(),
        }
    }

    /// `--plans`, else the default folder (the window's saved choice is
    /// the window's own: scripts get the same folder every time).
    pub fn plans_dir(&self) -> PathBuf {
        store::choose_plans_dir(self.plans.as_deref(), None).path
    }
}

/// A file that is there: a mistyped command (`chekc`) is a usage error,
/// not a plan to open.
fn existing_file(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    if path.is_file() {
        Ok(path)
    } else {
        Err("neither a command nor a plan file (see --help)".into())
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
        Command::Suggest { plan, after } => suggest(plan, *after, out),
        Command::Report {
            client,
            output,
            paper,
            from,
            to,
        } => report(
            plans_dir,
            client,
            output,
            *paper,
            DateRange {
                from: *from,
                to: *to,
            },
            out,
        ),
        Command::Handout {
            plan,
            output,
            paper,
        } => handout(plan, plans_dir, output, *paper, out),
        Command::Sheet {
            plan,
            output,
            paper,
            record,
        } => sheet(plan, plans_dir, output, *paper, *record, out),
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
    #[error(transparent)]
    Course(#[from] CourseError),
    #[error("cannot draw the progress report: {0}")]
    Report(SheetError),
    #[error("cannot write the output: {0}")]
    Output(#[from] std::io::Error),
    #[error("a built-in data file is broken: {0}")]
    Builtin(String),
    #[error("{}: cannot draw the plan sheet: {source}", .plan.display())]
    Sheet { plan: PathBuf, source: SheetError },
    #[error("{}: the plans folder does not exist (give another with --plans DIR)", .0.display())]
    NoPlansFolder(PathBuf),
    #[error(
        "{}: the plan has no session record yet; run the session first (massage-planner open {} --run)",
        .0.display(),
        .0.display()
    )]
    NoRecord(PathBuf),
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
                        match store::locate_in_file(&file, &finding.field) {
                            Some(at) => writeln!(
                                out,
                                "{}:{}:{}: {finding}",
                                file.display(),
                                at.line,
                                at.col
                            )?,
                            None => writeln!(out, "{}: {finding}", file.display())?,
                        }
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
    if !plans_dir.is_dir() {
        return Err(CliError::NoPlansFolder(plans_dir.to_path_buf()));
    }
    let library = Library::scan_cached(plans_dir)?;
    // One write per line (stdout is line-buffered) costs more than the
    // listing itself at 100,000 plans.
    let mut out = std::io::BufWriter::new(out);
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
                plan.client(),
                plan.steps,
                plan.total_minutes,
                entry.path.display()
            )?,
            Err(e) => writeln!(out, "unreadable: {e}{copy}")?,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn suggest(plan_path: &Path, after: bool, out: &mut dyn Write) -> Result<ExitCode, CliError> {
    let plan = store::load_plan(plan_path)?;
    let chart = BodyChart::try_builtin().map_err(|e| CliError::Builtin(e.to_string()))?;
    let patterns = ReferralPatterns::try_builtin().map_err(|e| CliError::Builtin(e.to_string()))?;
    let (pain, when) = if after {
        (plan.pain_after.as_ref(), "after")
    } else {
        (plan.pain_before.as_ref(), "before")
    };
    let Some(drawing) = pain.map(|p| &p.drawing).filter(|d| !d.is_empty()) else {
        writeln!(
            out,
            "{}: no pain drawing {when} the session; paint one in the window (Pain on the map)",
            plan_path.display()
        )?;
        return Ok(ExitCode::SUCCESS);
    };
    for (rank, suggestion) in referral::suggest(drawing, chart, patterns)
        .iter()
        .enumerate()
    {
        writeln!(
            out,
            "{:>2}  {:<24}  {:<10}  {:.2}  {}",
            rank + 1,
            suggestion.muscle.name(),
            suggestion.side.name(),
            suggestion.score,
            suggestion.reason
        )?;
    }
    for finding in referral::nerve_sign_findings(drawing, chart) {
        writeln!(
            out,
            "{}: warning: {}: {} {}",
            plan_path.display(),
            finding.level.name(),
            finding.reason,
            finding.suggestion
        )?;
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
    record: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let plan = store::load_plan(plan_path)?;
    if record && plan.record.is_none() {
        return Err(CliError::NoRecord(plan_path.to_path_buf()));
    }
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
        record,
    };
    let pdf = render_sheet(&plan, &options).map_err(|source| CliError::Sheet {
        plan: plan_path.to_path_buf(),
        source,
    })?;
    store::write_file_atomically(output, &pdf)?;
    writeln!(out, "{}", output.display())?;
    Ok(ExitCode::SUCCESS)
}

fn report(
    plans_dir: &Path,
    client: &str,
    output: &Path,
    paper: Paper,
    range: DateRange,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    if !plans_dir.is_dir() {
        return Err(CliError::NoPlansFolder(plans_dir.to_path_buf()));
    }
    let library = Library::scan_cached(plans_dir)?;
    let course = load_course(&library, plans_dir, client)?;
    let options = ReportOptions {
        paper,
        range,
        file_name: format!("Progress report: {}", course.client),
    };
    let pdf = render_report(&course, &options).map_err(CliError::Report)?;
    store::write_file_atomically(output, &pdf)?;
    writeln!(out, "{}", output.display())?;
    Ok(ExitCode::SUCCESS)
}

fn handout(
    plan_path: &Path,
    plans_dir: &Path,
    output: &Path,
    paper: Paper,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let plan = store::load_plan(plan_path)?;
    let client = store::client_record_for_plan_file(plan_path, plans_dir, &plan.client.name)?;
    let home_care = HomeCare::try_builtin().map_err(|e| CliError::Builtin(e.to_string()))?;
    let care = home_care.for_plan(&plan, client.as_ref());
    let options = HandoutOptions {
        paper,
        file_name: plan_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let pdf = render_handout(&plan, &care, &options).map_err(|source| CliError::Sheet {
        plan: plan_path.to_path_buf(),
        source,
    })?;
    store::write_file_atomically(output, &pdf)?;
    for omission in &care.omissions {
        writeln!(out, "{}: note: {}", plan_path.display(), omission.text())?;
    }
    writeln!(out, "{}", output.display())?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_file_alone_opens_it_like_open_does() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("anna-berg-2026-11-25.ron");
        std::fs::write(&plan, "").unwrap();
        let plain = Cli::try_parse_from(["massage-planner", plan.to_str().unwrap()]).unwrap();
        assert_eq!(plain.file_to_open(), Some(plan.as_path()));
        let open =
            Cli::try_parse_from(["massage-planner", "open", plan.to_str().unwrap()]).unwrap();
        assert_eq!(open.file_to_open(), Some(plan.as_path()));
        let window = Cli::try_parse_from(["massage-planner"]).unwrap();
        assert_eq!(window.file_to_open(), None);
    }

    #[test]
    fn commands_are_still_commands_and_a_typo_is_a_usage_error() {
        let check = Cli::try_parse_from(["massage-planner", "check", "plans"]).unwrap();
        assert!(matches!(check.command, Some(Command::Check { .. })));
        assert_eq!(check.file_to_open(), None);
        let typo = Cli::try_parse_from(["massage-planner", "chekc"]).unwrap_err();
        assert_eq!(typo.exit_code(), 2);
    }
}
