//! The built-in muscle map: every region of every view can be clicked,
//! sides never swap (and mirror in the front view), the spine is never a
//! target, and the muscles sit where anatomy puts them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use massage_planner::atlas::{Atlas, Landmark, Layer, Point, Region, View, ViewKind, polygon_area};
use massage_planner::model::{Muscle, Side, Site};
use proptest::prelude::*;

use Layer::{Deep, Superficial};
use ViewKind::{Front, Posterior, Side as SideView};

fn atlas() -> &'static Atlas {
    Atlas::builtin()
}

fn view(kind: ViewKind) -> &'static View {
    atlas().view(kind)
}

fn views() -> impl Iterator<Item = &'static View> {
    ViewKind::ALL.into_iter().map(view)
}

fn hit(kind: ViewKind, layer: Layer, x: f32, y: f32) -> Option<(Muscle, Side)> {
    view(kind)
        .hit_test(layer, Point::new(x, y))
        .map(|r| (r.muscle, r.side))
}

fn region(kind: ViewKind, muscle: Muscle, side: Side, layer: Layer) -> &'static Region {
    view(kind)
        .region(muscle, side, layer)
        .unwrap_or_else(|| panic!("no {side:?} {muscle:?} in the {kind:?} {layer:?} layer"))
}

fn landmark(kind: ViewKind, name: &str) -> &'static Landmark {
    view(kind)
        .landmark(name)
        .unwrap_or_else(|| panic!("no landmark {name:?} in the {kind:?} view"))
}

fn mean_y(points: &[Point]) -> f32 {
    points.iter().map(|p| p.y).sum::<f32>() / points.len() as f32
}

fn mean_x(points: &[Point]) -> f32 {
    points.iter().map(|p| p.x).sum::<f32>() / points.len() as f32
}

/// Distance from the posterior view's midline (the spine).
fn off_mid(x: f32) -> f32 {
    (x - view(Posterior).midline()).abs()
}

fn triangle_area(a: Point, b: Point, c: Point) -> f64 {
    polygon_area(&[a, b, c])
}

/// Distance from `p` to the nearest edge of the closed polygon.
fn edge_distance(outline: &[Point], p: Point) -> f32 {
    let n = outline.len();
    (0..n)
        .map(|i| {
            let (a, b) = (outline[i], outline[(i + 1) % n]);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy).max(1e-9))
                .clamp(0.0, 1.0);
            p.distance(Point::new(a.x + t * dx, a.y + t * dy))
        })
        .fold(f32::INFINITY, f32::min)
}

/// Every sample point of a grid over a view (offset to miss shared edges).
fn grid(view: &View, step: f32) -> impl Iterator<Item = Point> {
    let size = view.size;
    let columns = (size.x / step) as usize;
    let rows = (size.y / step) as usize;
    (0..rows).flat_map(move |r| {
        (0..columns).map(move |c| Point::new((c as f32 + 0.37) * step, (r as f32 + 0.61) * step))
    })
}

#[test]
fn sizes_and_source() {
    assert_eq!(view(Posterior).size, Point::new(400.0, 710.0));
    assert_eq!(view(Posterior).midline(), 200.0);
    for v in views() {
        assert_eq!(v.midline(), v.size.x / 2.0);
    }
    let again = Atlas::from_ron(massage_planner::atlas::BUILTIN_RON).unwrap();
    assert_eq!(&again, atlas(), "loading is deterministic");
    let kinds: Vec<ViewKind> = atlas().views().iter().map(|v| v.kind).collect();
    assert_eq!(kinds, ViewKind::ALL);
}

#[test]
fn every_region_is_clickable_at_its_label() {
    for view in views() {
        for region in &view.regions {
            let name = format!("{:?}: {}", view.kind, region.label());
            assert!(region.contains(region.label_at), "{name}: label outside");
            let clearance = edge_distance(&region.outline, region.label_at);
            assert!(
                clearance >= 3.0,
                "{name}: label only {clearance} from the edge"
            );
            let hit = view.hit_test(region.layer, region.label_at);
            assert_eq!(
                hit.map(|r| (r.muscle, r.side)),
                Some((region.muscle, region.side)),
                "{name} in the {} layer",
                region.layer.name()
            );
        }
    }
}

#[test]
fn every_region_is_clickable_at_its_largest_visible_triangle() {
    for view in views() {
        for region in &view.regions {
            let covered = |p: Point| {
                view.regions_in(region.layer)
                    .skip_while(|r| !std::ptr::eq(*r, region))
                    .skip(1)
                    .any(|r| r.contains(p))
            };
            let best = region
                .triangle_points()
                .map(|[a, b, c]| {
                    let centroid = Point::new((a.x + b.x + c.x) / 3.0, (a.y + b.y + c.y) / 3.0);
                    (centroid, triangle_area(a, b, c))
                })
                .filter(|&(c, _)| !covered(c))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(c, _)| c)
                .unwrap_or_else(|| panic!("{} is hidden", region.label()));
            assert_eq!(
                view.hit_test(region.layer, best)
                    .map(|r| (r.muscle, r.side)),
                Some((region.muscle, region.side)),
                "{:?}: {} at {best:?}",
                view.kind,
                region.label()
            );
        }
    }
}

