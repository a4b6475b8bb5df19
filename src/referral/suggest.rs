//! From a pain drawing to the muscles whose referred pain best explains
//! it: a pure ranking over the referral patterns. No egui here.
//!
//! Each painted named area (an area and side, counted once even when painted
//! in both views) weighs its highest painted intensity (at least 1, so a
//! numb area painted at 0 still counts). A muscle on one side explains an
//! area on its own side or on the midline: fully when the area is an
//! essential zone, half when spillover, [`LOCAL_WEIGHT`] when the area holds
//! one of its trigger points (local tenderness).
//!
//! Its score is the mean of its *reach* (the share of the drawing's weight it
//! explains at all) and its *strength* (the same share, each area weighted by
//! how it is explained), times a factor for how much of its essential pattern
//! is painted. So a muscle that explains every painted area ranks above one
//! that explains some of them strongly, and a muscle whose whole pattern is
//! there above one that merely touches it.

use crate::model::{BodyView, Muscle, PainDrawing, Side};

use super::chart::{BodyChart, side_label};
use super::patterns::{ReferralPattern, ReferralPatterns, Zone};

/// Weight of a painted area in an essential zone.
pub const ESSENTIAL_WEIGHT: f32 = 1.0;
/// Weight of a painted area in a spillover zone.
pub const SPILLOVER_WEIGHT: f32 = 0.5;
/// Weight of a painted area over one of the muscle's trigger points.
pub const LOCAL_WEIGHT: f32 = 0.3;
/// How much of the score comes from covering the essential pattern.
const COVERAGE_SHARE: f32 = 0.2;

/// One painted named area: its id, the client's side, its weight.
#[derive(Debug, Clone, PartialEq)]
pub struct PaintedArea {
    pub id: String,
    pub name: String,
    pub side: Side,
    /// Highest intensity painted in it (at least 1).
    pub weight: f32,
}

/// The painted named areas of a drawing, each once, heaviest first.
pub fn painted_areas(drawing: &PainDrawing, chart: &BodyChart) -> Vec<PaintedArea> {
    // Highest weight per chart area first (no string work per cell), then
    // one entry per id and side across the views.
    let mut weights = vec![0.0_f32; chart.areas.len()];
    for (view, cell, mark) in drawing.painted() {
        let Some(index) = chart.area_index(view, cell) else {
            continue; // off the body: a hand-edited file
        };
        if let Some(w) = weights.get_mut(usize::from(index)) {
            *w = w.max(f32::from(mark.intensity.level()).max(1.0));
        }
    }
    let mut areas: Vec<PaintedArea> = Vec::new();
    for (area, &weight) in chart.areas.iter().zip(&weights) {
        if weight <= 0.0 {
            continue;
        }
        match areas
            .iter_mut()
            .find(|a| a.id == area.id && a.side == area.side)
        {
            Some(found) => found.weight = found.weight.max(weight),
            None => areas.push(PaintedArea {
                id: area.id.clone(),
                name: area.name.clone(),
                side: area.side,
                weight,
            }),
        }
    }
    areas.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    areas
}

/// A muscle to consider, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub muscle: Muscle,
    /// Left, Right, or Both when only midline pain points to it.
    pub side: Side,
    /// 0 (explains nothing) to 1 (explains the whole drawing with its
    /// whole essential pattern).
    pub score: f32,
    /// How many of the painted areas it explains, of how many.
    pub explained: usize,
    pub painted: usize,
    /// "refers to the right sacroiliac area and lower buttock: 2 of 3 painted areas".
    pub reason: String,
}

/// The muscles ranked for a drawing, best first; only those that explain
/// some of it.
pub fn suggest(
    drawing: &PainDrawing,
    chart: &BodyChart,
    patterns: &ReferralPatterns,
) -> Vec<Suggestion> {
    let painted = painted_areas(drawing, chart);
    let total: f32 = painted.iter().map(|a| a.weight).sum();
    if painted.is_empty() || total <= 0.0 {
        return Vec::new();
    }
    let mut suggestions = Vec::new();
    for pattern in &patterns.patterns {
        let local = local_areas(pattern, chart);
        let left = rate(pattern, &local, &painted, total, Side::Left);
        let right = rate(pattern, &local, &painted, total, Side::Right);
        match (left, right) {
            (Some(l), Some(r)) if (l.score - r.score).abs() < 1e-6 && l.matches == r.matches => {
                suggestions.push(finish(pattern.muscle, Side::Both, l, painted.len()));
            }
            (l, r) => {
                for (side, rating) in [(Side::Left, l), (Side::Right, r)] {
                    if let Some(rating) = rating {
                        suggestions.push(finish(pattern.muscle, side, rating, painted.len()));
                    }
                }
            }
        }
    }
    let order = |m: Muscle| Muscle::ALL.iter().position(|&x| x == m);
    suggestions.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(order(a.muscle).cmp(&order(b.muscle)))
            .then(a.side.cmp(&b.side))
    });
    suggestions
}

