//! Writes a large, realistic plans library for benchmarks and trying the
//! app at a clinic's scale:
//!
//!     cargo run --release --example gen_library -- --plans DIR --count 10000
//!
//! Deterministic (a fixed pseudo-random sequence), so runs are comparable.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use massage_planner::testing::write_sample_library;

#[derive(Parser)]
struct Args {
    /// Folder to fill (created if missing).
    #[arg(long)]
    plans: PathBuf,
    /// How many plans to write.
    #[arg(long, default_value_t = 10_000)]
    count: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match write_sample_library(&args.plans, args.count) {
        Ok(written) => {
            println!("wrote {written} plans into {}", args.plans.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_library: {e}");
            ExitCode::FAILURE
        }
    }
}
