//! Where a document came from: a new cluster, a preset shipped with the
//! workbench, or a file. One type serves the open document (it decides what
//! Save does), the document to show at start, the last document the settings
//! remember and the record in a recovery file.

use serde::{Deserialize, Serialize, Serializer};
use std::path::PathBuf;

/// Where a document came from.
///
/// Written with the names `Untitled`, `BuiltIn` and `File` (the settings'
/// form); the recovery file's `untitled`, `built_in` and `file` read too,
/// and [`Location::serialize_snake_case`] writes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Location {
    /// A new cluster never saved: Save asks for a file.
    #[serde(alias = "untitled")]
    Untitled,
    /// A file on disk: Save writes it.
    #[serde(alias = "file")]
    File(PathBuf),
    /// A preset shipped with the workbench (its file name): Save asks for a
    /// file, so the shipped one is never overwritten.
    #[serde(alias = "built_in")]
    BuiltIn(String),
}

impl Location {
    /// Writes the location with the snake_case names recovery files have
    /// always used (`"untitled"`, `{"built_in": ..}`, `{"file": ..}`), so a
    /// recovery file stays the same bytes whoever writes it.
    pub fn serialize_snake_case<S: Serializer>(
        location: &Location,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match location {
            Location::Untitled => serializer.serialize_unit_variant("Location", 0, "untitled"),
            Location::File(path) => {
                serializer.serialize_newtype_variant("Location", 1, "file", path)
            }
            Location::BuiltIn(file) => {
                serializer.serialize_newtype_variant("Location", 2, "built_in", file)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_read() {
        let read = |text: &str| serde_json::from_str::<Location>(text).unwrap();
        assert_eq!(read(r#""Untitled""#), Location::Untitled);
        assert_eq!(read(r#""untitled""#), Location::Untitled);
        assert_eq!(
            read(r#"{"File": "/p/a.json"}"#),
            Location::File("/p/a.json".into())
        );
        assert_eq!(
            read(r#"{"file": "/p/a.json"}"#),
            Location::File("/p/a.json".into())
        );
        assert_eq!(
            read(r#"{"BuiltIn": "x.json"}"#),
            Location::BuiltIn("x.json".into())
        );
        assert_eq!(
            read(r#"{"built_in": "x.json"}"#),
            Location::BuiltIn("x.json".into())
        );
    }

    #[test]
    fn the_snake_case_form_is_the_recovery_files() {
        let write = |l: &Location| {
            let mut out = Vec::new();
            Location::serialize_snake_case(l, &mut serde_json::Serializer::new(&mut out)).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(write(&Location::Untitled), r#""untitled""#);
        assert_eq!(
            write(&Location::File("/p/a.json".into())),
            r#"{"file":"/p/a.json"}"#
        );
        assert_eq!(
            write(&Location::BuiltIn("x.json".into())),
            r#"{"built_in":"x.json"}"#
        );
    }
}
