//! The glossary's terms found in a text, so that a label or a sentence that
//! uses a term of the paper can explain it on hover.

use super::ModelError;
use super::file::GlossaryEntry;

/// "The model" in each language the words files speak: a term of the
/// model's own says so in its explanation.
const MODEL_WORDS: &[&str] = &["model", "modèle", "modelo"];

/// The entries whose term, or another form of it, `text` uses as a whole
/// word (letter case aside), in glossary order, each once.
pub fn in_text<'g>(glossary: &'g [GlossaryEntry], text: &str) -> Vec<&'g GlossaryEntry> {
    let text = text.to_lowercase();
    glossary
        .iter()
        .filter(|e| {
            std::iter::once(&e.term)
                .chain(&e.also)
                .any(|form| uses(&text, &form.to_lowercase()))
        })
        .collect()
}

/// Whether `text` has `word` with no letter or digit either side.
fn uses(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let joined = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(word).any(|(at, _)| {
        !joined(text[..at].chars().next_back()) && !joined(text[at + word.len()..].chars().next())
    })
}

/// Checks the glossary: every entry explained, each term and other form
/// listed once; a term of the paper says where in the paper and quotes it, a
/// term of the model's own says that it is the model's and quotes nothing.
pub(super) fn check(glossary: &[GlossaryEntry]) -> Result<(), ModelError> {
    let err = |i: usize, field: &str, reason: String| ModelError {
        path: format!("glossary[{i}]{field}"),
        reason,
    };
    let mut seen: Vec<String> = Vec::new();
    for (i, e) in glossary.iter().enumerate() {
        for form in std::iter::once(&e.term).chain(&e.also) {
            let key = form.trim().to_lowercase();
            if key.is_empty() {
                return Err(err(i, "", "an empty term".into()));
            }
            if seen.contains(&key) {
                return Err(err(i, "", format!("\"{form}\" is listed twice")));
            }
            seen.push(key);
        }
        if e.explanation.trim().is_empty() {
            return Err(err(i, ".explanation", "missing".into()));
        }
        let said = |x: &Option<String>| x.as_deref().is_some_and(|s| !s.trim().is_empty());
        if e.own {
            if e.quote.is_some() {
                return Err(err(
                    i,
                    ".quote",
                    "the model's own term quotes no paper".into(),
                ));
            }
            if !MODEL_WORDS.iter().any(|w| e.explanation.contains(w)) {
                return Err(err(
                    i,
                    ".explanation",
                    "must say that the term is the model's".into(),
                ));
            }
        } else {
            if !said(&e.section) {
                return Err(err(
                    i,
                    ".section",
                    "a term of the paper needs its section".into(),
                ));
            }
            if !said(&e.quote) {
                return Err(err(
                    i,
                    ".quote",
                    "a term of the paper needs the paper's words".into(),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(term: &str, also: &[&str]) -> GlossaryEntry {
        GlossaryEntry {
            term: term.into(),
            also: also.iter().map(|s| (*s).into()).collect(),
            explanation: String::new(),
            section: None,
            quote: None,
            own: false,
        }
    }

    #[test]
    fn finds_whole_words_in_any_case() {
        let g = [
            entry("fora", &["forum"]),
            entry("labour mobility", &["V.labour"]),
            entry("Table 1", &[]),
        ];
        let terms = |text: &str| -> Vec<String> {
            in_text(&g, text).iter().map(|e| e.term.clone()).collect()
        };
        assert_eq!(terms("V.a  fora"), ["fora"]);
        assert_eq!(terms("V.labour  labour mobility"), ["labour mobility"]);
        assert_eq!(
            terms("WHICH MECHANISMS COME INTO PLAY (TABLE 1)"),
            ["Table 1"]
        );
        // Inside another word, or a longer number, it is not the term.
        assert!(terms("forage, Table 10").is_empty());
        assert_eq!(terms("a forum; fora"), ["fora"]);
    }
}
