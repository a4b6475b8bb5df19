//! The table of steps: a tick box in the margin, number, muscle, side, technique,
//! pressure, minutes and notes (with the step's acknowledged cautions,
//! marked), and a total row. Rows move to the next page whole; only a
//! row taller than a page is split, between two lines, and its next part
//! says it continues. The header row is repeated on every page.

use crate::model::{Plan, Side, Step};
use crate::screening::Warning;

use super::fonts::Fonts;
use super::layout::{Op, Pager, Pen, Rect, grey};
use super::text::{LineBreaker, Style, wrap};

const BODY: Style = Style::regular(9.0);
const BODY_BOLD: Style = Style::bold(9.0);
const HEAD: Style = Style::bold(7.5);
const LINE: f32 = 11.0;
const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 2.5;
const HEAD_HEIGHT: f32 = 16.0;
const TOTAL_HEIGHT: f32 = LINE + 2.0 * PAD_Y + 2.0;
/// Technique cells start with a sample of the technique's fill.
const SWATCH: (f32, f32) = (10.0, 7.0);
const SWATCH_GAP: f32 = 4.0;
/// The box the therapist ticks when a step is done, hung in the left
/// margin as on a checklist, so it costs the columns no width (it stays
/// 10 mm from the paper's edge, inside what printers print).
const TICK_BOX: f32 = 8.0;
const TICK_GAP: f32 = 4.0;
/// Room in front of a caution's lines for its mark (a white "!" on black).
const MARK_ROOM: f32 = 11.0;
const MARK: Style = Style::bold(7.0);
/// Fewer lines than this are not worth starting a split row on a page.
const MIN_SPLIT_LINES: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Number,
    Muscle,
    Side,
    Technique,
    Pressure,
    Minutes,
    Notes,
}

const COLUMNS: usize = 7;
const NUMBER: usize = Column::Number as usize;
const MUSCLE: usize = Column::Muscle as usize;
const TECHNIQUE: usize = Column::Technique as usize;
const MINUTES: usize = Column::Minutes as usize;
const NOTES: usize = Column::Notes as usize;

impl Column {
    const ALL: [Column; COLUMNS] = [
        Column::Number,
        Column::Muscle,
        Column::Side,
        Column::Technique,
        Column::Pressure,
        Column::Minutes,
        Column::Notes,
    ];

    fn title(self) -> &'static str {
        match self {
            Column::Number => "#",
            Column::Muscle => "Muscle",
            Column::Side => "Side",
            Column::Technique => "Technique",
            Column::Pressure => "Pressure",
            Column::Minutes => "Min",
            Column::Notes => "Notes",
        }
    }

    fn style(self) -> Style {
        match self {
            Column::Number | Column::Muscle => BODY_BOLD,
            _ => BODY,
        }
    }

    /// The widest this column gets before its text wraps.
    fn max_width(self) -> f32 {
        match self {
            Column::Muscle => 124.0,
            Column::Technique => 104.0,
            Column::Pressure => 86.0,
            _ => f32::INFINITY,
        }
    }

    fn right_aligned(self) -> bool {
        matches!(self, Column::Number | Column::Minutes)
    }

    /// Extra room in front of the text (the technique's swatch).
    fn indent(self) -> f32 {
        if self == Column::Technique {
            SWATCH.0 + SWATCH_GAP
        } else {
            0.0
        }
    }

    fn text(self, number: usize, step: &Step) -> String {
        match self {
            Column::Number => number.to_string(),
            Column::Muscle => step.muscle.name().to_owned(),
            Column::Side => side_name(step.side).to_owned(),
            Column::Technique => step.technique.name().to_owned(),
            Column::Pressure => step.pressure.label(),
            Column::Minutes => step.minutes.to_string(),
            Column::Notes => notes_with_advice(step),
        }
    }
}