/// Every muscle on every side, in every view and layer it appears in, is hit
/// by points inside it and by no point outside it.
#[test]
fn every_region_is_hit_inside_and_never_outside() {
    for view in views() {
        for layer in Layer::ALL {
            let mut hits = std::collections::HashMap::new();
            for p in grid(view, 1.5) {
                if let Some(region) = view.hit_test(layer, p) {
                    assert!(
                        region.contains(p),
                        "{:?}: {} hit at {p:?}, outside it",
                        view.kind,
                        region.label()
                    );
                    *hits.entry((region.muscle, region.side)).or_insert(0) += 1;
                }
            }
            for region in view.regions_in(layer) {
                let count = hits
                    .get(&(region.muscle, region.side))
                    .copied()
                    .unwrap_or(0);
                assert!(
                    count >= 10,
                    "{:?} {layer:?}: {} is hit at only {count} grid points",
                    view.kind,
                    region.label()
                );
            }
        }
    }
}

#[test]
fn every_muscle_has_both_sides_and_a_reference() {
    let atlas = atlas();
    for muscle in Muscle::ALL {
        let reference = atlas
            .reference(muscle)
            .unwrap_or_else(|| panic!("no reference for {muscle:?}"));
        for text in [&reference.action, &reference.referral, &reference.cautions] {
            assert!(text.len() > 30, "{muscle:?}: {text:?} is too short");
        }
        assert!(
            atlas.views_showing(muscle).next().is_some(),
            "{muscle:?} is in no view"
        );
        for view in atlas.views_showing(muscle) {
            let layer = view.layer_of(muscle).unwrap();
            for side in [Side::Left, Side::Right] {
                assert!(
                    view.region(muscle, side, layer).is_some(),
                    "{:?}: {muscle:?} has no {side:?} region",
                    view.kind
                );
            }
        }
    }
    for view in views() {
        assert!(view.regions.iter().all(|r| r.side != Side::Both));
    }
}

fn muscles_in(kind: ViewKind, layer: Layer) -> Vec<Muscle> {
    let mut muscles: Vec<Muscle> = view(kind)
        .regions_in(layer)
        .filter(|r| r.side == Side::Left)
        .map(|r| r.muscle)
        .collect();
    muscles.sort();
    muscles
}

fn sorted(mut muscles: Vec<Muscle>) -> Vec<Muscle> {
    muscles.sort();
    muscles
}

#[test]
fn views_and_layers_hold_the_right_muscles() {
    use Muscle::*;
    assert_eq!(
        muscles_in(Posterior, Superficial),
        sorted(vec![
            UpperTrapezius,
            MiddleTrapezius,
            LowerTrapezius,
            Infraspinatus,
            TeresMajor,
            LatissimusDorsi,
            ErectorSpinae,
            ThoracolumbarFascia,
            ExternalOblique,
            GluteusMaximus,
            GluteusMedius,
            TensorFasciaeLatae,
            Hamstrings,
        ])
    );
    assert_eq!(
        muscles_in(Posterior, Deep),
        sorted(vec![
            LevatorScapulae,
            Rhomboids,
            SerratusPosteriorInferior,
            QuadratusLumborum,
            Multifidus,
            GluteusMedius,
            GluteusMinimus,
            Piriformis,
        ])
    );
    assert_eq!(
        muscles_in(SideView, Superficial),
        sorted(vec![
            ExternalOblique,
            QuadratusLumborum,
            GluteusMedius,
            TensorFasciaeLatae,
            GluteusMaximus,
            IliotibialBand,
            VastusLateralis,
        ])
    );
    assert_eq!(
        muscles_in(SideView, Deep),
        sorted(vec![GluteusMedius, GluteusMinimus, QuadratusLumborum])
    );
    assert_eq!(
        muscles_in(Front, Superficial),
        sorted(vec![
            TensorFasciaeLatae,
            Sartorius,
            RectusFemoris,
            Adductors
        ])
    );
    assert_eq!(muscles_in(Front, Deep), sorted(vec![PsoasMajor, Iliacus]));
    let back = view(Posterior);
    assert_eq!(back.layer_of(QuadratusLumborum), Some(Deep));
    assert_eq!(back.layer_of(GluteusMedius), Some(Superficial));
    assert_eq!(
        view(SideView).layer_of(QuadratusLumborum),
        Some(Superficial)
    );
    assert_eq!(view(Front).layer_of(PsoasMajor), Some(Deep));
    assert_eq!(
        atlas()
            .views_showing(TensorFasciaeLatae)
            .map(|v| v.kind)
            .collect::<Vec<_>>(),
        ViewKind::ALL
    );
}

