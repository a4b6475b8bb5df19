//! What goes where on the sheet: the header, the map beside the goals,
//! precautions, self-care and plan check, then the table of steps.

use jiff::civil::{Date, Weekday};

use crate::model::Plan;

use super::SheetOptions;
use super::fonts::Fonts;
use super::layout::{Frame, Op, Pager, Pen, Rect, grey};
use super::map::{Legend, MapBlock};
use super::pain_figure::PainBlock;
use super::record::lay_out_record;
use super::sections::{Section, sections};
use super::table::lay_out_table;
use super::text::{Style, ellipsize};

const KICKER: Style = Style::bold(7.5);
const CLIENT: Style = Style::bold(18.0);
const FIELD_LABEL: Style = Style::bold(6.5);
const FIELD_VALUE: Style = Style::bold(10.5);
const FIELD_NOTE: Style = Style::regular(7.5);
const BADGE: Style = Style::bold(7.0);
const GAP: f32 = 16.0;

/// The pages of the sheet, laid out but not yet drawn.
pub(crate) fn lay_out(plan: &Plan, options: &SheetOptions, fonts: &Fonts) -> (Frame, Vec<Vec<Op>>) {
    let frame = Frame::for_paper(options.paper);
    let kind = if options.record {
        "Massage session record"
    } else {
        "Massage session plan"
    };
    let running_head = format!(
        "{kind} · {} · {} (continued)",
        client_name(plan),
        long_date(plan.date)
    );
    let mut pager = Pager::new(fonts, frame, running_head);
    if options.record {
        header(&mut pager, plan, Kind::Record);
        lay_out_record(&mut pager, plan);
    } else {
        header(&mut pager, plan, Kind::Plan);
        notes_beside_map(&mut pager, plan, options);
        lay_out_table(&mut pager, plan, &options.warnings);
        session_record(&mut pager);
    }
    (frame, pager.finish(&options.file_name))
}

pub(crate) fn client_name(plan: &Plan) -> &str {
    match plan.client.name.trim() {
        "" => "(no client name)",
        name => name,
    }
}

/// "Mon 23 Nov 2026": unambiguous in every country.
pub(crate) fn long_date(date: Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let weekday = match date.weekday() {
        Weekday::Monday => "Mon",
        Weekday::Tuesday => "Tue",
        Weekday::Wednesday => "Wed",
        Weekday::Thursday => "Thu",
        Weekday::Friday => "Fri",
        Weekday::Saturday => "Sat",
        Weekday::Sunday => "Sun",
    };
    let month = usize::try_from(date.month() - 1)
        .ok()
        .and_then(|m| MONTHS.get(m))
        .copied()
        .unwrap_or("?");
    format!("{weekday} {} {month} {}", date.day(), date.year())
}

/// Room to write by hand during the session, where the last page has
/// space left: a few ruled lines (the pain ratings are in the header).
fn session_record(pager: &mut Pager) {
    const LINE_GAP: f32 = 20.0;
    let frame = pager.frame;
    let top = pager.y + 18.0;
    let lines = ((frame.bottom - top - 34.0) / LINE_GAP).floor().min(5.0);
    if lines < 2.0 {
        return;
    }
    pager.text(
        frame.left,
        top + 10.0,
        Style::bold(9.5),
        grey::BLACK,
        "Session notes".to_owned(),
    );
    let mut y = top + 16.0;
    for _ in 0..lines as usize {
        y += LINE_GAP;
        pager.line(
            (frame.left, y),
            (frame.right, y),
            Pen::new(0.5, grey::RULE_LIGHT),
        );
    }
    pager.y = y;
}

/// Which sheet: the plan for the session, or the record after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plan,
    Record,
}

