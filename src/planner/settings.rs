//! What the app remembers between runs (eframe storage), owned by the
//! planner. Window size and panel widths are kept by eframe and egui
//! themselves; the theme lives in egui's options, which egui keeps too.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::atlas::{Layer, ViewKind};
use crate::model::{Pressure, Technique};
use crate::sheet::Paper;

pub const STORAGE_KEY: &str = "massage-planner settings";
pub const MAX_RECENT_FILES: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The plans folder in use (and used last); `--plans` overrides it.
    pub plans_dir: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    pub layer: Layer,
    /// The map's view: from behind, side-lying or from the front.
    pub view: ViewKind,
    /// Landmarks and endangerment sites hidden on the map (shown by default).
    pub hide_landmarks: bool,
    pub defaults: StepDefaults,
    pub paper: Paper,
    /// Muscle names off on the map (they are on by default).
    pub hide_map_names: bool,
    /// The referral zones of the selected muscle drawn on the map.
    pub show_referral: bool,
    /// Trigger points of every muscle on the map (the selected step's
    /// muscle shows its own either way).
    pub show_trigger_points: bool,
}

/// Technique and pressure for the next step picked on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepDefaults {
    pub technique: Technique,
    pub pressure: Pressure,
}

impl Default for StepDefaults {
    fn default() -> Self {
        StepDefaults {
            technique: Technique::Swedish,
            pressure: Pressure::MEDIUM,
        }
    }
}

impl Settings {
    pub fn remember_recent(&mut self, path: &std::path::Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT_FILES);
    }
}
