//! File ▸ Copy link to this cluster (issue 17, item 3): the menu item and
//! its key put a link holding the cluster on the clipboard and say how long
//! it is; a cluster too large for a link gets a dialog and no link.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "common/window.rs"]
mod common_window;
use cluster_workbench::app::Dialog;
use cluster_workbench::app::action::{DocAction, FileAction};
use cluster_workbench::edit::Edit;
use cluster_workbench::link;
use common::shipped_text;
use common_window::{act, click, copied, opened, shows};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn the_file_menu_copies_a_link_that_holds_the_cluster() {
    let mut h = opened("teaching-case.json");
    click(&mut h, "File");
    h.get_by_label("Copy link to this cluster Ctrl+Shift+L")
        .click();
    h.step();
    let copied = copied(&h);
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(
        copied[0].starts_with("cluster-workbench.html#cw1="),
        "{}",
        copied[0]
    );
    assert_eq!(
        link::preset_bytes(&copied[0]).unwrap(),
        shipped_text("teaching-case.json").as_bytes()
    );
    h.run();
    let length = format!("{} characters", copied[0].chars().count());
    assert!(
        shows(&h, "Copied a link to “Teaching case"),
        "the notice names the cluster"
    );
    assert!(shows(&h, &length), "the notice says {length}");
    assert!(shows(&h, "send the preset file instead"));
}

#[test]
fn ctrl_shift_l_copies_the_link_too() {
    let mut h = opened("supply-side-only.json");
    h.event(egui::Event::Key {
        key: Key::L,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND | Modifiers::SHIFT,
    });
    h.step();
    let copied = copied(&h);
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert_eq!(
        link::preset_bytes(&copied[0]).unwrap(),
        shipped_text("supply-side-only.json").as_bytes()
    );
}

#[test]
fn a_cluster_too_large_for_a_link_gets_a_dialog_and_no_link() {
    let mut h = opened("teaching-case.json");
    // Letters from a fixed pseudo-random sequence: they barely compress.
    let mut x = 0x2545_F491u32;
    let note: String = (0..12_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            char::from(b'a' + (x % 26) as u8)
        })
        .collect();
    let edit = Edit::SetPlanNote {
        plan: 0,
        note: Some(note),
    };
    act(&mut h, DocAction::Edit { edit, merge: false }.into());
    let ctx = h.ctx.clone();
    h.state_mut().apply(FileAction::CopyLink.into(), &ctx);
    h.step();
    assert!(copied(&h).is_empty(), "nothing copied");
    match &h.state().dialog {
        Some(Dialog::Error { title, message }) => {
            assert_eq!(
                title,
                "Cannot make a link to “Teaching case: buyer links for a stagnant cluster”"
            );
            assert!(
                message.contains("Send the preset file instead"),
                "{message}"
            );
            assert!(message.contains("Nothing was copied"), "{message}");
        }
        other => panic!("no error dialog: {other:?}"),
    }
}
