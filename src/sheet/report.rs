//! The progress report for the client or their physician: the pain trend
//! as a vector chart, the table of sessions, the heat map of what was
//! worked on the atlas drawing, the conditions and the clearances.

use jiff::civil::Date;

use crate::atlas::{Atlas, ViewKind};
use crate::course::{Course, DateRange, HeatMap, PainTrend, heat_band_top as band_top};
use crate::model::{Muscle, MuscleSide, Pressure, Side};

use super::compose::long_date;
use super::fonts::Fonts;
use super::heat_paint::{BAND_GREYS, HeatDrawing};
use super::layout::{Frame, Op, Pager, Pen, Rect, grey};
use super::map::{whole_aspect, whole_extent};
use super::paper::Paper;
use super::prose::{BODY, Block, SMALL, title};
use super::text::{Style, ellipsize};

const AXIS: Style = Style::regular(7.0);
const HEAD: Style = Style::bold(7.5);
const CELL: Style = Style::regular(8.5);
const VIEW_TITLE: Style = Style::bold(7.5);
const ROW: f32 = 13.0;
const HEAD_ROW: f32 = 15.0;
const CHART_HEIGHT: f32 = 150.0;
const HEAT_HEIGHT: f32 = 230.0;

/// How to print the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportOptions {
    pub paper: Paper,
    /// The sessions the report covers (all by default).
    pub range: DateRange,
    /// In the footer of every page.
    pub file_name: String,
}

pub(crate) fn lay_out_report(
    course: &Course,
    options: &ReportOptions,
    fonts: &Fonts,
) -> (Frame, Vec<Vec<Op>>) {
    let frame = Frame::for_paper(options.paper);
    let course = in_range(course, options.range);
    let client = if course.client.is_empty() {
        "(no client name)"
    } else {
        course.client.as_str()
    };
    let mut pager = Pager::new(
        fonts,
        frame,
        format!("Progress report · {client} (continued)"),
    );
    title(&mut pager, "PROGRESS REPORT", client, &facts(&course));
    let trend = PainTrend::of(&course);
    summary(&mut pager, &course, &trend);
    chart(&mut pager, &trend);
    sessions_table(&mut pager, &course);
    heat_map(&mut pager, &HeatMap::of(&course, DateRange::ALL));
    conditions(&mut pager, &course);
    (frame, pager.finish(&options.file_name))
}

fn in_range(course: &Course, range: DateRange) -> Course {
    Course {
        client: course.client.clone(),
        sessions: course
            .sessions
            .iter()
            .filter(|s| range.contains(s.date()))
            .cloned()
            .collect(),
        record: course.record.clone(),
    }
}

fn facts(course: &Course) -> String {
    let count = course.sessions.len();
    let sessions = if count == 1 {
        "1 session".to_owned()
    } else {
        format!("{count} sessions")
    };
    let mut facts = match (course.first_date(), course.last_date()) {
        (Some(first), Some(last)) if first != last => {
            format!("{sessions}, {} to {}", long_date(first), long_date(last))
        }
        (Some(first), _) => format!("{sessions}, {}", long_date(first)),
        _ => sessions,
    };
    let therapists: Vec<&str> = course
        .sessions
        .iter()
        .map(|s| s.plan.therapist.trim())
        .filter(|t| !t.is_empty())
        .fold(Vec::new(), |mut all, t| {
            if !all.contains(&t) {
                all.push(t);
            }
            all
        });
    if !therapists.is_empty() {
        facts.push_str(&format!(" · Therapist: {}", therapists.join(", ")));
    }
    facts
}

fn summary(pager: &mut Pager, course: &Course, trend: &PainTrend) {
    let mut text = String::new();
    if let Some((first, last)) = trend.first_and_last_before() {
        text.push_str(&format!(
            "Pain before the session was {first}/10 at the first session asked and {last}/10 at the latest. "
        ));
    }
    if let (Some(before), Some(after)) = (trend.mean_before(), trend.mean_after()) {
        text.push_str(&format!(
            "On average {before:.1}/10 before a session and {after:.1}/10 after it. "
        ));
    }
    let minutes: u32 = course.sessions.iter().map(|s| s.minutes()).sum();
    text.push_str(&format!("{minutes} minutes of hands-on work in all."));
    let mut block = Block::new(pager);
    block.paragraph(&text, BODY, grey::BLACK).gap(8.0);
    block.place(pager);
}

