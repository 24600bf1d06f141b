//! The Results chain tab, as the officer uses it: pick an entry of a
//! plan, see its chain drawn from the analysis, edit two indicators by
//! clicking their boxes, and export a logframe that opens in a spreadsheet
//! with the right levels and numbering and the indicators just typed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "common/window.rs"]
mod common_window;
use common_window::{Window, act, opened, shows, type_path};

use calamine::{Data, Reader, Xlsx};
use cluster_workbench::app::action::{Action, DocAction, DockTab, FileAction, ViewAction};
use cluster_workbench::model::chain::BoxKind;
use cluster_workbench::plan::indicators::Field;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

/// Opens a box by clicking it (found by its spoken name), then types into
/// one of its fields.
fn write_field(h: &mut Window, box_title: &str, field: &str, role: Role, text: &str) {
    // Scrolled into view first, as a user would, then clicked.
    let label = |h: &Window| {
        h.get_all_by_role(Role::Button)
            .filter_map(|n| n.accesskit_node().label())
            .find(|l| l.starts_with(box_title))
            .unwrap_or_else(|| panic!("a box named {box_title}"))
    };
    let name = label(h);
    h.get_by_role_and_label(Role::Button, &name).scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, &name).click();
    h.run();
    assert!(
        h.state().view.chain_box.is_some(),
        "the click opens the box"
    );
    let input = h.get_by_role_and_label(role, field);
    input.focus();
    input.type_text(text);
    h.run();
    // Leaving the field ends the typing gesture: one undo step.
    h.key_press(egui::Key::Tab);
    h.run();
}

fn open_chain_tab(h: &mut Window) {
    act(h, ViewAction::SetDockTab(DockTab::Chain).into());
}

#[test]
fn an_officer_edits_two_indicators_and_exports_the_logframe() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = opened("supply-side-with-demand.json");
    act(&mut h, DocAction::SetActivePlan(0).into());
    open_chain_tab(&mut h);
    // The first entry's chain, drawn from the analysis: the cells it raises
    // are named in words, and the projection is marked as one.
    let wb = h.state();
    let (plan, entry) = wb.view.chain_entry(&wb.doc).unwrap();
    assert_eq!((plan, entry), (0, 0));
    assert!(shows(&h, "Market-level outcomes"));
    assert!(shows(&h, "× Training"));
    assert!(shows(&h, "not a forecast"));
    assert!(
        shows(&h, "the same plan without it"),
        "how an entry is credited"
    );
    // Where the chain was drawn, for a picture of it alone.
    let drawn: Option<(egui::Rect, u64)> = h.ctx.data(|d| {
        d.get_temp(cluster_workbench::app::picture_rect_id(
            cluster_workbench::app::action::PictureOf::Chain,
        ))
    });
    assert!(drawn.is_some_and(|(r, _)| r.width() > 100.0 && r.height() > 100.0));
    // Pick the second entry from the list.
    let second = h.state().doc.preset().plans[0].entries[1]
        .name(&h.state().model)
        .to_owned();
    act(&mut h, ViewAction::SelectEntry(Some(1)).into());
    assert!(shows(&h, &second));

    write_field(
        &mut h,
        "Outputs",
        "Baseline",
        Role::TextInput,
        "12 trainees a year",
    );
    write_field(
        &mut h,
        "Net additional jobs",
        "Target",
        Role::TextInput,
        "120 jobs by 2030",
    );
    let p = h.state().doc.preset();
    assert_eq!(
        p.plans[0].entries[1]
            .indicators
            .field(BoxKind::Outputs, Field::Baseline),
        Some("12 trainees a year")
    );
    assert_eq!(
        p.plans[0].indicators.field(BoxKind::Jobs, Field::Target),
        Some("120 jobs by 2030")
    );
    assert!(h.state().doc.is_dirty());
    // Each field typed is one undo step.
    act(&mut h, DocAction::Undo.into());
    let p = h.state().doc.preset();
    assert!(p.plans[0].indicators.is_empty());
    assert_eq!(
        p.plans[0].entries[1]
            .indicators
            .field(BoxKind::Outputs, Field::Baseline),
        Some("12 trainees a year"),
        "the first field typed is an undo step of its own"
    );
    act(&mut h, DocAction::Redo.into());

    // The logframe from the File menu.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Results chain and logframe").click();
    h.run();
    h.get_by_label("Logframe of the plan (XLSX)…").click();
    h.run();
    let xlsx = dir.path().join("logframe.xlsx");
    type_path(&mut h, &xlsx);
    assert!(shows(&h, "Exported to"));
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("Logframe").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::String(s) => s.clone(),
                    _ => String::new(),
                })
                .collect()
        })
        .collect();
    let head = rows.iter().position(|r| r[0] == "No.").unwrap();
    let numbers: Vec<&str> = rows[head + 1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        numbers,
        ["1", "1.1", "1.1.1", "1.1.1.1", "1.2", "1.2.1", "1.2.1.1"]
    );
    assert!(rows[head + 1][5].contains("120 jobs by 2030"));
    assert_eq!(rows[head + 6][4], "12 trainees a year");
}

#[test]
fn a_plan_without_entries_says_what_to_do() {
    let mut h = opened("teaching-case.json");
    let plan = h.state().doc.preset().plans.len();
    act(
        &mut h,
        Action::Document(DocAction::Edit {
            edit: cluster_workbench::edit::Edit::AddPlan {
                name: "Empty".into(),
            },
            merge: false,
        }),
    );
    assert_eq!(h.state().doc.active_plan(), Some(plan));
    open_chain_tab(&mut h);
    assert!(shows(&h, "This plan has no entries"));
    // A chain waits for an entry; the plan's logframe does not.
    act(
        &mut h,
        FileAction::Export(cluster_workbench::app::action::Export::Chain(
            cluster_workbench::export::ChainFormat::Svg,
        ))
        .into(),
    );
    assert!(h.state().dialog.is_none(), "no file is asked for");
    assert!(shows(&h, "The active plan has no entries"));
    act(
        &mut h,
        FileAction::Export(cluster_workbench::app::action::Export::Logframe(
            cluster_workbench::export::LogframeFormat::Csv,
        ))
        .into(),
    );
    assert!(h.state().dialog.is_some(), "the logframe asks where to go");
}
