//! Where an attribute's value came from: a survey (its form version, day,
//! number of firms and spread) or a note the officer writes ("interviews
//! with 12 exporters, March"), or both. Kept with the cluster in the preset
//! (version 5), shown on the slider, in About this cluster and the report.

use crate::attribute::Attribute;
use crate::text::survey::{said, survey_texts};
use crate::text::{num, plural};

/// The longest evidence note, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// What a survey said about an attribute when its value was accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyEvidence {
    pub form_version: String,
    /// The day of the latest interview (yyyy-mm-dd), where the export said.
    pub date: Option<String>,
    /// How many firms answered its questions.
    pub n: u32,
    /// The spread between them, taken as the attribute's uncertainty.
    pub spread: f64,
}

/// The evidence for one attribute.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    pub survey: Option<SurveyEvidence>,
    pub note: Option<String>,
}

impl Evidence {
    /// Whether there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.survey.is_none() && self.note.is_none()
    }

    /// "0.35, from 48 firms, spread ±0.12 (survey form 2026120601,
    /// 2026-11-28)": the value with the survey it came from, if any.
    pub fn survey_line(&self, value: f64) -> Option<String> {
        let s = self.survey.as_ref()?;
        let t = survey_texts();
        let firms = plural(s.n as usize, t.firm_one, t.firm_other);
        let from = said(
            |t| t.evidence_survey,
            &[
                ("value", &num(value)),
                ("n", &s.n.to_string()),
                ("firms", firms),
                ("spread", &num(s.spread)),
            ],
        );
        let form = match &s.date {
            Some(day) => said(
                |t| t.evidence_form_day,
                &[("version", &s.form_version), ("day", day)],
            ),
            None => said(|t| t.evidence_form, &[("version", &s.form_version)]),
        };
        Some(said(
            |t| t.evidence_with_form,
            &[("from", &from), ("form", &form)],
        ))
    }

    /// The survey's line and the officer's note, one after the other.
    pub fn describe(&self, value: f64) -> String {
        let parts: Vec<String> = self
            .survey_line(value)
            .into_iter()
            .chain(self.note.clone())
            .collect();
        parts.join(survey_texts().evidence_separator)
    }
}

/// The evidence of each attribute that has some, in reference-model order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttributeEvidence(Vec<(Attribute, Evidence)>);

impl AttributeEvidence {
    /// The evidence for `a`, if any.
    pub fn get(&self, a: Attribute) -> Option<&Evidence> {
        self.0.iter().find(|(k, _)| *k == a).map(|(_, e)| e)
    }

    /// Sets the evidence for `a`; empty evidence is removed.
    pub fn set(&mut self, a: Attribute, evidence: Evidence) {
        self.0.retain(|(k, _)| *k != a);
        if !evidence.is_empty() {
            self.0.push((a, evidence));
            self.0.sort_by_key(|(k, _)| *k);
        }
    }

    /// Each attribute with evidence, in order.
    pub fn iter(&self) -> impl Iterator<Item = (Attribute, &Evidence)> {
        self.0.iter().map(|(a, e)| (*a, e))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Why evidence was refused: the field (`note`, `survey.n`…) and the reason.
pub type EvidenceRefusal = (&'static str, String);

/// The rules a preset's evidence is read and edited by.
pub fn check(e: &Evidence) -> Result<(), EvidenceRefusal> {
    use crate::text::messages::said as m;
    if e.is_empty() {
        return Err(("", m(|m| m.evidence_empty, &[])));
    }
    if let Some(note) = &e.note {
        if note.trim().is_empty() {
            return Err(("note", m(|m| m.evidence_note_empty, &[])));
        }
        if note.chars().count() > MAX_NOTE_CHARS {
            let max = MAX_NOTE_CHARS.to_string();
            return Err(("note", m(|m| m.longer_than, &[("max", &max)])));
        }
    }
    let Some(s) = &e.survey else {
        return Ok(());
    };
    let digits = !s.form_version.is_empty() && s.form_version.chars().all(|c| c.is_ascii_digit());
    if !digits || s.form_version.len() > 20 {
        let v = &s.form_version;
        return Err((
            "survey.form_version",
            m(|m| m.evidence_form_version, &[("value", v)]),
        ));
    }
    if let Some(day) = &s.date
        && !is_day(day)
    {
        return Err(("survey.date", m(|m| m.evidence_date, &[("value", day)])));
    }
    if s.n == 0 {
        return Err(("survey.n", m(|m| m.evidence_n, &[("value", "0")])));
    }
    if let Err(e) = crate::plan::rules::half_width(s.spread) {
        return Err(("survey.spread", e.to_string()));
    }
    Ok(())
}

/// A day written yyyy-mm-dd, with a month and day that can be.
pub fn is_day(text: &str) -> bool {
    let b = text.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if b.len() != 10
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
    {
        return false;
    }
    let month: u32 = text[5..7].parse().unwrap_or(0);
    let day: u32 = text[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}
