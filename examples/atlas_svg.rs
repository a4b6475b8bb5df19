//! Draw the built-in muscle atlas as an SVG, both layers side by side, to
//! look at the geometry: `cargo run --example atlas_svg -- /tmp/atlas.svg`
//! (then e.g. `rsvg-convert /tmp/atlas.svg -o /tmp/atlas.png`).

use std::fmt::Write as _;

use massage_planner::atlas::{Atlas, Layer, Point};
use massage_planner::model::{Muscle, Side};

const SCALE: f32 = 2.0;
const GAP: f32 = 20.0;
const TITLE: f32 = 28.0;

fn colour(muscle: Muscle) -> &'static str {
    match muscle {
        Muscle::LowerTrapezius => "#d9534f",
        Muscle::LatissimusDorsi => "#5b8fd1",
        Muscle::ErectorSpinae => "#8fbf5a",
        Muscle::Multifidus => "#3f9e6e",
        Muscle::QuadratusLumborum => "#e07b39",
        Muscle::ThoracolumbarFascia => "#e3d9a6",
        Muscle::GluteusMaximus => "#e89aa8",
        Muscle::GluteusMedius => "#f2b134",
        Muscle::GluteusMinimus => "#a77bca",
        Muscle::Piriformis => "#4aa3b5",
        Muscle::TensorFasciaeLatae => "#8a6fd1",
        Muscle::Hamstrings => "#6cc3d5",
        Muscle::UpperTrapezius => "#c9302c",
        Muscle::MiddleTrapezius => "#e8746f",
        Muscle::LevatorScapulae => "#b5651d",
        Muscle::Rhomboids => "#d98cb3",
        Muscle::Infraspinatus => "#7fb3d5",
        Muscle::TeresMajor => "#2e86c1",
        Muscle::SerratusPosteriorInferior => "#c39bd3",
        Muscle::ExternalOblique => "#f0b27a",
        Muscle::PsoasMajor => "#cb4335",
        Muscle::Iliacus => "#f5cba7",
        Muscle::IliotibialBand => "#d5dbdb",
        Muscle::Sartorius => "#58d68d",
        Muscle::RectusFemoris => "#f1948a",
        Muscle::Adductors => "#76d7c4",
        Muscle::VastusLateralis => "#bb8fce",
    }
}

fn short(muscle: Muscle) -> &'static str {
    match muscle {
        Muscle::LowerTrapezius => "Low. trap.",
        Muscle::LatissimusDorsi => "Lat. dorsi",
        Muscle::ErectorSpinae => "Erector",
        Muscle::Multifidus => "Multif.",
        Muscle::QuadratusLumborum => "QL",
        Muscle::ThoracolumbarFascia => "TLF",
        Muscle::GluteusMaximus => "Glut. max.",
        Muscle::GluteusMedius => "Glut. med.",
        Muscle::GluteusMinimus => "Glut. min.",
        Muscle::Piriformis => "Pirif.",
        Muscle::TensorFasciaeLatae => "TFL",
        Muscle::Hamstrings => "Hamstr.",
        Muscle::UpperTrapezius => "Up. trap.",
        Muscle::MiddleTrapezius => "Mid. trap.",
        Muscle::LevatorScapulae => "Lev. scap.",
        Muscle::Rhomboids => "Rhomb.",
        Muscle::Infraspinatus => "Infrasp.",
        Muscle::TeresMajor => "Teres maj.",
        Muscle::SerratusPosteriorInferior => "Serr. post. inf.",
        Muscle::ExternalOblique => "Ext. obl.",
        Muscle::PsoasMajor => "Psoas",
        Muscle::Iliacus => "Iliacus",
        Muscle::IliotibialBand => "IT band",
        Muscle::Sartorius => "Sart.",
        Muscle::RectusFemoris => "Rect. fem.",
        Muscle::Adductors => "Adduct.",
        Muscle::VastusLateralis => "Vast. lat.",
    }
}

