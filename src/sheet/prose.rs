//! Running text for the handout and the report: headings, paragraphs,
//! numbered steps and bullets, set as blocks of lines that move to the next
//! page whole when they fit on one (a heading never ends a page alone).

use super::fonts::Fonts;
use super::layout::{Pager, Pen, grey};
use super::text::{Style, ellipsize, paragraphs, wrap};

pub(crate) const KICKER: Style = Style::bold(7.5);
pub(crate) const TITLE: Style = Style::bold(18.0);
pub(crate) const HEADING: Style = Style::bold(11.5);
pub(crate) const SUBHEADING: Style = Style::bold(10.0);
pub(crate) const BODY: Style = Style::regular(9.5);
pub(crate) const BODY_BOLD: Style = Style::bold(9.5);
pub(crate) const SMALL: Style = Style::regular(8.0);
pub(crate) const LINE: f32 = 13.0;
const HEADING_LINE: f32 = 18.0;
/// Room for a list item's number or bullet.
const MARKER_ROOM: f32 = 14.0;

#[derive(Debug, Clone)]
struct BlockLine {
    indent: f32,
    style: Style,
    grey: u8,
    text: String,
    /// A number or bullet set left of the text, at `indent - MARKER_ROOM`.
    marker: Option<String>,
    height: f32,
}

/// Lines set to the page's width, placed together.
pub(crate) struct Block<'f> {
    fonts: &'f Fonts,
    width: f32,
    lines: Vec<BlockLine>,
}

impl<'f> Block<'f> {
    pub(crate) fn new(pager: &Pager<'f>) -> Self {
        Block {
            fonts: pager.fonts,
            width: pager.frame.content_width(),
            lines: Vec::new(),
        }
    }

    pub(crate) fn height(&self) -> f32 {
        self.lines.iter().map(|l| l.height).sum()
    }

    pub(crate) fn heading(&mut self, text: &str) -> &mut Self {
        self.wrapped(0.0, HEADING, grey::BLACK, text, HEADING_LINE, None)
    }

    pub(crate) fn subheading(&mut self, text: &str) -> &mut Self {
        self.wrapped(0.0, SUBHEADING, grey::BLACK, text, LINE + 2.0, None)
    }

    /// The author's lines of `text`, each wrapped; blank lines kept short.
    pub(crate) fn paragraph(&mut self, text: &str, style: Style, grey: u8) -> &mut Self {
        for paragraph in paragraphs(text) {
            if paragraph.trim().is_empty() {
                self.gap(LINE / 2.0);
            } else {
                self.wrapped(0.0, style, grey, paragraph, LINE, None);
            }
        }
        self
    }

    pub(crate) fn numbered(&mut self, number: usize, text: &str) -> &mut Self {
        self.wrapped(
            MARKER_ROOM,
            BODY,
            grey::BLACK,
            text,
            LINE,
            Some(format!("{number}.")),
        )
    }

    pub(crate) fn bullet(&mut self, text: &str) -> &mut Self {
        self.wrapped(
            MARKER_ROOM,
            BODY,
            grey::BLACK,
            text,
            LINE,
            Some("•".to_owned()),
        )
    }

    pub(crate) fn gap(&mut self, height: f32) -> &mut Self {
        self.lines.push(BlockLine {
            indent: 0.0,
            style: BODY,
            grey: grey::BLACK,
            text: String::new(),
            marker: None,
            height,
        });
        self
    }

    fn wrapped(
        &mut self,
        indent: f32,
        style: Style,
        grey: u8,
        text: &str,
        height: f32,
        marker: Option<String>,
    ) -> &mut Self {
        let lines = wrap(self.fonts, style, text, self.width - indent);
        for (i, line) in lines.into_iter().enumerate() {
            self.lines.push(BlockLine {
                indent,
                style,
                grey,
                text: line,
                marker: if i == 0 { marker.clone() } else { None },
                height,
            });
        }
        self
    }

    /// Places the block below the cursor: whole on the next page when it
    /// does not fit here but fits a page, else line by line.
    pub(crate) fn place(&self, pager: &mut Pager) {
        let height = self.height();
        if height <= pager.full_page_room() {
            pager.make_room(height);
        }
        let left = pager.frame.left;
        for line in &self.lines {
            pager.make_room(line.height);
            if !line.text.is_empty() {
                let baseline = pager.baseline(pager.y, line.height, line.style);
                if let Some(marker) = &line.marker {
                    let x = left + line.indent - MARKER_ROOM;
                    pager.text(x, baseline, line.style, line.grey, marker.clone());
                }
                pager.text(
                    left + line.indent,
                    baseline,
                    line.style,
                    line.grey,
                    line.text.clone(),
                );
            }
            pager.y += line.height;
        }
    }
}

/// The head of the first page: a kicker, the title, one line of facts, a rule.
pub(crate) fn title(pager: &mut Pager, kicker: &str, title: &str, facts: &str) {
    let frame = pager.frame;
    let top = frame.top;
    pager.text(
        frame.left,
        top + 7.0,
        KICKER,
        grey::TEXT_SECONDARY,
        kicker.to_owned(),
    );
    let name = ellipsize(pager.fonts, TITLE, title, frame.content_width());
    pager.text(frame.left, top + 28.0, TITLE, grey::BLACK, name);
    let facts = ellipsize(pager.fonts, BODY, facts, frame.content_width());
    pager.text(frame.left, top + 44.0, BODY, grey::TEXT_SECONDARY, facts);
    let rule = top + 54.0;
    pager.line(
        (frame.left, rule),
        (frame.right, rule),
        Pen::new(1.2, grey::BLACK),
    );
    pager.y = rule + 12.0;
}
