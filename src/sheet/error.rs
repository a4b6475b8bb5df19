//! What can go wrong while making the sheet.

/// The sheet could not be made. None of these depend on the plan: a plan
/// that loads always prints, so seeing one of these is a bug or a broken build.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    /// An embedded font could not be read (a broken build).
    #[error("the built-in font {name} cannot be read: {reason}")]
    Font { name: &'static str, reason: String },
    /// A shape or page could not be built from the computed numbers.
    #[error("cannot lay out the sheet: {0}")]
    Layout(&'static str),
    /// The PDF writer refused the document.
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
}
