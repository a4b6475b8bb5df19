//! What the atlas is made of: layers, clickable regions, landmarks and the
//! reference text for each muscle.

use serde::{Deserialize, Serialize};

use super::geometry::{self, Point};
use crate::model::{Muscle, Side, Site};

/// The two depths of the map. Superficial muscles hide the deep ones, so the
/// deep layer is shown on its own.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Layer {
    #[default]
    Superficial,
    Deep,
}

impl Layer {
    pub const ALL: [Layer; 2] = [Layer::Superficial, Layer::Deep];

    pub fn name(self) -> &'static str {
        match self {
            Layer::Superficial => "Superficial",
            Layer::Deep => "Deep",
        }
    }
}

/// One clickable muscle on one side in one layer.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub muscle: Muscle,
    /// `Side::Left` or `Side::Right`, never `Both`.
    pub side: Side,
    pub layer: Layer,
    /// Closed polygon (the last point joins the first), possibly concave.
    pub outline: Vec<Point>,
    /// Where to draw a step number: deep inside the visible part.
    pub label_at: Point,
    /// Triangles filling `outline` (indices into it), computed once at load.
    pub triangles: Vec<[u32; 3]>,
}

impl Region {
    /// "Left quadratus lumborum": the accessible name of the region.
    pub fn label(&self) -> String {
        self.muscle.label_with_side(self.side)
    }

    /// Whether `p` is inside the outline (ignores what is painted on top).
    pub fn contains(&self, p: Point) -> bool {
        let (lo, hi) = geometry::bounds(&self.outline);
        p.x >= lo.x
            && p.x <= hi.x
            && p.y >= lo.y
            && p.y <= hi.y
            && geometry::polygon_contains(&self.outline, p)
    }

    /// Enclosed area in square atlas units.
    pub fn area(&self) -> f64 {
        geometry::polygon_area(&self.outline)
    }

    /// Area centroid of the outline (may fall outside a strongly concave one).
    pub fn centroid(&self) -> Point {
        geometry::polygon_centroid(&self.outline)
    }

    /// Bounding box: (top left, bottom right).
    pub fn bounds(&self) -> (Point, Point) {
        geometry::bounds(&self.outline)
    }

    /// The triangles as point triples, ready for a mesh.
    pub fn triangle_points(&self) -> impl Iterator<Item = [Point; 3]> + '_ {
        let at = |i: u32| self.outline.get(i as usize).copied().unwrap_or_default();
        self.triangles
            .iter()
            .map(move |&[a, b, c]| [at(a), at(b), at(c)])
    }
}

/// A closed outline with its triangles (indices into `points`), computed
/// once at load: a body silhouette.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub points: Vec<Point>,
    pub triangles: Vec<[u32; 3]>,
}

/// A bony landmark, guide line or endangerment site, drawn but never clickable.
#[derive(Debug, Clone, PartialEq)]
pub struct Landmark {
    /// "spine", "L4", "Left iliac crest", "sacrum", "Right femoral triangle", ...
    pub name: String,
    pub points: Vec<Point>,
    /// Whether the last point joins the first (sacrum, greater trochanter).
    pub closed: bool,
    /// What screening rules call it, if anything (`kidney_area`).
    pub site: Option<Site>,
    /// Drawn in this layer only (the sciatic nerve: deep); `None`: in both.
    pub layer: Option<Layer>,
    /// The client's side it is on; `None` for a midline landmark.
    pub side: Option<Side>,
}

impl Landmark {
    /// Whether it is drawn in `layer`.
    pub fn shown_in(&self, layer: Layer) -> bool {
        self.layer.is_none_or(|l| l == layer)
    }
}

/// What a therapist wants to know about a muscle before working on it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MuscleReference {
    pub muscle: Muscle,
    /// What the muscle does.
    pub action: String,
    /// Where its pain is felt and refers.
    pub referral: String,
    /// What to avoid.
    pub cautions: String,
}