#[test]
fn left_is_the_clients_left_and_the_front_view_is_mirrored() {
    for view in views() {
        let midline = view.midline();
        let viewers_left = if view.kind == Front {
            Side::Right
        } else {
            Side::Left
        };
        for region in &view.regions {
            let on_its_side = |p: &Point| {
                if region.side == viewers_left {
                    p.x < midline
                } else {
                    p.x > midline
                }
            };
            assert!(
                region.outline.iter().all(on_its_side),
                "{:?}: {}",
                view.kind,
                region.label()
            );
            assert!(on_its_side(&region.label_at), "{}", region.label());
            assert!(
                region
                    .outline
                    .iter()
                    .all(|p| view.side_at(p.x) == region.side)
            );
        }
        for landmark in &view.landmarks {
            if let Some(side) = landmark.side {
                assert!(landmark.name.starts_with(side.name()) || landmark.site.is_some());
                assert!(
                    landmark.points.iter().all(|p| view.side_at(p.x) == side),
                    "{}",
                    landmark.name
                );
            }
        }
    }
    // Seen from behind the client's left is on the viewer's left; from the
    // front, on the viewer's right.
    let left_psoas = region(Front, Muscle::PsoasMajor, Side::Left, Deep);
    assert!(left_psoas.centroid().x > view(Front).midline());
    let left_ql = region(Posterior, Muscle::QuadratusLumborum, Side::Left, Deep);
    assert!(left_ql.centroid().x < view(Posterior).midline());
    assert!(landmark(Front, "Left femoral triangle").points[0].x > 200.0);
    // The aorta lies just left of the midline: on the viewer's right in front.
    let aorta = landmark(Front, "abdominal aorta");
    assert_eq!(aorta.side, Some(Side::Left));
    assert!(aorta.points.iter().all(|p| p.x > 200.0));
}

#[test]
fn other_halves_are_exact_mirrors() {
    for view in views() {
        let width = view.size.x;
        let written = if view.kind == Front {
            Side::Right
        } else {
            Side::Left
        };
        let firsts: Vec<&Region> = view.regions.iter().filter(|r| r.side == written).collect();
        assert_eq!(firsts.len() * 2, view.regions.len());
        for first in firsts {
            let other = if written == Side::Left {
                Side::Right
            } else {
                Side::Left
            };
            let twin = region(view.kind, first.muscle, other, first.layer);
            assert_eq!(twin.outline.len(), first.outline.len());
            for (a, b) in first.outline.iter().zip(&twin.outline) {
                assert_eq!(*b, Point::new(width - a.x, a.y), "{}", first.label());
            }
            assert_eq!(
                twin.label_at,
                Point::new(width - first.label_at.x, first.label_at.y)
            );
            assert_eq!(twin.triangles, first.triangles);
        }
        let all: Vec<Point> = view
            .body
            .iter()
            .flat_map(|b| b.points.iter().copied())
            .collect();
        for p in &all {
            let mirror = Point::new(width - p.x, p.y);
            assert!(
                all.iter().any(|q| q.distance(mirror) < 1e-3),
                "{:?}: {p:?}",
                view.kind
            );
        }
    }
}

#[test]
fn triangles_cover_each_outline() {
    let check = |name: &str, outline: &[Point], triangles: &[[u32; 3]]| {
        let at = |i: u32| outline[i as usize];
        let sum: f64 = triangles
            .iter()
            .map(|&[a, b, c]| triangle_area(at(a), at(b), at(c)))
            .sum();
        let area = polygon_area(outline);
        assert!(area > 0.0, "{name}");
        assert!(
            (sum - area).abs() <= area * 0.01,
            "{name}: triangles {sum:.1} vs outline {area:.1}"
        );
    };
    for view in views() {
        for body in &view.body {
            check("body", &body.points, &body.triangles);
        }
        for region in &view.regions {
            check(&region.label(), &region.outline, &region.triangles);
        }
    }
}

#[test]
fn regions_lie_inside_the_body_and_nothing_is_hit_outside_it() {
    for view in views() {
        for region in &view.regions {
            for p in &region.outline {
                assert!(
                    view.body_contains(*p),
                    "{:?}: {}: {p:?}",
                    view.kind,
                    region.label()
                );
            }
        }
        for p in grid(view, 2.0).filter(|&p| !view.body_contains(p)) {
            for layer in Layer::ALL {
                assert!(view.hit_test(layer, p).is_none(), "{:?}: {p:?}", view.kind);
            }
        }
        for (x, y) in [
            (2.0, 2.0),
            (-10.0, 200.0),
            (200.0, -5.0),
            (view.size.x - 2.0, view.size.y - 2.0),
        ] {
            for layer in Layer::ALL {
                assert_eq!(
                    hit(view.kind, layer, x, y),
                    None,
                    "{:?} ({x}, {y})",
                    view.kind
                );
            }
        }
    }
    assert_eq!(
        hit(Posterior, Superficial, 200.0, 660.0),
        None,
        "between the thighs"
    );
    assert_eq!(
        hit(SideView, Superficial, 200.0, 200.0),
        None,
        "between the figures"
    );
    assert_eq!(
        hit(Front, Superficial, 200.0, 450.0),
        None,
        "between the knees"
    );
}

