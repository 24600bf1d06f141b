//! The warnings the model file defines: their ids, their severities and their
//! texts. When a warning fires is decided in [`crate::warnings`].

use crate::attribute::Attribute;

/// How serious a warning is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Critical,
    Warning,
    Info,
}

impl Severity {
    /// All severities, most serious first.
    pub const ALL: [Severity; 3] = [Severity::Critical, Severity::Warning, Severity::Info];

    /// The id used in files and reports.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The severity with this id.
    pub fn from_id(id: &str) -> Option<Severity> {
        Self::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// The six warnings, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningId {
    SupplyWithoutDemand,
    NoDemand,
    LockIn,
    SurvivalistCompetition,
    ProductionOnlyCooperation,
    PlanBarelyHelps,
}

impl WarningId {
    /// All warnings, in report order.
    pub const ALL: [WarningId; 6] = [
        WarningId::SupplyWithoutDemand,
        WarningId::NoDemand,
        WarningId::LockIn,
        WarningId::SurvivalistCompetition,
        WarningId::ProductionOnlyCooperation,
        WarningId::PlanBarelyHelps,
    ];

    /// The id used in files and reports.
    pub fn id(self) -> &'static str {
        match self {
            WarningId::SupplyWithoutDemand => "supply-without-demand",
            WarningId::NoDemand => "no-demand",
            WarningId::LockIn => "lock-in",
            WarningId::SurvivalistCompetition => "survivalist-competition",
            WarningId::ProductionOnlyCooperation => "production-only-cooperation",
            WarningId::PlanBarelyHelps => "plan-barely-helps",
        }
    }
}

/// The texts of one warning, resolved from the model file.
#[derive(Debug, Clone)]
pub struct WarningInfo {
    pub id: WarningId,
    pub severity: Severity,
    pub title: String,
    pub message: String,
    pub advice: String,
    pub explanation: String,
    /// When it fires, in words, its thresholds written in.
    pub rule: String,
    pub sources: Vec<String>,
    /// The attributes that would clear the warning ("Show me").
    pub show_me: Vec<Attribute>,
    /// The message and advice when the warning fires only because of
    /// institutions the cluster already has (supply-without-demand).
    pub existing_institutions: Option<(String, String)>,
}
