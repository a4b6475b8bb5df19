//! Page layout and pagination: the page frame (margins, footer), the list of
//! drawing operations each page is made of, and the [`Pager`] that places
//! content top to bottom and starts a new page when the current one is full.
//!
//! Laying out first and drawing afterwards means the footer can say
//! "Page n of m" and the layout can be checked without a PDF.

use crate::model::Technique;

use super::fonts::Fonts;
use super::map_drawing::MapDrawing;
use super::paper::Paper;
use super::text::{LineBreaker, Style, ellipsize};

pub(crate) use super::page_geometry::{Pen, Rect, grey};

/// One drawing operation on a page.
#[derive(Debug, Clone)]
pub(crate) enum Op {
    /// A line of text; `baseline` is the y of the baseline.
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        grey: u8,
        text: String,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        pen: Pen,
    },
    Rect {
        rect: Rect,
        fill: Option<u8>,
        stroke: Option<Pen>,
    },
    /// A sample of a technique's fill (grey and hatch), as on the map.
    Swatch { rect: Rect, technique: Technique },
    /// The muscle map.
    Map(Box<MapDrawing>),
    /// One figure of the client's pain drawing.
    PainFigure(Box<super::pain_panel::PainPanel>),
    /// One view of the atlas with a course's heat map.
    Heat(Box<super::heat_paint::HeatDrawing>),
}

/// The printable area of a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Frame {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    /// Content ends here; the footer sits below.
    pub bottom: f32,
    pub footer_baseline: f32,
}

impl Frame {
    pub(crate) fn for_paper(paper: Paper) -> Frame {
        let (width, height) = paper.size_points();
        // 14 mm at the sides, a little less at the top: office printers
        // need about 5 mm, and the sheet should look calm, not crammed.
        let side = 40.0;
        Frame {
            width,
            height,
            left: side,
            right: width - side,
            top: 36.0,
            bottom: height - 54.0,
            footer_baseline: height - 26.0,
        }
    }

    pub(crate) fn content_width(&self) -> f32 {
        self.right - self.left
    }
}

/// Places content top to bottom, page after page.
pub(crate) struct Pager<'f> {
    pub fonts: &'f Fonts,
    pub frame: Frame,
    pages: Vec<Vec<Op>>,
    /// Top of the free space on the current page.
    pub y: f32,
    /// Where content starts on the current page: below the running head.
    page_top: f32,
    running_head: String,
}

/// Text of the running head and footer.
const SMALL: Style = Style::regular(7.5);

impl<'f> Pager<'f> {
    /// Starts page 1; `running_head` heads the pages after it.
    pub(crate) fn new(fonts: &'f Fonts, frame: Frame, running_head: String) -> Self {
        Pager {
            fonts,
            frame,
            pages: vec![Vec::new()],
            y: frame.top,
            page_top: frame.top,
            running_head,
        }
    }

    /// 0-based number of the current page.
    pub(crate) fn page(&self) -> usize {
        self.pages.len() - 1
    }

    /// Space left on the current page.
    pub(crate) fn room(&self) -> f32 {
        self.frame.bottom - self.y
    }

    /// Space on a fresh continuation page.
    pub(crate) fn full_page_room(&self) -> f32 {
        self.frame.bottom - self.continuation_top()
    }

    /// Whether nothing has been placed since the page started.
    pub(crate) fn at_page_top(&self) -> bool {
        self.y <= self.page_top
    }

    pub(crate) fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Adds to an earlier page (or the current one).
    pub(crate) fn push_on(&mut self, page: usize, op: Op) {
        if let Some(ops) = self.pages.get_mut(page) {
            ops.push(op);
        }
    }

    pub(crate) fn text(&mut self, x: f32, baseline: f32, style: Style, grey: u8, text: String) {
        self.push(Op::Text {
            x,
            baseline,
            style,
            grey,
            text,
        });
    }

    /// Text whose right edge is at `right`.
    pub(crate) fn text_right(
        &mut self,
        right: f32,
        baseline: f32,
        style: Style,
        grey: u8,
        text: String,
    ) {
        let width = self.fonts.width(style.weight, style.size, &text);
        self.text(right - width, baseline, style, grey, text);
    }

