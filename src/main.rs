use std::process::ExitCode;

use clap::Parser;
use massage_planner::cli::{Cli, Command, run_command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let plans_dir = cli.plans_dir();
    match &cli.command {
        None | Some(Command::Open { .. }) => {
            eprintln!("massage-planner: the window is not built yet");
            ExitCode::FAILURE
        }
        Some(command) => run_command(
            command,
            &plans_dir,
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
    }
}
