//! Pain mode: what the map paints (the plan, the pain before the session or
//! the pain after), the brush, and the edits of a drawing. A stroke (press
//! to release) is one undo step: the map sends `Action::EndGesture` when the
//! button comes up, and the paint edits of one stroke share an `EditKey`.

use crate::atlas::ViewKind;
use crate::model::{BodyView, Cell, Pain, PainDrawing, PainLevel, PainMark, PainQuality, Plan};

/// What a click or drag on the map does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MapMode {
    /// Pick muscles for steps.
    #[default]
    Plan,
    /// Paint the pain the client feels before the session.
    PainBefore,
    /// Paint the pain the client feels after it.
    PainAfter,
}

impl MapMode {
    pub const ALL: [MapMode; 3] = [MapMode::Plan, MapMode::PainBefore, MapMode::PainAfter];

    pub fn name(self) -> &'static str {
        match self {
            MapMode::Plan => "Plan",
            MapMode::PainBefore => "Pain before",
            MapMode::PainAfter => "Pain after",
        }
    }

    /// Which drawing the mode paints, if any.
    pub fn when(self) -> Option<PainWhen> {
        match self {
            MapMode::Plan => None,
            MapMode::PainBefore => Some(PainWhen::Before),
            MapMode::PainAfter => Some(PainWhen::After),
        }
    }
}

/// The pain before or after the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PainWhen {
    Before,
    After,
}

impl PainWhen {
    pub fn pain(self, plan: &Plan) -> Option<&Pain> {
        match self {
            PainWhen::Before => plan.pain_before.as_ref(),
            PainWhen::After => plan.pain_after.as_ref(),
        }
    }

    fn pain_mut(self, plan: &mut Plan) -> &mut Option<Pain> {
        match self {
            PainWhen::Before => &mut plan.pain_before,
            PainWhen::After => &mut plan.pain_after,
        }
    }

    /// The drawing as it is (empty when no pain was recorded).
    pub fn drawing(self, plan: &Plan) -> Option<&PainDrawing> {
        self.pain(plan).map(|p| &p.drawing)
    }
}

/// Brush or eraser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PainTool {
    #[default]
    Brush,
    Eraser,
}

/// The chart view the map's view paints on: the side view has none.
pub fn body_view_of(view: ViewKind) -> Option<BodyView> {
    match view {
        ViewKind::Posterior => Some(BodyView::Back),
        ViewKind::Front => Some(BodyView::Front),
        ViewKind::Side => None,
    }
}

/// The brush a new planner starts with: a moderate constant ache.
pub fn default_brush() -> PainMark {
    PainMark {
        intensity: PainLevel::new(5).unwrap_or_default(),
        quality: PainQuality::Ache,
        constant: true,
    }
}

/// Paints `cells` on the drawing of `when`, making the pain record if the
/// plan has none yet (its rating then follows the strongest painted area).
pub(super) fn paint(
    plan: &mut Plan,
    when: PainWhen,
    view: BodyView,
    cells: &[Cell],
    mark: PainMark,
) {
    let pain = when.pain_mut(plan);
    let fresh = pain.is_none();
    let pain = pain.get_or_insert_with(Pain::default);
    pain.drawing.paint(view, cells.iter().copied(), mark);
    if fresh {
        pain.level = pain.drawing.max_intensity().unwrap_or_default();
    }
}

/// Erases `cells`; a pain record stays (its rating and words are the
/// therapist's), only its drawing shrinks.
pub(super) fn erase(plan: &mut Plan, when: PainWhen, view: BodyView, cells: &[Cell]) {
    if let Some(pain) = when.pain_mut(plan) {
        pain.drawing.erase(view, cells.iter().copied());
    }
}

/// Whether painting `cells` with `mark` would change anything.
pub fn paint_changes(
    plan: &Plan,
    when: PainWhen,
    view: BodyView,
    cells: &[Cell],
    mark: PainMark,
) -> bool {
    let drawing = when.drawing(plan);
    cells.iter().any(|&c| {
        drawing
            .and_then(|d| d.area_at(view, c))
            .is_none_or(|a| a.mark() != mark)
    })
}

/// Whether erasing `cells` would change anything.
pub fn erase_changes(plan: &Plan, when: PainWhen, view: BodyView, cells: &[Cell]) -> bool {
    let Some(drawing) = when.drawing(plan) else {
        return false;
    };
    cells.iter().any(|&c| drawing.area_at(view, c).is_some())
}