/// Title, client and the key facts in a row of labelled fields.
fn header(pager: &mut Pager, plan: &Plan, kind: Kind) {
    let frame = pager.frame;
    let top = frame.top;
    pager.text(
        frame.left,
        top + 7.0,
        KICKER,
        grey::TEXT_SECONDARY,
        match kind {
            Kind::Plan => "MASSAGE SESSION PLAN",
            Kind::Record => "MASSAGE SESSION RECORD",
        }
        .to_owned(),
    );
    let ratings = pain_ratings(pager, plan, top);
    let name = ellipsize(
        pager.fonts,
        CLIENT,
        client_name(plan),
        frame.content_width() - ratings - 12.0,
    );
    pager.text(frame.left, top + 28.0, CLIENT, grey::BLACK, name);

    let total = plan.total_minutes();
    let session = u32::from(plan.session_minutes);
    let mut fields: Vec<(&str, String, Note)> = Vec::new();
    if !plan.client.id.trim().is_empty() {
        fields.push(("CLIENT ID", plan.client.id.trim().to_owned(), Note::None));
    }
    fields.push(("DATE", long_date(plan.date), Note::None));
    let therapist = match plan.therapist.trim() {
        "" => "—".to_owned(),
        name => name.to_owned(),
    };
    fields.push(("THERAPIST", therapist, Note::None));
    match (kind, &plan.record) {
        (Kind::Record, Some(record)) => {
            fields.push((
                "SESSION",
                format!(
                    "{}–{}",
                    record.started.strftime("%H:%M"),
                    record.ended.strftime("%H:%M")
                ),
                Note::Quiet(format!("{session} min booked")),
            ));
            let done = (record.total_seconds() + 30) / 60;
            fields.push((
                "ON THE STEPS",
                format!("{done} min"),
                Note::Quiet(format!("{total} min planned")),
            ));
        }
        _ => {
            fields.push(("SESSION", format!("{session} min"), Note::None));
            let planned_note = if total > session {
                Note::Alarm(format!("OVER BY {} MIN", total - session))
            } else if total == session {
                Note::Quiet("fills the session".to_owned())
            } else {
                Note::Quiet(format!("{} min spare", session - total))
            };
            fields.push(("PLANNED", format!("{total} min"), planned_note));
        }
    }

    let label_baseline = top + 46.0;
    let value_baseline = top + 60.0;
    let note_top = top + 64.0;
    let width = frame.content_width() / fields.len() as f32;
    for (i, (label, value, note)) in fields.into_iter().enumerate() {
        let x = frame.left + i as f32 * width;
        let room = width - 10.0;
        pager.text(
            x,
            label_baseline,
            FIELD_LABEL,
            grey::TEXT_SECONDARY,
            label.to_owned(),
        );
        let value = ellipsize(pager.fonts, FIELD_VALUE, &value, room);
        pager.text(x, value_baseline, FIELD_VALUE, grey::BLACK, value);
        match note {
            Note::None => {}
            Note::Quiet(text) => {
                let baseline = pager.baseline(note_top, 11.0, FIELD_NOTE);
                pager.text(x, baseline, FIELD_NOTE, grey::TEXT_SECONDARY, text);
            }
            Note::Alarm(text) => {
                // White on black: stands out on any printer.
                let text_width = pager.fonts.width(BADGE.weight, BADGE.size, &text);
                pager.rect(
                    Rect::new(x, note_top, text_width + 8.0, 11.0),
                    Some(grey::BLACK),
                    None,
                );
                let baseline = pager.baseline(note_top, 11.0, BADGE);
                pager.text(x + 4.0, baseline, BADGE, grey::WHITE, text);
            }
        }
    }
    let rule = top + 81.0;
    pager.line(
        (frame.left, rule),
        (frame.right, rule),
        Pen::new(1.2, grey::BLACK),
    );
    pager.y = rule + 12.0;
}

/// Where a rating is written by hand: a box before "/10".
const RATING_BOX: (f32, f32) = (22.0, 15.0);
const RATING_GAP: f32 = 18.0;
/// The location beside the pain before is cut to this width.
const PAIN_LOCATION_WIDTH: f32 = 175.0;

/// The pain before and after the session at the right of the name line,
/// where the room looks first: each its value ("5/10 low back, right") or
/// a box to fill in by hand. Returns the width they take.
fn pain_ratings(pager: &mut Pager, plan: &Plan, top: f32) -> f32 {
    let fonts = pager.fonts;
    let label_baseline = top + 14.0;
    let value_baseline = top + 28.0;
    let mut right = pager.frame.right;
    for (label, pain) in [
        ("PAIN AFTER", &plan.pain_after),
        ("PAIN BEFORE", &plan.pain_before),
    ] {
        let (value, location) = match pain {
            Some(pain) => (
                format!("{}/10", pain.level.level()),
                ellipsize(fonts, FIELD_NOTE, pain.location.trim(), PAIN_LOCATION_WIDTH),
            ),
            None => (String::new(), String::new()),
        };
        let location_width = if location.is_empty() {
            0.0
        } else {
            fonts.width(FIELD_NOTE.weight, FIELD_NOTE.size, &location) + 4.0
        };
        let value_width = if value.is_empty() {
            RATING_BOX.0 + 3.0 + fonts.width(FIELD_VALUE.weight, FIELD_VALUE.size, "/10")
        } else {
            fonts.width(FIELD_VALUE.weight, FIELD_VALUE.size, &value)
        };
        let width = (value_width + location_width).max(fonts.width(
            FIELD_LABEL.weight,
            FIELD_LABEL.size,
            label,
        ));
        let x = right - width;
        pager.text(
            x,
            label_baseline,
            FIELD_LABEL,
            grey::TEXT_SECONDARY,
            label.to_owned(),
        );
        if value.is_empty() {
            let box_top = value_baseline - RATING_BOX.1 + 3.0;
            pager.rect(
                Rect::new(x, box_top, RATING_BOX.0, RATING_BOX.1),
                Some(grey::WHITE),
                Some(Pen::new(0.8, grey::BLACK)),
            );
            pager.text(
                x + RATING_BOX.0 + 3.0,
                value_baseline,
                FIELD_VALUE,
                grey::BLACK,
                "/10".to_owned(),
            );
        } else {
            pager.text(x, value_baseline, FIELD_VALUE, grey::BLACK, value);
            if !location.is_empty() {
                pager.text(
                    x + value_width + 4.0,
                    value_baseline,
                    FIELD_NOTE,
                    grey::TEXT_SECONDARY,
                    location,
                );
            }
        }
        right = x - RATING_GAP;
    }
    pager.frame.right - right - RATING_GAP
}

