//! The survey instrument (`assets/survey.json`): the questions, which
//! attribute each informs, and the rule that turns an answer into the
//! attribute's 0..1 scale. Read strictly, like the model: an economist who
//! changes a rule gets a message naming the question and the problem.

use crate::attribute::Attribute;
use crate::language::Language;
use serde::Deserialize;

/// The instrument the workbench ships, beside the model file.
pub const SHIPPED_SURVEY_JSON: &str = include_str!("../../assets/survey.json");
/// What a survey file says it is.
pub const SURVEY_FORMAT: &str = "cluster-workbench-survey";
/// The longest question, group or choice name: short enough for the
/// statistics packages the exports go on to (Stata keeps 32 characters).
pub const MAX_NAME_CHARS: usize = 32;
/// The hidden field that carries the form's version into every export, so
/// that responses to another version of the form are told apart.
pub const VERSION_FIELD: &str = "cw_form_version";
/// The fields the form adds besides the questions: when the interview
/// started and ended, the day, the respondent's role, the version.
pub const ROLE_FIELD: &str = "respondent_role";
/// Names the form uses for itself; no question may take them.
pub const RESERVED_NAMES: [&str; 7] = [
    "start",
    "end",
    "today",
    "meta",
    "intro",
    ROLE_FIELD,
    VERSION_FIELD,
];

/// A text in the three languages of the form.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub en: String,
    pub fr: String,
    pub es: String,
}

impl Label {
    /// The text in `language`.
    pub fn in_language(&self, language: Language) -> &str {
        match language {
            Language::English => &self.en,
            Language::French => &self.fr,
            Language::Spanish => &self.es,
        }
    }
}

/// A group of questions in the form (a page in KoboToolbox and ODK Collect).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    pub label: Label,
}

/// One answer a select question offers, with its score (`None`: the answer
/// says nothing about the attribute, as "nothing that I know of").
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub name: String,
    pub score: Option<f64>,
    pub label: Label,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    SelectOne,
    SelectMultiple,
    Integer,
}

impl QuestionType {
    /// The XLSForm type, without the list name.
    pub fn xlsform(self) -> &'static str {
        match self {
            QuestionType::SelectOne => "select_one",
            QuestionType::SelectMultiple => "select_multiple",
            QuestionType::Integer => "integer",
        }
    }
}

/// How a number or a set of choices becomes a score in 0..1. Select-one
/// questions need none: each choice carries its score.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// 0 at `from`, 1 at `to` and beyond, in a straight line between.
    Linear { from: f64, to: f64 },
    /// 0 at `from` and below, 1 at `to` and beyond, by the logarithm between:
    /// each doubling counts the same (for counts of firms).
    Log { from: f64, to: f64 },
    /// The sum of the chosen choices' scores over `full`, at most 1.
    Sum { full: f64 },
    /// The mean score of the chosen choices that carry one.
    MeanOfChosen,
}

/// One question of the survey.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub name: String,
    pub group: String,
    #[serde(deserialize_with = "attribute")]
    pub attribute: Attribute,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub score: Option<Rule>,
    pub label: Label,
    #[serde(default)]
    pub choices: Vec<Choice>,
}

fn attribute<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Attribute, D::Error> {
    let id = String::deserialize(d)?;
    Attribute::from_id(&id)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown attribute \"{id}\"")))
}

impl Question {
    /// The choice named `name`, if the question offers it.
    pub fn choice(&self, name: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.name == name)
    }
}

/// The survey instrument: its form's identity and its questions.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub format: String,
    pub version: u64,
    pub about: String,
    pub form_id: String,
    pub form_version: String,
    pub title: Label,
    pub intro: Label,
    pub groups: Vec<Group>,
    pub questions: Vec<Question>,
}

/// Why a survey file was refused: the path of the problem and the reason.
/// For the economist editing the file, so in English, like a model file's.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("survey file: {path}: {reason}")]
pub struct InstrumentError {
    pub path: String,
    pub reason: String,
}

fn refuse<T>(path: impl Into<String>, reason: impl Into<String>) -> Result<T, InstrumentError> {
    Err(InstrumentError {
        path: path.into(),
        reason: reason.into(),
    })
}

impl Instrument {
    /// The instrument the workbench ships.
    pub fn shipped() -> Result<Instrument, InstrumentError> {
        Instrument::from_json(SHIPPED_SURVEY_JSON)
    }

