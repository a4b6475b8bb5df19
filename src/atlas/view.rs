//! One drawing of the body (from behind, from the side, from the front):
//! its silhouette, landmarks and clickable regions.

use serde::{Deserialize, Serialize};

use super::geometry::{self, Point, polygon_contains};
use super::region::{Landmark, Layer, Outline, Region};
use crate::model::{Muscle, Side, Site};

/// Which way the client is seen.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ViewKind {
    /// Prone, seen from behind: the client's left on the viewer's left.
    #[default]
    Posterior,
    /// Side-lying, the hip and thigh seen from the side: the client's left
    /// side on the viewer's left, the right side (its mirror image) on the right.
    Side,
    /// Supine, the front of the hips: mirrored, the client's left on the
    /// viewer's right.
    Front,
}

impl ViewKind {
    pub const ALL: [ViewKind; 3] = [ViewKind::Posterior, ViewKind::Side, ViewKind::Front];

    /// Position in [`ViewKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Short name for a tab: "Back", "Side", "Front".
    pub fn name(self) -> &'static str {
        match self {
            ViewKind::Posterior => "Back",
            ViewKind::Side => "Side",
            ViewKind::Front => "Front",
        }
    }

    /// How the client lies for this view, for a tooltip or a caption.
    pub fn position(self) -> &'static str {
        match self {
            ViewKind::Posterior => "prone, seen from behind",
            ViewKind::Side => "side-lying, hip and thigh from the side",
            ViewKind::Front => {
                "supine, front of the hips (mirrored: the client's left is on your right)"
            }
        }
    }

    /// The client's side drawn on the viewer's left half.
    pub fn side_on_viewers_left(self) -> Side {
        match self {
            ViewKind::Posterior | ViewKind::Side => Side::Left,
            ViewKind::Front => Side::Right,
        }
    }
}

/// One view of the body. Coordinates in atlas units, x right, y down.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub kind: ViewKind,
    /// Width and height of the drawing.
    pub size: Point,
    /// The silhouette: one outline (back, front) or two (the side-lying
    /// figures), each with its triangles.
    pub body: Vec<Outline>,
    /// Spine, ribs, crests, endangerment sites...; never clickable.
    pub landmarks: Vec<Landmark>,
    /// In paint order: later = on top. Each region written in the file is
    /// followed by its mirrored twin.
    pub regions: Vec<Region>,
}

impl View {
    /// The midline x: the spine, or the line between the two figures.
    pub fn midline(&self) -> f32 {
        self.size.x / 2.0
    }

    /// The client's side at viewer x (`Both` exactly on the midline).
    pub fn side_at(&self, x: f32) -> Side {
        let left_half = self.kind.side_on_viewers_left();
        if x < self.midline() {
            left_half
        } else if x > self.midline() {
            opposite(left_half)
        } else {
            Side::Both
        }
    }

    /// The regions of one layer, in paint order.
    pub fn regions_in(&self, layer: Layer) -> impl Iterator<Item = &Region> {
        self.regions.iter().filter(move |r| r.layer == layer)
    }

    /// The region of `muscle` on `side` (Left or Right) in `layer`.
    pub fn region(&self, muscle: Muscle, side: Side, layer: Layer) -> Option<&Region> {
        self.regions
            .iter()
            .find(|r| r.muscle == muscle && r.side == side && r.layer == layer)
    }

    /// The layer where the muscle is picked in this view: the first of
    /// `Layer::ALL` with a region for it; `None` if the view does not show it.
    pub fn layer_of(&self, muscle: Muscle) -> Option<Layer> {
        Layer::ALL
            .into_iter()
            .find(|&layer| self.regions_in(layer).any(|r| r.muscle == muscle))
    }

    /// Whether the muscle is seen in this view (in any layer).
    pub fn shows(&self, muscle: Muscle) -> bool {
        self.regions.iter().any(|r| r.muscle == muscle)
    }

    /// The muscles seen in this view, each once, in `Muscle::ALL` order.
    pub fn muscles(&self) -> Vec<Muscle> {
        Muscle::ALL.into_iter().filter(|&m| self.shows(m)).collect()
    }

    /// A landmark by its name ("spine", "Left iliac crest", "L4", ...).
    pub fn landmark(&self, name: &str) -> Option<&Landmark> {
        self.landmarks.iter().find(|l| l.name == name)
    }

    /// The landmarks drawn in `layer`.
    pub fn landmarks_in(&self, layer: Layer) -> impl Iterator<Item = &Landmark> {
        self.landmarks.iter().filter(move |l| l.shown_in(layer))
    }

    /// Whether `p` is inside the body silhouette.
    pub fn body_contains(&self, p: Point) -> bool {
        self.body.iter().any(|b| polygon_contains(&b.points, p))
    }

    /// The sites (landmarks and endangerment sites) on, under or next to
    /// `region` on its side, in any layer (pressure on a superficial muscle
    /// reaches the nerve under it): what a step on it must mind.
    pub fn sites_near(&self, region: &Region) -> Vec<Site> {
        let mut sites: Vec<Site> = self
            .landmarks
            .iter()
            .filter(|l| l.side.is_none_or(|s| s == region.side))
            .filter_map(|l| l.site.filter(|_| touches(l, region)))
            .collect();
        sites.sort();
        sites.dedup();
        sites
    }
}

/// Left for Right and Right for Left (`Both` stays).
pub(crate) fn opposite(side: Side) -> Side {
    match side {
        Side::Left => Side::Right,
        Side::Right => Side::Left,
        Side::Both => Side::Both,
    }
}

/// How close (atlas units) a landmark must come to a region to count as on it.
const NEAR: f32 = 3.0;

fn touches(landmark: &Landmark, region: &Region) -> bool {
    let points_near = landmark
        .points
        .iter()
        .any(|&p| region.contains(p) || geometry::outline_distance(&region.outline, p) <= NEAR);
    let region_inside = landmark.closed
        && region
            .outline
            .iter()
            .any(|&p| polygon_contains(&landmark.points, p));
    points_near || region_inside
}
