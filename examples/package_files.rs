//! Writes the files the Debian package installs that are generated from
//! the command-line definition, so they never disagree with `--help`:
//!
//!     cargo run --release --example package_files     # into target/package/
//!
//! `man/massage-planner.1` (and one page per subcommand) and shell
//! completions for bash, zsh and fish in `completions/`. `cargo deb` then
//! picks them up (see `[package.metadata.deb]` in Cargo.toml).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use clap_complete::Shell;
use massage_planner::cli::Cli;

#[derive(Parser)]
struct Args {
    /// Folder to write into (created if missing).
    #[arg(default_value = "target/package")]
    out: PathBuf,
}

/// Sections `clap` does not know about, appended to the main page.
const MORE_SECTIONS: &str = r#".SH FILES
.TP
\fI~/Documents/Massage plans/\fR
The plans folder when none is given: one plan per \fB.ron\fR file, client
records in \fBclients/\fR, replaced versions in \fB.history/\fR. The
documents folder is the one of \fBxdg\-user\-dirs\fR(1) when set. The window
creates it on first start and remembers another folder chosen in it; the
subcommands use \fB\-\-plans\fR or this folder.
.TP
\fIPLANS/screening\-rules.ron\fR
The folder's own safety screening rules, used instead of the built\-in ones.
.TP
\fI~/.local/state/massage\-planner/recovery/\fR
Unsaved edits, kept against a crash (under \fB$XDG_STATE_HOME\fR when set).
.TP
\fI~/.cache/massage\-planner/\fR
An index of each plans folder, to list large folders fast (under
\fB$XDG_CACHE_HOME\fR when set). Safe to delete.
.TP
\fI~/.local/share/massage\-planner/\fR
The window's settings: the plans folder chosen last, recent plans, paper size.
.SH "EXIT STATUS"
0 on success; 1 when a plan is invalid (\fBcheck\fR) or a file cannot be
read or written; 2 for a usage error.
.SH EXAMPLES
.TP
\fBmassage\-planner check ~/Documents/"Massage plans"\fR
Check every plan in the folder and print the safety findings.
.TP
\fBmassage\-planner sheet anna\-berg\-2026\-11\-25.ron \-o anna.pdf \-\-paper letter\fR
Write the plan sheet of one plan as a PDF.
"#;

fn main() -> ExitCode {
    let args = Args::parse();
    match write_all(&args.out) {
        Ok(()) => {
            println!("{}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("package_files: {}: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}

fn write_all(out: &Path) -> std::io::Result<()> {
    let man = out.join("man");
    std::fs::create_dir_all(&man)?;
    // One page per subcommand, then the main page again with more sections.
    clap_mangen::generate_to(Cli::command(), &man)?;
    let mut page = Vec::new();
    // As `generate_to` has it: `help` is no page of its own.
    let main = Cli::command().disable_help_subcommand(true);
    clap_mangen::Man::new(main).render(&mut page)?;
    page.write_all(MORE_SECTIONS.as_bytes())?;
    std::fs::write(man.join("massage-planner.1"), page)?;

    let completions = out.join("completions");
    std::fs::create_dir_all(&completions)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        clap_complete::generate_to(shell, &mut Cli::command(), "massage-planner", &completions)?;
    }
    Ok(())
}