    /// Reads and checks an instrument.
    pub fn from_json(text: &str) -> Result<Instrument, InstrumentError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let instrument: Instrument =
            serde_path_to_error::deserialize(de).map_err(|e| InstrumentError {
                path: e.path().to_string(),
                reason: e.inner().to_string(),
            })?;
        instrument.check()?;
        Ok(instrument)
    }

    /// The questions on one attribute, in form order.
    pub fn questions_on(&self, attribute: Attribute) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| q.attribute == attribute)
    }

    /// The question named `name`.
    pub fn question(&self, name: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.name == name)
    }

    fn check(&self) -> Result<(), InstrumentError> {
        if self.format != SURVEY_FORMAT {
            return refuse("format", format!("expected \"{SURVEY_FORMAT}\""));
        }
        if self.version != 1 {
            return refuse("version", "this build reads survey files of version 1");
        }
        check_name("form_id", &self.form_id)?;
        if self.form_version.is_empty() || !self.form_version.chars().all(|c| c.is_ascii_digit()) {
            return refuse(
                "form_version",
                "write the version as digits only (yyyymmddrr), as SurveyCTO requires",
            );
        }
        let mut names: Vec<&str> = RESERVED_NAMES.to_vec();
        for (i, g) in self.groups.iter().enumerate() {
            let path = format!("groups[{i}].name");
            check_name(&path, &g.name)?;
            unique(&path, &g.name, &mut names)?;
        }
        for (i, q) in self.questions.iter().enumerate() {
            let path = format!("questions[{i}]");
            check_name(&format!("{path}.name"), &q.name)?;
            unique(&format!("{path}.name"), &q.name, &mut names)?;
            if !self.groups.iter().any(|g| g.name == q.group) {
                return refuse(format!("{path}.group"), format!("no group \"{}\"", q.group));
            }
            check_question(&path, q)?;
        }
        for a in Attribute::ALL {
            if self.questions_on(a).next().is_none() {
                return refuse("questions", format!("no question on \"{}\"", a.id()));
            }
        }
        Ok(())
    }
}

/// An ASCII name that starts with a letter: valid in XLSForm, and free of
/// the `-`, `/` and `.` that the exports use to join group paths.
fn check_name(path: &str, name: &str) -> Result<(), InstrumentError> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !first_ok || !rest_ok || name.len() > MAX_NAME_CHARS {
        return refuse(
            path,
            format!(
                "\"{name}\": a name is a lowercase letter, then lowercase letters, digits or _, at most {MAX_NAME_CHARS} in all"
            ),
        );
    }
    Ok(())
}

/// Names are unique across the whole form, so that exports that drop group
/// paths still give every question its own column.
fn unique<'a>(path: &str, name: &'a str, seen: &mut Vec<&'a str>) -> Result<(), InstrumentError> {
    if seen.contains(&name) {
        return refuse(path, format!("\"{name}\" is used twice or is reserved"));
    }
    seen.push(name);
    Ok(())
}

fn check_question(path: &str, q: &Question) -> Result<(), InstrumentError> {
    for (language, text) in [
        ("en", &q.label.en),
        ("fr", &q.label.fr),
        ("es", &q.label.es),
    ] {
        if text.trim().is_empty() {
            return refuse(format!("{path}.label.{language}"), "empty label");
        }
    }
    match (q.kind, &q.score) {
        (QuestionType::SelectOne, None) => check_choices(path, q, true),
        (QuestionType::SelectMultiple, Some(Rule::Sum { full })) if *full > 0.0 => {
            check_choices(path, q, true)
        }
        (QuestionType::SelectMultiple, Some(Rule::MeanOfChosen)) => check_choices(path, q, false),
        (QuestionType::Integer, Some(Rule::Linear { from, to })) if from < to => {
            check_range(path, q)
        }
        (QuestionType::Integer, Some(Rule::Log { from, to })) if 0.0 < *from && from < to => {
            check_range(path, q)
        }
        _ => refuse(
            format!("{path}.score"),
            "select_one takes its scores from its choices; select_multiple takes \"sum\" (full > 0) or \"mean_of_chosen\"; integer takes \"linear\" (from < to) or \"log\" (0 < from < to)",
        ),
    }
}

fn check_choices(path: &str, q: &Question, every_scored: bool) -> Result<(), InstrumentError> {
    if q.choices.len() < 2 {
        return refuse(
            format!("{path}.choices"),
            "a select question offers at least two choices",
        );
    }
    let mut seen = Vec::new();
    for (i, c) in q.choices.iter().enumerate() {
        let p = format!("{path}.choices[{i}]");
        check_name(&format!("{p}.name"), &c.name)?;
        unique(&format!("{p}.name"), &c.name, &mut seen)?;
        match c.score {
            Some(s) if (0.0..=1.0).contains(&s) => {}
            None if !every_scored => {}
            _ => {
                return refuse(
                    format!("{p}.score"),
                    "a score in 0..1 (null only for \"mean_of_chosen\")",
                );
            }
        }
    }
    Ok(())
}

fn check_range(path: &str, q: &Question) -> Result<(), InstrumentError> {
    match (q.min, q.max) {
        (Some(min), Some(max)) if min < max => Ok(()),
        _ => refuse(
            format!("{path}.min"),
            "an integer question gives min and max, min < max",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_instrument_reads() {
        let i = Instrument::shipped().unwrap();
        assert!(i.questions.len() >= Attribute::ALL.len());
    }

    #[test]
    fn a_rule_that_does_not_fit_its_question_is_refused() {
        let text =
            SHIPPED_SURVEY_JSON.replacen("\"rule\": \"linear\"", "\"rule\": \"mean_of_chosen\"", 1);
        let e = Instrument::from_json(&text).unwrap_err();
        assert!(e.path.ends_with(".score"), "{e}");
    }

    #[test]
    fn a_name_used_twice_is_refused() {
        let text = SHIPPED_SURVEY_JSON.replacen(
            "\"name\": \"new_designs_asked\"",
            "\"name\": \"sales_trend\"",
            1,
        );
        let e = Instrument::from_json(&text).unwrap_err();
        assert_eq!(e.path, "questions[1].name", "{e}");
    }
}
