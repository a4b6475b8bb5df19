//! Colours shared by the map, the step list and the legend, readable in
//! light and dark themes.

use egui::Color32;

use crate::model::Technique;

/// One colour per technique, in `Technique::ALL` order; chosen to stay
/// apart for common colour-vision deficiencies (Okabe–Ito based).
const TECHNIQUE_COLOURS: [Color32; 8] = [
    Color32::from_rgb(86, 180, 233),  // Swedish: sky blue
    Color32::from_rgb(213, 94, 0),    // Deep tissue: vermilion
    Color32::from_rgb(0, 158, 115),   // Shiatsu: bluish green
    Color32::from_rgb(204, 121, 167), // Trigger point: reddish purple
    Color32::from_rgb(230, 159, 0),   // Myofascial release: orange
    Color32::from_rgb(0, 114, 178),   // Sports: blue
    Color32::from_rgb(150, 150, 60),  // Stretching: olive
    Color32::from_rgb(190, 60, 60),   // Heat application: brick red
];

pub fn technique_colour(technique: Technique) -> Color32 {
    TECHNIQUE_COLOURS[technique.index() % TECHNIQUE_COLOURS.len()]
}

pub const WARNING: Color32 = Color32::from_rgb(214, 140, 0);
pub const ERROR: Color32 = Color32::from_rgb(200, 40, 40);
pub const GOOD: Color32 = Color32::from_rgb(40, 150, 80);

/// Screening levels, most serious in the strongest colour.
pub fn level_colour(level: crate::screening::Level) -> Color32 {
    use crate::screening::Level;
    match level {
        Level::ReferOut => ERROR,
        Level::Avoid => Color32::from_rgb(220, 70, 20),
        Level::Adjust => WARNING,
        Level::Note => Color32::from_rgb(90, 130, 200),
    }
}
