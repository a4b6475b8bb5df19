//! Reading text back out of a PDF the way a reader (or a search) sees it,
//! with where each piece sits on its page: content streams decoded with
//! each font's ToUnicode map and glyph widths, so tests need no system
//! tools.

use std::collections::{BTreeMap, HashMap};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

pub type Error = Box<dyn std::error::Error>;

/// One text-showing operation: where it sits on its page and what it says.
#[derive(Debug, Clone)]
pub struct Run {
    /// Start of the baseline, in PDF coordinates (y grows upwards).
    pub x: f32,
    pub y: f32,
    pub text: String,
    /// Font size on the page, in points.
    pub size: f32,
    pub bold: bool,
    /// The box from the descender to the capital height, in page
    /// coordinates with y growing downwards (as the sheet is laid out).
    pub bounds: Bounds,
}

/// A box on the page, y growing downwards from the top edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

impl Bounds {
    /// How far the two boxes overlap in each direction (≤ 0: they do not).
    pub fn overlap(&self, other: &Bounds) -> (f32, f32) {
        (
            self.right.min(other.right) - self.left.max(other.left),
            self.bottom.min(other.bottom) - self.top.max(other.top),
        )
    }
}

/// A page: its size in points and its runs of text in content order.
#[derive(Debug, Clone)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub runs: Vec<Run>,
}

/// The pages of a PDF as runs of text, in content order.
pub fn read_pdf(bytes: &[u8]) -> Result<Vec<Vec<Run>>, Error> {
    Ok(read_pages(bytes)?.into_iter().map(|p| p.runs).collect())
}

/// The pages of a PDF with their sizes.
pub fn read_pages(bytes: &[u8]) -> Result<Vec<Page>, Error> {
    let doc = Document::load_mem(bytes)?;
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let media_box = doc.get_dictionary(page_id)?.get(b"MediaBox")?.as_array()?;
        let numbers: Vec<f32> = media_box
            .iter()
            .map(Object::as_float)
            .collect::<Result<_, _>>()?;
        let [x0, y0, x1, y1] = numbers[..] else {
            return Err("a MediaBox of four numbers".into());
        };
        let (width, height) = (x1 - x0, y1 - y0);
        pages.push(Page {
            width,
            height,
            runs: page_runs(&doc, page_id, height)?,
        });
    }
    Ok(pages)
}

/// What the reader needs of a font: code to text, advance widths and
/// vertical extent.
struct FontInfo {
    code_bytes: usize,
    to_unicode: HashMap<u32, String>,
    widths: HashMap<u32, f32>,
    default_width: f32,
    cap_height: f32,
    descent: f32,
    bold: bool,
}

fn font_info(doc: &Document, font: &Dictionary) -> Result<FontInfo, Error> {
    let stream_ref = font.get(b"ToUnicode")?.as_reference()?;
    let stream = doc.get_object(stream_ref)?.as_stream()?;
    let cmap = String::from_utf8_lossy(&stream.decompressed_content()?).into_owned();
    let type0 = font.get(b"Subtype")?.as_name()? == b"Type0";
    let code_bytes = if type0 { 2 } else { 1 };
    let mut info = FontInfo {
        code_bytes,
        to_unicode: parse_cmap(&cmap),
        widths: HashMap::new(),
        default_width: 1000.0,
        cap_height: 700.0,
        descent: -250.0,
        bold: false,
    };
    let descendant = if type0 {
        match font.get(b"DescendantFonts")? {
            Object::Array(items) => doc.dereference(&items[0])?.1.as_dict()?,
            Object::Reference(id) => match doc.get_object(*id)? {
                Object::Array(items) => doc.dereference(&items[0])?.1.as_dict()?,
                _ => return Err("DescendantFonts is not an array".into()),
            },
            _ => return Err("DescendantFonts is not an array".into()),
        }
    } else {
        font
    };
    if let Ok(dw) = descendant.get(b"DW").and_then(Object::as_float) {
        info.default_width = dw;
    }
    if let Ok(w) = descendant.get(b"W") {
        let w = doc.dereference(w)?.1.as_array()?;
        let mut at = 0;
        while at < w.len() {
            let first = w[at].as_i64()? as u32;
            match w.get(at + 1) {
                Some(Object::Array(list)) => {
                    for (i, width) in list.iter().enumerate() {
                        info.widths.insert(first + i as u32, width.as_float()?);
                    }
                    at += 2;
                }
                Some(last) => {
                    let last = last.as_i64()? as u32;
                    let width = w.get(at + 2).ok_or("W range without width")?.as_float()?;
                    for code in first..=last {
                        info.widths.insert(code, width);
                    }
                    at += 3;
                }
                None => break,
            }
        }
    }
    if let Ok(descriptor) = descendant.get(b"FontDescriptor") {
        let descriptor = doc.dereference(descriptor)?.1.as_dict()?;
        if let Ok(cap) = descriptor.get(b"CapHeight").and_then(Object::as_float) {
            info.cap_height = cap;
        }
        if let Ok(descent) = descriptor.get(b"Descent").and_then(Object::as_float) {
            info.descent = descent;
        }
        if let Ok(name) = descriptor.get(b"FontName").and_then(Object::as_name) {
            info.bold = String::from_utf8_lossy(name).contains("Bold");
        }
    }
    Ok(info)
}

