//! Drawing the laid-out pages into a PDF with krilla: real text in the
//! embedded, subset fonts (with a ToUnicode map, so it can be selected and
//! searched), vector paths for everything else.

use krilla::Document;
use krilla::geom::PathBuilder;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::surface::Surface;

use super::error::SheetError;
use super::fonts::Fonts;
use super::hatch::paint_technique;
use super::layout::{Frame, Op, Pen};
use super::map_paint::draw_map;
use super::primitives::{draw_text, fill_path, rect_path, stroke_path};

/// Document information shown by PDF viewers.
pub(crate) struct Info {
    pub title: String,
    pub author: String,
}

pub(crate) fn render(
    pages: &[Vec<Op>],
    frame: &Frame,
    fonts: &Fonts,
    info: Info,
) -> Result<Vec<u8>, SheetError> {
    let mut document = Document::new();
    let mut metadata = Metadata::new()
        .title(info.title)
        .creator(format!("massage-planner {}", env!("CARGO_PKG_VERSION")))
        .language("en".to_owned());
    if !info.author.trim().is_empty() {
        metadata = metadata.authors(vec![info.author]);
    }
    document.set_metadata(metadata);
    for ops in pages {
        let settings = PageSettings::from_wh(frame.width, frame.height).ok_or(
            SheetError::Layout("the paper size is not a valid page size"),
        )?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op);
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| SheetError::Pdf(e.to_string()))
}

fn draw(surface: &mut Surface, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            baseline,
            style,
            grey,
            text,
        } => draw_text(surface, fonts, (*x, *baseline), *style, *grey, text),
        Op::Line { from, to, pen } => {
            let mut builder = PathBuilder::new();
            builder.move_to(from.0, from.1);
            builder.line_to(to.0, to.1);
            if let Some(path) = builder.finish() {
                stroke_path(surface, &path, *pen);
            }
        }
        Op::Rect { rect, fill, stroke } => {
            if let Some(path) = rect_path(*rect) {
                if let Some(grey) = fill {
                    fill_path(surface, &path, *grey);
                }
                if let Some(pen) = stroke {
                    stroke_path(surface, &path, *pen);
                }
            }
        }
        Op::Swatch { rect, technique } => {
            if let Some(path) = rect_path(*rect) {
                paint_technique(surface, &path, *rect, *technique);
                stroke_path(surface, &path, Pen::new(0.6, 0));
            }
        }
        Op::Map(map) => draw_map(surface, fonts, map),
        Op::PainFigure(panel) => super::pain_figure::draw_pain_panel(surface, fonts, panel),
        Op::Heat(heat) => super::heat_paint::draw_heat(surface, heat),
    }
}
