//! The languages the workbench speaks, how each writes numbers, and which
//! counts take the singular. Pure rules with no state: which language is in
//! use lives in [`crate::text`].

use serde::{Deserialize, Serialize};

/// A language of the window, the exports and the model's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "fr")]
    French,
    #[serde(rename = "es")]
    Spanish,
}

impl Language {
    /// Every language, in the order the menu lists them.
    pub const ALL: [Language; 3] = [Language::English, Language::French, Language::Spanish];

    /// Where the language stands in [`Language::ALL`].
    pub fn index(self) -> usize {
        match self {
            Language::English => 0,
            Language::French => 1,
            Language::Spanish => 2,
        }
    }

    /// The ISO 639-1 code: `en`, `fr`, `es`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::French => "fr",
            Language::Spanish => "es",
        }
    }

    /// The language's name in itself, as a language menu lists it (so that
    /// a reader finds their own language whatever is showing).
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::French => "Français",
            Language::Spanish => "Español",
        }
    }

    /// The language of a code or a system locale: `fr`, `fr-CA`, `es_PE.UTF-8`
    /// and `ES` all count; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Language> {
        let head = code
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == head)
    }

    /// Whether a count of `n` takes the singular: 1 in English and Spanish;
    /// 0 and 1 in French ("0 avertissement", CLDR's rule for whole numbers).
    pub fn is_singular(self, n: u64) -> bool {
        match self {
            Language::French => n <= 1,
            Language::English | Language::Spanish => n == 1,
        }
    }

    /// How the language writes numbers by default.
    pub fn numbers(self) -> NumberStyle {
        match self {
            Language::English => NumberStyle::POINT,
            Language::French => NumberStyle::FRENCH,
            Language::Spanish => NumberStyle::SPANISH,
        }
    }
}

/// How numbers are written for a person: the decimal mark and what groups
/// thousands. CSV, JSON and XLSX cells never use it; they stay numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    pub decimal: char,
    pub group: char,
}

impl NumberStyle {
    /// `1,250,000.25`: English, and Spanish as Mexico and Peru write it.
    pub const POINT: NumberStyle = NumberStyle {
        decimal: '.',
        group: ',',
    };
    /// `1 250 000,25` with a narrow no-break space, so a number never breaks
    /// across lines.
    pub const FRENCH: NumberStyle = NumberStyle {
        decimal: ',',
        group: '\u{202F}',
    };
    /// `1.250.000,25`.
    pub const SPANISH: NumberStyle = NumberStyle {
        decimal: ',',
        group: '.',
    };

    /// `x` with `decimals` places, thousands grouped: the sign kept as
    /// written (`+0,25`, `-1 200`), and no negative zero.
    pub fn format(self, x: f64, decimals: usize) -> String {
        let mut plain = format!("{x:.decimals$}");
        if plain.starts_with('-') && plain[1..].chars().all(|c| c == '0' || c == '.') {
            plain.remove(0);
        }
        self.rewrite(&plain)
    }

    /// As [`NumberStyle::format`], with a sign always written.
    pub fn signed(self, x: f64, decimals: usize) -> String {
        let text = self.format(x, decimals);
        if text.starts_with('-') {
            text
        } else {
            format!("+{text}")
        }
    }

    /// Reads a number typed in this style (`1 250 000,25`, `1.250.000`), or
    /// with the other decimal mark where it cannot be a group mark (`0.25`
    /// typed in French or Spanish, `0,25` with a decimal point). Spaces of
    /// any kind group digits. Anything else (letters, `inf`, marks in the
    /// wrong places) is `None`, so the field keeps its value.
    pub fn parse(self, text: &str) -> Option<f64> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let (sign, body) = match compact.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", compact.strip_prefix('+').unwrap_or(&compact)),
        };
        let other = if self.decimal == ',' { '.' } else { ',' };
        if body.is_empty()
            || !body
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return None;
        }
        let plain = match body.split_once(self.decimal) {
            // The style's own decimal mark: the other mark can only group.
            Some((whole, fraction)) => {
                if !fraction.chars().all(|c| c.is_ascii_digit()) {
                    return None;
                }
                format!("{}.{fraction}", ungrouped(whole, other)?)
            }
            None if body.contains(other) => match ungrouped(body, other) {
                // Marks every three digits that the style groups with.
                Some(whole) if other == self.group => whole,
                // One mark that does not group: the decimal, typed the
                // other way.
                _ if body.matches(other).count() == 1 => body.replace(other, "."),
                _ => return None,
            },
            None => body.to_owned(),
        };
        let x: f64 = format!("{sign}{plain}").parse().ok()?;
        x.is_finite().then_some(x)
    }

    /// Rewrites a number written the Rust way (`-1250000.25`).
    fn rewrite(self, plain: &str) -> String {
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", plain),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let mut out = String::from(sign);
        for (i, ch) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(self.group);
            }
            out.push(ch);
        }
        if !fraction.is_empty() {
            out.push(self.decimal);
            out.push_str(fraction);
        }
        out
    }
}

/// Digits grouped by `mark` in threes (`1.250.000`), without the marks;
/// `None` where a mark is out of place.
fn ungrouped(whole: &str, mark: char) -> Option<String> {
    let mut parts = whole.split(mark);
    let first = parts.next()?;
    let ok_first = !first.is_empty() && first.len() <= 3 || !whole.contains(mark);
    let rest: Vec<&str> = parts.collect();
    let ok_rest = rest.iter().all(|p| p.len() == 3);
    let digits = whole.chars().filter(|&c| c != mark);
    (ok_first && ok_rest && whole.chars().all(|c| c.is_ascii_digit() || c == mark))
        .then(|| digits.collect())
}