#[test]
fn the_midline_is_never_a_target() {
    for view in views() {
        let mut y = 0.0;
        while y < view.size.y {
            for dx in [-7.0, -5.0, -2.5, 0.0, 2.5, 5.0, 7.0] {
                for layer in Layer::ALL {
                    assert_eq!(
                        hit(view.kind, layer, view.midline() + dx, y),
                        None,
                        "{:?}: x = midline{dx:+}, y = {y}",
                        view.kind
                    );
                }
            }
            y += 0.5;
        }
    }
}

#[test]
fn regions_of_a_layer_do_not_overlap() {
    // Except where a later region deliberately covers an earlier one:
    // gluteus minimus drawn over gluteus medius.
    let allowed = [
        (
            Posterior,
            Deep,
            Muscle::GluteusMedius,
            Muscle::GluteusMinimus,
        ),
        (
            SideView,
            Deep,
            Muscle::GluteusMedius,
            Muscle::GluteusMinimus,
        ),
    ];
    for view in views() {
        for p in grid(view, 1.0) {
            for layer in Layer::ALL {
                let under: Vec<&Region> =
                    view.regions_in(layer).filter(|r| r.contains(p)).collect();
                if let [below, above] = under[..] {
                    assert!(
                        allowed.contains(&(view.kind, layer, below.muscle, above.muscle))
                            && below.side == above.side,
                        "{:?}: {} and {} overlap at {p:?}",
                        view.kind,
                        below.label(),
                        above.label()
                    );
                    assert_eq!(
                        view.hit_test(layer, p).map(|r| r.muscle),
                        Some(above.muscle),
                        "the one on top wins"
                    );
                }
                assert!(under.len() <= 2, "{} regions overlap at {p:?}", under.len());
            }
        }
    }
}

#[test]
fn quadratus_lumborum_lies_between_the_12th_rib_and_the_iliac_crest() {
    for side in [Side::Left, Side::Right] {
        let name = side.name();
        let ql = region(Posterior, Muscle::QuadratusLumborum, side, Deep);
        let rib = landmark(Posterior, &format!("{name} 12th rib"));
        let crest = landmark(Posterior, &format!("{name} iliac crest"));
        let y = ql.centroid().y;
        assert!(
            mean_y(&rib.points) < y && y < mean_y(&crest.points),
            "{name}: {y}"
        );
        let mf = region(Posterior, Muscle::Multifidus, side, Deep);
        assert!(off_mid(ql.centroid().x) > off_mid(mf.centroid().x));
        assert!(
            ql.outline
                .iter()
                .all(|p| off_mid(p.x) > off_mid(mf.centroid().x))
        );
        // Side-lying, its lateral border is between the 12th rib and the crest too.
        let side_ql = region(SideView, Muscle::QuadratusLumborum, side, Superficial);
        let side_rib = landmark(SideView, &format!("{name} 12th rib"));
        let side_crest = landmark(SideView, &format!("{name} iliac crest"));
        let top = side_crest
            .points
            .iter()
            .map(|p| p.y)
            .fold(f32::MAX, f32::min);
        assert!(mean_y(&side_rib.points) < side_ql.centroid().y && side_ql.centroid().y < top);
    }
}

#[test]
fn the_quadratus_lumborums_lateral_border_is_not_latissimus() {
    // Its lateral border at L3 and L4 lies under the lumbar triangle and
    // the external oblique, lateral to the latissimus and its fascia.
    let y = |name: &str| mean_y(&landmark(Posterior, name).points);
    for level in ["L3", "L4"] {
        let ql = region(Posterior, Muscle::QuadratusLumborum, Side::Left, Deep);
        let at = y(level);
        // Its lateral border at this level, found by scanning in from the side.
        let mut lateral = 60.0;
        while !ql.contains(Point::new(lateral, at)) && lateral < 200.0 {
            lateral += 0.25;
        }
        assert!(lateral < 200.0, "{level}");
        let over = hit(Posterior, Superficial, lateral + 1.5, at);
        assert_ne!(
            over.map(|h| h.0),
            Some(Muscle::LatissimusDorsi),
            "{level}: {over:?}"
        );
        assert_eq!(
            hit(Posterior, Deep, lateral + 1.5, at),
            Some((Muscle::QuadratusLumborum, Side::Left)),
            "{level}"
        );
    }
    let triangle = landmark(Posterior, "Left lumbar triangle");
    let c = Point::new(mean_x(&triangle.points), mean_y(&triangle.points));
    assert_eq!(
        hit(Posterior, Superficial, c.x, c.y),
        None,
        "the triangle is a gap"
    );
    assert_eq!(
        hit(Posterior, Deep, c.x, c.y).map(|h| h.0),
        Some(Muscle::QuadratusLumborum)
    );
}

