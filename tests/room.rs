//! Room for the answer at 1280×800 (issue 21, item 2): the capability chart
//! keeps a readable height with the critical banner shown, its caveat is not
//! cut, and the last plan in *Compare plans* is whole inside the window.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{Window, styled_window as window};

use cluster_workbench::app::action::DockTab;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

/// The least height of the chart's drawing area, in points: the value chosen
/// in `ui::trajectory` (written out here, not read from it, so that lowering
/// it there fails this test).
const CHART_MIN: f32 = 160.0;

/// The window's bottom edge at 1280×800.
const WINDOW_BOTTOM: f32 = 800.0;

/// The chart's drawing area, where a screen reader finds it.
fn chart(h: &Window) -> egui::Rect {
    h.get_by_role_and_label(Role::Image, "Capability over time")
        .rect()
}

#[test]
fn the_chart_keeps_a_readable_height_with_the_banner_shown() {
    let h = window("supply-side-only.json", DockTab::Capability);
    // The preset's first plan raises the critical warning: the banner is there.
    assert!(
        h.query_all_by_label_contains("Supply-side support without demand-led market links")
            .next()
            .is_some()
    );
    let chart = chart(&h);
    assert!(
        chart.height() >= CHART_MIN,
        "the chart is {:.0} points tall, less than {CHART_MIN}",
        chart.height()
    );
    assert!(
        chart.bottom() <= WINDOW_BOTTOM,
        "the chart ends at {chart:?}"
    );
}

#[test]
fn a_longer_summary_leaves_the_chart_its_height_too() {
    // The teaching case's summary names a longer plan: the effort switch
    // goes after the legend instead of beside the summary.
    let h = window("teaching-case.json", DockTab::Capability);
    let chart = chart(&h);
    assert!(
        chart.height() >= CHART_MIN,
        "the chart is {:.0} points tall, less than {CHART_MIN}",
        chart.height()
    );
}

#[test]
fn the_caveat_under_the_chart_is_whole_inside_the_window() {
    for preset in ["supply-side-only.json", "teaching-case.json"] {
        let h = window(preset, DockTab::Capability);
        let caveat = h
            .get_by_label_contains("An illustration of a qualitative framework, not a forecast")
            .rect();
        let more = h
            .get_by_role_and_label(Role::Button, "About the model")
            .rect();
        for (what, rect) in [("caveat", caveat), ("its button", more)] {
            assert!(
                rect.bottom() <= WINDOW_BOTTOM - 4.0,
                "{preset}: the {what} runs past the window's bottom: {rect:?}"
            );
        }
        // Wrapped under the chart, not cut at the dock's right edge.
        assert!(
            caveat.height() > 20.0,
            "{preset}: the caveat on one line: {caveat:?}"
        );
    }
}

#[test]
fn the_last_plan_compared_is_whole_with_a_margin() {
    let h = window("supply-side-only.json", DockTab::Compare);
    let last = h
        .get_by_label_contains("Supply-side support with buyer links: capability")
        .rect();
    assert!(
        last.bottom() <= WINDOW_BOTTOM - 8.0,
        "the last row ends at {:.0}, on the window's edge",
        last.bottom()
    );
}