/// Days from `from` to `to`.
fn days(from: Date, to: Date) -> f32 {
    from.until(to).map_or(0.0, |span| span.get_days() as f32)
}

/// "1 Sep 2026".
fn short_date(date: Date) -> String {
    let long = long_date(date);
    long.split_once(' ')
        .map_or(long.clone(), |(_, rest)| rest.to_owned())
}

/// Pain before (solid line, filled squares) and after (dashed line, open
/// squares) on a 0–10 scale against the date; intake events as numbered
/// dashed lines, listed under the chart.
fn chart(pager: &mut Pager, trend: &PainTrend) {
    let mut heading = Block::new(pager);
    heading.heading("Pain before and after each session (0 no pain, 10 worst)");
    let events_in: Vec<(usize, &crate::course::IntakeEvent)> = trend
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            trend.points.first().is_some_and(|p| e.date >= p.date)
                && trend.points.last().is_some_and(|p| e.date <= p.date)
        })
        .collect();
    let legend_height = 16.0 + ROW * trend.events.len() as f32;
    pager.make_room(heading.height() + CHART_HEIGHT + 26.0 + legend_height.min(60.0));
    heading.place(pager);
    let frame = pager.frame;
    let fonts = pager.fonts;
    let top = pager.y + 12.0;
    let plot = Rect::new(
        frame.left + 24.0,
        top,
        frame.content_width() - 34.0,
        CHART_HEIGHT,
    );
    let y_of = |level: u8| plot.bottom() - plot.h * f32::from(level) / 10.0;
    for level in (0..=10).step_by(2) {
        let y = y_of(level);
        let pen = if level == 0 {
            Pen::new(0.8, grey::BLACK)
        } else {
            Pen::new(0.4, grey::RULE_LIGHT)
        };
        pager.line((plot.x, y), (plot.right(), y), pen);
        let label = level.to_string();
        let cap = fonts.face(AXIS.weight).cap_height(AXIS.size);
        pager.text_right(
            plot.x - 5.0,
            y + cap / 2.0,
            AXIS,
            grey::TEXT_SECONDARY,
            label,
        );
    }
    pager.line(
        (plot.x, plot.y),
        (plot.x, plot.bottom()),
        Pen::new(0.8, grey::BLACK),
    );
    let (Some(first), Some(last)) = (trend.points.first(), trend.points.last()) else {
        pager.y = plot.bottom() + 12.0;
        return;
    };
    let span = days(first.date, last.date);
    let x_of = |date: Date| {
        if span <= 0.0 {
            plot.x + plot.w / 2.0
        } else {
            plot.x + 8.0 + (plot.w - 16.0) * days(first.date, date) / span
        }
    };
    // Intake events: a dashed line and its number at the top.
    let mut label_right = f32::MIN;
    for (n, event) in &events_in {
        let x = x_of(event.date);
        pager.line((x, plot.y), (x, plot.bottom()), Pen::dashed(0.6, 60, 2.0));
        let label = format!("{}", n + 1);
        let width = fonts.width(AXIS.weight, AXIS.size, &label);
        let at = (x + 2.0).max(label_right + 3.0);
        pager.text(at, plot.y + 7.0, AXIS, grey::BLACK, label);
        label_right = at + width;
    }
    for (pick, dashed, filled) in [(0usize, false, true), (1usize, true, false)] {
        let level = |p: &crate::course::TrendPoint| if pick == 0 { p.before } else { p.after };
        let points: Vec<(f32, f32)> = trend
            .points
            .iter()
            .filter_map(|p| Some((x_of(p.date), y_of(level(p)?))))
            .collect();
        let pen = if dashed {
            Pen::dashed(1.0, grey::BLACK, 3.0)
        } else {
            Pen::new(1.2, grey::BLACK)
        };
        for pair in points.windows(2) {
            pager.line(pair[0], pair[1], pen);
        }
        // Markers only where they stay apart; with hundreds of sessions the line says it.
        if points.len() <= 60 {
            for (x, y) in points {
                let marker = Rect::new(x - 2.2, y - 2.2, 4.4, 4.4);
                if filled {
                    pager.rect(marker, Some(grey::BLACK), None);
                } else {
                    pager.rect(marker, Some(grey::WHITE), Some(Pen::new(0.8, grey::BLACK)));
                }
            }
        }
    }
    // Dates under the axis: the first and the last, and those between that fit.
    let baseline = plot.bottom() + 11.0;
    let last_label = short_date(last.date);
    let last_width = fonts.width(AXIS.weight, AXIS.size, &last_label);
    let last_left = (x_of(last.date) - last_width / 2.0).min(plot.right() - last_width);
    let mut right = f32::MIN;
    for point in &trend.points {
        let label = short_date(point.date);
        let width = fonts.width(AXIS.weight, AXIS.size, &label);
        let left = (x_of(point.date) - width / 2.0).max(plot.x);
        let is_last = std::ptr::eq(point, last);
        if is_last {
            if last_left > right + 6.0 {
                pager.text(
                    last_left,
                    baseline,
                    AXIS,
                    grey::TEXT_SECONDARY,
                    last_label.clone(),
                );
            }
        } else if left > right + 6.0 && left + width < last_left - 6.0 {
            pager.text(left, baseline, AXIS, grey::TEXT_SECONDARY, label);
            right = left + width;
        }
    }
    pager.y = baseline + 8.0;
    let mut legend = Block::new(pager);
    legend.paragraph(
        "Solid line, filled squares: pain before the session. Dashed line, open squares: pain after it.",
        SMALL,
        grey::TEXT_SECONDARY,
    );
    for (n, event) in trend.events.iter().enumerate() {
        let mark = if events_in.iter().any(|(i, _)| *i == n) {
            format!("{}", n + 1)
        } else {
            format!("{} (before the first session)", n + 1)
        };
        legend.paragraph(
            &format!("{mark}: {}", event.text),
            SMALL,
            grey::TEXT_SECONDARY,
        );
    }
    legend.gap(10.0);
    legend.place(pager);
}

