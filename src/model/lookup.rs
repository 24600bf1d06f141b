//! Typed access to the model's words: what a view asks for by type (a
//! mechanism's kind and evidence grade, the cases behind it, the attribute
//! groups, an intervention's words) is resolved here, once, from the ids the
//! checker has already verified. No view compares the file's id strings.

use super::Model;
use super::catalogue::Intervention;
use super::file::{
    Case, CaseEvidence, Caveat, Citation, Described, GlossaryEntry, Group, InterventionInfo, Source,
};
use crate::attribute::Attribute;
use crate::mechanism::{Effort, Kind, Mechanism};

/// The id of the attribute group shown open at the top of the panel: the
/// headline attributes (reference model §2).
const HEADLINE_GROUP: &str = "headline";

/// One case behind a mechanism: the case and what it shows.
pub struct CaseShown<'a> {
    pub case: &'a Case,
    /// The efforts the case shows the mechanism on, in column order.
    pub efforts: Vec<Effort>,
    pub text: &'a str,
}

/// A group of attributes as the panel shows it.
pub struct AttributeGroup<'a> {
    pub group: &'a Group,
    /// Whether this is the headline group, always open.
    pub headline: bool,
    pub members: Vec<Attribute>,
}

impl Model {
    /// The model's name: "Reference model v1".
    pub fn name(&self) -> &str {
        &self.file.name
    }

    /// What the model is, in a paragraph (the About window).
    pub fn summary(&self) -> &str {
        &self.file.summary
    }

    /// How to cite the paper the model is built on.
    pub fn citation(&self) -> &Citation {
        &self.file.citation
    }

    /// What the model can and cannot say, each with its title.
    pub fn caveats(&self) -> &[Caveat] {
        &self.file.caveats
    }

    /// The cases from the literature the model's readings rest on.
    pub fn cases(&self) -> &[Case] {
        &self.file.cases
    }

    /// The works cited, in full.
    pub fn sources(&self) -> &[Source] {
        &self.file.sources
    }

    /// The glossary, in the model file's order.
    pub fn glossary(&self) -> &[GlossaryEntry] {
        &self.file.glossary
    }

    /// What each column source of the cells' evidence means.
    pub fn column_sources(&self) -> &[Described] {
        &self.file.column_sources
    }

    /// The one-line reminder shown next to every trajectory.
    pub fn caveat_line(&self) -> &str {
        &self.file.caveat_line
    }

    /// The name and meaning of a kind of effect.
    pub fn kind_info(&self, kind: Kind) -> &Described {
        // Checked on load: one entry per kind, in `Kind::ALL` order.
        &self.file.kinds[kind.index()]
    }

    /// The kinds of effect, in `Kind::ALL` order.
    pub fn kinds(&self) -> impl Iterator<Item = (Kind, &Described)> {
        Kind::ALL.into_iter().map(|k| (k, self.kind_info(k)))
    }

    /// How strong the paper's evidence for a mechanism is.
    pub fn evidence_grade(&self, m: Mechanism) -> Option<&Described> {
        let id = &self.mechanism_info(m).evidence.grade;
        self.file.evidence_grades.iter().find(|g| &g.id == id)
    }

    /// The cases behind a mechanism, in the file's order.
    pub fn cases_shown(&self, m: Mechanism) -> Vec<CaseShown<'_>> {
        self.mechanism_info(m)
            .evidence
            .cases
            .iter()
            .filter_map(|e| self.case_shown(e))
            .collect()
    }

    fn case_shown<'a>(&'a self, e: &'a CaseEvidence) -> Option<CaseShown<'a>> {
        let case = self.file.cases.iter().find(|c| c.id == e.case)?;
        let efforts = e
            .efforts
            .iter()
            .filter_map(|x| Effort::from_id(x))
            .collect();
        Some(CaseShown {
            case,
            efforts,
            text: &e.text,
        })
    }

    /// The attribute groups in the file's order, each with its members.
    pub fn attribute_groups(&self) -> Vec<AttributeGroup<'_>> {
        self.file
            .attribute_groups
            .iter()
            .map(|group| AttributeGroup {
                group,
                headline: group.id == HEADLINE_GROUP,
                members: Attribute::ALL
                    .into_iter()
                    .filter(|a| self.attribute_info(*a).group == group.id)
                    .collect(),
            })
            .collect()
    }

    /// The headline attributes, in attribute order.
    pub fn headline_attributes(&self) -> Vec<Attribute> {
        self.attribute_groups()
            .into_iter()
            .find(|g| g.headline)
            .map(|g| g.members)
            .unwrap_or_default()
    }

    /// The words of a catalogue intervention: its description and evidence.
    pub fn intervention_words(&self, item: &Intervention) -> Option<&InterventionInfo> {
        self.file.interventions.iter().find(|i| i.id == item.id)
    }
}