    pub(crate) fn line(&mut self, from: (f32, f32), to: (f32, f32), pen: Pen) {
        self.push(Op::Line { from, to, pen });
    }

    pub(crate) fn rect(&mut self, rect: Rect, fill: Option<u8>, stroke: Option<Pen>) {
        self.push(Op::Rect { rect, fill, stroke });
    }

    fn continuation_top(&self) -> f32 {
        self.frame.top + 24.0
    }

    /// Starts a new page, headed by the running head.
    pub(crate) fn break_page(&mut self) {
        self.pages.push(Vec::new());
        let frame = self.frame;
        let baseline = frame.top + 8.0;
        let head = ellipsize(self.fonts, SMALL, &self.running_head, frame.content_width());
        self.text(frame.left, baseline, SMALL, grey::TEXT_SECONDARY, head);
        self.line(
            (frame.left, baseline + 5.0),
            (frame.right, baseline + 5.0),
            Pen::new(0.5, grey::RULE_LIGHT),
        );
        self.page_top = self.continuation_top();
        self.y = self.page_top;
    }

    /// Makes sure `height` fits below the cursor, starting a new page if
    /// not (unless the page is still empty: then it cannot get better).
    /// Returns whether a new page was started.
    pub(crate) fn make_room(&mut self, height: f32) -> bool {
        if height > self.room() && !self.at_page_top() {
            self.break_page();
            true
        } else {
            false
        }
    }

    /// Flows `text` line by line into the column `column(page, y)` gives,
    /// starting new pages as needed; returns where each line went.
    pub(crate) fn flow(
        &mut self,
        text: &str,
        style: Style,
        grey: u8,
        line_height: f32,
        column: impl Fn(usize, f32) -> (f32, f32),
    ) -> Vec<(usize, Rect)> {
        let mut breaker = LineBreaker::new(text);
        let mut placed = Vec::new();
        while !breaker.is_done() {
            self.make_room(line_height);
            let (x, width) = column(self.page(), self.y);
            let Some(line) = breaker.next_line(self.fonts, style, width) else {
                break;
            };
            let baseline = self.baseline(self.y, line_height, style);
            if !line.is_empty() {
                self.text(x, baseline, style, grey, line);
            }
            placed.push((self.page(), Rect::new(x, self.y, width, line_height)));
            self.y += line_height;
        }
        placed
    }

    /// Baseline that centres capitals of `style` in a line box at `top`.
    pub(crate) fn baseline(&self, top: f32, line_height: f32, style: Style) -> f32 {
        let cap = self.fonts.face(style.weight).cap_height(style.size);
        top + (line_height + cap) / 2.0
    }

    /// Adds the footer to every page ("file name" left, "Page n of m"
    /// right) and hands the pages over.
    pub(crate) fn finish(mut self, file_name: &str) -> Vec<Vec<Op>> {
        let count = self.pages.len();
        let frame = self.frame;
        let fonts = self.fonts;
        for (index, page) in self.pages.iter_mut().enumerate() {
            let rule_y = frame.footer_baseline - 10.0;
            page.push(Op::Line {
                from: (frame.left, rule_y),
                to: (frame.right, rule_y),
                pen: Pen::new(0.5, grey::RULE_LIGHT),
            });
            let number = format!("Page {} of {count}", index + 1);
            let number_width = fonts.width(SMALL.weight, SMALL.size, &number);
            page.push(Op::Text {
                x: frame.right - number_width,
                baseline: frame.footer_baseline,
                style: SMALL,
                grey: grey::TEXT_SECONDARY,
                text: number,
            });
            let name_room = frame.content_width() - number_width - 24.0;
            let name = ellipsize(fonts, SMALL, file_name.trim(), name_room);
            if !name.is_empty() {
                page.push(Op::Text {
                    x: frame.left,
                    baseline: frame.footer_baseline,
                    style: SMALL,
                    grey: grey::TEXT_SECONDARY,
                    text: name,
                });
            }
        }
        self.pages
    }
}
