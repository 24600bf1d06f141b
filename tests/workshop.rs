//! Workshop mode and what leaves the window (issue 9), driven through
//! egui_kittest: enter from the View menu and with F11, step with the arrow
//! keys, the comparison hidden until revealed, a slider still works, Esc
//! leaves; the report, the trajectories and a picture exported through the
//! typed-path prompt.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{Window, key, opened, shows, type_path};

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
    // Drawn larger for a room, as large as leaves every step its room at
    // 1280×800: 1280 / 1000 points.
    let zoom = h.ctx.zoom_factor();
    assert!((zoom - 1.28).abs() < 0.005, "zoom {zoom}");

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
    // The export is confirmed with what was written and where; Close goes on.
    assert!(shows(&h, "The report was written to"));
    h.get_by_role_and_label(Role::Button, "Close").click();
    h.run();
    assert!(h.state().dialog.is_none());

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

/// The screenshot the window asked egui for in the frame just run, if any.
fn screenshot_asked(h: &Window) -> Option<egui::ScreenshotCallback> {
    h.output().viewport_output.values().find_map(|viewport| {
        viewport.commands.iter().find_map(|command| match command {
            egui::ViewportCommand::Screenshot(callback) => Some(callback.clone()),
            _ => None,
        })
    })
}

#[test]
fn asking_for_a_picture_of_the_chart_brings_the_chart_forward() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = opened("supply-side-only.json");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Save picture of the chart…").click();
    // Frame by frame: the request lasts only the frame it is made in.
    let mut asked = None;
    for _ in 0..12 {
        h.step();
        asked = screenshot_asked(&h);
        if asked.is_some() {
            break;
        }
    }
    let asked = asked.expect("the window asked for a screenshot");
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
    // The integration answers with the window's picture (1280×800, one
    // pixel a point); what is saved is the chart cut out of it.
    asked.complete(Arc::new(egui::ColorImage::filled(
        [1280, 800],
        egui::Color32::BLUE,
    )));
    h.run();
    assert!(
        shows(&h, "Save the picture"),
        "the picture waits for a place"
    );
    let path = dir.path().join("chart.png");
    type_path(&mut h, &path);
    let png = image::open(&path).unwrap().to_rgba8();
    let (w, h) = png.dimensions();
    assert!(w > 300 && w < 1280 && h > 100 && h < 800, "{w}×{h}");
    assert_eq!(
        (w, h),
        (rect.width().ceil() as u32, rect.height().ceil() as u32)
    );
}

/// The bar of workshop mode at `size`, at every step (step 4 hidden, then
/// revealed): the title clear of the counter and of the Back, Next and
/// Leave buttons, and all of them inside the window.
fn the_bar_is_whole_at(width: f32, height: f32) {
    let mut h = opened("supply-side-only.json");
    h.set_size(egui::vec2(width, height));
    h.run();
    key(&mut h, Key::F11);
    let steps = [
        ("The cluster", "Step 1 of 5", "Next ▶"),
        (
            "Table 1 in this cluster (the model's reading)",
            "Step 2 of 5",
            "Next ▶",
        ),
        ("The model's most serious warning", "Step 3 of 5", "Next ▶"),
        ("The plans compared", "Step 4 of 5", "Reveal ▶"),
        ("The plans compared", "Step 4 of 5", "Next ▶"),
        ("Capability over the years", "Step 5 of 5", "Next ▶"),
    ];
    for (title, counter, next) in steps {
        let at = format!("{width}×{height}, {counter}, {next}");
        // The window in points (the workshop zooms).
        let window = h.ctx.content_rect();
        assert!(window.width() <= width, "{at}: {window:?} in points");
        let title = h.get_by_label(title).rect();
        let counter = h.get_by_label(counter).rect();
        let buttons: Vec<egui::Rect> = ["◀ Back", next, "Leave (Esc)"]
            .into_iter()
            .map(|b| h.get_by_role_and_label(Role::Button, b).rect())
            .collect();
        for (name, part) in [("title", title), ("counter", counter)] {
            assert!(
                window.contains_rect(part),
                "{at}: the {name} {part:?} is cut"
            );
            for b in &buttons {
                assert!(
                    !part.intersects(*b),
                    "{at}: the {name} {part:?} runs under {b:?}"
                );
            }
        }
        assert!(
            !title.intersects(counter),
            "{at}: the title {title:?} hides the counter {counter:?}"
        );
        for b in &buttons {
            assert!(window.contains_rect(*b), "{at}: a button {b:?} is cut");
        }
        h.key_press(Key::PageDown);
        h.run();
    }
    assert_eq!(step(&h), Step::Capability);
}

#[test]
fn the_workshop_bar_is_whole_on_a_projector() {
    the_bar_is_whole_at(1280.0, 800.0);
    the_bar_is_whole_at(1024.0, 768.0);
}

#[test]
fn the_workshop_bar_is_whole_in_a_small_window() {
    // Too narrow for the title beside the buttons: it takes a row of its own.
    the_bar_is_whole_at(640.0, 480.0);
}
