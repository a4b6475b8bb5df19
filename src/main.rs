use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use massage_planner::app::{self, StartOptions};
use massage_planner::cli::{Cli, Command, run_command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let plans_dir = cli.plans_dir();
    match &cli.command {
        None | Some(Command::Open { .. }) => {
            let run = matches!(&cli.command, Some(Command::Open { run: true, .. }));
            let options = StartOptions {
                plans_dir: cli.plans.clone(),
                open: cli.file_to_open().map(Path::to_path_buf),
                run,
                exit_after_first_frame: cli.exit_after_first_frame,
                ..StartOptions::default()
            };
            match app::run(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("massage-planner: cannot open the window: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(command) => run_command(
            command,
            &plans_dir,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
    }
}
