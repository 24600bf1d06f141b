//! A cluster shared as a link: the whole preset in the link's fragment (the
//! part after `#`, which a browser never sends to a server), so that opening
//! the link opens the preset.
//!
//! A link is `BASE#cw1=DATA`: `cw1=` says it is this workbench's, version 1;
//! `DATA` is the preset's canonical file text ([`Preset::to_canonical_json`])
//! compressed with raw DEFLATE (RFC 1951) and written in base64url without
//! padding (RFC 4648 §5: letters, digits, `-` and `_`, nothing that e-mail or
//! a browser would escape). Reading a link is strict, and what it holds goes
//! through the same reader as a preset file, so a damaged, cut-short or
//! hostile link gets a message that says what is wrong, never a crash: a
//! link that is not the workbench's, of another version, with a character
//! base64url has no, longer than [`MAX_LINK_CHARS`], whose compressed data
//! is damaged or cut short, or that unpacks past
//! [`MAX_PRESET_BYTES`] (unpacking stops there: a "deflate bomb" is never
//! inflated whole). Bytes after the end of the compressed data are not looked
//! at: they cannot change what the link holds, and the reader checks all
//! that it does hold.
//!
//! # How long a link gets
//!
//! Measured on the shipped presets (2,136 to 4,193 bytes of file text),
//! `cluster-workbench.html#cw1=…` is 1,070 characters (`supply-side-only`),
//! 1,137 (`supply-side-with-demand`), 1,209 (`teaching-case`), 1,961
//! (`rural-java`), 2,117 (`gamarra-lima`), 2,238 (`sialkot-after-1994`),
//! 2,435 (`fepach-chile`) and 2,451 (`ludhiana-1990s`): compression takes a
//! file to 35–45 % of its size and base64 adds a third back; the cases from
//! the literature, with more prose, compress less.
//!
//! The maximum, [`MAX_LINK_CHARS`] = 8,000 characters, is set by what the
//! places a link travels through keep whole. Browsers keep far more
//! (Chromium up to 2 MB, Firefox and Safari tens of thousands of
//! characters), and chat programmes keep messages of thousands of
//! characters. E-mail is the narrow part:
//! classic Outlook for Windows no longer makes a link clickable at some
//! 11,000 characters, some mail programmes are reported to cut links in
//! HTML mail at 1,024 or 2,083 characters (Internet Explorer's old limit),
//! and plain-text mail may wrap a long line. No maximum above 1,000 would
//! get past every one of those, and half the shipped cases are over 2,083,
//! so the workbench does not pretend to: 8,000 is the length HTTP asks every
//! program to handle (RFC 9110 §4.1), under where Outlook gives up, and
//! three times the largest shipped case, room for a cluster with several
//! long plans. Past it the workbench makes no link and says to send the
//! preset file instead; under it, the window says how long the link it
//! copied is, and a link that arrives cut gets "the link was cut short".

use crate::model::Model;
use crate::preset::{MAX_PRESET_BYTES, Preset, PresetError};
use crate::text::messages::said;
use miniz_oxide::inflate::{DecompressError, TINFLStatus};

/// Where a link points when no other page is given: the single-file
/// workbench, beside the link's reader. A hosted site passes its own URL.
pub const DEFAULT_BASE: &str = "cluster-workbench.html";

/// The version of the link format this build makes and reads.
pub const LINK_VERSION: u32 = 1;

/// What begins the fragment of a link of this version (after the `#`).
pub const PREFIX: &str = "cw1=";

/// The longest link made, in characters, and the longest fragment read (see
/// the module's documentation for why 8,000).
pub const MAX_LINK_CHARS: usize = 8_000;

/// How hard DEFLATE works: miniz's best (the text is a few kilobytes, so
/// the time does not show).
const COMPRESSION_LEVEL: u8 = 10;

