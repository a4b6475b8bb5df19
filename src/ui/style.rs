//! Colours shared by the map, the step list and the legend, readable in
//! light and dark themes: text colours keep a contrast of at least 4.5:1
//! against the panels they are drawn on (tested below).

use egui::{Color32, Stroke, Visuals};

use crate::model::Technique;
use crate::screening::Level;

/// One colour per technique, in `Technique::ALL` order; chosen to stay
/// apart for common colour-vision deficiencies (Okabe–Ito based). Used as
/// fills, not as text.
const TECHNIQUE_COLOURS: [Color32; 9] = [
    Color32::from_rgb(86, 180, 233),  // Swedish: sky blue
    Color32::from_rgb(213, 94, 0),    // Deep tissue: vermilion
    Color32::from_rgb(0, 158, 115),   // Shiatsu: bluish green
    Color32::from_rgb(204, 121, 167), // Trigger point: reddish purple
    Color32::from_rgb(240, 228, 66),  // Myofascial release: yellow
    Color32::from_rgb(0, 114, 178),   // Sports: blue
    Color32::from_rgb(150, 150, 60),  // Stretching: olive
    Color32::from_rgb(150, 40, 40),   // Heat application: dark red
    Color32::from_rgb(120, 90, 170),  // Percussion: violet
];

pub fn technique_colour(technique: Technique) -> Color32 {
    TECHNIQUE_COLOURS[technique.index() % TECHNIQUE_COLOURS.len()]
}

/// A text colour for each meaning, in the light and the dark theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Error,
    Warning,
    Good,
    Info,
}

impl Tone {
    pub const ALL: [Tone; 4] = [Tone::Error, Tone::Warning, Tone::Good, Tone::Info];

    pub fn colour(self, visuals: &Visuals) -> Color32 {
        let dark = visuals.dark_mode;
        match (self, dark) {
            (Tone::Error, false) => Color32::from_rgb(170, 20, 30),
            (Tone::Error, true) => Color32::from_rgb(255, 120, 115),
            (Tone::Warning, false) => Color32::from_rgb(135, 75, 0),
            (Tone::Warning, true) => Color32::from_rgb(245, 185, 75),
            (Tone::Good, false) => Color32::from_rgb(20, 110, 50),
            (Tone::Good, true) => Color32::from_rgb(110, 210, 130),
            (Tone::Info, false) => Color32::from_rgb(25, 80, 165),
            (Tone::Info, true) => Color32::from_rgb(135, 180, 255),
        }
    }
}

pub fn error(visuals: &Visuals) -> Color32 {
    Tone::Error.colour(visuals)
}

pub fn warning(visuals: &Visuals) -> Color32 {
    Tone::Warning.colour(visuals)
}

pub fn good(visuals: &Visuals) -> Color32 {
    Tone::Good.colour(visuals)
}

/// Screening levels as text and rings: the most serious in the strongest tone.
pub fn level_colour(level: Level, visuals: &Visuals) -> Color32 {
    match level {
        Level::Emergency | Level::ReferOut => Tone::Error.colour(visuals),
        Level::Avoid => Tone::Error.colour(visuals),
        Level::Adjust => Tone::Warning.colour(visuals),
        Level::Note => Tone::Info.colour(visuals),
    }
}

/// The app's look on top of egui's: DejaVu Sans as the fallback font, so
/// arrows, dashes and signs never show as empty boxes; text fields with a
/// visible border in the light theme (white on a near-white card looked
/// like plain text).
pub fn apply(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let fallback = |family| InsertFontFamily {
        family,
        priority: FontPriority::Lowest,
    };
    ctx.add_font(FontInsert::new(
        "DejaVu Sans",
        egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
        vec![
            fallback(egui::FontFamily::Proportional),
            fallback(egui::FontFamily::Monospace),
        ],
    ));
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(150));
        style.visuals.extreme_bg_color = Color32::WHITE;
        style.visuals.faint_bg_color = Color32::from_gray(238);
    });
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every background text of ours is drawn on: panels, windows and the
    /// step cards.
    fn backgrounds(visuals: &Visuals) -> [Color32; 3] {
        [
            visuals.panel_fill,
            visuals.window_fill,
            visuals.faint_bg_color,
        ]
    }

    #[test]
    fn text_tones_have_at_least_4_5_to_1_contrast_in_both_themes() {
        let ctx = egui::Context::default();
        apply(&ctx);
        for theme in [egui::Theme::Light, egui::Theme::Dark] {
            let visuals = ctx.style_of(theme).visuals.clone();
            for tone in Tone::ALL {
                for background in backgrounds(&visuals) {
                    let ratio = contrast(tone.colour(&visuals), background);
                    assert!(
                        ratio >= 4.5,
                        "{tone:?} in the {theme:?} theme: {ratio:.2}:1 on {background:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_contrast_formula_gives_the_known_extremes() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
        // The old orange condition text on a light panel: too faint.
        assert!(contrast(Color32::from_rgb(214, 140, 0), Color32::from_gray(248)) < 3.0);
    }
}