fn points(points: &[Point]) -> String {
    points
        .iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

fn panel(svg: &mut String, atlas: &Atlas, layer: Layer, dx: f32) -> std::fmt::Result {
    let midline = atlas.midline();
    writeln!(svg, r#"<g transform="translate({dx},{TITLE})">"#)?;
    writeln!(
        svg,
        r#"<text x="{midline}" y="-10" font-size="14" text-anchor="middle" font-weight="bold">{} layer (posterior view)</text>"#,
        layer.name()
    )?;
    // Body fill from its triangles (as the UI does), then its outline.
    for &[a, b, c] in &atlas.body_triangles {
        let tri: Vec<Point> = [a, b, c]
            .iter()
            .filter_map(|&i| atlas.body_outline.get(i as usize).copied())
            .collect();
        writeln!(
            svg,
            r##"<polygon points="{}" fill="#f7e4d4" stroke="#f7e4d4" stroke-width="0.4"/>"##,
            points(&tri)
        )?;
    }
    // In the deep layer, the superficial muscles as faint dashed outlines.
    if layer == Layer::Deep {
        for region in atlas.regions_in(Layer::Superficial) {
            writeln!(
                svg,
                r##"<polygon points="{}" fill="none" stroke="#b9a898" stroke-width="0.5" stroke-dasharray="2,2"/>"##,
                points(&region.outline)
            )?;
        }
    }
    for region in atlas.regions_in(layer) {
        writeln!(
            svg,
            r##"<polygon points="{}" fill="{}" fill-opacity="0.85" stroke="#3a3a3a" stroke-width="0.6" stroke-linejoin="round"><title>{}</title></polygon>"##,
            points(&region.outline),
            colour(region.muscle),
            escape(&region.label())
        )?;
    }
    writeln!(
        svg,
        r##"<polygon points="{}" fill="none" stroke="#5a4636" stroke-width="1.2" stroke-linejoin="round"/>"##,
        points(&atlas.body_outline)
    )?;
    for landmark in &atlas.landmarks {
        let tag = if landmark.closed {
            "polygon"
        } else {
            "polyline"
        };
        writeln!(
            svg,
            r##"<{tag} points="{}" fill="none" stroke="#2b2b2b" stroke-width="0.9" stroke-linecap="round" stroke-linejoin="round"/>"##,
            points(&landmark.points)
        )?;
        // Vertebra ticks are named T7 .. L5: label them beside the spine.
        let is_vertebra = landmark.name.len() <= 3
            && landmark.name.starts_with(['T', 'L'])
            && landmark.name[1..].chars().all(|c| c.is_ascii_digit());
        if is_vertebra {
            let right = landmark.points.iter().map(|p| p.x).fold(f32::MIN, f32::max);
            let y = landmark.points.iter().map(|p| p.y).sum::<f32>() / landmark.points.len() as f32;
            writeln!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" font-size="6" fill="#444">{}</text>"##,
                right + 1.5,
                y + 2.0,
                landmark.name
            )?;
        }
    }
    for region in atlas.regions_in(layer) {
        let p = region.label_at;
        writeln!(
            svg,
            r##"<circle cx="{:.1}" cy="{:.1}" r="1.6" fill="#000"/><text x="{:.1}" y="{:.1}" font-size="7" text-anchor="middle" fill="#111">{} {}</text>"##,
            p.x,
            p.y,
            p.x,
            p.y - 3.0,
            short(region.muscle),
            region.side.abbreviation()
        )?;
    }
    // The client's sides: posterior view, client's left on the viewer's left.
    for (side, x) in [(Side::Left, 24.0), (Side::Right, atlas.size.x - 24.0)] {
        writeln!(
            svg,
            r#"<text x="{x}" y="30" font-size="22" font-weight="bold" text-anchor="middle">{}</text>"#,
            side.abbreviation()
        )?;
    }
    writeln!(
        svg,
        r##"<rect x="0" y="0" width="{}" height="{}" fill="none" stroke="#ccc"/></g>"##,
        atlas.size.x, atlas.size.y
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/atlas.svg".to_owned());
    let atlas = Atlas::try_builtin()?;
    let (w, h) = (atlas.size.x * 2.0 + GAP, atlas.size.y + TITLE);
    let mut svg = String::new();
    writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {w} {h}" font-family="DejaVu Sans, sans-serif">"#,
        w * SCALE,
        h * SCALE
    )?;
    writeln!(svg, r#"<rect width="{w}" height="{h}" fill="white"/>"#)?;
    for (i, layer) in Layer::ALL.into_iter().enumerate() {
        panel(&mut svg, atlas, layer, i as f32 * (atlas.size.x + GAP))?;
    }
    svg.push_str("</svg>\n");
    std::fs::write(&out, svg)?;
    println!("wrote {out}");
    Ok(())
}
