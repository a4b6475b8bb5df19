//! The atlas file (RON) as written by a person, its checks, and how it
//! becomes an [`Atlas`]: shapes written for the viewer's left half are
//! mirrored to the other half, every outline is triangulated once and every
//! region gets its label point.

use std::collections::HashSet;

use serde::Deserialize;

use super::Atlas;
use super::error::AtlasError;
use super::geometry::{self, Point};
use super::label::place_label;
use super::region::{Landmark, Layer, MuscleReference, Outline, Region};
use super::triangulate::{covers, triangles_area, triangulate};
use super::view::{View, ViewKind, opposite};
use crate::model::{Muscle, Side, Site};

/// How far (atlas units) a region's corner may stray outside the body
/// outline before the file is refused.
const BODY_TOLERANCE: f32 = 0.5;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AtlasFile {
    views: Vec<ViewFile>,
    #[serde(default)]
    references: Vec<MuscleReference>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewFile {
    kind: ViewKind,
    size: Point,
    body: BodyFile,
    #[serde(default)]
    landmarks: Vec<LandmarkEntry>,
    regions: Vec<RegionEntry>,
}

/// The silhouette as written.
#[derive(Debug, Deserialize)]
enum BodyFile {
    /// The left half of one symmetric silhouette, from the midline to the
    /// midline; joined with its mirror image.
    Halves(Vec<Point>),
    /// A closed silhouette on the left half; its mirror image is a second one.
    Pair(Vec<Point>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LandmarkEntry {
    name: String,
    mirror: Mirror,
    #[serde(default)]
    closed: bool,
    #[serde(default)]
    site: Option<Site>,
    #[serde(default)]
    layer: Option<Layer>,
    points: Vec<Point>,
}

/// How a landmark written in the file becomes landmarks on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
enum Mirror {
    /// Drawn as written (midline landmarks: the spine, vertebra ticks).
    Single,
    /// The left half of a symmetric shape from the midline to the midline,
    /// joined with its mirror image (the sacrum).
    Halves,
    /// Written for the viewer's left half; a mirrored copy is added.
    Pair,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionEntry {
    muscle: Muscle,
    layer: Layer,
    /// The viewer's left half (x < midline); the other half is its mirror.
    outline: Vec<Point>,
    #[serde(default)]
    label_at: Option<Point>,
}

/// Parse and check an atlas file; see `assets/atlas.ron` for the format.
pub(crate) fn parse(text: &str) -> Result<Atlas, AtlasError> {
    let file: AtlasFile =
        ron::Options::default()
            .from_str(text)
            .map_err(|e| AtlasError::Parse {
                line: e.span.start.line,
                col: e.span.start.col,
                message: e.code.to_string(),
            })?;
    build(file)
}

fn build(file: AtlasFile) -> Result<Atlas, AtlasError> {
    let mut seen = HashSet::new();
    for reference in &file.references {
        if !seen.insert(reference.muscle) {
            return Err(AtlasError::DuplicateReference {
                muscle: reference.muscle.id(),
            });
        }
    }

    let mut views: Vec<View> = Vec::with_capacity(file.views.len());
    for view in file.views {
        if views.iter().any(|v| v.kind == view.kind) {
            return Err(AtlasError::DuplicateView {
                view: view.kind.name(),
            });
        }
        views.push(build_view(view)?);
    }
    views.sort_by_key(|v| v.kind);
    if let Some(missing) = ViewKind::ALL
        .into_iter()
        .find(|&kind| !views.iter().any(|v| v.kind == kind))
    {
        return Err(AtlasError::MissingView {
            view: missing.name(),
        });
    }
    Ok(Atlas {
        views,
        references: file.references,
    })
}

/// "side view: region 3 (gluteus_medius, Deep)".
fn in_view(kind: ViewKind, what: &str) -> String {
    format!("{} view: {what}", kind.name().to_lowercase())
}

fn build_view(file: ViewFile) -> Result<View, AtlasError> {
    let kind = file.kind;
    let size = file.size;
    if !(size.is_finite() && size.x > 0.0 && size.y > 0.0) {
        return Err(AtlasError::BadSize {
            width: size.x,
            height: size.y,
        });
    }
    let width = size.x;
    let body_what = in_view(kind, "body");
    let body = match &file.body {
        BodyFile::Halves(half) => {
            let points = join_halves(&body_what, half, width)?;
            let triangles = checked_triangles(&body_what, &points)?;
            vec![Outline { points, triangles }]
        }
        BodyFile::Pair(points) => {
            check_points(&body_what, points, 3)?;
            check_left(&body_what, points, width / 2.0)?;
            let triangles = checked_triangles(&body_what, points)?;
            let mirrored = points.iter().map(|p| p.mirrored(width)).collect();
            vec![
                Outline {
                    points: points.clone(),
                    triangles: triangles.clone(),
                },
                Outline {
                    points: mirrored,
                    triangles,
                },
            ]
        }
    };

    let mut landmarks = Vec::new();
    for entry in &file.landmarks {
        landmarks.extend(build_landmarks(kind, entry, width)?);
    }

    let regions = build_regions(kind, &file.regions, &body, width)?;
    Ok(View {
        kind,
        size,
        body,
        landmarks,
        regions,
    })
}

fn check_points(what: &str, points: &[Point], min: usize) -> Result<(), AtlasError> {
    if points.len() < min {
        return Err(AtlasError::TooFewPoints {
            what: what.to_owned(),
            min,
            found: points.len(),
        });
    }
    match points.iter().position(|p| !p.is_finite()) {
        Some(index) => Err(AtlasError::NotFinite {
            what: what.to_owned(),
            index,
        }),
        None => Ok(()),
    }
}

/// Every point strictly on the client's left of the midline.
fn check_left(what: &str, points: &[Point], midline: f32) -> Result<(), AtlasError> {
    match points.iter().position(|p| p.x >= midline) {
        Some(index) => Err(AtlasError::CrossesMidline {
            what: what.to_owned(),
            index,
            x: points[index].x,
            y: points[index].y,
            midline,
        }),
        None => Ok(()),
    }
}

/// A symmetric closed outline from its left half (midline to midline).
fn join_halves(what: &str, half: &[Point], width: f32) -> Result<Vec<Point>, AtlasError> {
    let midline = width / 2.0;
    check_points(what, half, 3)?;
    let on_midline = |p: &Point| (p.x - midline).abs() < 1e-3;
    let (Some(first), Some(last)) = (half.first(), half.last()) else {
        return Err(AtlasError::TooFewPoints {
            what: what.to_owned(),
            min: 3,
            found: 0,
        });
    };
    if !(on_midline(first) && on_midline(last)) {
        return Err(AtlasError::NotOnMidline {
            what: what.to_owned(),
            midline,
        });
    }
    let inner = &half[1..half.len() - 1];
    if let Err(AtlasError::CrossesMidline {
        what,
        index,
        x,
        y,
        midline,
    }) = check_left(what, inner, midline)
    {
        return Err(AtlasError::CrossesMidline {
            what,
            index: index + 1,
            x,
            y,
            midline,
        });
    }
    let mut whole: Vec<Point> = half.to_vec();
    whole[0].x = midline;
    if let Some(p) = whole.last_mut() {
        p.x = midline;
    }
    whole.extend(inner.iter().rev().map(|p| p.mirrored(width)));
    Ok(whole)
}

/// Triangles of a simple outline, or why it has none.
fn checked_triangles(what: &str, outline: &[Point]) -> Result<Vec<[u32; 3]>, AtlasError> {
    if let Some((first, second)) = geometry::self_intersection(outline) {
        return Err(AtlasError::SelfIntersecting {
            what: what.to_owned(),
            first,
            second,
        });
    }
    let triangles = triangulate(outline);
    let outline_area = geometry::polygon_area(outline);
    if triangles.is_empty() || outline_area < 1e-6 {
        return Err(AtlasError::EmptyTriangulation {
            what: what.to_owned(),
        });
    }
    if !covers(outline, &triangles) {
        return Err(AtlasError::TriangulationMismatch {
            what: what.to_owned(),
            outline_area,
            triangles_area: triangles_area(outline, &triangles),
        });
    }
    Ok(triangles)
}

fn build_landmarks(
    kind: ViewKind,
    entry: &LandmarkEntry,
    width: f32,
) -> Result<Vec<Landmark>, AtlasError> {
    let what = in_view(kind, &format!("landmark \"{}\"", entry.name));
    let min = if entry.closed { 3 } else { 2 };
    check_points(&what, &entry.points, min)?;
    let midline = width / 2.0;
    let landmark = |name: String, points: Vec<Point>, side: Option<Side>| Landmark {
        name,
        points,
        closed: entry.closed,
        site: entry.site,
        layer: entry.layer,
        side,
    };
    Ok(match entry.mirror {
        Mirror::Single => {
            // On one side of the midline (the aorta), it belongs to that side.
            let side = if entry.points.iter().all(|p| p.x < midline) {
                Some(kind.side_on_viewers_left())
            } else if entry.points.iter().all(|p| p.x > midline) {
                Some(opposite(kind.side_on_viewers_left()))
            } else {
                None
            };
            vec![landmark(entry.name.clone(), entry.points.clone(), side)]
        }
        Mirror::Halves => vec![landmark(
            entry.name.clone(),
            join_halves(&what, &entry.points, width)?,
            None,
        )],
        Mirror::Pair => {
            check_left(&what, &entry.points, midline)?;
            let written = kind.side_on_viewers_left();
            let mirrored = opposite(written);
            vec![
                landmark(
                    format!("{} {}", written.name(), entry.name),
                    entry.points.clone(),
                    Some(written),
                ),
                landmark(
                    format!("{} {}", mirrored.name(), entry.name),
                    entry.points.iter().map(|p| p.mirrored(width)).collect(),
                    Some(mirrored),
                ),
            ]
        }
    })
}

fn region_name(kind: ViewKind, index: usize, entry: &RegionEntry) -> String {
    in_view(
        kind,
        &format!(
            "region {} ({}, {})",
            index + 1,
            entry.muscle.id(),
            entry.layer.name()
        ),
    )
}

/// Regions as written (the viewer's left half), checked and triangulated;
/// labels placed; each followed by its mirrored twin (same triangles).
fn build_regions(
    kind: ViewKind,
    entries: &[RegionEntry],
    body: &[Outline],
    width: f32,
) -> Result<Vec<Region>, AtlasError> {
    let midline = width / 2.0;
    let written = kind.side_on_viewers_left();
    let in_body = |p: Point| {
        body.iter().any(|b| {
            geometry::polygon_contains(&b.points, p)
                || geometry::outline_distance(&b.points, p) <= BODY_TOLERANCE
        })
    };
    let mut seen = HashSet::new();
    let mut lefts: Vec<Region> = Vec::with_capacity(entries.len());
    for (index, entry) in entries.iter().enumerate() {
        let what = region_name(kind, index, entry);
        check_points(&what, &entry.outline, 3)?;
        check_left(&what, &entry.outline, midline)?;
        if let Some(i) = entry.outline.iter().position(|&p| !in_body(p)) {
            return Err(AtlasError::OutsideBody {
                what,
                index: i,
                x: entry.outline[i].x,
                y: entry.outline[i].y,
            });
        }
        if !seen.insert((entry.muscle, entry.layer)) {
            return Err(AtlasError::DuplicateRegion { what });
        }
        let triangles = checked_triangles(&what, &entry.outline)?;
        lefts.push(Region {
            muscle: entry.muscle,
            side: written,
            layer: entry.layer,
            outline: entry.outline.clone(),
            label_at: Point::default(),
            triangles,
        });
    }

    // Labels: on the part of each region that later regions do not cover.
    for (index, entry) in entries.iter().enumerate() {
        let covering: Vec<&[Point]> = lefts[index + 1..]
            .iter()
            .filter(|r| r.layer == entry.layer)
            .map(|r| r.outline.as_slice())
            .collect();
        let what = region_name(kind, index, entry);
        let outline = &lefts[index].outline;
        let label_at = match entry.label_at {
            Some(p) => {
                let visible = geometry::polygon_contains(outline, p)
                    && !covering.iter().any(|c| geometry::polygon_contains(c, p));
                if !visible {
                    return Err(AtlasError::LabelNotVisible {
                        what,
                        x: p.x,
                        y: p.y,
                    });
                }
                p
            }
            None => place_label(outline, &covering).ok_or(AtlasError::Hidden { what })?,
        };
        lefts[index].label_at = label_at;
    }

    let mut regions = Vec::with_capacity(lefts.len() * 2);
    for left in lefts {
        let right = Region {
            side: opposite(written),
            outline: left.outline.iter().map(|p| p.mirrored(width)).collect(),
            label_at: left.label_at.mirrored(width),
            ..left.clone()
        };
        regions.push(left);
        regions.push(right);
    }
    Ok(regions)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    /// An atlas of one 100 x 100 view with a square body and the given
    /// regions / extras.
    fn view_text(kind: &str, regions: &str, extra: &str) -> String {
        let view = format!(
            "(kind: {kind},
              size: (100, 100),
              body: Halves([(50, 10), (10, 10), (10, 90), (50, 90)]),
              {extra}
              regions: [{regions}])"
        );
        with_other_views(kind, &view, "")
    }

    /// An atlas text with `view` and empty views of the other kinds.
    fn with_other_views(kind: &str, view: &str, references: &str) -> String {
        let others: Vec<String> = ViewKind::ALL
            .into_iter()
            .filter(|k| format!("{k:?}") != kind)
            .map(|k| {
                format!(
                    "(kind: {k:?}, size: (100, 100), \
                     body: Halves([(50, 10), (10, 10), (50, 90)]), regions: [])"
                )
            })
            .collect();
        format!(
            "(views: [{view}, {}], references: [{references}])",
            others.join(", ")
        )
    }

    fn atlas_text(regions: &str, extra: &str) -> String {
        view_text("Posterior", regions, extra)
    }

    fn square_region(muscle: &str, x0: f32, x1: f32) -> String {
        format!(
            "(muscle: {muscle}, layer: Superficial,
              outline: [({x0}, 20), ({x1}, 20), ({x1}, 40), ({x0}, 40)])"
        )
    }

    #[test]
    fn mirrors_regions_and_body() {
        let atlas = parse(&atlas_text(&square_region("piriformis", 20.0, 40.0), "")).unwrap();
        let view = atlas.view(ViewKind::Posterior);
        assert_eq!(view.body.len(), 1);
        assert_eq!(view.body[0].points.len(), 6);
        assert_eq!(view.regions.len(), 2);
        let (left, right) = (&view.regions[0], &view.regions[1]);
        assert_eq!((left.side, right.side), (Side::Left, Side::Right));
        assert_eq!(right.outline[0], Point::new(80.0, 20.0));
        assert_eq!(right.triangles, left.triangles);
        assert_eq!(left.label_at, Point::new(30.0, 30.0));
        assert_eq!(right.label_at, Point::new(70.0, 30.0));
    }

    #[test]
    fn parse_error_has_line_and_column() {
        let err = parse("(views: [(kind: Posterior,\n  body: Halves([(50, 10) (10, 10)]),\n)])")
            .unwrap_err();
        match err {
            AtlasError::Parse { line, col, .. } => assert_eq!((line, col), (2, 26)),
            other => panic!("expected a parse error, got {other:?}"),
        }
        assert!(err_text("(views: [], oops: 3)").starts_with("1:"));
    }

    fn err_text(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn refuses_a_region_across_the_midline() {
        let err = parse(&atlas_text(&square_region("piriformis", 30.0, 60.0), "")).unwrap_err();
        assert!(
            matches!(err, AtlasError::CrossesMidline { index: 1, .. }),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .starts_with("back view: region 1 (piriformis, Superficial): point 1 (60, 20)"),
            "{err}"
        );
    }

    #[test]
    fn refuses_a_flat_region() {
        let flat = "(muscle: piriformis, layer: Deep, outline: [(20, 20), (30, 30), (40, 40)])";
        let err = parse(&atlas_text(flat, "")).unwrap_err();
        assert!(
            matches!(err, AtlasError::EmptyTriangulation { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn refuses_a_crossed_outline() {
        let bow =
            "(muscle: piriformis, layer: Deep, outline: [(20, 20), (40, 40), (40, 20), (20, 40)])";
        let err = parse(&atlas_text(bow, "")).unwrap_err();
        assert!(
            matches!(err, AtlasError::SelfIntersecting { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn refuses_a_region_outside_the_body() {
        let out = "(muscle: piriformis, layer: Deep, outline: [(2, 20), (40, 20), (40, 40)])";
        let err = parse(&atlas_text(out, "")).unwrap_err();
        assert!(
            matches!(err, AtlasError::OutsideBody { index: 0, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn refuses_the_same_muscle_twice_in_a_layer() {
        let two = format!(
            "{}, {}",
            square_region("piriformis", 15.0, 25.0),
            square_region("piriformis", 30.0, 40.0)
        );
        let err = parse(&atlas_text(&two, "")).unwrap_err();
        assert!(matches!(err, AtlasError::DuplicateRegion { .. }), "{err:?}");
    }

    #[test]
    fn labels_avoid_regions_painted_on_top_or_fail() {
        let covered = format!(
            "{}, {}",
            square_region("gluteus_medius", 20.0, 40.0),
            square_region("gluteus_minimus", 15.0, 45.0)
        );
        let err = parse(&atlas_text(&covered, "")).unwrap_err();
        assert!(matches!(err, AtlasError::Hidden { .. }), "{err:?}");

        let hidden_label = "(muscle: piriformis, layer: Deep, outline: [(20, 20), (40, 20), (40, 40), (20, 40)], label_at: Some((5, 5)))";
        let err = parse(&atlas_text(hidden_label, "")).unwrap_err();
        assert!(matches!(err, AtlasError::LabelNotVisible { .. }), "{err:?}");
    }

    #[test]
    fn landmark_mirroring() {
        let extra = r#"landmarks: [
            (name: "spine", mirror: Single, points: [(50, 10), (50, 90)]),
            (name: "rib", mirror: Pair, points: [(45, 30), (20, 40)]),
            (name: "sacrum", mirror: Halves, closed: true, points: [(50, 60), (40, 62), (50, 80)]),
        ],"#;
        let atlas = parse(&atlas_text("", extra)).unwrap();
        let landmarks = &atlas.view(ViewKind::Posterior).landmarks;
        let names: Vec<&str> = landmarks.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["spine", "Left rib", "Right rib", "sacrum"]);
        assert_eq!(landmarks[2].points[1], Point::new(80.0, 40.0));
        assert_eq!(landmarks[3].points.len(), 4);
        assert_eq!(landmarks[3].points[3], Point::new(60.0, 62.0));
        let sides: Vec<Option<Side>> = landmarks.iter().map(|l| l.side).collect();
        assert_eq!(sides, [None, Some(Side::Left), Some(Side::Right), None]);

        let bad = r#"landmarks: [(name: "rib", mirror: Pair, points: [(45, 30), (60, 40)])],"#;
        let err = parse(&atlas_text("", bad)).unwrap_err();
        assert!(matches!(err, AtlasError::CrossesMidline { .. }), "{err:?}");
    }

    #[test]
    fn the_front_view_is_mirrored() {
        let extra = r#"landmarks: [
            (name: "rib", mirror: Pair, site: Some(kidney_area), points: [(45, 30), (20, 40)]),
            (name: "aorta", mirror: Single, site: Some(abdominal_aorta), points: [(53, 20), (53, 60)]),
        ],"#;
        let text = view_text("Front", &square_region("psoas_major", 20.0, 40.0), extra);
        let atlas = parse(&text).unwrap();
        let view = atlas.view(ViewKind::Front);
        // Written on the viewer's left: the client's right in a front view.
        let sides: Vec<Side> = view.regions.iter().map(|r| r.side).collect();
        assert_eq!(sides, [Side::Right, Side::Left]);
        assert!(view.regions[1].outline.iter().all(|p| p.x > 50.0));
        let names: Vec<&str> = view.landmarks.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Right rib", "Left rib", "aorta"]);
        // Right of the midline in a front view is the client's left.
        assert_eq!(view.landmarks[2].side, Some(Side::Left));
        assert_eq!(view.landmarks[2].site, Some(Site::AbdominalAorta));
        assert_eq!(view.side_at(10.0), Side::Right);
        assert_eq!(view.side_at(90.0), Side::Left);
    }

    #[test]
    fn a_pair_body_is_two_figures() {
        let side = "(kind: Side, size: (100, 100),
            body: Pair([(10, 10), (40, 10), (40, 90), (10, 90)]),
            regions: [(muscle: iliotibial_band, layer: Superficial,
                       outline: [(20, 20), (30, 20), (30, 80), (20, 80)])])";
        let atlas = parse(&with_other_views("Side", side, "")).unwrap();
        let view = atlas.view(ViewKind::Side);
        assert_eq!(view.body.len(), 2);
        assert_eq!(view.body[1].points[0], Point::new(90.0, 10.0));
        assert!(view.body_contains(Point::new(75.0, 50.0)));
        assert!(
            !view.body_contains(Point::new(50.0, 50.0)),
            "between the figures"
        );
        let over = "(kind: Side, size: (100, 100),
            body: Pair([(10, 10), (60, 10), (40, 90)]), regions: [])";
        let err = parse(&with_other_views("Side", over, "")).unwrap_err();
        assert!(matches!(err, AtlasError::CrossesMidline { .. }), "{err:?}");
    }

    #[test]
    fn refuses_a_view_given_twice() {
        let view = "(kind: Side, size: (100, 100), body: Halves([(50, 10), (10, 10), (50, 90)]), regions: [])";
        let err = parse(&format!("(views: [{view}, {view}])")).unwrap_err();
        assert_eq!(err, AtlasError::DuplicateView { view: "Side" });
        let err = parse(&format!("(views: [{view}])")).unwrap_err();
        assert_eq!(err, AtlasError::MissingView { view: "Back" });
    }

    #[test]
    fn body_half_must_start_and_end_on_the_midline() {
        let view = "(kind: Posterior, size: (100, 100), body: Halves([(50, 10), (10, 10), (10, 90), (45, 90)]), regions: [])";
        let err = parse(&with_other_views("Posterior", view, "")).unwrap_err();
        assert!(matches!(err, AtlasError::NotOnMidline { .. }), "{err:?}");
    }

    #[test]
    fn refuses_duplicate_references() {
        let reference = "(muscle: piriformis, action: \"a\", referral: \"r\", cautions: \"c\")";
        let text = format!("(views: [], references: [{reference}, {reference}])");
        let err = parse(&text).unwrap_err();
        assert_eq!(
            err,
            AtlasError::DuplicateReference {
                muscle: "piriformis"
            }
        );
    }
}