#[test]
fn latissimus_reaches_the_midline_below_the_lower_trapezius() {
    let y = |name: &str| mean_y(&landmark(Posterior, name).points);
    let lat = region(Posterior, Muscle::LatissimusDorsi, Side::Left, Superficial);
    let medial = lat.outline.iter().map(|p| p.x).fold(f32::MIN, f32::max);
    assert!(off_mid(medial) <= 8.0, "{medial}");
    // Between T12 and L1, beside the spine, it is latissimus.
    let at = (y("T12") + y("L1")) / 2.0 + 3.0;
    assert_eq!(
        hit(Posterior, Superficial, 189.0, at),
        Some((Muscle::LatissimusDorsi, Side::Left))
    );
    // Its upper border starts at T7, at the lower trapezius.
    let top_medial = lat
        .outline
        .iter()
        .filter(|p| off_mid(p.x) < 60.0)
        .map(|p| p.y)
        .fold(f32::MAX, f32::min);
    assert!((top_medial - y("T7")).abs() < 6.0, "{top_medial}");
}

#[test]
fn gluteus_medius_sits_above_gluteus_maximus() {
    for side in [Side::Left, Side::Right] {
        let maximus = region(Posterior, Muscle::GluteusMaximus, side, Superficial).centroid();
        for layer in Layer::ALL {
            let medius = region(Posterior, Muscle::GluteusMedius, side, layer).centroid();
            assert!(medius.y < maximus.y, "{side:?} {layer:?}");
        }
        let minimus = region(Posterior, Muscle::GluteusMinimus, side, Deep).centroid();
        let medius = region(Posterior, Muscle::GluteusMedius, side, Deep).centroid();
        assert!(minimus.y > medius.y, "gluteus minimus is the lower fan");
    }
}

#[test]
fn gluteus_maximus_crosses_the_gluteal_fold_obliquely() {
    let fold = &landmark(Posterior, "Left gluteal fold").points;
    let fold_y = |x: f32| {
        fold.windows(2)
            .find(|w| (w[0].x - x) * (w[1].x - x) <= 0.0)
            .map(|w| w[0].y + (w[1].y - w[0].y) * (x - w[0].x) / (w[1].x - w[0].x))
            .unwrap()
    };
    let max = Some((Muscle::GluteusMaximus, Side::Left));
    // Laterally the muscle reaches below the fold, towards the gluteal
    // tuberosity and the iliotibial band ...
    assert_eq!(
        hit(Posterior, Superficial, 110.0, fold_y(110.0) + 12.0),
        max
    );
    // ... medially its lower border runs above the fold (over the sit bone).
    assert_ne!(hit(Posterior, Superficial, 183.0, fold_y(183.0) - 8.0), max);
    // Below it laterally: the hamstrings; under the fold medially too.
    assert_eq!(
        hit(Posterior, Superficial, 140.0, 660.0),
        Some((Muscle::Hamstrings, Side::Left))
    );
}

#[test]
fn deep_gluteals_leave_no_gap_above_the_piriformis() {
    let piriformis = region(Posterior, Muscle::Piriformis, Side::Left, Deep);
    for x in (90..=146).step_by(4) {
        let x = x as f32;
        // The top edge of the piriformis at x, found by scanning down.
        let mut y = 440.0;
        while !piriformis.contains(Point::new(x, y)) && y < 560.0 {
            y += 0.25;
        }
        assert!(y < 560.0, "{x}");
        let above = hit(Posterior, Deep, x, y - 1.0).map(|h| h.0);
        assert!(
            matches!(above, Some(Muscle::GluteusMinimus | Muscle::GluteusMedius)),
            "gap above the piriformis at x = {x}: {above:?}"
        );
    }
    // The gluteus minimus reaches back to the piriformis near the sciatic notch.
    let mut y = 440.0;
    while !piriformis.contains(Point::new(140.0, y)) {
        y += 0.25;
    }
    assert_eq!(
        hit(Posterior, Deep, 140.0, y - 1.0).map(|h| h.0),
        Some(Muscle::GluteusMinimus)
    );
}

#[test]
fn piriformis_runs_from_the_sacrum_to_the_greater_trochanter() {
    let sacrum = landmark(Posterior, "sacrum");
    let sacrum_min_x = sacrum.points.iter().map(|p| p.x).fold(f32::MAX, f32::min);
    let sacrum_max_x = sacrum.points.iter().map(|p| p.x).fold(f32::MIN, f32::max);
    let sacrum_top = sacrum.points.iter().map(|p| p.y).fold(f32::MAX, f32::min);
    let sacrum_bottom = sacrum.points.iter().map(|p| p.y).fold(f32::MIN, f32::max);
    let left = region(Posterior, Muscle::Piriformis, Side::Left, Deep).centroid();
    let right = region(Posterior, Muscle::Piriformis, Side::Right, Deep).centroid();
    let left_trochanter = mean_x(&landmark(Posterior, "Left greater trochanter").points);
    let right_trochanter = mean_x(&landmark(Posterior, "Right greater trochanter").points);
    assert!(
        left_trochanter < left.x && left.x < sacrum_min_x,
        "{left:?}"
    );
    assert!(
        sacrum_max_x < right.x && right.x < right_trochanter,
        "{right:?}"
    );
    assert!(sacrum_top < left.y && left.y < sacrum_bottom);
}

