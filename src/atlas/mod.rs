//! The muscle map as data: three views of the body (from behind, from the
//! side, from the front), each with clickable regions in two layers,
//! landmarks and endangerment sites; reference text per muscle; hit testing
//! and triangulation. Shared by the screen (src/ui) and the printed sheet
//! (src/sheet). No egui here.
//!
//! Coordinates: atlas units per view, x to the right, y down, origin top
//! left of `View::size`. The posterior and side views show the client's
//! left on the viewer's left; the front view is mirrored. The side is data:
//! every region knows its side.
//!
//! The geometry lives in `assets/atlas.ron`, written for the viewer's left
//! half only and mirrored at load (see the comment at the top of that file).

mod badges;
mod data;
mod error;
mod geometry;
mod hit;
mod label;
mod marks;
mod region;
mod triangulate;
mod view;

use std::sync::OnceLock;

pub use badges::{Badge, place_badges};
pub use error::AtlasError;
pub use geometry::{Point, polygon_area, polygon_centroid, polygon_contains};
pub use marks::{Mark, marks};
pub use region::{Landmark, Layer, MuscleReference, Outline, Region};
/// Triangles of a simple outline (also used by the pain drawing's body chart).
pub(crate) use triangulate::triangulate as triangulate_outline;
pub use view::{View, ViewKind};

use crate::model::{Muscle, Side, Site};

/// The atlas file compiled into the program.
pub const BUILTIN_RON: &str = include_str!("../../assets/atlas.ron");

/// The muscle map: its views and the reference text.
#[derive(Debug, Clone, PartialEq)]
pub struct Atlas {
    /// One per `ViewKind`, in `ViewKind::ALL` order (the loader makes sure).
    views: Vec<View>,
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
            Err(e) => panic!("assets/atlas.ron: {e}"),
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

    /// Every view, in `ViewKind::ALL` order.
    pub fn views(&self) -> &[View] {
        &self.views
    }

    /// The view of that kind (every atlas has each kind once).
    pub fn view(&self, kind: ViewKind) -> &View {
        &self.views[kind.index()]
    }

    /// The views in which `muscle` is seen, in `ViewKind` order.
    pub fn views_showing(&self, muscle: Muscle) -> impl Iterator<Item = &View> {
        self.views.iter().filter(move |v| v.shows(muscle))
    }

    /// The first view showing `muscle` (where it is usually picked).
    pub fn home_view(&self, muscle: Muscle) -> Option<&View> {
        self.views_showing(muscle).next()
    }

    pub fn reference(&self, muscle: Muscle) -> Option<&MuscleReference> {
        self.references.iter().find(|r| r.muscle == muscle)
    }

    /// The sites a step on `muscle` on `side` comes near, in any view it is
    /// drawn in (`Both`: either side). Screening rules use this.
    pub fn sites_near(&self, muscle: Muscle, side: Side) -> Vec<Site> {
        let mut sites: Vec<Site> = self
            .views
            .iter()
            .flat_map(|view| {
                view.regions
                    .iter()
                    .filter(|r| r.muscle == muscle && side.covers(r.side))
                    .flat_map(|r| view.sites_near(r))
            })
            .collect();
        sites.sort();
        sites.dedup();
        sites
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_with_every_view() {
        let atlas = Atlas::try_builtin().unwrap();
        for kind in ViewKind::ALL {
            let view = atlas.view(kind);
            assert_eq!(view.kind, kind);
            assert!(view.body.iter().all(|b| !b.triangles.is_empty()));
        }
        assert!(std::ptr::eq(atlas, Atlas::builtin()));
    }

    #[test]
    fn layer_of_muscles() {
        let back = Atlas::builtin().view(ViewKind::Posterior);
        assert_eq!(back.layer_of(Muscle::QuadratusLumborum), Some(Layer::Deep));
        assert_eq!(back.layer_of(Muscle::Piriformis), Some(Layer::Deep));
        assert_eq!(
            back.layer_of(Muscle::GluteusMedius),
            Some(Layer::Superficial)
        );
        assert_eq!(back.layer_of(Muscle::PsoasMajor), None);
        assert!(
            back.region(Muscle::Piriformis, Side::Both, Layer::Deep)
                .is_none()
        );
        let side = Atlas::builtin().view(ViewKind::Side);
        assert_eq!(
            side.layer_of(Muscle::QuadratusLumborum),
            Some(Layer::Superficial),
            "its lateral border, side-lying"
        );
    }
}
