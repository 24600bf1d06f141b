//! Frame time of the whole window, through the kittest harness (CPU only, no
//! GPU): idle, and with a slider moving (re-evaluation of every plan and
//! layout of everything; the analyses restart on their own thread), for a
//! preset with three plans of four entries and uncertain attributes, with the
//! comparison, the plan editor, the lever panel or the chart with its bands
//! showing. Each
//! frame is also tessellated, as a renderer would, so only the GPU upload is
//! left out. Target: median under 2 ms in release (issue 6).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cluster_workbench::app::Workbench;
use cluster_workbench::app::action::{Action, DocAction, DockTab, ViewAction};
use cluster_workbench::app::settings::Settings;
use cluster_workbench::attribute::Attribute;
use cluster_workbench::edit::Edit;
use cluster_workbench::location::Location;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use std::path::PathBuf;

#[path = "../tests/common/window.rs"]
mod common_window;

/// Three plans of four entries, the given dock tab, a selected cell.
fn window(dock: DockTab) -> Harness<'static, Workbench> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/three-plans.json");
    let settings = Settings {
        dock,
        ..Settings::default()
    };
    let mut h = common_window::harness_with(Some(Location::File(path)), settings);
    let ctx = h.ctx.clone();
    h.state_mut().finish_file_jobs(&ctx);
    h.run();
    assert_eq!(h.state().doc.preset().plans.len(), 3);
    h.state_mut()
        .apply(ViewAction::SelectCell(Some(12)).into(), &ctx);
    h.state_mut()
        .apply(ViewAction::SelectEntry(Some(1)).into(), &ctx);
    h.run();
    // The fixture has uncertainty: wait for the bands and the levers.
    h.state_mut().finish_analysis();
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

/// Frames while `attribute` is dragged along its slider, one step a frame.
fn slider_frames(
    c: &mut Criterion,
    mut h: Harness<'static, Workbench>,
    attribute: Attribute,
    name: &str,
) {
    let ctx = h.ctx.clone();
    let mut v = 0.0;
    c.bench_function(name, |b| {
        b.iter(|| {
            v = if v > 0.9 { 0.0 } else { v + 0.01 };
            let edit = Action::Document(DocAction::Edit {
                edit: Edit::SetAttribute(attribute, v),
                merge: true,
            });
            h.state_mut().apply(edit, &ctx);
            frame(&mut h)
        })
    });
}

fn bench(c: &mut Criterion) {
    for (dock, name) in [
        (DockTab::Compare, "comparison"),
        (DockTab::Plan, "plan editor"),
        (DockTab::Levers, "levers"),
        (DockTab::Capability, "chart with bands"),
        (DockTab::Chain, "results chain"),
    ] {
        let mut h = window(dock);
        c.bench_function(
            &format!("frame: idle, 3 plans x 4 entries, {name}, 1280x800"),
            |b| b.iter(|| frame(&mut h)),
        );

        slider_frames(
            c,
            window(dock),
            Attribute::Associations,
            &format!("frame: slider moves, 3 plans x 4 entries, {name}, 1280x800"),
        );
    }
}

/// Workshop mode on its Table 1 and capability steps, a headline slider
/// moving (what a facilitator does in front of the room).
fn bench_workshop(c: &mut Criterion) {
    for (step, name) in [(1, "Table 1"), (4, "capability")] {
        let mut h = window(DockTab::Capability);
        let ctx = h.ctx.clone();
        h.state_mut().apply(ViewAction::Present(true).into(), &ctx);
        h.state_mut()
            .apply(ViewAction::WorkshopStep(step).into(), &ctx);
        h.run();
        slider_frames(
            c,
            h,
            Attribute::ExternalBuyers,
            &format!("frame: workshop, {name} step, slider moves, 1280x800"),
        );
    }
}

criterion_group!(benches, bench, bench_workshop);
criterion_main!(benches);
