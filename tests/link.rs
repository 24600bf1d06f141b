//! A cluster shared as a link (issue 17, item 3): every shipped preset comes
//! back from its link byte for byte; every kind of bad link is refused with
//! a message that says what is wrong and what to do; the command prints the
//! link or refuses with exit 2.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use cluster_workbench::link::{self, LinkError};
use cluster_workbench::preset::Preset;
use common::{model, run, shipped, shipped_text};

const SHIPPED: [&str; 8] = [
    "fepach-chile.json",
    "gamarra-lima.json",
    "ludhiana-1990s.json",
    "rural-java.json",
    "sialkot-after-1994.json",
    "supply-side-only.json",
    "supply-side-with-demand.json",
    "teaching-case.json",
];

/// Base64url without padding, written here so the tests do not lean on the
/// encoder they test.
fn base64url(bytes: &[u8]) -> String {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = 0u32;
    let mut held = 0;
    let mut out = String::new();
    for &b in bytes {
        bits = bits << 8 | u32::from(b);
        held += 8;
        while held >= 6 {
            held -= 6;
            out.push(alphabet[(bits >> held & 63) as usize] as char);
        }
    }
    if held > 0 {
        out.push(alphabet[(bits << (6 - held) & 63) as usize] as char);
    }
    out
}

/// A link holding these bytes, compressed as the workbench does.
fn link_of(bytes: &[u8]) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(bytes, 6);
    format!("cluster-workbench.html#cw1={}", base64url(&packed))
}

fn refused(link: &str) -> String {
    match link::read(link, &model()) {
        Ok(_) => panic!("accepted {link:?}"),
        Err(e) => e.to_string(),
    }
}

fn shipped_preset(name: &str) -> Preset {
    Preset::from_bytes(shipped_text(name).as_bytes(), &model()).unwrap()
}

/// Text that compresses badly: letters from a fixed pseudo-random sequence.
fn noise(chars: usize) -> String {
    let mut x = 0x2545_F491u32;
    (0..chars)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            char::from(b'a' + (x % 26) as u8)
        })
        .collect()
}

#[test]
fn every_shipped_preset_comes_back_from_its_link_byte_for_byte() {
    let model = model();
    for name in SHIPPED {
        let file = shipped_text(name);
        let preset = shipped_preset(name);
        let link = link::link(&preset, link::DEFAULT_BASE).unwrap();
        assert!(link.starts_with("cluster-workbench.html#cw1="), "{link}");
        // The README says a shipped preset's link is 1,000 to 2,500 characters.
        assert!(
            (1_000..=2_500).contains(&link.len()),
            "{name}: {}",
            link.len()
        );
        let (back, version) = link::read(&link, &model).unwrap();
        assert_eq!(back.to_canonical_json(), file, "{name}");
        assert_eq!(
            link::preset_bytes(&link).unwrap(),
            file.as_bytes(),
            "{name}"
        );
        assert!(version >= 3, "{name}: written in version {version}");
    }
}

#[test]
fn a_link_reads_from_a_whole_url_or_a_bare_fragment() {
    let file = shipped_text("teaching-case.json");
    let preset = shipped_preset("teaching-case.json");
    let fragment = link::fragment(&preset);
    assert!(fragment.starts_with("#cw1="), "{fragment}");
    let bare = &fragment[1..];
    let hosted = format!("https://example.org/workbench/{fragment}");
    let pasted = format!("  file:///C:/Users/ana/cluster-workbench.html{fragment}\n");
    for given in [fragment.as_str(), bare, &hosted, &pasted] {
        assert_eq!(
            link::preset_bytes(given).unwrap(),
            file.as_bytes(),
            "{given}"
        );
    }
    assert_eq!(
        link::link(&preset, "https://example.org/workbench/").unwrap(),
        hosted
    );
    // Made by the test's own encoder at another level, it reads the same.
    assert_eq!(
        link::preset_bytes(&link_of(file.as_bytes())).unwrap(),
        file.as_bytes()
    );
}

#[test]
fn a_page_url_carries_a_link_only_with_a_cw_fragment() {
    assert!(link::has_link(
        "https://example.org/cluster-workbench.html#cw1=abc"
    ));
    assert!(link::has_link("file:///D:/usb/cluster-workbench.html#cw1="));
    // Another version is a link too, so that the page says it is too new.
    assert!(link::has_link("cluster-workbench.html#cw2=abc"));
    assert!(!link::has_link(
        "https://example.org/cluster-workbench.html"
    ));
    assert!(!link::has_link("https://example.org/#top"));
    assert!(!link::has_link("https://example.org/#cw=abc"));
    assert!(!link::has_link("https://example.org/#cwx1=abc"));
    assert!(
        !link::has_link("cw1=abc"),
        "a page URL, not a bare fragment"
    );
}

#[test]
fn a_link_that_is_not_the_workbenchs_is_refused() {
    for given in [
        "https://example.org/page.html#section-2",
        "https://example.org/page.html",
        "",
        "cw=AAAA",
    ] {
        let message = refused(given);
        assert!(
            message.contains("not a link to a cluster in Cluster Workbench"),
            "{given}: {message}"
        );
        assert!(message.contains("ask for the preset file"), "{message}");
    }
}

#[test]
fn a_link_of_another_version_says_which() {
    let message = refused("cluster-workbench.html#cw2=AAAA");
    assert!(message.contains("link version 2"), "{message}");
    assert!(message.contains("reads version 1"), "{message}");
    assert!(message.contains("newer workbench"), "{message}");
}