#[test]
fn muscles_sit_where_a_therapist_palpates_them() {
    let y = |name: &str| mean_y(&landmark(Posterior, name).points);
    let (l3, l4, t12) = (y("L3"), y("L4"), y("T12"));
    use Muscle::*;
    let left = |m| Some((m, Side::Left));
    let right = |m| Some((m, Side::Right));
    // Two finger widths beside the L3 spinous process: erector spinae on top,
    // multifidus beneath.
    assert_eq!(hit(Posterior, Superficial, 185.0, l3), left(ErectorSpinae));
    assert_eq!(hit(Posterior, Superficial, 215.0, l3), right(ErectorSpinae));
    assert_eq!(hit(Posterior, Deep, 186.0, l3), left(Multifidus));
    // A hand's width out at L3: quadratus lumborum beneath the fascia.
    assert_eq!(hit(Posterior, Deep, 140.0, l3), left(QuadratusLumborum));
    assert_eq!(hit(Posterior, Deep, 260.0, l3), right(QuadratusLumborum));
    assert_eq!(
        hit(Posterior, Superficial, 145.0, l4),
        left(ThoracolumbarFascia)
    );
    // Above the 12th rib, out at the flank: latissimus dorsi; at the waist
    // below it, the external oblique.
    assert_eq!(
        hit(Posterior, Superficial, 100.0, t12),
        left(LatissimusDorsi)
    );
    assert_eq!(
        hit(Posterior, Superficial, 106.0, l3),
        left(ExternalOblique)
    );
    // Middle of the buttock: gluteus maximus; upper outer quadrant just
    // under the crest: gluteus medius.
    assert_eq!(
        hit(Posterior, Superficial, 130.0, 560.0),
        left(GluteusMaximus)
    );
    assert_eq!(
        hit(Posterior, Superficial, 110.0, 465.0),
        left(GluteusMedius)
    );
    assert_eq!(
        hit(Posterior, Superficial, 290.0, 465.0),
        right(GluteusMedius)
    );
    assert_eq!(hit(Posterior, Superficial, 140.0, 680.0), left(Hamstrings));
    // Between the shoulder blades beside the spine at T8: lower trapezius;
    // at T1, middle trapezius; the back of the neck and the top of the
    // shoulder: upper trapezius.
    assert_eq!(
        hit(Posterior, Superficial, 185.0, y("T8")),
        left(LowerTrapezius)
    );
    assert_eq!(
        hit(Posterior, Superficial, 180.0, y("T2")),
        left(MiddleTrapezius)
    );
    assert_eq!(
        hit(Posterior, Superficial, 180.0, 60.0),
        left(UpperTrapezius)
    );
    assert_eq!(
        hit(Posterior, Superficial, 110.0, 112.0),
        left(UpperTrapezius)
    );
    assert_eq!(
        hit(Posterior, Superficial, 290.0, 112.0),
        right(UpperTrapezius)
    );
    // On the shoulder blade below its spine: infraspinatus; at its lower
    // outer border: teres major.
    assert_eq!(
        hit(Posterior, Superficial, 110.0, 170.0),
        left(Infraspinatus)
    );
    assert_eq!(hit(Posterior, Superficial, 100.0, 205.0), left(TeresMajor));
    // Under the trapezius: rhomboids between the shoulder blade and the
    // spine, levator scapulae from the neck to its upper corner.
    assert_eq!(hit(Posterior, Deep, 170.0, y("T4")), left(Rhomboids));
    assert_eq!(hit(Posterior, Deep, 160.0, 70.0), left(LevatorScapulae));
    assert_eq!(
        hit(Posterior, Deep, 160.0, 305.0),
        left(SerratusPosteriorInferior)
    );
    // Side-lying: the greater trochanter is under the iliotibial band;
    // down the outer thigh, the band with vastus lateralis in front of it.
    let trochanter = &landmark(SideView, "Left greater trochanter").points;
    let (tx, ty) = (mean_x(trochanter), mean_y(trochanter));
    assert_eq!(
        hit(SideView, Superficial, tx, ty + 6.0),
        left(IliotibialBand)
    );
    assert_eq!(
        hit(SideView, Superficial, 108.0, 400.0),
        left(IliotibialBand)
    );
    assert_eq!(
        hit(SideView, Superficial, 84.0, 400.0),
        left(VastusLateralis)
    );
    assert_eq!(
        hit(SideView, Superficial, 400.0 - 84.0, 400.0),
        right(VastusLateralis)
    );
    assert_eq!(
        hit(SideView, Superficial, 110.0, 150.0),
        left(GluteusMedius)
    );
    assert_eq!(
        hit(SideView, Superficial, 72.0, 200.0),
        left(TensorFasciaeLatae)
    );
    // Supine, from the front: the psoas beside the navel (mirrored: the
    // client's right on the viewer's left), the iliacus inside the crest,
    // the adductors on the inner thigh.
    let navel = mean_y(&landmark(Front, "navel").points);
    assert_eq!(hit(Front, Deep, 182.0, navel), right(PsoasMajor));
    assert_eq!(hit(Front, Deep, 218.0, navel), left(PsoasMajor));
    assert_eq!(hit(Front, Deep, 130.0, 130.0), right(Iliacus));
    assert_eq!(hit(Front, Superficial, 180.0, 320.0), right(Adductors));
    assert_eq!(hit(Front, Superficial, 115.0, 320.0), right(RectusFemoris));
}