/// The user's choice of how numbers are written: the language's way, or a
/// decimal point or comma whatever the language (Mexico and Peru write
/// `0.25` in Spanish).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum NumberChoice {
    #[default]
    #[serde(rename = "language")]
    AsLanguage,
    #[serde(rename = "point")]
    Point,
    #[serde(rename = "comma")]
    Comma,
}

/// What text shown to a person follows: a language and a way with numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Locale {
    pub language: Language,
    pub numbers: NumberChoice,
}

impl Locale {
    /// A language with its own way of writing numbers.
    pub fn of(language: Language) -> Locale {
        Locale {
            language,
            numbers: NumberChoice::AsLanguage,
        }
    }

    /// How numbers are written under this locale. A decimal comma groups
    /// thousands as the language does (a point for English, which has none);
    /// a decimal point groups with commas.
    pub fn number_style(self) -> NumberStyle {
        let own = self.language.numbers();
        match self.numbers {
            NumberChoice::AsLanguage => own,
            NumberChoice::Point => NumberStyle::POINT,
            NumberChoice::Comma if own.decimal == ',' => own,
            NumberChoice::Comma => NumberStyle::SPANISH,
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn numbers_read_back_as_each_style_writes_them() {
        assert_eq!(
            NumberStyle::FRENCH.parse("1\u{202f}250\u{202f}000,25"),
            Some(1_250_000.25)
        );
        assert_eq!(NumberStyle::FRENCH.parse("0,25"), Some(0.25));
        assert_eq!(NumberStyle::SPANISH.parse("1.250.000"), Some(1_250_000.0));
        assert_eq!(NumberStyle::SPANISH.parse("0,5"), Some(0.5));
        assert_eq!(NumberStyle::POINT.parse("1,250,000.5"), Some(1_250_000.5));
        assert_eq!(NumberStyle::POINT.parse(" 250000 "), Some(250_000.0));
        assert_eq!(NumberStyle::POINT.parse("-0.10"), Some(-0.1));
        assert_eq!(NumberStyle::FRENCH.parse("beaucoup"), None);
        // The other decimal mark, where it cannot group.
        assert_eq!(NumberStyle::FRENCH.parse("0.25"), Some(0.25));
        assert_eq!(NumberStyle::FRENCH.parse("1500.50"), Some(1500.5));
        assert_eq!(NumberStyle::FRENCH.parse("1250000.25"), Some(1_250_000.25));
        assert_eq!(NumberStyle::SPANISH.parse("0.25"), Some(0.25));
        assert_eq!(NumberStyle::SPANISH.parse("1.250"), Some(1250.0));
        assert_eq!(NumberStyle::POINT.parse("0,25"), Some(0.25));
        // Marks out of place, and what is not a number.
        assert_eq!(NumberStyle::SPANISH.parse("1.25.0"), None);
        assert_eq!(NumberStyle::POINT.parse("1,2,3"), None);
        assert_eq!(NumberStyle::FRENCH.parse("1.250,5.0"), None);
        assert_eq!(NumberStyle::POINT.parse("inf"), None);
        assert_eq!(NumberStyle::POINT.parse("NaN"), None);
        assert_eq!(NumberStyle::POINT.parse("1e5"), None);
        assert_eq!(NumberStyle::POINT.parse(""), None);
        assert_eq!(NumberStyle::SPANISH.parse("-"), None);
    }

    use super::*;

    #[test]
    fn languages_read_from_codes_and_locales() {
        assert_eq!(Language::from_code("fr"), Some(Language::French));
        assert_eq!(Language::from_code("fr-CA"), Some(Language::French));
        assert_eq!(Language::from_code("es_PE.UTF-8"), Some(Language::Spanish));
        assert_eq!(Language::from_code("EN"), Some(Language::English));
        assert_eq!(Language::from_code("de_DE"), None);
        assert_eq!(Language::from_code(""), None);
        assert_eq!(Language::from_code("C"), None);
    }

    #[test]
    fn french_counts_zero_as_singular() {
        assert!(Language::French.is_singular(0));
        assert!(Language::French.is_singular(1));
        assert!(!Language::French.is_singular(2));
        assert!(!Language::English.is_singular(0));
        assert!(Language::Spanish.is_singular(1));
        assert!(!Language::Spanish.is_singular(0));
    }

    #[test]
    fn numbers_follow_the_language() {
        let fr = NumberStyle::FRENCH;
        assert_eq!(fr.format(1_250_000.0, 0), "1\u{202F}250\u{202F}000");
        assert_eq!(fr.format(0.25, 2), "0,25");
        assert_eq!(NumberStyle::SPANISH.format(1_250_000.0, 0), "1.250.000");
        assert_eq!(NumberStyle::SPANISH.format(-1234.5, 2), "-1.234,50");
        assert_eq!(NumberStyle::POINT.format(250_000.0, 0), "250,000");
        assert_eq!(NumberStyle::POINT.format(-0.001, 2), "0.00");
        assert_eq!(fr.signed(0.25, 2), "+0,25");
        assert_eq!(fr.signed(-0.1, 2), "-0,10");
        assert_eq!(NumberStyle::POINT.format(999.0, 0), "999");
    }

    #[test]
    fn a_user_may_choose_the_decimal_point() {
        let peru = Locale {
            language: Language::Spanish,
            numbers: NumberChoice::Point,
        };
        assert_eq!(peru.number_style().format(1_250_000.25, 2), "1,250,000.25");
        let english_comma = Locale {
            language: Language::English,
            numbers: NumberChoice::Comma,
        };
        assert_eq!(english_comma.number_style().format(0.25, 2), "0,25");
        assert_eq!(
            Locale::of(Language::French).number_style(),
            NumberStyle::FRENCH
        );
    }
}
