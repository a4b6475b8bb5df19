//! Paper sizes the sheet is laid out for.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// 1 inch in PDF points.
const INCH: f32 = 72.0;
/// 1 millimetre in PDF points.
const MM: f32 = INCH / 25.4;

/// The paper the sheet is printed on. ISO A4 outside North America,
/// US Letter inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    /// "A4", "US Letter": as shown to the user.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "US Letter",
        }
    }

    /// The spelling accepted by [`FromStr`] and used in settings: "a4", "letter".
    pub fn id(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    /// Width and height in PDF points (1/72 inch), portrait.
    pub fn size_points(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0 * MM, 297.0 * MM),
            Paper::Letter => (8.5 * INCH, 11.0 * INCH),
        }
    }
}

impl fmt::Display for Paper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The text was not a paper size this program knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown paper size \"{0}\": use a4 or letter")]
pub struct UnknownPaper(pub String);

impl FromStr for Paper {
    type Err = UnknownPaper;

    /// "a4" or "letter", in any case; "us-letter" and "us letter" too.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" | "us letter" | "usletter" => Ok(Paper::Letter),
            _ => Err(UnknownPaper(text.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_names_in_any_case() {
        assert_eq!("a4".parse(), Ok(Paper::A4));
        assert_eq!(" A4 ".parse(), Ok(Paper::A4));
        assert_eq!("Letter".parse(), Ok(Paper::Letter));
        assert_eq!("a5".parse::<Paper>(), Err(UnknownPaper("a5".to_owned())));
        for paper in Paper::ALL {
            assert_eq!(paper.id().parse(), Ok(paper));
        }
    }

    #[test]
    fn sizes_are_portrait_points() {
        let (w, h) = Paper::A4.size_points();
        assert!((w - 595.28).abs() < 0.01 && (h - 841.89).abs() < 0.01);
        assert_eq!(Paper::Letter.size_points(), (612.0, 792.0));
        assert_eq!(Paper::default(), Paper::A4);
    }
}