/// The chart areas (ids) that hold one of the muscle's trigger points.
/// Trigger points of the posterior map are in the coordinates the back view
/// of the chart shares; those of the side and front views are not, and
/// count only through the muscle's zones.
fn local_areas(pattern: &ReferralPattern, chart: &BodyChart) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for point in &pattern.trigger_points {
        if point.view != crate::atlas::ViewKind::Posterior {
            continue;
        }
        let Some(cell) = chart.grid.cell_at(point.at) else {
            continue;
        };
        if let Some(area) = chart.area_at(BodyView::Back, cell)
            && !ids.contains(&area.id)
        {
            ids.push(area.id.clone());
        }
    }
    ids
}

/// One painted area a muscle explains, and how.
#[derive(Debug, Clone, PartialEq)]
struct Match {
    name: String,
    side: Side,
    zone: Zone,
    /// Place in the pattern's list, so reasons read in the textbook's order.
    order: usize,
}

struct Rating {
    score: f32,
    matches: Vec<Match>,
}

fn rate(
    pattern: &ReferralPattern,
    local: &[String],
    painted: &[PaintedArea],
    total: f32,
    side: Side,
) -> Option<Rating> {
    let mut reached = 0.0;
    let mut explained = 0.0;
    let mut matches = Vec::new();
    for area in painted {
        if area.side != side && area.side != Side::Both {
            continue;
        }
        let zone = pattern
            .zone_of(&area.id)
            .or_else(|| local.iter().any(|id| id == &area.id).then_some(Zone::Local));
        let Some(zone) = zone else { continue };
        let order = pattern
            .essential
            .iter()
            .chain(&pattern.spillover)
            .chain(local)
            .position(|id| id == &area.id)
            .unwrap_or(usize::MAX);
        reached += area.weight;
        explained += area.weight
            * match zone {
                Zone::Essential => ESSENTIAL_WEIGHT,
                Zone::Spillover => SPILLOVER_WEIGHT,
                Zone::Local => LOCAL_WEIGHT,
            };
        matches.push(Match {
            name: area.name.clone(),
            side: area.side,
            zone,
            order,
        });
    }
    matches.sort_by_key(|m| m.order);
    if matches.is_empty() {
        return None;
    }
    let essential_painted = pattern
        .essential
        .iter()
        .filter(|id| {
            painted
                .iter()
                .any(|a| &a.id == *id && (a.side == side || a.side == Side::Both))
        })
        .count();
    let coverage = essential_painted as f32 / pattern.essential.len().max(1) as f32;
    let reach = reached / total;
    let strength = explained / total;
    let score = (reach + strength) / 2.0 * (1.0 - COVERAGE_SHARE + COVERAGE_SHARE * coverage);
    Some(Rating { score, matches })
}

fn finish(muscle: Muscle, side: Side, rating: Rating, painted: usize) -> Suggestion {
    let explained = rating.matches.len();
    let mut parts = Vec::new();
    for (zone, verb) in [
        (Zone::Essential, "refers to"),
        (Zone::Spillover, "spills over to"),
        (Zone::Local, "lies in"),
    ] {
        let of_zone: Vec<&Match> = rating.matches.iter().filter(|m| m.zone == zone).collect();
        if !of_zone.is_empty() {
            parts.push(format!("{verb} {}", name_list(&of_zone)));
        }
    }
    let noun = if painted == 1 { "area" } else { "areas" };
    Suggestion {
        muscle,
        side,
        score: rating.score,
        explained,
        painted,
        reason: format!(
            "{}: {explained} of {painted} painted {noun}",
            parts.join("; ")
        ),
    }
}

/// "the right sacroiliac area, lower buttock and the sacrum": one-sided
/// areas first with their side said once, then midline areas.
fn name_list(matches: &[&Match]) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut side_said = false;
    for m in matches.iter().filter(|m| m.side != Side::Both) {
        if side_said {
            names.push(m.name.clone());
        } else {
            names.push(format!("the {}", side_label(&m.name, m.side)));
            side_said = true;
        }
    }
    for m in matches.iter().filter(|m| m.side == Side::Both) {
        names.push(format!("the {}", m.name));
    }
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}
