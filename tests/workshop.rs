//! Workshop mode and what leaves the window (issue 9), driven through
//! egui_kittest: enter from the View menu and with F11, step with the arrow
//! keys, the comparison hidden until revealed, a slider still works, Esc
//! leaves; the report, the trajectories and a picture exported through the
//! typed-path prompt.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{Window, key, opened, type_path};

use cluster_workbench::app::Dialog;
use cluster_workbench::app::action::{FileAction, Picture, PictureOf};
use cluster_workbench::app::workshop::Step;
use cluster_workbench::attribute::Attribute;
use cluster_workbench::evaluation::evaluate;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;

fn step(h: &Window) -> Step {
    h.state().view.workshop.current()
}

fn shows(h: &Window, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

#[test]
fn workshop_mode_steps_through_and_reveals_the_comparison() {
    let mut h = opened("supply-side-with-demand.json");
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Present (workshop mode)").click();
    h.run();
    assert!(h.state().view.presenting);
    assert!(shows(&h, "Step 1 of 5"));
    // Editing chrome is hidden: no menu bar, no plan tabs.
    assert!(h.query_by_label("File").is_none());
    assert!(h.query_by_label("+ New plan").is_none());
    assert!(h.ctx.zoom_factor() > 1.3, "drawn larger for a room");

    key(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Step::Table);
    assert!(shows(&h, "Step 2 of 5"));
    assert!(shows(&h, "cells are active"));
    key(&mut h, Key::ArrowLeft);
    assert_eq!(step(&h), Step::Cluster);
    key(&mut h, Key::ArrowRight);
    key(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Step::Warning);
    key(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Step::Compare);

    // Predict, then reveal: the numbers stay hidden until revealed.
    let plan = h.state().doc.preset().plans[1].name.clone();
    let capability = {
        let wb = h.state();
        let e = evaluate(&wb.model, wb.doc.preset());
        // The comparison's row for the plan, as it reads it out.
        format!("{plan}: capability {:.2}", e.plans[1].outcome.capability)
    };
    assert!(shows(&h, "Before you look"));
    assert!(shows(&h, &plan));
    assert!(!shows(&h, &capability), "the answer is hidden");
    // → on the hidden comparison reveals it rather than moving on.
    key(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Step::Compare);
    assert!(h.state().view.workshop.revealed);
    assert!(shows(&h, &capability), "revealed: {capability}");
    key(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Step::Capability);
    assert!(shows(&h, "Step 5 of 5"));
    key(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Step::Capability, "the last step stays");

    key(&mut h, Key::Escape);
    assert!(!h.state().view.presenting);
    assert!(h.query_by_label("File").is_some());
    assert!(
        (h.ctx.zoom_factor() - 1.0).abs() < 1e-6,
        "the zoom is given back"
    );
}

#[test]
fn the_reveal_button_and_enter_reveal_and_a_new_workshop_hides_again() {
    let mut h = opened("supply-side-only.json");
    key(&mut h, Key::F11);
    assert!(h.state().view.presenting);
    for _ in 0..3 {
        h.get_by_label("Next ▶").click();
        h.run();
    }
    assert_eq!(step(&h), Step::Compare);
    h.get_by_label("Reveal the comparison (Enter)").click();
    h.run();
    assert!(h.state().view.workshop.revealed);
    key(&mut h, Key::F11);
    assert!(!h.state().view.presenting);

    key(&mut h, Key::F11);
    assert_eq!(
        step(&h),
        Step::Cluster,
        "a new workshop starts at the beginning"
    );
    assert!(!h.state().view.workshop.revealed);
    for _ in 0..3 {
        key(&mut h, Key::ArrowRight);
    }
    key(&mut h, Key::Enter);
    assert!(h.state().view.workshop.revealed);
}

#[test]
fn sliders_still_move_the_cluster_in_workshop_mode() {
    let mut h = opened("supply-side-only.json");
    key(&mut h, Key::F11);
    let before = h.state().doc.preset().attributes[Attribute::ExternalBuyers];
    let slider = h.get_by_role_and_label(Role::Slider, "External buyers");
    slider.focus();
    h.run();
    // With the slider focused, → moves the slider, not the step.
    key(&mut h, Key::ArrowRight);
    let after = h.state().doc.preset().attributes[Attribute::ExternalBuyers];
    assert!(after > before, "{before} → {after}");
    assert_eq!(step(&h), Step::Cluster);
    assert!(h.state().doc.is_dirty());
    // Esc lets the slider go and stays in the workshop; a second Esc leaves.
    key(&mut h, Key::Escape);
    assert!(h.state().view.presenting, "Esc released the slider only");
    key(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Step::Table, "the arrows step again");
    key(&mut h, Key::ArrowLeft);
    // And the step after shows the effect of the change.
    h.state_mut().view.workshop.go_to(4);
    h.run();
    assert!(shows(&h, "Year 15"));
}

#[test]
fn the_report_and_the_trajectories_export_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = opened("supply-side-only.json");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export report…").click();
    h.run();
    assert!(shows(&h, "Export the report"));
    let html = dir.path().join("report.html");
    type_path(&mut h, &html);
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("Supply-side support in a stagnant cluster"));
    assert!(text.starts_with("<!DOCTYPE html>"));
    assert!(shows(&h, "Exported to"));
    assert!(!h.state().doc.is_dirty(), "an export is not a save");

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export trajectories (CSV)…").click();
    h.run();
    let csv = dir.path().join("years.csv");
    type_path(&mut h, &csv);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("year,No plan,Supply-side support"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn a_failed_export_says_so_and_leaves_the_document_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = opened("supply-side-only.json");
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        FileAction::Export(cluster_workbench::app::action::Export::Report).into(),
        &ctx,
    );
    h.run();
    type_path(&mut h, &dir.path().join("missing-folder").join("r.html"));
    let Some(Dialog::Error { title, message }) = &h.state().dialog else {
        panic!("no error shown: {:?}", h.state().dialog);
    };
    assert!(title.contains("Could not write"), "{title}");
    assert!(message.contains("missing-folder"), "{message}");
    assert!(
        message.contains("your cluster and plans are as they were"),
        "{message}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A picture of a 40×30 window: the left half red, the right half blue.
fn picture(of: PictureOf, crop: Option<[usize; 4]>) -> Picture {
    let mut image = egui::ColorImage::filled([40, 30], egui::Color32::RED);
    for y in 0..30 {
        for x in 20..40 {
            image[(x, y)] = egui::Color32::BLUE;
        }
    }
    Picture {
        of,
        image: Arc::new(image),
        crop,
    }
}

fn save_picture(p: Picture) -> image::RgbaImage {
    let dir = tempfile::tempdir().unwrap();
    let mut h = opened("supply-side-only.json");
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(FileAction::PictureTaken(p).into(), &ctx);
    h.run();
    assert!(shows(&h, "Save the picture"));
    let path = dir.path().join("shot.png");
    type_path(&mut h, &path);
    image::open(&path).unwrap().to_rgba8()
}

#[test]
fn a_picture_of_the_window_is_saved_as_png() {
    let png = save_picture(picture(PictureOf::Window, None));
    assert_eq!(png.dimensions(), (40, 30));
    assert_eq!(png.get_pixel(5, 5).0, [255, 0, 0, 255]);
    assert_eq!(png.get_pixel(35, 5).0, [0, 0, 255, 255]);
}

#[test]
fn a_picture_of_the_chart_is_cut_to_the_chart() {
    let png = save_picture(picture(PictureOf::Chart, Some([20, 10, 15, 12])));
    assert_eq!(png.dimensions(), (15, 12));
    assert!(
        png.pixels().all(|p| p.0 == [0, 0, 255, 255]),
        "only the chart"
    );
    // A crop reaching past the edge is kept inside the picture.
    let png = save_picture(picture(PictureOf::Chart, Some([30, 20, 50, 50])));
    assert_eq!(png.dimensions(), (10, 10));
}

#[test]
fn asking_for_a_picture_of_the_chart_brings_the_chart_forward() {
    let mut h = opened("supply-side-only.json");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Save picture of the chart…").click();
    h.run();
    h.run();
    assert_eq!(
        h.state().settings.dock,
        cluster_workbench::app::action::DockTab::Capability
    );
    // The chart was drawn and its place recorded for the cut.
    let rect: Option<(egui::Rect, u64)> = h.ctx.data(|d| {
        d.get_temp(cluster_workbench::app::picture_rect_id(
            cluster_workbench::app::action::PictureOf::Chart,
        ))
    });
    let (rect, _) = rect.expect("the chart's place is known");
    assert!(rect.width() > 300.0 && rect.height() > 100.0, "{rect:?}");
    assert!(
        h.state().view.picture_wanted.is_none(),
        "the screenshot was asked for"
    );
}
