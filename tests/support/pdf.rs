//! Reading a PDF back as a person would: each page's text runs with their
//! positions (lopdf, no system tools), grouped into lines.

use std::collections::{BTreeMap, HashMap};

use lopdf::content::Content;
use lopdf::{Document, Object, ObjectId};

/// One text-showing operation: where it sits on its page and what it says.
#[derive(Debug, Clone)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    pub text: String,
}

/// The pages of a PDF as runs of text, in content order.
pub fn read_pdf(bytes: &[u8]) -> Result<Vec<Vec<Run>>, Box<dyn std::error::Error>> {
    let doc = Document::load_mem(bytes)?;
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        pages.push(page_runs(&doc, page_id)?);
    }
    Ok(pages)
}

/// A font's code-to-text map, and how many bytes a code takes.
pub struct ToUnicode {
    code_bytes: usize,
    map: HashMap<u32, String>,
}

pub fn page_runs(
    doc: &Document,
    page_id: ObjectId,
) -> Result<Vec<Run>, Box<dyn std::error::Error>> {
    let mut maps: HashMap<Vec<u8>, ToUnicode> = HashMap::new();
    for (name, font) in doc.get_page_fonts(page_id)? {
        let stream_ref = font.get(b"ToUnicode")?.as_reference()?;
        let stream = doc.get_object(stream_ref)?.as_stream()?;
        let cmap = String::from_utf8_lossy(&stream.decompressed_content()?).into_owned();
        let two_bytes = font.get(b"Subtype")?.as_name()? == b"Type0";
        maps.insert(name, parse_cmap(&cmap, if two_bytes { 2 } else { 1 }));
    }
    let content = Content::decode(&doc.get_page_content_with_limit(page_id, 16 << 20)?)?;
    let mut runs = Vec::new();
    let mut ctm = IDENTITY;
    let mut saved = Vec::new();
    let mut text_matrix = IDENTITY;
    let mut line_matrix = IDENTITY;
    let mut font: Option<Vec<u8>> = None;
    for op in &content.operations {
        let nums: Vec<f32> = op
            .operands
            .iter()
            .filter_map(|o| o.as_float().ok())
            .collect();
        match op.operator.as_str() {
            "q" => saved.push(ctm),
            "Q" => ctm = saved.pop().unwrap_or(IDENTITY),
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
                line_matrix = multiply(&[1.0, 0.0, 0.0, 1.0, nums[0], nums[1]], &line_matrix);
                text_matrix = line_matrix;
            }
            "Tf" => {
                font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec)
            }
            "Tj" | "TJ" => {
                let map = font
                    .as_ref()
                    .and_then(|f| maps.get(f))
                    .ok_or("text without a font")?;
                let mut text = String::new();
                let strings: Vec<&Object> = match &op.operands[..] {
                    [Object::Array(items)] => items.iter().collect(),
                    other => other.iter().collect(),
                };
                for item in strings {
                    if let Object::String(bytes, _) = item {
                        for code in bytes.chunks(map.code_bytes) {
                            let code = code.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
                            text.push_str(map.map.get(&code).ok_or("a code without Unicode")?);
                        }
                    }
                }
                let at = multiply(&text_matrix, &ctm);
                runs.push(Run {
                    x: at[4],
                    y: at[5],
                    text,
                });
            }
            _ => {}
        }
    }
    Ok(runs)
}

const IDENTITY: [f32; 6] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

pub fn nums_to_matrix(n: &[f32]) -> [f32; 6] {
    [n[0], n[1], n[2], n[3], n[4], n[5]]
}

/// `a` then `b`, as PDF matrices [a b c d e f].
pub fn multiply(a: &[f32; 6], b: &[f32; 6]) -> [f32; 6] {
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
pub fn parse_cmap(cmap: &str, code_bytes: usize) -> ToUnicode {
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
    ToUnicode { code_bytes, map }
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

pub fn all_text(pages: &[Vec<Run>]) -> String {
    pages
        .iter()
        .flat_map(|p| lines(p))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn page_count(pdf: &[u8]) -> Result<usize, Box<dyn std::error::Error>> {
    Ok(Document::load_mem(pdf)?.get_pages().len())
}
