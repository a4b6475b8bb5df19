//! Which region is under a point: a pure function of the view.

use super::geometry::Point;
use super::region::{Layer, Region};
use super::view::View;

impl View {
    /// The top-most (last painted) region of `layer` under `p`; nothing
    /// outside the body, on the spine or between muscles.
    pub fn hit_test(&self, layer: Layer, p: Point) -> Option<&Region> {
        if !self.body_contains(p) {
            return None;
        }
        self.regions
            .iter()
            .rev()
            .filter(|r| r.layer == layer)
            .find(|r| r.contains(p))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::model::{Muscle, Side};

    fn atlas() -> Atlas {
        let empty = |kind: &str| {
            format!(
                "(kind: {kind}, size: (100, 100), body: Halves([(50, 10), (10, 10), (50, 90)]), regions: [])"
            )
        };
        Atlas::from_ron(&format!(
            "(views: [{}, {}, (kind: Posterior, size: (100, 100),
              body: Halves([(50, 10), (10, 10), (10, 90), (50, 90)]),
              regions: [
                (muscle: gluteus_medius, layer: Deep,
                 outline: [(15, 20), (45, 20), (45, 40), (15, 40)]),
                (muscle: gluteus_minimus, layer: Deep,
                 outline: [(15, 30), (30, 30), (30, 40), (15, 40)]),
                (muscle: gluteus_maximus, layer: Superficial,
                 outline: [(15, 20), (45, 20), (45, 60), (15, 60)]),
              ])])",
            empty("Side"),
            empty("Front")
        ))
        .unwrap()
    }

    fn hit(atlas: &Atlas, layer: Layer, x: f32, y: f32) -> Option<(Muscle, Side)> {
        atlas
            .view(crate::atlas::ViewKind::Posterior)
            .hit_test(layer, Point::new(x, y))
            .map(|r| (r.muscle, r.side))
    }

    #[test]
    fn top_most_region_of_the_layer_wins() {
        let atlas = atlas();
        assert_eq!(
            hit(&atlas, Layer::Deep, 20.0, 35.0),
            Some((Muscle::GluteusMinimus, Side::Left))
        );
        assert_eq!(
            hit(&atlas, Layer::Deep, 40.0, 25.0),
            Some((Muscle::GluteusMedius, Side::Left))
        );
        assert_eq!(
            hit(&atlas, Layer::Superficial, 20.0, 35.0),
            Some((Muscle::GluteusMaximus, Side::Left))
        );
        assert_eq!(
            hit(&atlas, Layer::Deep, 80.0, 35.0),
            Some((Muscle::GluteusMinimus, Side::Right))
        );
    }

    #[test]
    fn nothing_outside_regions_or_body() {
        let atlas = atlas();
        assert_eq!(hit(&atlas, Layer::Deep, 50.0, 30.0), None);
        assert_eq!(hit(&atlas, Layer::Deep, 20.0, 50.0), None);
        assert_eq!(hit(&atlas, Layer::Superficial, 5.0, 30.0), None);
        assert_eq!(hit(&atlas, Layer::Superficial, 20.0, 95.0), None);
    }
}