/// Column titles and widths (the last takes the rest).
const COLUMNS: [(&str, f32); 6] = [
    ("Date", 82.0),
    ("Minutes", 44.0),
    ("Steps", 36.0),
    ("Pain before", 58.0),
    ("Pain after", 58.0),
    ("Muscles worked", 0.0),
];

fn table_head(pager: &mut Pager, columns: &[(&str, f32)]) {
    let frame = pager.frame;
    pager.rect(
        Rect::new(frame.left, pager.y, frame.content_width(), HEAD_ROW),
        Some(grey::BAND),
        None,
    );
    let baseline = pager.baseline(pager.y, HEAD_ROW, HEAD);
    let mut x = frame.left + 4.0;
    for (name, width) in columns {
        pager.text(x, baseline, HEAD, grey::BLACK, (*name).to_owned());
        x += width;
    }
    pager.y += HEAD_ROW;
}

/// Rows of cells under a head that repeats on each new page.
fn table(pager: &mut Pager, columns: &[(&str, f32)], rows: Vec<Vec<String>>) {
    let frame = pager.frame;
    pager.make_room(HEAD_ROW + ROW * 3.0_f32.min(rows.len() as f32));
    table_head(pager, columns);
    let fixed: f32 = columns.iter().map(|(_, w)| w).sum();
    for row in rows {
        if pager.make_room(ROW) {
            table_head(pager, columns);
        }
        let baseline = pager.baseline(pager.y, ROW, CELL);
        let mut x = frame.left + 4.0;
        for ((_, width), cell) in columns.iter().zip(row) {
            let room = if *width > 0.0 {
                width - 6.0
            } else {
                frame.content_width() - fixed - 8.0
            };
            let text = ellipsize(pager.fonts, CELL, &cell, room);
            pager.text(x, baseline, CELL, grey::BLACK, text);
            x += width;
        }
        pager.y += ROW;
        pager.line(
            (frame.left, pager.y),
            (frame.right, pager.y),
            Pen::new(0.4, grey::RULE_LIGHT),
        );
    }
    pager.y += 14.0;
}

