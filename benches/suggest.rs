//! How long ranking the muscles for a pain drawing takes, over every
//! muscle of the atlas. Budget: under 1 ms.
//! Run with `cargo bench --bench suggest`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use massage_planner::model::{BodyView, Cell, PainDrawing, PainLevel, PainMark, PainQuality};
use massage_planner::referral::{BodyChart, ReferralPatterns, suggest};

fn mark(level: u8, quality: PainQuality) -> PainMark {
    PainMark {
        intensity: PainLevel::new(level).unwrap_or_default(),
        quality,
        constant: true,
    }
}

/// Every body cell of both views painted, in bands of three marks: more
/// painted areas and cells than any client's drawing.
fn full_drawing(chart: &BodyChart) -> PainDrawing {
    let marks = [
        mark(7, PainQuality::Ache),
        mark(4, PainQuality::Burning),
        mark(2, PainQuality::Tingling),
    ];
    let mut drawing = PainDrawing::default();
    for view in BodyView::ALL {
        for row in 0..chart.grid.rows {
            let cells: Vec<Cell> = (0..chart.grid.columns)
                .map(|col| Cell::new(row, col))
                .filter(|&c| chart.area_index(view, c).is_some())
                .collect();
            drawing.paint(view, cells, marks[usize::from(row / 8) % marks.len()]);
        }
    }
    drawing
}

fn bench(c: &mut Criterion) {
    let chart = BodyChart::builtin();
    let patterns = ReferralPatterns::builtin();
    let full = full_drawing(chart);
    // A typical drawing: Maria Keller's right low back and buttock.
    let typical: PainDrawing = {
        let mut d = PainDrawing::default();
        for id in ["low_back", "iliac_crest", "sacroiliac", "lower_buttock"] {
            if let Some(area) = chart.find(BodyView::Back, id, massage_planner::model::Side::Right)
            {
                d.paint(
                    BodyView::Back,
                    area.cells.iter().copied(),
                    mark(5, PainQuality::Ache),
                );
            }
        }
        d
    };
    c.bench_function("suggest, typical drawing (4 areas)", |b| {
        b.iter(|| suggest(black_box(&typical), chart, patterns));
    });
    c.bench_function("suggest, every body cell painted (both views)", |b| {
        b.iter(|| suggest(black_box(&full), chart, patterns));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