#[test]
fn a_character_outside_base64url_is_named_with_its_place() {
    assert_eq!(
        link::preset_bytes("#cw1=AB%CD"),
        Err(LinkError::Character {
            found: '%',
            position: 8
        })
    );
    let message = refused("#cw1=AB%CD");
    assert!(message.contains("\"%\" at character 8"), "{message}");
    assert!(
        message.contains("only letters, digits, - and _ belong"),
        "{message}"
    );
    // A mail programme's line break inside the link.
    let message = refused("x.html#cw1=ABCD\nEFGH");
    assert!(
        message.contains("a line break at character 16"),
        "{message}"
    );
    let message = refused("#cw1=AB CD");
    assert!(message.contains("a space at character 8"), "{message}");
    let message = refused("#cw1=AB\u{200b}CD");
    assert!(
        message.contains("an invisible character (U+200B) at character 8"),
        "{message}"
    );
    // Padding is not written, so it is not read.
    let message = refused("#cw1=ABC=");
    assert!(message.contains("\"=\" at character 9"), "{message}");
}

#[test]
fn a_fragment_past_the_maximum_is_refused_before_it_is_unpacked() {
    let given = format!("cluster-workbench.html#cw1={}", "A".repeat(7_997));
    let message = refused(&given);
    assert!(message.contains("8001 characters long"), "{message}");
    assert!(message.contains("at most 8000"), "{message}");
    assert_eq!(link::MAX_LINK_CHARS, 8_000, "the README says 8,000");
}

#[test]
fn a_link_cut_short_says_so() {
    let whole = link::link(&shipped_preset("rural-java.json"), link::DEFAULT_BASE).unwrap();
    // Cut at every length from the middle on: each is refused as cut short.
    let start = whole.find('=').unwrap() + 2;
    for end in start..whole.len() - 1 {
        let message = refused(&whole[..end]);
        assert!(
            message.contains(
                "the link was cut short: copy the whole link, or ask for the preset file"
            ),
            "cut at {end}: {message}"
        );
    }
    assert!(refused("#cw1=").contains("cut short"));
}

#[test]
fn a_damaged_link_says_so() {
    // 0xFF begins a block of the reserved type 3: no DEFLATE stream does.
    let message = refused(&format!("#cw1={}", base64url(&[0xFF; 30])));
    assert!(message.contains("the link is damaged"), "{message}");
    assert!(message.contains("Copy the whole link again"), "{message}");
}

#[test]
fn a_deflate_bomb_is_refused_without_being_unpacked_whole() {
    // 4 MiB of spaces pack into about four kilobytes.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 4 << 20], 10);
    let given = format!("#cw1={}", base64url(&bomb));
    assert!(given.len() < 8_000, "{}", given.len());
    let started = std::time::Instant::now();
    let message = refused(&given);
    assert!(
        message.contains("unpacks to more than a preset may hold (1048576 bytes, 1 MiB)"),
        "{message}"
    );
    // Unpacking stops at 1 MiB: far less than a second even unoptimised.
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}

#[test]
fn a_preset_in_a_link_is_read_as_strictly_as_a_file() {
    let text = shipped_text("teaching-case.json");
    let bad = text.replacen("\"market_dynamism\": ", "\"market_dynamism\": 7", 1);
    assert_ne!(bad, text, "the preset has market_dynamism");
    let message = refused(&link_of(bad.as_bytes()));
    assert!(
        message.starts_with("the cluster in the link cannot be opened: attributes.market_dynamism"),
        "{message}"
    );
    let message = refused(&link_of(
        br#"{"format": "cluster-workbench-report", "version": 2}"#,
    ));
    assert!(
        message.contains("cannot be opened: format: this is a Cluster Workbench report"),
        "{message}"
    );
    // What the workbench never packs (text that is not UTF-8, or not
    // JSON) was changed on the way: the link is damaged, whatever a file
    // reader would say of it.
    for packed in [&[0xC3, 0x28][..], b"hello", br#"{"format": "#] {
        let message = refused(&link_of(packed));
        assert!(message.starts_with("the link is damaged"), "{message}");
    }
}

#[test]
fn a_cluster_too_large_for_a_link_is_refused_with_what_to_do() {
    let mut preset = shipped_preset("teaching-case.json");
    preset.description = Some(noise(12_000));
    let message = link::link(&preset, link::DEFAULT_BASE)
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("the link would be "), "{message}");
    assert!(message.contains("longer than 8000 characters"), "{message}");
    assert!(
        message.ends_with("Send the preset file instead"),
        "{message}"
    );
}

#[test]
fn the_command_prints_a_link_that_holds_the_file() {
    let out = run(&["link", &shipped("ludhiana-1990s.json")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(
        printed.starts_with("cluster-workbench.html#cw1="),
        "{printed}"
    );
    assert!(
        printed.ends_with('\n') && printed.lines().count() == 1,
        "{printed}"
    );
    assert_eq!(
        link::preset_bytes(printed.trim_end()).unwrap(),
        shipped_text("ludhiana-1990s.json").as_bytes()
    );

    let out = run(&[
        "link",
        &shipped("teaching-case.json"),
        "--base",
        "https://example.org/workbench/",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(
        printed.starts_with("https://example.org/workbench/#cw1="),
        "{printed}"
    );
}

#[test]
fn the_command_refuses_a_bad_preset_or_a_link_too_long_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"format": "something-else", "version": 1}"#).unwrap();
    let out = run(&["link", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("cluster-workbench: "), "{stderr}");
    assert!(
        stderr.contains("format: not a Cluster Workbench preset"),
        "{stderr}"
    );

    let mut preset = shipped_preset("teaching-case.json");
    preset.description = Some(noise(12_000));
    let large = dir.path().join("large.json");
    std::fs::write(&large, preset.to_canonical_json()).unwrap();
    let out = run(&["link", large.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("Send the preset file instead"), "{stderr}");
}
