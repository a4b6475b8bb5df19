//! What the app remembers between runs (eframe storage). Window size and
//! panel widths are kept by eframe and egui themselves; the theme lives in
//! egui's options, which egui keeps too.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::planner::StepDefaults;
use crate::atlas::Layer;
use crate::sheet::Paper;

pub const STORAGE_KEY: &str = "massage-planner settings";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The plans folder used last; `--plans` overrides it.
    pub plans_dir: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    pub layer: Layer,
    pub defaults: StepDefaults,
    pub paper: Paper,
}
