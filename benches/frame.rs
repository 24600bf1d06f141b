//! Frame time of the whole window with a preset loaded, through the kittest
//! harness (CPU only, no GPU): one idle frame, and one frame in which a slider
//! moves (re-evaluation and layout of everything). Each frame is also
//! tessellated, as a renderer would, so only the GPU upload is left out.
//! Target: median under 4 ms in release (issue 3).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cluster_workbench::app::action::Action;
use cluster_workbench::app::document::Edit;
use cluster_workbench::app::{Start, Workbench};
use cluster_workbench::attribute::Attribute;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

#[path = "../tests/common/window.rs"]
mod common_window;

/// The heavier of the shipped presets: banner, three warnings, a selected cell.
fn window() -> Harness<'static, Workbench> {
    let mut h = common_window::harness(Start::BuiltIn("supply-side-only.json".into()));
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().apply(Action::SelectCell(Some(12)), &ctx);
    h.run();
    h
}

/// One frame: the egui pass, then tessellation of what it painted.
fn frame(h: &mut Harness<'static, Workbench>) -> usize {
    h.step();
    let out = h.output();
    let shapes = out.shapes.clone();
    h.ctx.tessellate(shapes, out.pixels_per_point).len()
}

fn bench(c: &mut Criterion) {
    let mut h = window();
    c.bench_function("frame: idle, supply-side-only, 1280x800", |b| {
        b.iter(|| frame(&mut h))
    });

    let mut h = window();
    let ctx = h.ctx.clone();
    let mut v = 0.0;
    c.bench_function("frame: slider moves, supply-side-only, 1280x800", |b| {
        b.iter(|| {
            v = if v > 0.9 { 0.0 } else { v + 0.01 };
            let edit = Action::Edit {
                edit: Edit::SetAttribute(Attribute::Associations, v),
                merge: true,
            };
            h.state_mut().apply(edit, &ctx);
            frame(&mut h)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
