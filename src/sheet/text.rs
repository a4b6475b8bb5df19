//! Breaking text into lines with the font's own advance widths.

use super::fonts::{Fonts, Weight};

/// A font and size: how a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub weight: Weight,
    pub size: f32,
}

impl Style {
    pub(crate) const fn regular(size: f32) -> Style {
        Style {
            weight: Weight::Regular,
            size,
        }
    }

    pub(crate) const fn bold(size: f32) -> Style {
        Style {
            weight: Weight::Bold,
            size,
        }
    }
}

/// Breaks text into lines one at a time, each line as wide as the caller
/// asks (so text can flow beside a picture and then under it). Breaks
/// between words and keeps the author's line breaks; runs of blank lines
/// count as one; a word longer than a whole line is cut between characters.
#[derive(Debug, Clone)]
pub(crate) struct LineBreaker<'t> {
    /// Words of each paragraph; an empty paragraph is a blank line.
    paragraphs: Vec<Vec<&'t str>>,
    paragraph: usize,
    word: usize,
    /// Bytes of the current word already set on earlier lines.
    cut: usize,
}

impl<'t> LineBreaker<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let paragraphs = paragraphs(text)
            .into_iter()
            .map(|line| line.split_whitespace().collect())
            .collect();
        LineBreaker {
            paragraphs,
            paragraph: 0,
            word: 0,
            cut: 0,
        }
    }

    pub(crate) fn is_done(&self) -> bool {
        self.paragraph >= self.paragraphs.len()
    }

    /// The next line, at most `width` wide; `None` when all text is set.
    pub(crate) fn next_line(&mut self, fonts: &Fonts, style: Style, width: f32) -> Option<String> {
        let words = self.paragraphs.get(self.paragraph)?;
        let measure = |text: &str| fonts.width(style.weight, style.size, text);
        let space = measure(" ");
        // Sums of advances measured word by word may round differently from
        // the whole line: allow for it.
        let width = width + 0.01;
        let mut line = String::new();
        let mut line_width = 0.0;
        while let Some(whole) = words.get(self.word) {
            let word = &whole[self.cut..];
            let word_width = measure(word);
            if line.is_empty() {
                if word_width <= width {
                    line.push_str(word);
                    line_width = word_width;
                } else {
                    // Too long for any line: set what fits, at least one character.
                    let mut taken = 0;
                    let mut taken_width = 0.0;
                    for (at, c) in word.char_indices() {
                        let w = measure(c.encode_utf8(&mut [0; 4]));
                        if at > 0 && taken_width + w > width {
                            break;
                        }
                        taken = at + c.len_utf8();
                        taken_width += w;
                    }
                    line.push_str(&word[..taken]);
                    if taken < word.len() {
                        self.cut += taken;
                        return Some(line);
                    }
                }
            } else if line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
            } else {
                return Some(line);
            }
            self.word += 1;
            self.cut = 0;
        }
        self.paragraph += 1;
        self.word = 0;
        Some(line)
    }
}

/// The author's lines of `text`, each a paragraph; a run of blank lines
/// counts as one blank line (an empty paragraph).
pub(crate) fn paragraphs(text: &str) -> Vec<&str> {
    let mut paragraphs: Vec<&str> = Vec::new();
    for line in text.trim().lines() {
        let blank = line.trim().is_empty();
        let blank_after_blank = blank && paragraphs.last().is_none_or(|p| p.trim().is_empty());
        if !blank_after_blank {
            paragraphs.push(line);
        }
    }
    paragraphs
}

/// All lines of `text` set `width` wide; no lines for empty text.
pub(crate) fn wrap(fonts: &Fonts, style: Style, text: &str, width: f32) -> Vec<String> {
    let mut breaker = LineBreaker::new(text);
    let mut lines = Vec::new();
    while let Some(line) = breaker.next_line(fonts, style, width) {
        lines.push(line);
    }
    lines
}

/// `text` shortened with an ellipsis to fit `width` (for one-line fields).
pub(crate) fn ellipsize(fonts: &Fonts, style: Style, text: &str, width: f32) -> String {
    if fonts.width(style.weight, style.size, text) <= width {
        return text.to_owned();
    }
    let ellipsis = "…";
    let room = width - fonts.width(style.weight, style.size, ellipsis);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let w = fonts.width(style.weight, style.size, c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        out.push(c);
        used += w;
    }
    format!("{}{ellipsis}", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::error::SheetError;

    const STYLE: Style = Style::regular(10.0);

    #[test]
    fn lines_fit_and_keep_every_word() -> Result<(), SheetError> {
        let fonts = Fonts::load()?;
        let text = "Slow strokes along the fibres, then cross-fibre friction on the \
                    lateral border; ask about referral into the hip.";
        let lines = wrap(&fonts, STYLE, text, 120.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(fonts.width(Weight::Regular, 10.0, line) <= 120.0, "{line}");
        }
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        Ok(())
    }

    #[test]
    fn keeps_line_breaks_and_collapses_blank_runs() -> Result<(), SheetError> {
        let fonts = Fonts::load()?;
        let lines = wrap(&fonts, STYLE, "One\nTwo\n\n\n\nThree\n", 200.0);
        assert_eq!(lines, ["One", "Two", "", "Three"]);
        assert!(wrap(&fonts, STYLE, "  \n ", 200.0).is_empty());
        Ok(())
    }

    #[test]
    fn cuts_words_longer_than_a_line() -> Result<(), SheetError> {
        let fonts = Fonts::load()?;
        let word = "x".repeat(80);
        let lines = wrap(&fonts, STYLE, &word, 50.0);
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), word);
        // Even a line narrower than one character makes progress.
        assert_eq!(wrap(&fonts, STYLE, "abc", 0.1), ["a", "b", "c"]);
        Ok(())
    }

    #[test]
    fn line_width_may_change_from_line_to_line() -> Result<(), SheetError> {
        let fonts = Fonts::load()?;
        let mut breaker = LineBreaker::new("aaa bbb ccc ddd eee fff");
        let narrow = fonts.width(Weight::Regular, 10.0, "aaa bbb");
        assert_eq!(
            breaker.next_line(&fonts, STYLE, narrow).as_deref(),
            Some("aaa bbb")
        );
        assert_eq!(
            breaker.next_line(&fonts, STYLE, 1000.0).as_deref(),
            Some("ccc ddd eee fff")
        );
        assert!(breaker.is_done());
        assert_eq!(breaker.next_line(&fonts, STYLE, 1000.0), None);
        Ok(())
    }

    #[test]
    fn ellipsize_shortens_only_when_needed() -> Result<(), SheetError> {
        let fonts = Fonts::load()?;
        assert_eq!(ellipsize(&fonts, STYLE, "short", 100.0), "short");
        let long = ellipsize(&fonts, STYLE, "a rather long file name.ron", 60.0);
        assert!(long.ends_with('…'));
        assert!(fonts.width(Weight::Regular, 10.0, &long) <= 60.0);
        Ok(())
    }
}
