//! Where the step-number badges go on the map, in atlas units, so that no
//! badge covers another: the same placement on screen and on paper.

use super::marks::Mark;
use super::{Layer, Point, View, polygon_contains};

/// A badge's place: `at` its centre, `home` the region's label point (a
/// badge moved away from it may get a leader line back).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Badge {
    pub at: Point,
    pub home: Point,
}

impl Badge {
    /// Whether the badge had to move off its region's label point.
    pub fn moved(&self) -> bool {
        self.at != self.home
    }
}

/// An axis-aligned box around a badge centre.
#[derive(Debug, Clone, Copy)]
struct Box2 {
    centre: Point,
    half: Point,
}

impl Box2 {
    fn overlaps(&self, other: &Box2) -> bool {
        (self.centre.x - other.centre.x).abs() < self.half.x + other.half.x
            && (self.centre.y - other.centre.y).abs() < self.half.y + other.half.y
    }
}

/// Places each mark's badge (one per mark, `None` where the atlas has no
/// region for it) on its region's label point or, where that would cover an
/// earlier badge or sit under a planned deep muscle drawn on top, on the
/// nearest free spot inside the region. `half_size(index, mark)` gives a
/// badge's half width and half height in atlas units, any margin included.
pub fn place_badges(
    atlas: &View,
    marks: &[Mark],
    half_size: impl Fn(usize, &Mark) -> Point,
) -> Vec<Option<Badge>> {
    let deep: Vec<(&Mark, &[Point])> = marks
        .iter()
        .filter(|m| m.layer == Layer::Deep)
        .filter_map(|m| {
            let region = atlas.region(m.region.muscle, m.region.side, Layer::Deep)?;
            Some((m, region.outline.as_slice()))
        })
        .collect();
    let mut placed: Vec<Box2> = Vec::new();
    let mut badges = Vec::with_capacity(marks.len());
    for (index, mark) in marks.iter().enumerate() {
        let Some(region) = atlas.region(mark.region.muscle, mark.region.side, mark.layer) else {
            badges.push(None);
            continue;
        };
        let half = half_size(index, mark);
        let home = region.label_at;
        // Free of other badges, and within the drawing (a badge at the top
        // of the shoulders must not reach into what is printed above it).
        let size = atlas.size;
        let clear = |c: Point| {
            let candidate = Box2 { centre: c, half };
            placed.iter().all(|b| !b.overlaps(&candidate))
        };
        let within = |c: Point| {
            c.x >= half.x && c.y >= half.y && c.x + half.x <= size.x && c.y + half.y <= size.y
        };
        let free = |c: Point| within(c) && clear(c);
        let inside = |c: Point| polygon_contains(&region.outline, c);
        // A planned deep muscle drawn over this one hides that part of it.
        let hidden = |c: Point| {
            deep.iter()
                .any(|(other, outline)| other.region != mark.region && polygon_contains(outline, c))
        };
        let mut chosen = home;
        if !free(home) || hidden(home) {
            // Rings of 8 spots, half a badge apart, out to 20 badge heights:
            // on a small view a badge is large next to its muscle.
            let step = (half.y * 0.5).max(0.05);
            let candidates = (1..=40).flat_map(|ring| {
                let d = ring as f32 * step;
                (0..8).map(move |k| {
                    let angle = (90.0 + 45.0 * k as f32).to_radians();
                    Point::new(home.x + d * angle.cos(), home.y + d * angle.sin())
                })
            });
            let mut best: Option<(Point, u8)> = None;
            for c in candidates {
                // Off the drawing only when nothing on it is free (a small
                // view crowded with badges): never on another badge.
                // Off it only to the sides, where no title or letter is
                // printed (those are above and below a view).
                let beside = c.y >= half.y && c.y + half.y <= size.y;
                if !clear(c) || !beside {
                    continue;
                }
                let rank = match (within(c), inside(c), hidden(c)) {
                    (true, true, false) => 0,
                    (true, true, true) => 1,
                    (true, false, _) => 2,
                    (false, _, _) => 3,
                };
                if best.is_none_or(|(_, r)| rank < r) {
                    best = Some((c, rank));
                }
                if rank == 0 {
                    break;
                }
            }
            // Where nothing better is free, a covered label point beats a
            // spot outside the region.
            chosen = match best {
                Some((c, rank)) if rank == 0 || !free(home) => c,
                _ => home,
            };
        }
        placed.push(Box2 {
            centre: chosen,
            half,
        });
        badges.push(Some(Badge { at: chosen, home }));
    }
    badges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::{Atlas, ViewKind, marks};
    use crate::model::{Muscle, Plan, Pressure, Side, Step, Technique};

    #[test]
    fn badges_on_the_most_crowded_map_do_not_cover_each_other() {
        let mut plan = Plan::new(jiff::civil::date(2026, 11, 25));
        // Every muscle on both sides, twice: the most crowded map there is.
        for _ in 0..2 {
            for muscle in Muscle::ALL {
                plan.steps.push(Step::new(
                    muscle,
                    Side::Both,
                    Technique::Swedish,
                    Pressure::MEDIUM,
                ));
            }
        }
        for atlas in Atlas::builtin().views() {
            let marks = marks::marks(&plan, atlas, &[]);
            assert_eq!(marks.len(), 2 * atlas.muscles().len(), "{:?}", atlas.kind);
            let half = |m: &Mark| Point::new(3.0 + 2.5 * m.steps.len() as f32, 5.0);
            let badges = place_badges(atlas, &marks, |_, m| half(m));
            let boxes: Vec<Box2> = marks
                .iter()
                .zip(&badges)
                .filter_map(|(m, b)| {
                    b.map(|b| Box2 {
                        centre: b.at,
                        half: half(m),
                    })
                })
                .collect();
            assert_eq!(boxes.len(), marks.len(), "every planned region has a badge");
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    assert!(!a.overlaps(b), "{:?}: {a:?} overlaps {b:?}", atlas.kind);
                }
            }
        }
    }

    #[test]
    fn a_lone_badge_stays_on_its_label_point() {
        let atlas = Atlas::builtin().view(ViewKind::Posterior);
        let mut plan = Plan::new(jiff::civil::date(2026, 11, 25));
        plan.steps.push(Step::new(
            Muscle::GluteusMaximus,
            Side::Left,
            Technique::Swedish,
            Pressure::MEDIUM,
        ));
        let marks = marks::marks(&plan, atlas, &[]);
        let badges = place_badges(atlas, &marks, |_, _| Point::new(4.0, 4.0));
        let badge = badges[0].expect("the left gluteus maximus is drawn");
        assert!(!badge.moved());
    }
}