/// Why a link could not be made or opened, in words that say what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LinkError {
    /// There is no `cw…=` part: not a link to a cluster.
    #[error("{}", said(|m| m.link_not_a_link, &[("prefix", PREFIX)]))]
    NotALink,
    /// A link of another version of the link format.
    #[error("{}", said(|m| m.link_version, &[("found", found), ("version", &LINK_VERSION.to_string())]))]
    Version {
        /// The version the link says it is, as written.
        found: String,
    },
    /// A character that base64url does not have.
    #[error("{}", said(|m| m.link_character, &[("found", &describe(*found)), ("position", &position.to_string())]))]
    Character {
        /// The character.
        found: char,
        /// Where it is, counted in characters from 1 at the start of the
        /// link as given (surrounding spaces left out).
        position: usize,
    },
    /// A fragment longer than any link the workbench makes.
    #[error("{}", said(|m| m.link_too_long, &[("chars", &chars.to_string()), ("max", &MAX_LINK_CHARS.to_string())]))]
    TooLong {
        /// The fragment's length in characters.
        chars: usize,
    },
    /// The data ends where it cannot: the link lost its end.
    #[error("{}", said(|m| m.link_cut_short, &[]))]
    CutShort,
    /// The compressed data is not what the workbench writes.
    #[error("{}", said(|m| m.link_damaged, &[]))]
    Damaged,
    /// The data unpacks to more than a preset file may hold.
    #[error("{}", said(|m| m.link_oversized, &[("max", &MAX_PRESET_BYTES.to_string())]))]
    Oversized,
    /// The preset in the link was refused, as its file would be.
    #[error("{}", said(|m| m.link_preset, &[("reason", &.0.to_string())]))]
    Preset(#[from] PresetError),
    /// The link to this preset would be too long to travel safely.
    #[error("{}", said(|m| m.link_too_long_to_share, &[("chars", &chars.to_string()), ("max", &MAX_LINK_CHARS.to_string())]))]
    TooLongToShare {
        /// The length the link would have, in characters.
        chars: usize,
    },
}

/// A character as a reader sees it: a space or an invisible character named,
/// others quoted.
fn describe(c: char) -> String {
    match c {
        ' ' => said(|m| m.link_a_space, &[]),
        '\n' | '\r' => said(|m| m.link_a_line_break, &[]),
        '\t' => said(|m| m.link_a_tab, &[]),
        // Spaces, controls, and the characters that draw nothing (a
        // zero-width space, a byte-order mark, direction marks).
        c if c.is_control()
            || c.is_whitespace()
            || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}' | '\u{FEFF}') =>
        {
            let code = format!("{:04X}", u32::from(c));
            said(|m| m.link_invisible, &[("code", &code)])
        }
        c => said(|m| m.link_a_character, &[("character", &c.to_string())]),
    }
}

/// The fragment of the link to `preset`, `#` included: `#cw1=…`. It is not
/// checked against [`MAX_LINK_CHARS`]; [`link`] is.
pub fn fragment(preset: &Preset) -> String {
    let json = preset.to_canonical_json();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), COMPRESSION_LEVEL);
    format!("#{PREFIX}{}", base64url::encode(&packed))
}

/// The link to `preset` on the page at `base` (such as [`DEFAULT_BASE`]),
/// refused when it would be longer than [`MAX_LINK_CHARS`].
pub fn link(preset: &Preset, base: &str) -> Result<String, LinkError> {
    let link = format!("{base}{}", fragment(preset));
    let chars = link.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(LinkError::TooLongToShare { chars });
    }
    Ok(link)
}

/// Whether a page's URL carries a cluster (a fragment that begins `cw`, a
/// version number and `=`, of any version, so that a link of another version
/// is opened to say so). A page without one opens as it would.
pub fn has_link(url: &str) -> bool {
    url.split_once('#')
        .is_some_and(|(_, fragment)| version_of(fragment).is_some())
}

/// The version a fragment names and the data after its `=`, if it begins
/// `cw`, one to six digits and `=`.
fn version_of(fragment: &str) -> Option<(&str, &str)> {
    let rest = fragment.strip_prefix("cw")?;
    let (version, data) = rest.split_once('=')?;
    // A handful of digits: a version, not a number pasted by mistake.
    let digits = (1..=6).contains(&version.len()) && version.bytes().all(|b| b.is_ascii_digit());
    digits.then_some((version, data))
}

/// The preset file's bytes a link holds, from a whole URL or a bare fragment
/// (`#cw1=…` or `cw1=…`), checked as far as a link can be; the preset reader
/// checks the rest ([`read`]).
pub fn preset_bytes(link: &str) -> Result<Vec<u8>, LinkError> {
    let link = link.trim();
    // The fragment is what follows the first `#`; without one, the whole
    // text may be a bare fragment.
    let fragment = link.split_once('#').map_or(link, |(_, f)| f);
    let (version, data) = version_of(fragment).ok_or(LinkError::NotALink)?;
    if version != LINK_VERSION.to_string() {
        return Err(LinkError::Version {
            found: version.to_owned(),
        });
    }
    let chars = fragment.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(LinkError::TooLong { chars });
    }
    // Positions count from the start of the link as given.
    let data_at = link.chars().count() - data.chars().count();
    let packed = base64url::decode(data).map_err(|e| match e {
        base64url::Bad::Character { found, index } => LinkError::Character {
            found,
            position: data_at + index + 1,
        },
        // Stray bits in the last character are what a link cut in the
        // middle of a character leaves.
        base64url::Bad::CutShort | base64url::Bad::Tail => LinkError::CutShort,
    })?;
    if packed.is_empty() {
        return Err(LinkError::CutShort);
    }
    // The limit is a preset's; unpacking stops there.
    let limit = usize::try_from(MAX_PRESET_BYTES).unwrap_or(usize::MAX);
    miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, limit).map_err(inflate_error)
}

