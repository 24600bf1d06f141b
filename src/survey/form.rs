//! The questionnaire as an XLSForm: the `survey`, `choices` and `settings`
//! sheets that KoboToolbox, ODK and SurveyCTO read, with labels in English,
//! French and Spanish (`label::Français (fr)`). Built as rows first
//! ([`XlsForm`]), then written, so the baseline form uses the same writer.

use super::instrument::{Instrument, Label, QuestionType, ROLE_FIELD, VERSION_FIELD};
use crate::language::Language;
use crate::text::fill;
use crate::text::survey::survey_texts_in;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// A text in each language, as the form's columns hold them.
pub type Texts3 = [String; 3];

/// One row of the `survey` sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveyRow {
    pub kind: String,
    pub name: String,
    pub label: Option<Texts3>,
    pub hint: Option<Texts3>,
    pub constraint: Option<String>,
    pub constraint_message: Option<Texts3>,
    pub calculation: Option<String>,
}

/// One row of the `choices` sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceRow {
    pub list: String,
    pub name: String,
    pub label: Texts3,
}

/// A whole form.
#[derive(Debug, Clone, PartialEq)]
pub struct XlsForm {
    pub title: String,
    pub form_id: String,
    pub version: String,
    pub default_language: Language,
    /// The languages with label columns: all three for the diagnostic, the
    /// language of the moment for a form of the user's own indicators.
    pub languages: Vec<Language>,
    pub survey: Vec<SurveyRow>,
    pub choices: Vec<ChoiceRow>,
}

/// How a language is named in the form's column heads: its own name and
/// its IANA code, as XLSForm asks.
pub fn column_language(language: Language) -> String {
    format!("{} ({})", language.own_name(), language.code())
}

fn three(label: &Label) -> Texts3 {
    Language::ALL.map(|l| label.in_language(l).to_owned())
}

/// A text of the survey's own words in each language.
pub fn words3(pick: fn(&crate::text::survey::SurveyTexts) -> &'static str) -> Texts3 {
    Language::ALL.map(|l| pick(survey_texts_in(l)).to_owned())
}

fn metadata(kind: &str) -> SurveyRow {
    SurveyRow {
        kind: kind.to_owned(),
        name: kind.to_owned(),
        ..SurveyRow::default()
    }
}

/// The rows every form of the workbench starts with: when, the version,
/// who answers.
pub fn opening_rows(version: &str, intro: Texts3) -> (Vec<SurveyRow>, Vec<ChoiceRow>) {
    let survey = vec![
        metadata("start"),
        metadata("end"),
        metadata("today"),
        SurveyRow {
            kind: "calculate".into(),
            name: VERSION_FIELD.into(),
            calculation: Some(format!("'{version}'")),
            ..SurveyRow::default()
        },
        SurveyRow {
            kind: "note".into(),
            name: "intro".into(),
            label: Some(intro),
            ..SurveyRow::default()
        },
        SurveyRow {
            kind: format!("select_one {ROLE_FIELD}"),
            name: ROLE_FIELD.into(),
            label: Some(words3(|t| t.role_question)),
            ..SurveyRow::default()
        },
    ];
    let choices = vec![
        ChoiceRow {
            list: ROLE_FIELD.into(),
            name: "owner_manager".into(),
            label: words3(|t| t.role_owner),
        },
        ChoiceRow {
            list: ROLE_FIELD.into(),
            name: "key_informant".into(),
            label: words3(|t| t.role_informant),
        },
    ];
    (survey, choices)
}

/// An integer question's bounds, as a constraint and its message.
pub fn bounds(min: i64, max: i64) -> (String, Texts3) {
    let message = Language::ALL.map(|l| {
        fill(
            survey_texts_in(l).whole_number_between,
            &[("min", &min.to_string()), ("max", &max.to_string())],
        )
    });
    (format!(". >= {min} and . <= {max}"), message)
}