/// Text state of a content stream, as far as position and size go.
#[derive(Clone, Copy)]
struct TextState {
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    size: f32,
}

fn page_runs(doc: &Document, page_id: ObjectId, page_height: f32) -> Result<Vec<Run>, Error> {
    let mut fonts: HashMap<Vec<u8>, FontInfo> = HashMap::new();
    for (name, font) in doc.get_page_fonts(page_id)? {
        fonts.insert(name, font_info(doc, font)?);
    }
    let content = Content::decode(&doc.get_page_content_with_limit(page_id, 16 << 20)?)?;
    let mut runs = Vec::new();
    let mut ctm = IDENTITY;
    let mut saved = Vec::new();
    let mut text_matrix = IDENTITY;
    let mut line_matrix = IDENTITY;
    let mut font: Option<Vec<u8>> = None;
    let mut state = TextState {
        char_spacing: 0.0,
        word_spacing: 0.0,
        scale: 1.0,
        leading: 0.0,
        rise: 0.0,
        size: 1.0,
    };
    for op in &content.operations {
        let nums: Vec<f32> = op
            .operands
            .iter()
            .filter_map(|o| o.as_float().ok())
            .collect();
        let mut show: Option<Vec<&Object>> = None;
        match op.operator.as_str() {
            "q" => saved.push((ctm, state)),
            "Q" => (ctm, state) = saved.pop().unwrap_or((IDENTITY, state)),
            "cm" if nums.len() == 6 => ctm = multiply(&nums_to_matrix(&nums), &ctm),
            "BT" => {
                text_matrix = IDENTITY;
                line_matrix = IDENTITY;
            }
            "Tm" if nums.len() == 6 => {
                text_matrix = nums_to_matrix(&nums);
                line_matrix = text_matrix;
            }
            "Td" | "TD" if nums.len() == 2 => {
                if op.operator == "TD" {
                    state.leading = -nums[1];
                }
                line_matrix = multiply(&[1.0, 0.0, 0.0, 1.0, nums[0], nums[1]], &line_matrix);
                text_matrix = line_matrix;
            }
            "T*" => {
                line_matrix = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &line_matrix);
                text_matrix = line_matrix;
            }
            "Tc" if nums.len() == 1 => state.char_spacing = nums[0],
            "Tw" if nums.len() == 1 => state.word_spacing = nums[0],
            "Tz" if nums.len() == 1 => state.scale = nums[0] / 100.0,
            "TL" if nums.len() == 1 => state.leading = nums[0],
            "Ts" if nums.len() == 1 => state.rise = nums[0],
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec);
                if let Some(size) = op.operands.get(1).and_then(|o| o.as_float().ok()) {
                    state.size = size;
                }
            }
            "Tj" | "'" | "\"" => {
                if op.operator != "Tj" {
                    line_matrix =
                        multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &line_matrix);
                    text_matrix = line_matrix;
                }
                show = Some(op.operands.iter().rev().take(1).collect());
            }
            "TJ" => {
                show = Some(match &op.operands[..] {
                    [Object::Array(items)] => items.iter().collect(),
                    other => other.iter().collect(),
                });
            }
            _ => {}
        }
        let Some(items) = show else { continue };
        let info = font
            .as_ref()
            .and_then(|f| fonts.get(f))
            .ok_or("text without a font")?;
        let start = multiply(&text_matrix, &ctm);
        let mut text = String::new();
        let mut advance = 0.0f32;
        for item in items {
            match item {
                Object::String(bytes, _) => {
                    for code in bytes.chunks(info.code_bytes) {
                        let code = code.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
                        text.push_str(info.to_unicode.get(&code).ok_or("a code without Unicode")?);
                        let width = info
                            .widths
                            .get(&code)
                            .copied()
                            .unwrap_or(info.default_width);
                        let word = if info.code_bytes == 1 && code == 32 {
                            state.word_spacing
                        } else {
                            0.0
                        };
                        advance +=
                            (width / 1000.0 * state.size + state.char_spacing + word) * state.scale;
                    }
                }
                other => {
                    if let Ok(n) = other.as_float() {
                        advance -= n / 1000.0 * state.size * state.scale;
                    }
                }
            }
        }
        // The box in text space, then on the page.
        let low = info.descent / 1000.0 * state.size + state.rise;
        let high = info.cap_height / 1000.0 * state.size + state.rise;
        let corners = [(0.0, low), (advance, low), (0.0, high), (advance, high)]
            .map(|(x, y)| transform(&start, x, y));
        let xs = corners.map(|c| c.0);
        let ys = corners.map(|c| c.1);
        let fold =
            |values: [f32; 4], f: fn(f32, f32) -> f32, init: f32| values.into_iter().fold(init, f);
        let on_page_size = state.size * (start[2] * start[2] + start[3] * start[3]).sqrt();
        runs.push(Run {
            x: start[4],
            y: start[5],
            text,
            size: on_page_size,
            bold: info.bold,
            bounds: Bounds {
                left: fold(xs, f32::min, f32::MAX),
                right: fold(xs, f32::max, f32::MIN),
                top: page_height - fold(ys, f32::max, f32::MIN),
                bottom: page_height - fold(ys, f32::min, f32::MAX),
            },
        });
        text_matrix = multiply(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &text_matrix);
    }
    Ok(runs)
}