/// The client's position, the targeted trigger point, the step's notes,
/// then how to use the technique safely where it needs saying (the
/// massage gun). The position
/// leads the notes rather than taking a column: the page has no width to
/// spare.
fn notes_with_advice(step: &Step) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(position) = step.position {
        parts.push(format!("{}.", position.name()));
    }
    if let Some(point) = target_point_name(step) {
        parts.push(format!("Trigger point: {point}."));
    }
    if !step.notes.trim().is_empty() {
        parts.push(step.notes.trim().to_owned());
    }
    let advice = step.technique.advice();
    if !advice.is_empty() {
        parts.push(advice.to_owned());
    }
    parts.join(" ")
}

/// The name of the trigger point the step targets ("deep (medial), near
/// L4-L5 above the crest"), which the map marks with a bullseye.
fn target_point_name(step: &Step) -> Option<String> {
    let id = step.trigger_point.as_deref()?;
    let patterns = crate::referral::ReferralPatterns::try_builtin().ok()?;
    let point = patterns.of(step.muscle)?.trigger_point(id)?;
    Some(point.name.clone())
}

/// The step's acknowledged cautions, each a paragraph of its own under the
/// notes: once acknowledged they leave the warnings list, and the room
/// still needs them at the step. The therapist's note says how they will
/// handle it ("angled away from the 12th rib"); without one, the rule's
/// advice stands in.
fn acknowledged_cautions(index: usize, warnings: &[Warning]) -> Vec<String> {
    warnings
        .iter()
        .filter(|w| w.step == Some(index) && !w.is_open())
        .map(|w| {
            let note = w.acknowledged.as_deref().map(str::trim).unwrap_or_default();
            if note.is_empty() {
                w.suggestion.trim().to_owned()
            } else {
                note.to_owned()
            }
        })
        .filter(|text| !text.is_empty())
        .collect()
}

/// "Left", "Right", "Both": short enough for a narrow column.
pub(crate) fn side_name(side: Side) -> &'static str {
    match side {
        Side::Left => "Left",
        Side::Right => "Right",
        Side::Both => "Both",
    }
}

/// Left edge and width of each column.
struct Columns {
    x: [f32; COLUMNS],
    w: [f32; COLUMNS],
    /// Some step has an acknowledged caution: the notes' title explains the mark.
    cautions: bool,
}

impl Columns {
    /// Fixed columns as wide as their widest text (up to a limit); the notes
    /// take the rest.
    fn fit(fonts: &Fonts, plan: &Plan, left: f32, width: f32) -> Columns {
        let mut w = [0.0f32; COLUMNS];
        for (i, column) in Column::ALL.into_iter().enumerate() {
            if column == Column::Notes {
                continue;
            }
            let title = fonts.width(HEAD.weight, HEAD.size, column.title());
            let widest = plan
                .steps
                .iter()
                .enumerate()
                .map(|(n, step)| {
                    let style = column.style();
                    fonts.width(style.weight, style.size, &column.text(n + 1, step))
                })
                .fold(title, f32::max);
            let natural = column.indent() + widest + 2.0 * PAD_X + 0.5;
            w[i] = natural.min(column.max_width());
        }
        // The total row writes "Total" in the muscle column.
        w[MUSCLE] =
            w[MUSCLE].max(fonts.width(BODY_BOLD.weight, BODY_BOLD.size, "Total") + 2.0 * PAD_X);
        let fixed: f32 = w.iter().sum();
        // Notes get at least 27 % of the table; the muscle and technique
        // columns give up room (and wrap) if they would get less.
        let min_notes = width * 0.27;
        if width - fixed < min_notes {
            let shrink = (min_notes - (width - fixed)) / 2.0;
            for i in [MUSCLE, TECHNIQUE] {
                w[i] = (w[i] - shrink).max(60.0);
            }
        }
        w[NOTES] = width - w.iter().take(NOTES).sum::<f32>();
        let mut x = [0.0f32; COLUMNS];
        let mut at = left;
        for i in 0..COLUMNS {
            x[i] = at;
            at += w[i];
        }
        Columns {
            x,
            w,
            cautions: false,
        }
    }

    fn inner_width(&self, i: usize) -> f32 {
        (self.w[i] - 2.0 * PAD_X - Column::ALL[i].indent()).max(1.0)
    }
}

/// A step's cells, each wrapped into lines.
struct Row {
    number: usize,
    step: Step,
    cells: Vec<Vec<String>>,
    /// Where each caution starts in the notes, with its mark; its later
    /// lines run the full width.
    caution_starts: Vec<CautionStart>,
}

