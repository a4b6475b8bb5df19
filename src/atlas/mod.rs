//! The muscle map as data: a posterior view of the back and hips, its
//! clickable regions in two layers, landmarks, reference text, hit testing
//! and triangulation. Shared by the screen (src/ui) and the printed sheet
//! (src/sheet). No egui here.
//!
//! Coordinates: atlas units, x to the right, y down, origin top left of
//! `Atlas::size`. Posterior view: the client's left is on the viewer's left.
//!
//! The geometry lives in `assets/atlas.ron`, written for the client's left
//! side only and mirrored at load (see the comment at the top of that file).

mod badges;
mod data;
mod error;
mod geometry;
mod hit;
mod label;
mod marks;
mod region;
mod triangulate;

use std::sync::OnceLock;

pub use badges::{Badge, place_badges};
pub use error::AtlasError;
pub use geometry::{Point, polygon_area, polygon_centroid, polygon_contains};
pub use marks::{Mark, marks};
pub use region::{Landmark, Layer, MuscleReference, Region};

use crate::model::{Muscle, Side};

/// The atlas file compiled into the program.
pub const BUILTIN_RON: &str = include_str!("../../assets/atlas.ron");

/// The muscle map: silhouette, landmarks, clickable regions, reference text.
#[derive(Debug, Clone, PartialEq)]
pub struct Atlas {
    /// Width and height of the drawing.
    pub size: Point,
    /// Closed polygon of the body silhouette.
    pub body_outline: Vec<Point>,
    /// Triangles filling `body_outline` (indices into it), computed at load.
    pub body_triangles: Vec<[u32; 3]>,
    /// Spine, vertebra ticks, 12th ribs, iliac crests, sacrum, ...; not clickable.
    pub landmarks: Vec<Landmark>,
    /// In paint order: later = on top. Each Left region is followed by its
    /// mirrored Right twin.
    pub regions: Vec<Region>,
    pub references: Vec<MuscleReference>,
}

impl Atlas {
    /// The atlas shipped with the program (`assets/atlas.ron`), parsed once.
    ///
    /// # Panics
    ///
    /// If the built-in file is invalid: a bug caught by the tests, never by
    /// a user's data. Use [`Atlas::try_builtin`] to handle it instead.
    pub fn builtin() -> &'static Atlas {
        match Atlas::try_builtin() {
            Ok(atlas) => atlas,
            Err(e) => panic!("assets/atlas.ron:{e}"),
        }
    }

    /// The built-in atlas, or why it did not load.
    pub fn try_builtin() -> Result<&'static Atlas, &'static AtlasError> {
        static BUILTIN: OnceLock<Result<Atlas, AtlasError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Atlas::from_ron(BUILTIN_RON))
            .as_ref()
    }

    /// Parse and check an atlas file (the format of `assets/atlas.ron`).
    pub fn from_ron(text: &str) -> Result<Atlas, AtlasError> {
        data::parse(text)
    }

    /// The midline x (the spine): client's left is smaller x.
    pub fn midline(&self) -> f32 {
        self.size.x / 2.0
    }

    /// The regions of one layer, in paint order.
    pub fn regions_in(&self, layer: Layer) -> impl Iterator<Item = &Region> {
        self.regions.iter().filter(move |r| r.layer == layer)
    }

    /// The region of `muscle` on `side` (Left or Right; `Both` has none) in
    /// `layer`.
    pub fn region(&self, muscle: Muscle, side: Side, layer: Layer) -> Option<&Region> {
        self.regions
            .iter()
            .find(|r| r.muscle == muscle && r.side == side && r.layer == layer)
    }

    /// The layer where the muscle is picked: the first of `Layer::ALL` that
    /// has a region for it (gluteus medius, exposed under the iliac crest, is
    /// picked in the superficial layer and also drawn whole in the deep one).
    pub fn layer_of(&self, muscle: Muscle) -> Layer {
        Layer::ALL
            .into_iter()
            .find(|&layer| self.regions_in(layer).any(|r| r.muscle == muscle))
            .unwrap_or_default()
    }

    pub fn reference(&self, muscle: Muscle) -> Option<&MuscleReference> {
        self.references.iter().find(|r| r.muscle == muscle)
    }

    /// A landmark by its name ("spine", "Left iliac crest", "L4", ...).
    pub fn landmark(&self, name: &str) -> Option<&Landmark> {
        self.landmarks.iter().find(|l| l.name == name)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads() {
        let atlas = Atlas::try_builtin().unwrap();
        assert_eq!(atlas.size, Point::new(400.0, 520.0));
        assert!(!atlas.body_triangles.is_empty());
        assert!(std::ptr::eq(atlas, Atlas::builtin()));
    }

    #[test]
    fn layer_of_muscles() {
        let atlas = Atlas::builtin();
        assert_eq!(atlas.layer_of(Muscle::QuadratusLumborum), Layer::Deep);
        assert_eq!(atlas.layer_of(Muscle::Piriformis), Layer::Deep);
        assert_eq!(atlas.layer_of(Muscle::GluteusMedius), Layer::Superficial);
        assert_eq!(atlas.layer_of(Muscle::GluteusMaximus), Layer::Superficial);
        assert!(
            atlas
                .region(Muscle::Piriformis, Side::Both, Layer::Deep)
                .is_none()
        );
    }
}