/// The diagnostic questionnaire of `instrument`, titled in `language`.
pub fn diagnostic(instrument: &Instrument, language: Language) -> XlsForm {
    let (mut survey, mut choices) =
        opening_rows(&instrument.form_version, three(&instrument.intro));
    for group in &instrument.groups {
        survey.push(SurveyRow {
            kind: "begin_group".into(),
            name: group.name.clone(),
            label: Some(three(&group.label)),
            ..SurveyRow::default()
        });
        for q in instrument
            .questions
            .iter()
            .filter(|q| q.group == group.name)
        {
            let mut row = SurveyRow {
                kind: q.kind.xlsform().to_owned(),
                name: q.name.clone(),
                label: Some(three(&q.label)),
                ..SurveyRow::default()
            };
            if q.kind == QuestionType::Integer {
                let (c, m) = bounds(q.min.unwrap_or(0), q.max.unwrap_or(i64::MAX));
                row.constraint = Some(c);
                row.constraint_message = Some(m);
            } else {
                row.kind = format!("{} {}", row.kind, q.name);
                choices.extend(q.choices.iter().map(|c| ChoiceRow {
                    list: q.name.clone(),
                    name: c.name.clone(),
                    label: three(&c.label),
                }));
            }
            survey.push(row);
        }
        survey.push(SurveyRow {
            kind: "end_group".into(),
            ..SurveyRow::default()
        });
    }
    XlsForm {
        title: instrument.title.in_language(language).to_owned(),
        form_id: instrument.form_id.clone(),
        version: instrument.form_version.clone(),
        default_language: language,
        languages: Language::ALL.to_vec(),
        survey,
        choices,
    }
}

/// The form as the bytes of an XLSX file.
pub fn xlsx(form: &XlsForm) -> Result<Vec<u8>, XlsxError> {
    let bold = Format::new().set_bold();
    let mut book = Workbook::new();
    let languages: Vec<String> = form.languages.iter().map(|l| column_language(*l)).collect();
    let per_language =
        |head: &str| -> Vec<String> { languages.iter().map(|l| format!("{head}::{l}")).collect() };
    // A form's texts in its languages' columns only.
    let pick = |texts: &Option<Texts3>| -> Vec<String> {
        let all = texts.clone().unwrap_or_default();
        form.languages
            .iter()
            .map(|l| all[l.index()].clone())
            .collect()
    };
    let any_hint = form.survey.iter().any(|r| r.hint.is_some());
    let mut heads: Vec<String> = vec!["type".into(), "name".into()];
    heads.extend(per_language("label"));
    if any_hint {
        heads.extend(per_language("hint"));
    }
    heads.push("constraint".into());
    heads.extend(per_language("constraint_message"));
    heads.push("calculation".into());
    let sheet = book.add_worksheet().set_name("survey")?;
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in form.survey.iter().enumerate() {
        let mut cells: Vec<String> = vec![row.kind.clone(), row.name.clone()];
        cells.extend(pick(&row.label));
        if any_hint {
            cells.extend(pick(&row.hint));
        }
        cells.push(row.constraint.clone().unwrap_or_default());
        cells.extend(pick(&row.constraint_message));
        cells.push(row.calculation.clone().unwrap_or_default());
        for (c, cell) in cells.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            sheet.write_string(r as u32 + 1, c as u16, cell)?;
        }
    }
    sheet.set_column_width(1, 24)?;
    sheet.set_column_range_width(2, 4, 48)?;
    sheet.set_freeze_panes(1, 0)?;

    let sheet = book.add_worksheet().set_name("choices")?;
    let mut heads = vec!["list_name".to_owned(), "name".to_owned()];
    heads.extend(per_language("label"));
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in form.choices.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, &row.list)?;
        sheet.write_string(r, 1, &row.name)?;
        for (c, label) in pick(&Some(row.label.clone())).iter().enumerate() {
            sheet.write_string(r, c as u16 + 2, label)?;
        }
    }
    sheet.set_column_range_width(0, 1, 24)?;
    sheet.set_column_range_width(2, 4, 40)?;

    let sheet = book.add_worksheet().set_name("settings")?;
    let settings = [
        ("form_title", form.title.clone()),
        ("form_id", form.form_id.clone()),
        ("version", form.version.clone()),
        ("default_language", column_language(form.default_language)),
    ];
    for (c, (key, value)) in settings.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *key, &bold)?;
        sheet.write_string(1, c as u16, value)?;
    }
    book.save_to_buffer()
}