/// A caution goes on after the notes on their last line when there is room
/// (saving a line a step), else on a line of its own.
struct CautionStart {
    /// The notes line it starts on.
    line: usize,
    /// From the cell's text start to the mark.
    offset: f32,
    /// The caution's first words when they share the line with the notes
    /// (the line's own text is the notes'); `None` when the line is the
    /// caution's.
    shared: Option<String>,
}

/// Room a caution needs after the notes to start on their last line.
const MIN_SHARED_ROOM: f32 = 50.0;

impl Row {
    fn lines(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(1).max(1)
    }
}

fn height(lines: usize) -> f32 {
    lines as f32 * LINE + 2.0 * PAD_Y
}

/// The columns and the wrapped rows of the plan's table.
fn prepare(
    fonts: &Fonts,
    plan: &Plan,
    warnings: &[Warning],
    left: f32,
    width: f32,
) -> (Columns, Vec<Row>) {
    let mut columns = Columns::fit(fonts, plan, left, width);
    let rows: Vec<Row> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let mut cells: Vec<Vec<String>> = Column::ALL
                .into_iter()
                .enumerate()
                .map(|(c, column)| {
                    wrap(
                        fonts,
                        column.style(),
                        &column.text(i + 1, step),
                        columns.inner_width(c),
                    )
                })
                .collect();
            let mut caution_starts = Vec::new();
            let width = columns.inner_width(NOTES);
            let space = fonts.width(BODY.weight, BODY.size, " ") * 2.0;
            for caution in acknowledged_cautions(i, warnings) {
                let mut breaker = LineBreaker::new(&caution);
                // Where the text of the notes' last line ends, a caution
                // already on it included.
                let last = cells[NOTES].len().checked_sub(1);
                let end = last.map(|line| {
                    let own = fonts.width(BODY.weight, BODY.size, &cells[NOTES][line]);
                    let on_it = caution_starts
                        .iter()
                        .rfind(|c: &&CautionStart| c.line == line);
                    let text_end = match on_it {
                        Some(CautionStart {
                            offset,
                            shared: Some(words),
                            ..
                        }) => offset + MARK_ROOM + fonts.width(BODY.weight, BODY.size, words),
                        Some(_) => MARK_ROOM + own,
                        None => own,
                    };
                    text_end + space
                });
                match end.filter(|end| width - end - MARK_ROOM >= MIN_SHARED_ROOM) {
                    Some(end) => caution_starts.push(CautionStart {
                        line: cells[NOTES].len() - 1,
                        offset: end,
                        shared: breaker.next_line(fonts, BODY, width - end - MARK_ROOM),
                    }),
                    None => {
                        caution_starts.push(CautionStart {
                            line: cells[NOTES].len(),
                            offset: 0.0,
                            shared: None,
                        });
                        if let Some(line) =
                            breaker.next_line(fonts, BODY, (width - MARK_ROOM).max(1.0))
                        {
                            cells[NOTES].push(line);
                        }
                    }
                }
                while let Some(line) = breaker.next_line(fonts, BODY, width) {
                    cells[NOTES].push(line);
                }
            }
            Row {
                number: i + 1,
                step: step.clone(),
                cells,
                caution_starts,
            }
        })
        .collect();
    columns.cautions = rows.iter().any(|r| !r.caution_starts.is_empty());
    (columns, rows)
}

