//! Why the body chart or the referral patterns were refused. Each message
//! names the part of the file so a person editing it can find it.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChartError {
    #[error("{line}:{col}: {message}")]
    Parse {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("grid: the cell size must be positive and the origin a finite point")]
    BadGrid,
    #[error(
        "left_leg must start and end at the two ends of the muscle map's cut across the thigh \
         (an edge of the atlas body outline), and the whole outline must be a simple polygon"
    )]
    LegDoesNotFit,
    #[error("{what}: needs at least 3 finite points")]
    BadOutline { what: String },
    #[error("{what}: names no view (back, front)")]
    NoView { what: String },
    #[error(
        "{what}: point ({x}, {y}) is right of the midline; write a Pair area on the viewer's left half"
    )]
    CrossesMidline { what: String, x: f32, y: f32 },
    #[error("{what}: the same id on the same side and view twice")]
    Duplicate { what: String },
    #[error("too many areas")]
    TooManyAreas,
    #[error("{view} view: the body at ({x}, {y}) is in no area; every body cell needs one")]
    Uncovered { view: &'static str, x: f32, y: f32 },
    #[error("{what} ({view} view): earlier areas cover all of it, so it has no cells")]
    EmptyArea { what: String, view: &'static str },
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PatternError {
    #[error("{line}:{col}: {message}")]
    Parse {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{muscle}: a second pattern for the same muscle")]
    Duplicate { muscle: &'static str },
    #[error("{muscle}: no referral pattern; every muscle in the atlas needs one")]
    Missing { muscle: &'static str },
    #[error("{muscle}: zone {area:?} is not an area of the body chart")]
    UnknownArea { muscle: &'static str, area: String },
    #[error("{muscle}: zone {area:?} is listed twice")]
    RepeatedArea { muscle: &'static str, area: String },
    #[error("{muscle}: trigger point {id:?} at ({x}, {y}) is not inside the muscle on the map")]
    TriggerPointOutside {
        muscle: &'static str,
        id: String,
        x: f32,
        y: f32,
    },
    #[error("{muscle}: trigger point id {id:?} is used twice")]
    DuplicateTriggerPoint { muscle: &'static str, id: String },
    #[error("{muscle}: no essential zone and no zone beyond the chart")]
    NoEssentialZone { muscle: &'static str },
}