fn sessions_table(pager: &mut Pager, course: &Course) {
    let mut heading = Block::new(pager);
    heading.heading("Sessions");
    pager.make_room(heading.height() + HEAD_ROW + ROW * 3.0);
    heading.place(pager);
    let pain = |p: Option<&crate::model::Pain>| {
        p.map_or("—".to_owned(), |p| format!("{}/10", p.level.level()))
    };
    let rows = course
        .sessions
        .iter()
        .map(|s| {
            let mut worked: Vec<MuscleSide> = Vec::new();
            for step in &s.plan.steps {
                match worked.iter_mut().find(|r| r.muscle == step.muscle) {
                    Some(r) if r.side != step.side => r.side = Side::Both,
                    Some(_) => {}
                    None => worked.push(step.region()),
                }
            }
            let muscles: Vec<String> = worked
                .iter()
                .map(|r| format!("{} {}", r.side.abbreviation(), r.muscle.short_name()))
                .collect();
            vec![
                long_date(s.date()),
                s.minutes().to_string(),
                s.steps().to_string(),
                pain(s.pain_before()),
                pain(s.pain_after()),
                muscles.join(", "),
            ]
        })
        .collect();
    table(pager, &COLUMNS, rows);
}

/// The views that show a worked muscle, in `ViewKind` order; each muscle
/// in the first view that shows it.
fn views_for(heat: &HeatMap) -> Vec<ViewKind> {
    let atlas = Atlas::builtin();
    let worked: Vec<Muscle> = heat.cells.keys().map(|r| r.muscle).collect();
    let mut kinds: Vec<ViewKind> = Vec::new();
    for kind in ViewKind::ALL {
        let view = atlas.view(kind);
        let new_here = worked
            .iter()
            .any(|&m| view.shows(m) && !kinds.iter().any(|&k| atlas.view(k).shows(m)));
        if new_here {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() {
        kinds.push(ViewKind::Posterior);
    }
    kinds
}

fn view_title(kind: ViewKind) -> &'static str {
    match kind {
        ViewKind::Posterior => "Back (from behind)",
        ViewKind::Side => "Side",
        ViewKind::Front => "Front (mirrored)",
    }
}

fn heat_map(pager: &mut Pager, heat: &HeatMap) {
    let mut heading = Block::new(pager);
    heading.heading("What was worked: minutes per muscle and side");
    let kinds = views_for(heat);
    let gap = 18.0;
    let frame = pager.frame;
    let room = frame.content_width() - gap * (kinds.len() as f32 - 1.0);
    let widths_per_height: f32 = kinds.iter().map(|&k| 1.0 / whole_aspect(k)).sum();
    let height = HEAT_HEIGHT.min(room / widths_per_height + 20.0);
    let legend_height = 28.0;
    pager.make_room(heading.height() + 14.0 + height + legend_height);
    heading.place(pager);
    let fonts = pager.fonts;
    let used: f32 = widths_per_height * (height - 20.0) + gap * (kinds.len() as f32 - 1.0);
    let mut x = frame.left + (frame.content_width() - used) / 2.0;
    let top = pager.y + 14.0;
    // Each view: its title, the client's sides at its top corners, the
    // drawing below them.
    let drawing_height = height - 20.0;
    for &kind in &kinds {
        let width = drawing_height / whole_aspect(kind);
        let view = Atlas::builtin().view(kind);
        pager.text(
            x,
            top - 4.0,
            VIEW_TITLE,
            grey::BLACK,
            view_title(kind).to_owned(),
        );
        let (left, right) = (view.side_at(0.0), view.side_at(view.size.x));
        let letters = top + 12.0;
        pager.text(
            x,
            letters,
            VIEW_TITLE,
            grey::TEXT_SECONDARY,
            left.abbreviation().to_owned(),
        );
        pager.text_right(
            x + width,
            letters,
            VIEW_TITLE,
            grey::TEXT_SECONDARY,
            right.abbreviation().to_owned(),
        );
        let rect = Rect::new(x, top + 20.0, width, drawing_height);
        pager.push(Op::Heat(Box::new(HeatDrawing::new(
            kind,
            rect,
            whole_extent(kind),
            heat,
        ))));
        x += width + gap;
    }
    pager.y = top + height + 8.0;
    // Legend: the five bands.
    let max = heat.max_minutes();
    let mut x = frame.left;
    let swatch_top = pager.y;
    let baseline = pager.baseline(swatch_top, 12.0, AXIS);
    for (i, shade) in BAND_GREYS.iter().enumerate() {
        pager.rect(
            Rect::new(x, swatch_top + 1.0, 16.0, 10.0),
            Some(*shade),
            Some(Pen::new(0.5, grey::BLACK)),
        );
        let low = if i == 0 { 0.0 } else { band_top(i - 1, max) };
        let label = format!("{:.0}–{:.0} min", low, band_top(i, max));
        pager.text(x + 20.0, baseline, AXIS, grey::BLACK, label.clone());
        x += 20.0 + fonts.width(AXIS.weight, AXIS.size, &label) + 14.0;
    }
    pager.y = swatch_top + legend_height;
    let rows = heat
        .ranked()
        .into_iter()
        .map(|(region, cell)| {
            let pressure = cell.mean_pressure().map_or("—".to_owned(), |p| {
                let word = Pressure::new(p.round().clamp(1.0, 5.0) as u8)
                    .map(Pressure::name)
                    .unwrap_or("");
                format!("{p:.1} ({word})")
            });
            vec![
                region.label(),
                format!("{:.0}", cell.minutes()),
                pressure,
                cell.sessions.to_string(),
            ]
        })
        .collect();
    table(
        pager,
        &[
            ("Muscle and side", 210.0),
            ("Minutes", 60.0),
            ("Mean pressure (1–5)", 110.0),
            ("Sessions", 0.0),
        ],
        rows,
    );
}

fn conditions(pager: &mut Pager, course: &Course) {
    let last = course.last_date();
    let mut block = Block::new(pager);
    block.heading("Conditions at intake");
    let conditions = course.record.iter().flat_map(|r| &r.conditions);
    let mut any = false;
    for condition in conditions {
        any = true;
        let state = match last {
            Some(on) if !condition.is_current(on) => " — no longer current",
            _ => "",
        };
        block.bullet(&format!("{condition}{state}"));
    }
    if !any {
        block.paragraph("None recorded.", BODY, grey::TEXT_SECONDARY);
    }
    block.gap(8.0);
    block.place(pager);

    let mut block = Block::new(pager);
    block.heading("Clearances");
    let mut seen: Vec<String> = Vec::new();
    for session in &course.sessions {
        for ack in &session.plan.acknowledged {
            let Some(clearance) = &ack.clearance else {
                continue;
            };
            let mut line = format!(
                "Cleared by {} on {}",
                clearance.by.trim(),
                long_date(clearance.date)
            );
            if !clearance.note.trim().is_empty() {
                line.push_str(&format!(": {}", clearance.note.trim()));
            }
            if let Some(because) = ack.because.as_deref().filter(|b| !b.trim().is_empty()) {
                line.push_str(&format!(" (for {})", because.trim()));
            }
            if !seen.contains(&line) {
                seen.push(line);
            }
        }
    }
    if seen.is_empty() {
        block.paragraph("None recorded.", BODY, grey::TEXT_SECONDARY);
    }
    for line in &seen {
        block.bullet(line);
    }
    block.place(pager);
}
