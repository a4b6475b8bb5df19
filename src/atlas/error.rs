//! Why an atlas file was refused. Each message names the part of the file
//! (`region 3 (gluteus_medius, Deep)`) so a person editing it can find it.

/// A problem in an atlas file; parse errors carry the line and column.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AtlasError {
    #[error("{line}:{col}: {message}")]
    Parse {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("the atlas size must be positive, not {width} x {height}")]
    BadSize { width: f32, height: f32 },
    #[error("{what}: needs at least {min} points, has {found}")]
    TooFewPoints {
        what: String,
        min: usize,
        found: usize,
    },
    #[error("{what}: point {index} is not a finite number")]
    NotFinite { what: String, index: usize },
    #[error("{what}: must start and end on the midline x = {midline}, since it is mirrored there")]
    NotOnMidline { what: String, midline: f32 },
    #[error(
        "{what}: point {index} ({x}, {y}) reaches or crosses the midline x = {midline}; \
         write the viewer's left half only (x < {midline}), it is mirrored at load"
    )]
    CrossesMidline {
        what: String,
        index: usize,
        x: f32,
        y: f32,
        midline: f32,
    },
    #[error("{what}: point {index} ({x}, {y}) is outside the body outline")]
    OutsideBody {
        what: String,
        index: usize,
        x: f32,
        y: f32,
    },
    #[error("{what}: the outline crosses itself (edges {first} and {second})")]
    SelfIntersecting {
        what: String,
        first: usize,
        second: usize,
    },
    #[error("{what}: the outline triangulates to nothing (no area, or its points lie on a line)")]
    EmptyTriangulation { what: String },
    #[error(
        "{what}: the triangles cover {triangles_area:.1} square units but the outline encloses \
         {outline_area:.1}; is the outline a simple polygon?"
    )]
    TriangulationMismatch {
        what: String,
        outline_area: f64,
        triangles_area: f64,
    },
    #[error("{what}: this muscle already has a region in this layer")]
    DuplicateRegion { what: String },
    #[error("{what}: no part of it is visible; later regions of the layer cover it all")]
    Hidden { what: String },
    #[error("{what}: its label point ({x}, {y}) is not on a visible part of the region")]
    LabelNotVisible { what: String, x: f32, y: f32 },
    #[error("the {view} view is given twice")]
    DuplicateView { view: &'static str },
    #[error("the {view} view is missing; the atlas needs the Back, Side and Front views")]
    MissingView { view: &'static str },
    #[error("the reference for {muscle} is given twice")]
    DuplicateReference { muscle: &'static str },
}