#[test]
fn landmarks_are_in_anatomical_order() {
    let y = |name: &str| mean_y(&landmark(Posterior, name).points);
    let mut levels = vec!["C7".to_string()];
    levels.extend((1..=12).map(|i| format!("T{i}")));
    levels.extend((1..=5).map(|i| format!("L{i}")));
    for pair in levels.windows(2) {
        assert!(y(&pair[0]) < y(&pair[1]), "{} above {}", pair[0], pair[1]);
    }
    for side in ["Left", "Right"] {
        let crest_top = landmark(Posterior, &format!("{side} iliac crest"))
            .points
            .iter()
            .map(|p| p.y)
            .fold(f32::MAX, f32::min);
        // The top of the iliac crest is level with L4 (the supracristal line).
        assert!((crest_top - y("L4")).abs() < 12.0, "{side}: {crest_top}");
        // The 12th rib starts at T12 and runs down and out.
        let rib = &landmark(Posterior, &format!("{side} 12th rib")).points;
        let (first, last) = (rib[0], rib[rib.len() - 1]);
        assert!((first.y - y("T12")).abs() < 10.0);
        assert!(last.y > first.y && off_mid(last.x) > off_mid(first.x));
        // The greater trochanter is at the side of the hip, below the crest.
        let trochanter = &landmark(Posterior, &format!("{side} greater trochanter")).points;
        assert!(mean_y(trochanter) > crest_top + 60.0);
        assert!(off_mid(mean_x(trochanter)) > 100.0);
        // The spine of the scapula starts at T3, the inferior angle at T7.
        let spine = &landmark(Posterior, &format!("{side} spine of scapula")).points;
        assert!((spine[spine.len() - 1].y - y("T3")).abs() < 6.0);
        let scapula = &landmark(Posterior, &format!("{side} scapula")).points;
        let angle = scapula.iter().map(|p| p.y).fold(f32::MIN, f32::max);
        assert!((angle - y("T7")).abs() < 6.0, "{angle}");
    }
    assert!(y("sacrum") > y("L5"));
}

#[test]
fn every_site_is_on_the_map_and_the_sciatic_nerve_is_deep() {
    for site in Site::ALL {
        assert!(
            views().any(|v| v.landmarks.iter().any(|l| l.site == Some(site))),
            "{site:?} is on no view"
        );
    }
    let nerve = landmark(Posterior, "Left sciatic nerve");
    assert_eq!(nerve.layer, Some(Deep));
    assert!(
        view(Posterior)
            .landmarks_in(Superficial)
            .all(|l| l.site != Some(Site::SciaticNerve))
    );
    assert!(
        view(Posterior)
            .landmarks_in(Deep)
            .any(|l| l.site == Some(Site::SciaticNerve))
    );
}

#[test]
fn sites_near_a_muscle_are_what_its_cautions_warn_of() {
    let near = |m, side| atlas().sites_near(m, side);
    // Fires ...
    assert!(near(Muscle::QuadratusLumborum, Side::Left).contains(&Site::KidneyArea));
    assert!(near(Muscle::QuadratusLumborum, Side::Left).contains(&Site::TwelfthRib));
    assert!(near(Muscle::Piriformis, Side::Right).contains(&Site::SciaticNerve));
    assert!(near(Muscle::Hamstrings, Side::Left).contains(&Site::SciaticNerve));
    assert!(near(Muscle::Adductors, Side::Left).contains(&Site::FemoralTriangle));
    assert!(near(Muscle::Sartorius, Side::Right).contains(&Site::FemoralTriangle));
    assert!(near(Muscle::PsoasMajor, Side::Left).contains(&Site::AbdominalAorta));
    assert!(near(Muscle::IliotibialBand, Side::Left).contains(&Site::GreaterTrochanter));
    assert!(near(Muscle::ErectorSpinae, Side::Both).contains(&Site::Psis));
    // ... and does not.
    assert!(!near(Muscle::PsoasMajor, Side::Right).contains(&Site::AbdominalAorta));
    assert!(near(Muscle::UpperTrapezius, Side::Both).is_empty());
    assert!(!near(Muscle::GluteusMedius, Side::Left).contains(&Site::KidneyArea));
    assert!(!near(Muscle::TensorFasciaeLatae, Side::Left).contains(&Site::FemoralTriangle));
    // The sciatic nerve, drawn in the deep layer, lies under the gluteus
    // maximus too (its caution says so); not under the upper back.
    assert!(near(Muscle::GluteusMaximus, Side::Left).contains(&Site::SciaticNerve));
    assert!(!near(Muscle::QuadratusLumborum, Side::Left).contains(&Site::SciaticNerve));
}