enum Note {
    None,
    Quiet(String),
    Alarm(String),
}

/// The smallest the map gets to keep a plan on one page.
const MIN_MAP_HEIGHT: f32 = 110.0;
/// The map column is at most this share of the width.
const MAP_COLUMN_SHARE: f32 = 0.5;
/// The map column is never narrower than this, for its caption.
const MIN_MAP_COLUMN: f32 = 130.0;

/// How the top of the first page is split: the map column and the notes
/// column beside it.
struct Split {
    map_height: f32,
    block: MapBlock,
    legend: Legend,
    pain: Option<PainBlock>,
    /// Width of the map column (the pain drawing goes under the map).
    map_column: f32,
    side_x: f32,
    side_width: f32,
}

impl Split {
    fn new(fonts: &Fonts, plan: &Plan, frame: &Frame, map_height: f32) -> Split {
        let max_column = (frame.content_width() * MAP_COLUMN_SHARE).round();
        let column = MapBlock::width_for(plan, map_height).clamp(MIN_MAP_COLUMN, max_column);
        let side_x = frame.left + column + GAP + 4.0;
        let side_width = frame.right - side_x;
        Split {
            map_height,
            block: MapBlock::new(fonts, plan, column),
            legend: Legend::new(fonts, plan, side_width),
            pain: PainBlock::new(plan),
            map_column: column,
            side_x,
            side_width,
        }
    }
}

/// The map in a column on the left; goals, precautions, plan check and
/// self-care on the right, running on under the map when they are long.
/// The map is as large as it can be while the table still fits the page;
/// a smaller map leaves the notes more width.
fn notes_beside_map(pager: &mut Pager, plan: &Plan, options: &SheetOptions) {
    let frame = pager.frame;
    let fonts = pager.fonts;
    let top = pager.y;
    let sections = sections(plan, options);
    let widest = (frame.content_width() * MAP_COLUMN_SHARE).round();
    let largest = MapBlock::new(fonts, plan, widest).max_map_height();
    // The largest map that keeps the plan on one page, found by laying the
    // page out (the notes run on under the map, which no estimate of the
    // two columns' heights gets right); if none does, the plan takes
    // several pages anyway and the map may be as large as it gets.
    let mut chosen = largest;
    let mut map_height = largest;
    while map_height >= MIN_MAP_HEIGHT {
        let split = Split::new(fonts, plan, &frame, map_height);
        let mut trial = Pager::new(fonts, frame, String::new());
        trial.y = top;
        place_beside_map(&mut trial, plan, options, &sections, &split);
        lay_out_table(&mut trial, plan, &options.warnings);
        if trial.page() == 0 {
            chosen = map_height;
            break;
        }
        map_height -= 10.0;
    }
    let split = Split::new(fonts, plan, &frame, chosen);
    place_beside_map(pager, plan, options, &sections, &split);
}

/// Places the map column and the notes beside it, as `split` divides the
/// width, and leaves the cursor under both.
fn place_beside_map(
    pager: &mut Pager,
    plan: &Plan,
    options: &SheetOptions,
    sections: &[Section],
    split: &Split,
) {
    let frame = pager.frame;
    let top = pager.y;
    let Split {
        map_height,
        block,
        legend,
        pain,
        map_column,
        side_x,
        side_width,
    } = split;
    let (map_column, side_x, side_width) = (*map_column, *side_x, *side_width);
    let mut map_bottom = block.place(pager, plan, &options.warnings, frame.left, *map_height);
    // The client's pain drawing under the map, in the map column.
    if let Some(pain) = pain {
        pager.y = map_bottom;
        pain.place(pager, &|_, _| (frame.left, map_column));
        if pager.page() == 0 {
            map_bottom = pager.y;
        }
    }

    pager.y = top;
    let column = move |page: usize, y: f32| {
        if page == 0 && y < map_bottom {
            (side_x, side_width)
        } else {
            (frame.left, frame.content_width())
        }
    };
    for section in sections {
        section.place(pager, &column);
    }
    // The legend at the foot of the notes column, level with the bottom of
    // the map, or under the notes when they are long.
    let legend_top = map_bottom - legend.height();
    if pager.page() == 0 && pager.y <= legend_top {
        pager.y = legend_top;
        legend.place(pager, side_x);
    } else {
        pager.make_room(legend.height());
        let (x, _) = column(pager.page(), pager.y);
        legend.place(pager, x);
    }
    if pager.page() == 0 {
        pager.y = pager.y.max(map_bottom);
    }
    pager.y += AFTER_TOP;
}

/// Space between the map and notes and the table.
const AFTER_TOP: f32 = 12.0;
