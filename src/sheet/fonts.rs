//! The fonts the sheet is set in, embedded in the program (licences in
//! `assets/fonts/`): Noto Sans regular and bold, and DejaVu Sans for the
//! characters Noto Sans lacks (≤, →, ✓, ...).
//!
//! Each face serves two purposes: its metrics (advance widths) to measure
//! and wrap text, and the krilla font that embeds a subset with a ToUnicode
//! map, so the printed text stays selectable and searchable. Both use the
//! same advances, so what was measured is what is drawn.

use std::ops::Range;

use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::error::SheetError;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
static FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// One embedded font face.
pub(crate) struct Face {
    pdf: Font,
    metrics: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Height of capital letters, in em.
    cap_height: f32,
}

/// The faces of the sheet, loaded once per sheet.
pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
    /// For characters missing from the main face, in either weight.
    fallback: Face,
}

/// A run of text set in one face: the glyphs and the part of the text
/// they stand for (their ranges are relative to that part).
pub(crate) struct Run<'f> {
    pub face: &'f Face,
    pub text: Range<usize>,
    pub glyphs: Vec<KrillaGlyph>,
    /// Advance of the whole run, in em.
    pub advance: f32,
}

impl Fonts {
    pub(crate) fn load() -> Result<Fonts, SheetError> {
        Ok(Fonts {
            regular: Face::load("Noto Sans Regular", REGULAR)?,
            bold: Face::load("Noto Sans Bold", BOLD)?,
            fallback: Face::load("DejaVu Sans", FALLBACK)?,
        })
    }

    pub(crate) fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The face and glyph that show `c`: the main face if it has the
    /// character, else the fallback, else the main face's "missing" box.
    fn resolve(&self, weight: Weight, c: char) -> (&Face, ttf_parser::GlyphId) {
        let main = self.face(weight);
        if let Some(glyph) = main.metrics.glyph_index(c) {
            return (main, glyph);
        }
        if let Some(glyph) = self.fallback.metrics.glyph_index(c) {
            return (&self.fallback, glyph);
        }
        (main, ttf_parser::GlyphId(0))
    }

    /// Width of `text` set in `weight` at `size` points.
    pub(crate) fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        text.chars()
            .map(|c| {
                let (face, glyph) = self.resolve(weight, c);
                face.advance(glyph)
            })
            .sum::<f32>()
            * size
    }

    /// `text` cut into runs of one face each, with one glyph per character
    /// and the advances used by [`Fonts::width`]; each glyph maps back to
    /// its character for copy and search.
    pub(crate) fn runs(&self, weight: Weight, text: &str) -> Vec<Run<'_>> {
        let mut runs: Vec<Run<'_>> = Vec::new();
        for (at, c) in text.char_indices() {
            let (face, glyph) = self.resolve(weight, c);
            let end = at + c.len_utf8();
            let same_face = runs.last().is_some_and(|r| std::ptr::eq(r.face, face));
            if !same_face {
                runs.push(Run {
                    face,
                    text: at..at,
                    glyphs: Vec::new(),
                    advance: 0.0,
                });
            }
            if let Some(run) = runs.last_mut() {
                let start = run.text.start;
                let advance = face.advance(glyph);
                run.glyphs.push(KrillaGlyph::new(
                    GlyphId::new(u32::from(glyph.0)),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    at - start..end - start,
                    None,
                ));
                run.text.end = end;
                run.advance += advance;
            }
        }
        runs
    }
}

impl Face {
    fn load(name: &'static str, data: &'static [u8]) -> Result<Face, SheetError> {
        let metrics = ttf_parser::Face::parse(data, 0).map_err(|e| SheetError::Font {
            name,
            reason: e.to_string(),
        })?;
        let pdf = Font::new(data.into(), 0).ok_or_else(|| SheetError::Font {
            name,
            reason: "the PDF writer cannot read it".to_owned(),
        })?;
        let units_per_em = f32::from(metrics.units_per_em());
        let cap_height = metrics
            .capital_height()
            .map_or(0.71, |h| f32::from(h) / units_per_em);
        Ok(Face {
            pdf,
            metrics,
            units_per_em,
            cap_height,
        })
    }

    pub(crate) fn pdf_font(&self) -> Font {
        self.pdf.clone()
    }

    /// Height of a capital letter at `size`: used to centre text vertically.
    pub(crate) fn cap_height(&self, size: f32) -> f32 {
        self.cap_height * size
    }

    /// Advance of one glyph, in em.
    fn advance(&self, glyph: ttf_parser::GlyphId) -> f32 {
        f32::from(self.metrics.glyph_hor_advance(glyph).unwrap_or(0)) / self.units_per_em
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_load_and_measure() -> Result<(), SheetError> {
        let fonts = Fonts::load()?;
        let regular = fonts.width(Weight::Regular, 10.0, "Quadratus lumborum");
        let bold = fonts.width(Weight::Bold, 10.0, "Quadratus lumborum");
        assert!(regular > 60.0 && regular < 110.0, "{regular}");
        assert!(bold > regular);
        assert_eq!(fonts.width(Weight::Regular, 10.0, ""), 0.0);
        // Twice the size, twice the width.
        let double = fonts.width(Weight::Regular, 20.0, "Quadratus lumborum");
        assert!((double - 2.0 * regular).abs() < 0.01);
        Ok(())
    }

    #[test]
    fn missing_characters_come_from_the_fallback_face() -> Result<(), SheetError> {
        let fonts = Fonts::load()?;
        let text = "Druck ≤ 3 → gut ✓";
        let runs = fonts.runs(Weight::Bold, text);
        let faces: Vec<bool> = runs
            .iter()
            .map(|r| std::ptr::eq(r.face, &fonts.fallback))
            .collect();
        assert_eq!(faces, [false, true, false, true, false, true]);
        // The runs cover the text exactly, and every glyph is a real one.
        assert_eq!(runs.first().map(|r| r.text.start), Some(0));
        assert_eq!(runs.last().map(|r| r.text.end), Some(text.len()));
        for pair in runs.windows(2) {
            assert_eq!(pair[0].text.end, pair[1].text.start);
        }
        assert!(
            runs.iter()
                .flat_map(|r| &r.glyphs)
                .all(|g| g.glyph_id.to_u32() != 0)
        );
        let width: f32 = runs.iter().map(|r| r.advance).sum::<f32>() * 9.0;
        assert!((width - fonts.width(Weight::Bold, 9.0, text)).abs() < 0.001);
        Ok(())
    }
}