#[test]
fn references_say_what_a_therapist_must_know() {
    let atlas = atlas();
    let text = |m: Muscle| {
        let r = atlas.reference(m).unwrap();
        (
            r.action.to_lowercase(),
            r.referral.to_lowercase(),
            r.cautions.to_lowercase(),
        )
    };
    let (action, referral, _) = text(Muscle::GluteusMedius);
    assert!(action.contains("abducts the hip"));
    assert!(action.contains("pelvis level") && action.contains("one leg"));
    assert!(referral.contains("low back") && referral.contains("buttock"));
    assert!(referral.contains("back of the thigh"));
    let (_, referral, cautions) = text(Muscle::QuadratusLumborum);
    assert!(referral.contains("lower buttock") && !referral.contains("upper buttock"));
    assert!(referral.contains("lower abdomen"));
    assert!(cautions.contains("kidney") && cautions.contains("no deep pressure"));
    assert!(cautions.contains("lateral border") && cautions.contains("12th rib"));
    for m in [Muscle::ErectorSpinae, Muscle::Multifidus] {
        assert!(
            text(m).2.contains("never press directly on the spine")
                || text(m).2.contains("never on the spine"),
            "{m:?}"
        );
    }
    let (_, _, cautions) = text(Muscle::Piriformis);
    assert!(cautions.contains("sciatic nerve") && cautions.contains("shooting"));
    // The new muscles of the neck, upper back, side and front of the hip.
    let (action, referral, cautions) = text(Muscle::UpperTrapezius);
    assert!(action.contains("lifts the shoulder blade"));
    assert!(referral.contains("temple") && referral.contains("headache"));
    assert!(cautions.contains("brachial plexus") && cautions.contains("collarbone"));
    let (_, referral, cautions) = text(Muscle::LevatorScapulae);
    assert!(referral.contains("stiff neck"));
    assert!(cautions.contains("never press on the vertebrae"));
    let (_, _, cautions) = text(Muscle::Rhomboids);
    assert!(cautions.contains("chest pain") && cautions.contains("emergency"));
    let (_, referral, _) = text(Muscle::Infraspinatus);
    assert!(referral.contains("front of the shoulder"));
    let (_, _, cautions) = text(Muscle::TeresMajor);
    assert!(cautions.contains("armpit"));
    let (_, _, cautions) = text(Muscle::SerratusPosteriorInferior);
    assert!(cautions.contains("kidney"));
    let (_, _, cautions) = text(Muscle::ExternalOblique);
    assert!(cautions.contains("lumbar triangle") && cautions.contains("physician"));
    for m in [Muscle::PsoasMajor, Muscle::Iliacus] {
        let (action, referral, cautions) = text(m);
        assert!(action.contains("flexes the hip"), "{m:?}");
        assert!(referral.contains("lumbar spine") && referral.contains("front of the thigh"));
        assert!(cautions.contains("supine"), "{m:?}");
    }
    assert!(text(Muscle::PsoasMajor).2.contains("aorta"));
    assert!(text(Muscle::PsoasMajor).2.contains("aneurysm"));
    for m in [Muscle::Sartorius, Muscle::RectusFemoris, Muscle::Adductors] {
        assert!(text(m).2.contains("femoral triangle"), "{m:?}");
    }
    assert!(text(Muscle::IliotibialBand).0.contains("not a muscle"));
    assert!(
        text(Muscle::VastusLateralis)
            .1
            .contains("outside of the knee")
    );
    // A muscle far from the kidneys does not warn about them.
    assert!(!text(Muscle::Adductors).2.contains("kidney"));
    assert!(!text(Muscle::Infraspinatus).2.contains("aorta"));
}

proptest! {
    #[test]
    fn hit_test_is_mirror_symmetric(x in 0.0f32..400.0, y in 0.0f32..710.0, deep in any::<bool>(), k in 0usize..3) {
        let view = view(ViewKind::ALL[k]);
        let layer = if deep { Layer::Deep } else { Layer::Superficial };
        let p = Point::new(x, y);
        let here = view.hit_test(layer, p);
        let there = view.hit_test(layer, Point::new(view.size.x - x, y));
        prop_assert_eq!(here.map(|r| r.muscle), there.map(|r| r.muscle));
        if let Some(region) = here {
            prop_assert!(view.body_contains(p));
            prop_assert!(region.contains(p));
            prop_assert_eq!(region.layer, layer);
            prop_assert_eq!(region.side, view.side_at(x));
            prop_assert_ne!(there.map(|r| r.side), Some(region.side));
        }
    }
}
