//! The baseline and endline form: the firm-level indicators of a plan's
//! measurement plan (its entries' enterprise-level and capability
//! outcomes, and the plan's income and jobs) as an XLSForm, so the team
//! that ran the diagnostic collects the values the logframe asks for,
//! before the plan and at its end. Its labels are the indicators as the
//! measurement plan words them, in the language of the moment: the user's
//! own words cannot be translated.

use super::form::{SurveyRow, XlsForm, opening_rows};
use crate::chain::describe::{field_text, plan_field_text};
use crate::model::Model;
use crate::model::chain::BoxKind;
use crate::plan::indicators::Field;
use crate::preset::Preset;
use crate::text::fill;
use crate::text::survey::survey_texts;

/// The boxes measured firm by firm: per entry, then per plan.
const ENTRY_BOXES: [BoxKind; 2] = [BoxKind::Enterprise, BoxKind::Capability];
const PLAN_BOXES: [BoxKind; 2] = [BoxKind::Income, BoxKind::Jobs];
/// The start of every baseline form's id; the plan's name follows, so that
/// two plans' forms are two forms on a server.
pub const BASELINE_FORM_ID: &str = "cluster_firm_indicators";

/// The form for plan `plan` of `preset`. Its version is made from what it
/// asks, so a form whose indicators changed is a new version to KoboToolbox
/// and ODK Central, and the same form exported twice is the same version.
pub fn baseline_form(model: &Model, preset: &Preset, plan: usize) -> Option<XlsForm> {
    let p = preset.plan(plan)?;
    let t = survey_texts();
    let language = crate::text::locale().language;
    let same = |text: String| -> [String; 3] { [text.clone(), text.clone(), text] };
    // The version is filled in once the rows are known.
    let (mut survey, choices) = opening_rows("", same(t.baseline_intro.to_owned()));
    // The diagnostic's respondent role means nothing here: the round does.
    survey.retain(|r| r.name != super::instrument::ROLE_FIELD);
    let mut choices: Vec<_> = choices
        .into_iter()
        .filter(|c| c.list != super::instrument::ROLE_FIELD)
        .collect();
    survey.push(SurveyRow {
        kind: "text".into(),
        name: "firm".into(),
        label: Some(same(t.baseline_firm.to_owned())),
        ..SurveyRow::default()
    });
    survey.push(SurveyRow {
        kind: "select_one round".into(),
        name: "round".into(),
        label: Some(same(t.baseline_round.to_owned())),
        ..SurveyRow::default()
    });
    for (name, label) in [
        ("baseline", t.baseline_round_baseline),
        ("endline", t.baseline_round_endline),
    ] {
        choices.push(super::form::ChoiceRow {
            list: "round".into(),
            name: name.into(),
            label: same(label.to_owned()),
        });
    }
    let evaluation = crate::evaluation::evaluate(model, preset);
    let chains = crate::chain::plan_chains(model, preset, &evaluation, plan);
    // Entries that share an indicator (the model's suggestion, where the
    // user wrote none) ask it once.
    let mut indicators: Vec<(String, String)> = Vec::new();
    let mut add = |indicator: String, method: String| {
        if !indicator.is_empty() && !indicators.iter().any(|(i, _)| *i == indicator) {
            indicators.push((indicator, method));
        }
    };
    for chain in &chains {
        for kind in ENTRY_BOXES {
            let text = |f| field_text(model, preset, chain, kind, f).0;
            add(text(Field::Indicator), text(Field::Means));
        }
    }
    for kind in PLAN_BOXES {
        let text = |f| plan_field_text(model, p, kind, f).0;
        add(text(Field::Indicator), text(Field::Means));
    }
    if indicators.is_empty() {
        return None;
    }
    for (i, (label, method)) in indicators.into_iter().enumerate() {
        survey.push(SurveyRow {
            kind: "decimal".into(),
            name: format!("indicator_{}", i + 1),
            label: Some(same(label)),
            hint: (!method.is_empty())
                .then(|| same(fill(t.baseline_value_hint, &[("method", &method)]))),
            ..SurveyRow::default()
        });
    }
    let title = fill(t.baseline_title, &[("plan", &p.name)]);
    let version = content_version(&title, &survey, &choices);
    for row in survey.iter_mut().filter(|r| r.calculation.is_some()) {
        row.calculation = Some(format!("'{version}'"));
    }
    Some(XlsForm {
        title,
        form_id: unique_form_id(preset, plan),
        version,
        default_language: language,
        languages: vec![language],
        survey,
        choices,
    })
}

/// The plan's form id, with its number added where another plan's name
/// gives the same letters ("Buyers + training", "Buyers & training").
fn unique_form_id(preset: &Preset, plan: usize) -> String {
    let name = |i: usize| preset.plans.get(i).map_or("", |p| p.name.as_str());
    let id = form_id(name(plan), plan);
    let shared = (0..preset.plans.len()).any(|i| i != plan && form_id(name(i), i) == id);
    if shared {
        format!("{id}_{}", plan + 1)
    } else {
        id
    }
}

/// `cluster_firm_indicators_` and the plan's name in the letters a form id
/// takes (`buyer_links_first`), or its number where none is left.
pub fn form_id(plan_name: &str, plan: usize) -> String {
    let mut slug = String::new();
    for c in plan_name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('_') && !slug.is_empty() {
            slug.push('_');
        }
    }
    let slug: String = slug.trim_end_matches('_').chars().take(40).collect();
    let slug = slug.trim_end_matches('_');
    if slug.is_empty() {
        format!("{BASELINE_FORM_ID}_{}", plan + 1)
    } else {
        format!("{BASELINE_FORM_ID}_{slug}")
    }
}

/// Ten digits from the form's title and what it asks (FNV-1a), never
/// starting with 0: SurveyCTO asks for a whole number of fixed length.
fn content_version(
    title: &str,
    survey: &[SurveyRow],
    choices: &[super::form::ChoiceRow],
) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let text = format!("{title}{survey:?}{choices:?}");
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (1_000_000_000 + hash % 9_000_000_000).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_ids_take_the_plans_letters_and_stay_apart() {
        assert_eq!(
            form_id("Buyers + training", 0),
            "cluster_firm_indicators_buyers_training"
        );
        assert_eq!(form_id("¡¿!", 2), "cluster_firm_indicators_3");
        let model = crate::model::Model::default_model().unwrap();
        let mut preset = Preset::new_untitled(&model, "x");
        for name in ["Buyers + training", "Buyers & training", "Other"] {
            preset.plans.push(crate::plan::Plan::named(name));
        }
        assert_eq!(
            unique_form_id(&preset, 0),
            "cluster_firm_indicators_buyers_training_1"
        );
        assert_eq!(
            unique_form_id(&preset, 1),
            "cluster_firm_indicators_buyers_training_2"
        );
        assert_eq!(unique_form_id(&preset, 2), "cluster_firm_indicators_other");
    }
}
