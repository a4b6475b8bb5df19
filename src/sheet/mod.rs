//! The printable plan sheet: one PDF page for a normal plan (header, muscle
//! map, goals and precautions, table of steps), more pages for a long one.
//! No egui here: the sheet is drawn with krilla into PDF bytes.
//!
//! ```no_run
//! # fn demo(plan: &massage_planner::model::Plan) -> Result<(), Box<dyn std::error::Error>> {
//! use massage_planner::sheet::{Paper, SheetOptions, render_sheet};
//! let options = SheetOptions {
//!     paper: Paper::Letter,
//!     file_name: "aiko-tanaka-2026-11-23.ron".into(),
//!     ..SheetOptions::default()
//! };
//! let pdf: Vec<u8> = render_sheet(plan, &options)?;
//! std::fs::write("plan.pdf", pdf)?;
//! # Ok(()) }
//! ```

mod compose;
mod error;
mod fonts;
mod handout;
mod hatch;
mod heat_paint;
mod keep;
mod layout;
mod map;
mod map_drawing;
mod map_paint;
mod page_geometry;
mod pain_figure;
mod pain_panel;
mod paper;
mod primitives;
mod prose;
mod record;
mod render;
mod report;
mod sections;
mod table;
mod text;
mod trigger_marks;

pub use error::SheetError;
pub use handout::HandoutOptions;
pub use paper::{Paper, UnknownPaper};
pub use report::ReportOptions;

use crate::model::{ClientRecord, Plan};
use crate::screening::Warning;

/// How to print the sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetOptions {
    pub paper: Paper,
    /// Shown in the footer of every page, so a printout leads back to its
    /// file; usually the plan file's name. May be empty.
    pub file_name: String,
    /// The client's record: conditions, preferences and areas to avoid are
    /// printed with the precautions.
    pub client: Option<ClientRecord>,
    /// The plan's screening warnings; the unacknowledged ones are printed.
    pub warnings: Vec<Warning>,
    /// Print the session record (planned against done, pain, SOAP notes)
    /// instead of the plan.
    pub record: bool,
}

/// The plan sheet as PDF bytes, ready to save or print. Text is real,
/// selectable text in an embedded font. Any plan that loads can be printed,
/// including one with empty fields or validation findings (which the sheet
/// lists).
pub fn render_sheet(plan: &Plan, options: &SheetOptions) -> Result<Vec<u8>, SheetError> {
    let fonts = fonts::Fonts::load()?;
    let (frame, pages) = compose::lay_out(plan, options, &fonts);
    let kind = if options.record {
        "Massage session record"
    } else {
        "Massage session plan"
    };
    let info = render::Info {
        title: format!(
            "{kind}: {}, {}",
            compose::client_name(plan),
            compose::long_date(plan.date)
        ),
        author: plan.therapist.clone(),
    };
    render::render(&pages, &frame, &fonts, info)
}

/// The home-care handout for `plan` as PDF bytes: `care` says what goes in
/// (see `course::HomeCare::for_plan`).
pub fn render_handout(
    plan: &Plan,
    care: &crate::course::HomeCarePlan,
    options: &HandoutOptions,
) -> Result<Vec<u8>, SheetError> {
    let fonts = fonts::Fonts::load()?;
    let (frame, pages) = handout::lay_out_handout(plan, care, options, &fonts);
    let info = render::Info {
        title: format!(
            "Home care: {}, {}",
            compose::client_name(plan),
            compose::long_date(plan.date)
        ),
        author: plan.therapist.clone(),
    };
    render::render(&pages, &frame, &fonts, info)
}

/// The progress report of a client's course as PDF bytes.
pub fn render_report(
    course: &crate::course::Course,
    options: &ReportOptions,
) -> Result<Vec<u8>, SheetError> {
    let fonts = fonts::Fonts::load()?;
    let (frame, pages) = report::lay_out_report(course, options, &fonts);
    let info = render::Info {
        title: format!("Progress report: {}", course.client),
        author: course
            .last()
            .map(|s| s.plan.therapist.clone())
            .unwrap_or_default(),
    };
    render::render(&pages, &frame, &fonts, info)
}
