//! Links (issue 17, item 3): the shipped presets made into links and then
//! damaged (cut, characters changed, the version changed), links of mutated
//! presets, base64 of random or mutated DEFLATE streams, deflate bombs and
//! huge lengths, all read as the browser page reads the link it opens.

use super::{Rng, Seeds, Target, make_input, mutate_bytes};
use cluster_workbench::link;
use cluster_workbench::model::Model;
use cluster_workbench::preset::Preset;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Where a link may point, and fragments that are almost a link.
const BASES: &[&str] = &[
    "cluster-workbench.html",
    "https://example.org/workbench/",
    "file:///C:/Users/a/Downloads/cluster-workbench.html",
    "",
];
const PREFIXES: &[&str] = &[
    "#cw1=",
    "cw1=",
    "#cw2=",
    "#cw0=",
    "#cw01=",
    "#cw=",
    "#cw1",
    "#CW1=",
    "#cw1==",
    "##cw1=",
    "#cw999999=",
    "#cw1234567=",
    "#cw1=#cw1=",
];
/// Characters a mail or chat programme might put into a link.
const STRAY: &[&str] = &[
    " ", "\n", "\r\n", "\t", "%", "=", "+", "/", "#", "&", "é", "\u{200b}", "\u{feff}", "\u{0}",
    "%20", "…",
];

/// Base64url without padding (the examples cannot reach the library's own).
fn base64url(bytes: &[u8]) -> String {
    let (mut bits, mut held, mut out) = (0u32, 0, String::new());
    for &b in bytes {
        bits = bits << 8 | u32::from(b);
        held += 8;
        while held >= 6 {
            held -= 6;
            out.push(char::from(ALPHABET[(bits >> held & 63) as usize]));
        }
    }
    if held > 0 {
        out.push(char::from(ALPHABET[(bits << (6 - held) & 63) as usize]));
    }
    out
}

/// DEFLATE streams that unpack to far more than a preset may hold, made
/// once: zeros, spaces and a preset's text repeated.
pub fn bombs(presets: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let text = presets
        .first()
        .map(|p| p.repeat((3 << 20) / p.len().max(1) + 1))
        .unwrap_or_default();
    [vec![0u8; 8 << 20], vec![b' '; 2 << 20], text]
        .iter()
        .map(|plain| miniz_oxide::deflate::compress_to_vec(plain, 10))
        .collect()
}

/// The text of a link around these DEFLATE bytes.
fn around(packed: &[u8], rng: &mut Rng) -> String {
    let prefix = if rng.chance(8) {
        *rng.pick(PREFIXES)
    } else {
        "#cw1="
    };
    format!("{}{prefix}{}", rng.pick(BASES), base64url(packed))
}

/// Damages a link's text: cut, a character changed, inserted or removed,
/// a piece repeated.
fn damage(link: &mut String, rng: &mut Rng) {
    let chars: Vec<char> = link.chars().collect();
    let len = chars.len();
    let at = rng.below(len + 1);
    let mut out: Vec<char> = chars.clone();
    match rng.below(6) {
        0 => out.truncate(at),
        1 if at < len => out[at] = char::from(*rng.pick(ALPHABET)),
        2 if at < len => {
            out.remove(at);
        }
        3 => {
            let stray: Vec<char> = rng.pick(STRAY).chars().collect();
            out.splice(at..at, stray);
        }
        4 => {
            let end = (at + rng.below(200)).min(len);
            let piece: Vec<char> = chars[at..end].to_vec();
            let to = rng.below(len + 1);
            out.splice(to..to, piece);
        }
        _ => {
            // A mail programme's wrap: a line break every so many characters.
            let every = 60 + rng.below(1_000);
            out = chars
                .chunks(every)
                .flat_map(|c| c.iter().copied().chain(std::iter::once('\n')))
                .collect();
        }
    }
    *link = out.into_iter().collect();
}

/// One link to read.
pub fn make(seeds: &Seeds, bombs: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let level = rng.below(11) as u8;
    let mut text = match rng.below(8) {
        // A shipped preset's link, damaged below.
        0 | 1 => {
            let preset = rng.pick(&seeds.presets);
            around(&miniz_oxide::deflate::compress_to_vec(preset, level), rng)
        }
        // A mutated preset in a well-made link: the preset reader's turn.
        2 | 3 => {
            let preset = make_input(Target::Preset, seeds, rng);
            around(&miniz_oxide::deflate::compress_to_vec(&preset, level), rng)
        }
        // A mutated DEFLATE stream.
        4 => {
            let preset = rng.pick(&seeds.presets);
            let mut packed = miniz_oxide::deflate::compress_to_vec(preset, level);
            for _ in 0..1 + rng.below(4) {
                mutate_bytes(&mut packed, &seeds.all, rng);
            }
            around(&packed, rng)
        }
        // Random bytes, or a bomb, as the stream.
        5 => {
            if rng.chance(2) {
                let bomb: &Vec<u8> = rng.pick(bombs);
                around(bomb, rng)
            } else {
                let random: Vec<u8> = (0..rng.below(6_000)).map(|_| rng.next() as u8).collect();
                around(&random, rng)
            }
        }
        // Huge lengths: of the data, or of the page's address.
        6 => {
            let data = String::from(char::from(*rng.pick(ALPHABET))).repeat(rng.below(200_000));
            let base = "a".repeat(if rng.chance(2) { rng.below(100_000) } else { 0 });
            format!("{base}#cw1={data}")
        }
        // Random text after a prefix.
        _ => {
            let tail: String = (0..rng.below(300))
                .map(|_| match rng.below(20) {
                    0 => (*rng.pick(STRAY)).to_owned(),
                    _ => char::from(*rng.pick(ALPHABET)).to_string(),
                })
                .collect();
            format!("{}{}{tail}", rng.pick(BASES), rng.pick(PREFIXES))
        }
    };
    if rng.chance(2) {
        for _ in 0..1 + rng.below(3) {
            damage(&mut text, rng);
        }
    }
    text.into_bytes()
}

/// Reads a link as the page does (whatever the bytes, it gets text: a URL
/// always is). Returns whether it was accepted, and checks that what is
/// accepted makes a link that reads back as the same preset.
pub fn feed(bytes: &[u8], model: &Model, exercise: impl Fn(&Preset)) -> bool {
    let text = String::from_utf8_lossy(bytes);
    std::hint::black_box(link::has_link(&text));
    match link::read(&text, model) {
        Ok((preset, _)) => {
            exercise(&preset);
            let again = link::read(&link::fragment(&preset), model);
            let canonical = preset.to_canonical_json();
            assert!(
                again.is_ok_and(|(p, _)| p.to_canonical_json() == canonical),
                "a link read does not come back from its own fragment"
            );
            true
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
            false
        }
    }
}