/// Lays out the table at the cursor, full width, page after page.
pub(crate) fn lay_out_table(pager: &mut Pager, plan: &Plan, warnings: &[Warning]) {
    let frame = pager.frame;
    let (columns, rows) = prepare(
        pager.fonts,
        plan,
        warnings,
        frame.left,
        frame.content_width(),
    );

    // The header and at least one row stay together.
    let first = rows.first().map_or(1, |r| r.lines().min(3));
    pager.make_room(HEAD_HEIGHT + height(first));
    header_row(pager, &columns);

    if rows.is_empty() {
        let baseline = pager.baseline(pager.y, height(1), BODY);
        pager.text(
            columns.x[MUSCLE] + PAD_X,
            baseline,
            BODY,
            grey::TEXT_SECONDARY,
            "No steps planned yet.".to_owned(),
        );
        pager.y += height(1);
    }

    let mut stripe = false;
    for (index, row) in rows.iter().enumerate() {
        // The last row keeps the total row company.
        let reserve = if index + 1 == rows.len() {
            TOTAL_HEIGHT
        } else {
            0.0
        };
        let lines_fitting = |room: f32| ((room - 2.0 * PAD_Y) / LINE).floor().max(0.0) as usize;
        let total_lines = row.lines();
        let mut from = 0;
        while from < total_lines {
            let left = total_lines - from;
            let mut lines = left;
            if height(left) + reserve > pager.room() {
                let whole_fits_on_fresh_page =
                    from == 0 && height(left) + reserve <= pager.full_page_room() - HEAD_HEIGHT;
                let fits_here = lines_fitting(pager.room() - reserve);
                if whole_fits_on_fresh_page || fits_here < MIN_SPLIT_LINES.min(left) {
                    new_table_page(pager, &columns);
                    if height(left) + reserve > pager.room() {
                        lines = lines_fitting(pager.room() - reserve).max(1);
                    }
                } else {
                    lines = fits_here;
                }
            }
            let lines = lines.min(left);
            row_part(pager, &columns, row, from, lines, stripe);
            from += lines;
        }
        stripe = !stripe;
    }
    total_row(pager, &columns, plan);
}

fn new_table_page(pager: &mut Pager, columns: &Columns) {
    pager.break_page();
    header_row(pager, columns);
}

fn header_row(pager: &mut Pager, columns: &Columns) {
    let titles: Vec<HeaderCell> = Column::ALL
        .into_iter()
        .enumerate()
        .map(|(i, column)| HeaderCell {
            left: columns.x[i],
            width: columns.w[i],
            title: if column == Column::Notes && columns.cautions {
                "Notes  (! acknowledged caution)".to_owned()
            } else {
                column.title().to_owned()
            },
            right_aligned: column.right_aligned(),
        })
        .collect();
    header_band(pager, &titles);
}

/// One column title of a table's header band.
pub(crate) struct HeaderCell {
    pub left: f32,
    pub width: f32,
    pub title: String,
    pub right_aligned: bool,
}

/// The grey band with the column titles, shared by the plan's table and
/// the record's; moves the cursor below it.
pub(crate) fn header_band(pager: &mut Pager, cells: &[HeaderCell]) {
    let frame = pager.frame;
    let top = pager.y;
    pager.rect(
        Rect::new(frame.left, top, frame.content_width(), HEAD_HEIGHT),
        Some(grey::BAND),
        None,
    );
    let baseline = pager.baseline(top, HEAD_HEIGHT, HEAD);
    for cell in cells {
        let title = cell.title.clone();
        if cell.right_aligned {
            let right = cell.left + cell.width - PAD_X;
            pager.text_right(right, baseline, HEAD, grey::BLACK, title);
        } else {
            pager.text(cell.left + PAD_X, baseline, HEAD, grey::BLACK, title);
        }
    }
    pager.y += HEAD_HEIGHT;
}

