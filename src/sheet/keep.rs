//! Widow and orphan control: where a paragraph continues in another place
//! (under the map, or on the next page), at least two of its lines stay
//! on each side, and a paragraph that must not be split (one warning)
//! moves to the next place whole.
//!
//! Each paragraph is tried out first on a copy of the cursor, line by line
//! as [`Pager`] would set it, to see where its lines would land.

use super::layout::{Pager, Rect};
use super::text::{LineBreaker, Style, paragraphs};

/// How a paragraph may be divided between two places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// At least two lines on each side of a division.
    TwoLines,
    /// Not divided (one warning), unless it is longer than a whole page.
    Whole,
}

/// Fewest lines of a paragraph on either side of a division.
const MIN_LINES: usize = 2;

/// What one round of setting a paragraph does in the place at the cursor.
#[derive(Debug, Clone, Copy)]
enum Round {
    /// Sets all that is left (this many lines) here.
    All(usize),
    /// Sets this many lines here, the rest from the next place on.
    Some(usize, Cursor),
    /// Sets nothing here: the paragraph moves on to the next place.
    None(Cursor),
}

/// Where a line is set: its page and its column there.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Place {
    page: usize,
    x: f32,
    width: f32,
}

/// The pager's cursor, to try out a placement without placing anything.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    page: usize,
    y: f32,
    at_top: bool,
}

/// A line set in one style, `height` apart, in the column `column(page, y)`.
pub(crate) struct Lines<'c, C: Fn(usize, f32) -> (f32, f32)> {
    pub style: Style,
    pub grey: u8,
    pub height: f32,
    pub column: &'c C,
}