const IDENTITY: [f32; 6] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn nums_to_matrix(n: &[f32]) -> [f32; 6] {
    [n[0], n[1], n[2], n[3], n[4], n[5]]
}

fn transform(m: &[f32; 6], x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// `a` then `b`, as PDF matrices [a b c d e f].
fn multiply(a: &[f32; 6], b: &[f32; 6]) -> [f32; 6] {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// Reads `bfchar` and `bfrange` entries of a ToUnicode CMap.
fn parse_cmap(cmap: &str) -> HashMap<u32, String> {
    let hex = |s: &str| u32::from_str_radix(s.trim_matches(|c| c == '<' || c == '>'), 16).ok();
    let utf16 = |s: &str| {
        let digits = s.trim_matches(|c| c == '<' || c == '>');
        let units: Vec<u16> = (0..digits.len() / 4)
            .filter_map(|i| u16::from_str_radix(&digits[i * 4..i * 4 + 4], 16).ok())
            .collect();
        String::from_utf16_lossy(&units)
    };
    let mut map = HashMap::new();
    let mut mode = "";
    for line in cmap.lines().map(str::trim) {
        if line.ends_with("beginbfchar") || line.ends_with("beginbfrange") {
            mode = if line.ends_with("beginbfchar") {
                "char"
            } else {
                "range"
            };
            continue;
        }
        if line.starts_with("endbf") {
            mode = "";
            continue;
        }
        let parts: Vec<&str> = line.split_whitespace().collect();
        match (mode, &parts[..]) {
            ("char", [code, text]) => {
                if let Some(code) = hex(code) {
                    map.insert(code, utf16(text));
                }
            }
            ("range", [low, high, start]) if start.starts_with('<') => {
                if let (Some(low), Some(high)) = (hex(low), hex(high)) {
                    let first: Vec<u16> = utf16(start).encode_utf16().collect();
                    for (offset, code) in (low..=high).enumerate() {
                        let mut units = first.clone();
                        if let Some(last) = units.last_mut() {
                            *last += offset as u16;
                        }
                        map.insert(code, String::from_utf16_lossy(&units));
                    }
                }
            }
            _ => {}
        }
    }
    map
}

/// Runs of a page grouped into lines by baseline, top to bottom, each line
/// left to right with its runs separated by " | ".
pub fn lines(page: &[Run]) -> Vec<String> {
    let mut by_line: BTreeMap<i64, Vec<&Run>> = BTreeMap::new();
    for run in page {
        // PDF y grows upwards: negate so the top line comes first.
        by_line
            .entry(-(run.y * 10.0).round() as i64)
            .or_default()
            .push(run);
    }
    by_line
        .into_values()
        .map(|mut runs| {
            runs.sort_by(|a, b| a.x.total_cmp(&b.x));
            runs.iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

/// Every line of every page, one per line.
pub fn all_text(pages: &[Vec<Run>]) -> String {
    pages
        .iter()
        .flat_map(|p| lines(p))
        .collect::<Vec<_>>()
        .join("\n")
}

/// How many pages the PDF has.
pub fn page_count(pdf: &[u8]) -> Result<usize, Error> {
    Ok(Document::load_mem(pdf)?.get_pages().len())
}

/// Printers need about 5 mm (14 pt); the sheet keeps more (the footer is
/// the lowest, 24 pt from the edge). Text closer to an edge than this has
/// left the page.
pub const EDGE: f32 = 20.0;
/// Boxes may touch; overlapping by more than this (points) is an overlap.
pub const TOLERANCE: f32 = 0.3;

/// Every piece of text inside the page and clear of every other.
pub fn check_no_overlap(pages: &[Page]) -> Result<(), String> {
    for (n, page) in pages.iter().enumerate() {
        let runs: Vec<&Run> = page
            .runs
            .iter()
            .filter(|r| !r.text.trim().is_empty())
            .collect();
        for run in &runs {
            let b = run.bounds;
            if b.left < EDGE
                || b.top < EDGE
                || b.right > page.width - EDGE
                || b.bottom > page.height - EDGE
            {
                return Err(format!("page {}: {:?} leaves the page", n + 1, run));
            }
        }
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                let (wide, high) = a.bounds.overlap(&b.bounds);
                if wide > TOLERANCE && high > TOLERANCE {
                    return Err(format!(
                        "page {}: {:?} and {:?} overlap ({wide:.1} × {high:.1} pt)",
                        n + 1,
                        a,
                        b
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Every font on every page is embedded (a subset, with a ToUnicode map).
pub fn check_fonts_embedded(pdf: &[u8]) -> Result<(), Error> {
    let doc = Document::load_mem(pdf)?;
    for (_, page_id) in doc.get_pages() {
        let fonts = doc.get_page_fonts(page_id)?;
        if fonts.is_empty() {
            return Err("a page without fonts".into());
        }
        for font in fonts.values() {
            font.get(b"ToUnicode")?;
            let descendant = match font.get(b"DescendantFonts")? {
                Object::Array(items) => doc.dereference(&items[0])?.1.as_dict()?,
                _ => return Err("no DescendantFonts array".into()),
            };
            let descriptor = doc
                .dereference(descendant.get(b"FontDescriptor")?)?
                .1
                .as_dict()?;
            descriptor.get(b"FontFile2")?;
        }
    }
    Ok(())
}