/// Lines `from..from + count` of a row; a part after the first says so.
fn row_part(
    pager: &mut Pager,
    columns: &Columns,
    row: &Row,
    from: usize,
    count: usize,
    stripe: bool,
) {
    let frame = pager.frame;
    let top = pager.y;
    let h = height(count);
    if stripe {
        pager.rect(
            Rect::new(frame.left, top, frame.content_width(), h),
            Some(247),
            None,
        );
    }
    for (i, column) in Column::ALL.into_iter().enumerate() {
        let lines = row.cells[i].iter().enumerate().skip(from).take(count);
        for (n, (index, line)) in lines.enumerate() {
            let line_top = top + PAD_Y + n as f32 * LINE;
            let baseline = pager.baseline(line_top, LINE, column.style());
            let mut x = columns.x[i] + PAD_X + column.indent();
            let caution = row.caution_starts.iter().filter(|c| c.line == index);
            for start in caution.filter(|_| i == NOTES) {
                caution_mark(pager, x + start.offset, line_top);
                match &start.shared {
                    Some(words) => {
                        let at = x + start.offset + MARK_ROOM;
                        pager.text(at, baseline, BODY, grey::BLACK, words.clone());
                    }
                    None => x += MARK_ROOM,
                }
            }
            if column.right_aligned() {
                let right = columns.x[i] + columns.w[i] - PAD_X;
                pager.text_right(right, baseline, column.style(), grey::BLACK, line.clone());
            } else {
                pager.text(x, baseline, column.style(), grey::BLACK, line.clone());
            }
        }
    }
    if from == 0 {
        let box_top = top + PAD_Y + (LINE - TICK_BOX) / 2.0;
        pager.rect(
            Rect::new(
                frame.left - TICK_GAP - TICK_BOX,
                box_top,
                TICK_BOX,
                TICK_BOX,
            ),
            Some(grey::WHITE),
            Some(Pen::new(0.7, grey::BLACK)),
        );
        let swatch_top = top + PAD_Y + (LINE - SWATCH.1) / 2.0;
        pager.push(Op::Swatch {
            rect: Rect::new(columns.x[TECHNIQUE] + PAD_X, swatch_top, SWATCH.0, SWATCH.1),
            technique: row.step.technique,
        });
    } else {
        // Which step this is, for a reader who starts on this page.
        let baseline = pager.baseline(top + PAD_Y, LINE, BODY);
        pager.text_right(
            columns.x[NUMBER] + columns.w[NUMBER] - PAD_X,
            baseline,
            BODY,
            grey::TEXT_SECONDARY,
            row.number.to_string(),
        );
        if row.cells[MUSCLE].len() <= from {
            pager.text(
                columns.x[MUSCLE] + PAD_X,
                baseline,
                BODY,
                grey::TEXT_SECONDARY,
                "(continued)".to_owned(),
            );
        }
    }
    pager.y += h;
    pager.line(
        (frame.left, pager.y),
        (frame.right, pager.y),
        Pen::new(0.4, grey::RULE_LIGHT),
    );
}

/// A white "!" on a black square, as the header's alarm: it prints on
/// any printer and needs no symbol font.
fn caution_mark(pager: &mut Pager, x: f32, line_top: f32) {
    let size = 8.0;
    let top = line_top + (LINE - size) / 2.0;
    pager.rect(Rect::new(x, top, size, size), Some(grey::BLACK), None);
    let width = pager.fonts.width(MARK.weight, MARK.size, "!");
    let baseline = pager.baseline(top, size, MARK);
    pager.text(
        x + (size - width) / 2.0,
        baseline,
        MARK,
        grey::WHITE,
        "!".to_owned(),
    );
}

fn total_row(pager: &mut Pager, columns: &Columns, plan: &Plan) {
    let frame = pager.frame;
    let h = TOTAL_HEIGHT;
    if pager.make_room(h) {
        header_row(pager, columns);
    }
    let top = pager.y;
    pager.line(
        (frame.left, top),
        (frame.right, top),
        Pen::new(1.0, grey::BLACK),
    );
    let baseline = pager.baseline(top + 1.0, height(1), BODY_BOLD);
    pager.text(
        columns.x[MUSCLE] + PAD_X,
        baseline,
        BODY_BOLD,
        grey::BLACK,
        "Total".to_owned(),
    );
    let total = plan.total_minutes();
    pager.text_right(
        columns.x[MINUTES] + columns.w[MINUTES] - PAD_X,
        baseline,
        BODY_BOLD,
        grey::BLACK,
        total.to_string(),
    );
    let session = u32::from(plan.session_minutes);
    let remark = if total > session {
        format!("{} min over the {session}-min session", total - session)
    } else if total == session {
        format!("fills the {session}-min session")
    } else {
        format!(
            "of the {session}-min session ({} min spare)",
            session - total
        )
    };
    let style = if total > session { BODY_BOLD } else { BODY };
    pager.text(
        columns.x[NOTES] + PAD_X,
        baseline,
        style,
        grey::BLACK,
        remark,
    );
    pager.y += h;
}
