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

    /// Reads a number typed in this style (`1 250 000,25`, `1.250.000`),
    /// or the plain way (`1250000.25`) where that is not ambiguous: group
    /// marks and spaces are dropped, the decimal mark becomes a point.
    pub fn parse(self, text: &str) -> Option<f64> {
        let mut plain = String::new();
        for c in text.trim().chars() {
            match c {
                c if c == self.decimal => plain.push('.'),
                c if c == self.group || c.is_whitespace() => {}
                // A point typed where the style's decimal is a comma and
                // points group thousands was read above as a group mark; a
                // comma typed where a point is the decimal is a group mark.
                ',' | '.' => {}
                c => plain.push(c),
            }
        }
        plain.parse().ok()
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