/// What a failed unpacking means for the user.
fn inflate_error(e: DecompressError) -> LinkError {
    match e.status {
        TINFLStatus::HasMoreOutput => LinkError::Oversized,
        TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => LinkError::CutShort,
        _ => LinkError::Damaged,
    }
}

/// Reads the preset a link holds, strictly, with the version its text was
/// written in (as [`Preset::from_bytes_with_version`] does for a file).
pub fn read(link: &str, model: &Model) -> Result<(Preset, u64), LinkError> {
    let bytes = preset_bytes(link)?;
    // The workbench only ever packs valid JSON, and raw DEFLATE has no
    // checksum: text that unpacks but is not JSON was changed on the way.
    // Said so, rather than the reader's words about a file nobody saw.
    if serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_err() {
        return Err(LinkError::Damaged);
    }
    Ok(Preset::from_bytes_with_version(&bytes, model)?)
}

/// Base64url without padding (RFC 4648 §5), strict: every character from
/// the alphabet, no impossible length, no stray bits in the last character.
mod base64url {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// Why text is not base64url.
    #[derive(Debug, PartialEq)]
    pub enum Bad {
        /// A character outside the alphabet, at this index (in characters).
        Character { found: char, index: usize },
        /// A length no encoding has (one character past a group of four).
        CutShort,
        /// The last character carries bits no encoder writes.
        Tail,
    }

    pub fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let group = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            // n bytes take n + 1 characters.
            for i in 0..=chunk.len() {
                let sextet = (group >> (18 - 6 * i)) & 0x3F;
                out.push(char::from(ALPHABET[sextet as usize]));
            }
        }
        out
    }

    fn value(c: char) -> Option<u32> {
        match c {
            'A'..='Z' => Some(c as u32 - 'A' as u32),
            'a'..='z' => Some(c as u32 - 'a' as u32 + 26),
            '0'..='9' => Some(c as u32 - '0' as u32 + 52),
            '-' => Some(62),
            '_' => Some(63),
            _ => None,
        }
    }

    pub fn decode(text: &str) -> Result<Vec<u8>, Bad> {
        let mut sextets = Vec::with_capacity(text.len());
        for (index, found) in text.chars().enumerate() {
            sextets.push(value(found).ok_or(Bad::Character { found, index })?);
        }
        if sextets.len() % 4 == 1 {
            return Err(Bad::CutShort);
        }
        let mut out = Vec::with_capacity(sextets.len() / 4 * 3 + 2);
        for group in sextets.chunks(4) {
            let bits = group
                .iter()
                .enumerate()
                .fold(0u32, |acc, (i, s)| acc | s << (18 - 6 * i));
            let bytes = group.len() - 1;
            // The bits past the last whole byte must be zero.
            if bits & (0x00FF_FFFF >> (8 * bytes)) != 0 {
                return Err(Bad::Tail);
            }
            out.extend_from_slice(&bits.to_be_bytes()[1..=bytes]);
        }
        Ok(out)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_rfc_4648_vectors() {
            let cases = [
                ("", ""),
                ("f", "Zg"),
                ("fo", "Zm8"),
                ("foo", "Zm9v"),
                ("foob", "Zm9vYg"),
                ("fooba", "Zm9vYmE"),
                ("foobar", "Zm9vYmFy"),
            ];
            for (plain, coded) in cases {
                assert_eq!(encode(plain.as_bytes()), coded);
                assert_eq!(decode(coded), Ok(plain.as_bytes().to_vec()));
            }
            // The two characters base64url has and base64 has not.
            assert_eq!(encode(&[0xFB, 0xFF]), "-_8");
            assert_eq!(decode("-_8"), Ok(vec![0xFB, 0xFF]));
        }

        #[test]
        fn what_no_encoder_writes_is_refused() {
            assert_eq!(decode("Zm9vY"), Err(Bad::CutShort));
            assert_eq!(decode("Zh"), Err(Bad::Tail));
            assert_eq!(decode("Zm9"), Err(Bad::Tail));
            assert_eq!(
                decode("Zm+v"),
                Err(Bad::Character {
                    found: '+',
                    index: 2
                })
            );
            assert_eq!(
                decode("Zm9v="),
                Err(Bad::Character {
                    found: '=',
                    index: 4
                })
            );
        }
    }
}
