//! The fonts the sheet is set in: Noto Sans regular and bold, embedded in
//! the program (SIL Open Font License, see `assets/fonts/OFL.txt`).
//!
//! One face serves two purposes: its metrics (advance widths) to measure and
//! wrap text, and the krilla font that embeds a subset with a ToUnicode map,
//! so the printed text stays selectable and searchable. Both use the same
//! advances, so what was measured is what is drawn.

use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::error::SheetError;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

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

/// Both faces, loaded once per sheet.
pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    pub(crate) fn load() -> Result<Fonts, SheetError> {
        Ok(Fonts {
            regular: Face::load("Noto Sans Regular", REGULAR)?,
            bold: Face::load("Noto Sans Bold", BOLD)?,
        })
    }

    pub(crate) fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Width of `text` set in `weight` at `size` points.
    pub(crate) fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        self.face(weight).width(text, size)
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

    fn glyph(&self, c: char) -> ttf_parser::GlyphId {
        self.metrics
            .glyph_index(c)
            .unwrap_or(ttf_parser::GlyphId(0))
    }

    /// Advance of one glyph, in em.
    fn advance(&self, glyph: ttf_parser::GlyphId) -> f32 {
        f32::from(self.metrics.glyph_hor_advance(glyph).unwrap_or(0)) / self.units_per_em
    }

    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f32>()
            * size
    }

    /// One glyph per character, with the advances used by [`Face::width`];
    /// each glyph maps back to its character for copy and search.
    pub(crate) fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(at, c)| {
                let glyph = self.glyph(c);
                KrillaGlyph::new(
                    GlyphId::new(u32::from(glyph.0)),
                    self.advance(glyph),
                    0.0,
                    0.0,
                    0.0,
                    at..at + c.len_utf8(),
                    None,
                )
            })
            .collect()
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
}