impl<C: Fn(usize, f32) -> (f32, f32)> Lines<'_, C> {
    fn place_of(&self, cursor: Cursor) -> Place {
        let (x, width) = (self.column)(cursor.page, cursor.y);
        Place {
            page: cursor.page,
            x,
            width,
        }
    }

    /// The cursor moved to where the next line goes, a new page if needed
    /// (as [`Pager::make_room`] does).
    fn room_for_a_line(&self, pager: &Pager, cursor: Cursor) -> Cursor {
        if self.height > pager.frame.bottom - cursor.y && !cursor.at_top {
            Cursor {
                page: cursor.page + 1,
                y: pager.frame.bottom - pager.full_page_room(),
                at_top: true,
            }
        } else {
            cursor
        }
    }

    /// Where the place after the one at `cursor` starts: where the column
    /// changes further down, or the top of the next page.
    fn next_place(&self, pager: &Pager, cursor: Cursor) -> Cursor {
        let mut at = self.room_for_a_line(pager, cursor);
        let here = self.place_of(at);
        loop {
            at = Cursor {
                y: at.y + self.height,
                at_top: false,
                ..at
            };
            at = self.room_for_a_line(pager, at);
            if self.place_of(at) != here {
                return at;
            }
        }
    }

    /// How many lines of what is left in `breaker` land in each place, in
    /// order, when set from `cursor`.
    fn try_out(&self, pager: &Pager, mut breaker: LineBreaker, cursor: Cursor) -> Vec<usize> {
        let mut counts: Vec<usize> = Vec::new();
        let mut last: Option<Place> = None;
        let mut at = cursor;
        while !breaker.is_done() {
            at = self.room_for_a_line(pager, at);
            let place = self.place_of(at);
            if breaker
                .next_line(pager.fonts, self.style, place.width)
                .is_none()
            {
                break;
            }
            match counts.last_mut() {
                Some(count) if last == Some(place) => *count += 1,
                _ => counts.push(1),
            }
            last = Some(place);
            at = Cursor {
                y: at.y + self.height,
                at_top: false,
                ..at
            };
        }
        counts
    }

    /// Sets up to `count` lines at the pager's cursor; returns the box of
    /// each line set, with its page.
    fn set(
        &self,
        pager: &mut Pager,
        breaker: &mut LineBreaker,
        count: usize,
        placed: &mut Vec<(usize, Rect)>,
    ) {
        for _ in 0..count {
            if breaker.is_done() {
                return;
            }
            pager.make_room(self.height);
            let (x, width) = (self.column)(pager.page(), pager.y);
            let Some(line) = breaker.next_line(pager.fonts, self.style, width) else {
                return;
            };
            let baseline = pager.baseline(pager.y, self.height, self.style);
            if !line.is_empty() {
                pager.text(x, baseline, self.style, self.grey, line);
            }
            placed.push((pager.page(), Rect::new(x, pager.y, width, self.height)));
            pager.y += self.height;
        }
    }

    fn cursor(pager: &Pager) -> Cursor {
        Cursor {
            page: pager.page(),
            y: pager.y,
            at_top: pager.at_page_top(),
        }
    }

    fn move_to(pager: &mut Pager, to: Cursor) {
        if to.page > pager.page() {
            pager.break_page();
        } else {
            pager.y = to.y;
        }
    }

    /// Moves the cursor on to the next place unless `height` fits below
    /// it in one place. A section's title uses it to stay with the first
    /// lines of its text.
    pub(crate) fn keep_together(&self, pager: &mut Pager, height: f32) {
        loop {
            let cursor = Self::cursor(pager);
            if cursor.at_top {
                return;
            }
            let last_line = Cursor {
                y: cursor.y + (height - self.height).max(0.0),
                ..cursor
            };
            let fits = height <= pager.frame.bottom - cursor.y;
            if fits && self.place_of(cursor) == self.place_of(last_line) {
                return;
            }
            let next = self.next_place(pager, cursor);
            Self::move_to(pager, next);
        }
    }

    /// Sets `text` paragraph by paragraph, keeping each as `keep` says.
    pub(crate) fn flow(&self, pager: &mut Pager, text: &str, keep: Keep) -> Vec<(usize, Rect)> {
        let mut placed = Vec::new();
        for paragraph in paragraphs(text) {
            self.paragraph(pager, paragraph, keep, &mut placed);
        }
        placed
    }

    fn paragraph(
        &self,
        pager: &mut Pager,
        text: &str,
        keep: Keep,
        placed: &mut Vec<(usize, Rect)>,
    ) {
        let mut breaker = LineBreaker::new(text);
        if text.trim().is_empty() {
            // A blank line between paragraphs.
            pager.make_room(self.height);
            let (x, width) = (self.column)(pager.page(), pager.y);
            placed.push((pager.page(), Rect::new(x, pager.y, width, self.height)));
            pager.y += self.height;
            return;
        }
        // Each round sets the part of the paragraph that goes in one place.
        while !breaker.is_done() {
            pager.make_room(self.height);
            let cursor = Self::cursor(pager);
            let Some(round) = self.round(pager, &breaker, cursor, keep) else {
                return;
            };
            match round {
                Round::All(lines) => {
                    self.set(pager, &mut breaker, lines, placed);
                    return;
                }
                Round::Some(lines, next) => {
                    self.set(pager, &mut breaker, lines, placed);
                    Self::move_to(pager, next);
                }
                Round::None(next) => Self::move_to(pager, next),
            }
        }
    }

    /// What one round of `paragraph` does at `cursor` (where a line fits):
    /// `None` when nothing is left to set.
    fn round(
        &self,
        pager: &Pager,
        breaker: &LineBreaker,
        cursor: Cursor,
        keep: Keep,
    ) -> Option<Round> {
        let counts = self.try_out(pager, breaker.clone(), cursor);
        let &here = counts.first()?;
        if counts.len() == 1 {
            return Some(Round::All(here));
        }
        let fresh = cursor.at_top;
        let next = self.next_place(pager, cursor);
        if !fresh && (keep == Keep::Whole || here < MIN_LINES) {
            return Some(Round::None(next));
        }
        Some(
            match self.lines_before_division(pager, breaker, cursor, here, next) {
                Some(lines) => Round::Some(lines, next),
                None => Round::None(next),
            },
        )
    }

    /// Whether the first paragraph of `text`, set `above` lower than the
    /// pager's cursor, would start there rather than move on whole to the
    /// next place. A section title uses it: it is never left alone at the
    /// foot of a column because the widow rule moved its text on.
    fn text_starts_below(&self, pager: &Pager, above: f32, text: &str, keep: Keep) -> bool {
        let Some(first) = paragraphs(text).into_iter().next() else {
            return true;
        };
        let cursor = Self::cursor(pager);
        let below = Cursor {
            y: cursor.y + above,
            at_top: cursor.at_top && above <= 0.0,
            ..cursor
        };
        let below = self.room_for_a_line(pager, below);
        if below.page != cursor.page || self.place_of(below) != self.place_of(cursor) {
            return false;
        }
        !matches!(
            self.round(pager, &LineBreaker::new(first), below, keep),
            Some(Round::None(_))
        )
    }

    /// Moves the cursor on to the next place until a title `above` high
    /// set there keeps the first lines of `text` below it in the same place
    /// (at the top of a page it always does: the text cannot do better).
    pub(crate) fn keep_title_with_text(
        &self,
        pager: &mut Pager,
        above: f32,
        text: &str,
        keep: Keep,
    ) {
        while !pager.at_page_top() && !self.text_starts_below(pager, above, text, keep) {
            let next = self.next_place(pager, Self::cursor(pager));
            Self::move_to(pager, next);
        }
    }

    /// How many of the `here` lines that fit in this place (at `cursor`) to
    /// set here so that the rest does not end as one line alone in the next
    /// place (`next`); `None`: none, move the paragraph on whole. A fresh
    /// page always takes what fits, so the text moves on.
    fn lines_before_division(
        &self,
        pager: &Pager,
        breaker: &LineBreaker,
        cursor: Cursor,
        here: usize,
        next: Cursor,
    ) -> Option<usize> {
        let fresh = cursor.at_top;
        let width = self.place_of(cursor).width;
        let fewest = if fresh { 1 } else { MIN_LINES };
        for lines in (fewest..=here).rev() {
            let mut rest = breaker.clone();
            for _ in 0..lines {
                rest.next_line(pager.fonts, self.style, width);
            }
            if self.try_out(pager, rest, next) != [1] {
                return Some(lines);
            }
        }
        if fresh { Some(here) } else { None }
    }
}
