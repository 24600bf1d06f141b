//! The survey in the window (issue 19): File ▸ Survey ▸ Import survey
//! responses, the review with a box per attribute, Apply, the sliders at
//! the survey's values with their spread as uncertainty, and one Undo that
//! takes it all back; a file that is not an export is refused by row and
//! column with the cluster untouched.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/window.rs"]
mod common_window;
use common::survey::{Shape, TRUE_VALUES, export, respondents};
use common_window::{Window, act, finish_files, opened, type_path};

use cluster_workbench::app::Dialog;
use cluster_workbench::app::action::{DocAction, FileAction};
use cluster_workbench::attribute::{Attribute, Attributes};
use cluster_workbench::text::survey::survey_texts;
use egui::accesskit::Role;
use egui_kittest::kittest::{By, Queryable};

/// The teaching case open, File ▸ Survey ▸ Import survey responses chosen
/// from the menu, and `file` typed where there is no file dialog.
fn import_through_menu(file: &std::path::Path) -> Window {
    let mut h = opened("teaching-case.json");
    let t = cluster_workbench::text::texts();
    h.get_by_label(t.menu_file).click();
    h.run();
    h.get_by_label(survey_texts().menu_survey).click();
    h.run();
    h.get_by_label(survey_texts().menu_import).click();
    h.run();
    finish_files(&mut h);
    type_path(&mut h, file);
    h
}

fn values(h: &Window) -> (Attributes, Attributes) {
    let p = h.state().doc.preset();
    (p.attributes, p.uncertainty)
}

#[test]
fn responses_reviewed_applied_and_undone_in_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kobo.csv");
    std::fs::write(
        &file,
        export(Shape::KoboSemicolon, &respondents(50, 0.1, 19)),
    )
    .unwrap();
    let mut h = import_through_menu(&file);
    let before = values(&h);
    let Some(Dialog::SurveyReview(review)) = &h.state().dialog else {
        panic!("expected the review, got {:?}", h.state().dialog);
    };
    assert_eq!(review.result.respondents, 50);
    // Nothing has changed yet.
    assert_eq!(values(&h), before);
    assert!(!h.state().doc.is_dirty());

    // Keep public support as it is: untick its box.
    let model = h.state().model.clone();
    let public = &model.attribute_info(Attribute::PublicSupport).name;
    h.get_by_role_and_label(Role::CheckBox, public).click();
    h.run();
    h.get_by_label(survey_texts().review_apply).click();
    h.run();
    assert!(h.state().dialog.is_none());

    let (after, spread) = values(&h);
    for (id, truth) in TRUE_VALUES {
        let a = Attribute::from_id(id).unwrap();
        if a == Attribute::PublicSupport {
            assert_eq!(after[a], before.0[a], "{id} was not accepted");
            assert_eq!(spread[a], before.1[a], "{id} was not accepted");
            assert!(h.state().doc.preset().evidence.get(a).is_none());
            continue;
        }
        assert!((after[a] - truth).abs() <= 0.06, "{id}: {}", after[a]);
        let evidence = h.state().doc.preset().evidence.get(a).unwrap();
        let survey = evidence.survey.as_ref().unwrap();
        assert_eq!(spread[a], survey.spread, "{id}");
        assert!(survey.spread > 0.0);
    }
    // The slider says where its value came from, in its hover; the status
    // line says what happened.
    assert!(h.state().doc.is_dirty());
    let status = h.state().view.status.clone().unwrap_or_default();
    assert!(status.contains("11"), "{status}");

    // One undo takes every attribute, spread and evidence back.
    act(&mut h, DocAction::Undo.into());
    assert_eq!(values(&h), before);
    assert!(h.state().doc.preset().evidence.is_empty());
    act(&mut h, DocAction::Redo.into());
    assert_eq!(values(&h).0, after);
}

#[test]
fn the_slider_and_about_this_cluster_say_where_a_value_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("central.csv");
    std::fs::write(&file, export(Shape::OdkCentral, &respondents(50, 0.1, 19))).unwrap();
    let mut h = import_through_menu(&file);
    h.get_by_label(survey_texts().review_apply).click();
    h.run();
    let evidence = h
        .state()
        .doc
        .preset()
        .evidence
        .get(Attribute::MarketDynamism)
        .unwrap()
        .clone();
    let n = evidence.survey.as_ref().unwrap().n;
    // The slider says so when the pointer rests on it.
    let line = format!("from {n} firms");
    let market_name = h
        .state()
        .model
        .attribute_info(Attribute::MarketDynamism)
        .name
        .clone();
    h.get(By::new().role(Role::Slider).label(&market_name))
        .hover();
    h.run_steps(30);
    assert!(
        h.query_all_by_label_contains(&line).next().is_some(),
        "no {line:?} on the slider's hover"
    );
    h.get_by_label(&market_name).hover();
    h.run();
    // About this cluster lists it, in words a reader can check.
    let t = cluster_workbench::text::texts();
    h.get_by_label_contains(t.about_cluster).click();
    h.run();
    assert!(
        h.query_all_by_label_contains(&line).next().is_some(),
        "no {line:?} in About this cluster"
    );
    // A note written there is kept with the survey's numbers.
    let market = h
        .state()
        .model
        .attribute_info(Attribute::MarketDynamism)
        .name
        .clone();
    let field = h.get(By::new().role(Role::TextInput).label_contains(&market));
    field.focus();
    h.run();
    // Typed as a hand types, a key at a time.
    let note = "12 exporters, March";
    for c in note.chars() {
        h.get(By::new().role(Role::TextInput).label_contains(&market))
            .type_text(&c.to_string());
        h.run();
    }
    let of = |h: &Window| {
        let p = h.state().doc.preset();
        p.evidence.get(Attribute::MarketDynamism).unwrap().clone()
    };
    let kept = of(&h);
    assert_eq!(kept.note.as_deref(), Some(note));
    assert_eq!(kept.survey, evidence.survey);
    // The note is one undo step, however many keys it took.
    act(&mut h, DocAction::EndGesture.into());
    act(&mut h, DocAction::Undo.into());
    let back = of(&h);
    assert_eq!(back.note, None);
    assert_eq!(back.survey, evidence.survey);
}

#[test]
fn a_file_that_is_not_an_export_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("other.csv");
    let good = String::from_utf8(export(Shape::OdkCentral, &respondents(5, 0.0, 2))).unwrap();
    // Text where the share of sales belongs, in the third response.
    let (head, rest) = good.split_once('\n').unwrap();
    let column = head
        .split(',')
        .position(|h| h == "markets-sales_outside_pct")
        .unwrap();
    let mut lines: Vec<String> = rest.lines().map(String::from).collect();
    let mut cells: Vec<String> = lines[2].split(',').map(String::from).collect();
    cells[column] = "lots".into();
    lines[2] = cells.join(",");
    std::fs::write(&file, format!("{head}\n{}\n", lines.join("\n"))).unwrap();
    let mut h = opened("teaching-case.json");
    let before = values(&h);
    act(&mut h, FileAction::ImportResponsesFrom(file).into());
    finish_files(&mut h);
    match &h.state().dialog {
        Some(Dialog::Error { message, .. }) => {
            assert!(message.contains("row 4"), "{message}");
            assert!(message.contains("(markets-sales_outside_pct)"), "{message}");
        }
        other => panic!("expected the error, got {other:?}"),
    }
    assert_eq!(values(&h), before);
    assert!(!h.state().doc.is_dirty());
}
