//! A synthetic cluster surveyed: respondents whose answers are drawn from
//! known attribute values through the scoring rules of `assets/survey.json`
//! (read here as plain JSON, inverted by hand, not by the code under test),
//! with noise and missing answers, written in the shapes KoboToolbox and
//! ODK Central export (`shared/spec/xlsform-and-exports.md`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;

pub const SURVEY_JSON: &str = include_str!("../../assets/survey.json");

/// The synthetic cluster's attributes, in reference-model order, away
/// from the ends so that noise is not clipped much.
pub const TRUE_VALUES: [(&str, f64); 12] = [
    ("market_dynamism", 0.30),
    ("associations", 0.60),
    ("external_buyers", 0.45),
    ("demand_for_improvement", 0.70),
    ("learning_focus", 0.35),
    ("cluster_size", 0.55),
    ("competition_pressure", 0.65),
    ("specialised_suppliers", 0.40),
    ("public_support", 0.25),
    ("skilled_labour", 0.50),
    ("knowledge_fora", 0.60),
    ("firm_capability", 0.35),
];

/// A deterministic generator, so a failure repeats: the Monte Carlo's
/// SplitMix64, with the draws the synthetic answers need.
pub struct Rng(cluster_workbench::analysis::uncertainty::SplitMix64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(cluster_workbench::analysis::uncertainty::SplitMix64::for_run(seed))
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        self.0.next_f64()
    }
    /// Normal, mean 0, standard deviation `sd` (Box–Muller).
    pub fn normal(&mut self, sd: f64) -> f64 {
        let u = self.unit().max(1e-12);
        let v = self.unit();
        sd * (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
    /// `x` rounded up with probability its fraction: unbiased.
    pub fn round(&mut self, x: f64) -> i64 {
        let floor = x.floor();
        floor as i64 + i64::from(self.unit() < x - floor)
    }
}

pub fn survey() -> Value {
    serde_json::from_str(SURVEY_JSON).unwrap()
}

fn truth(attribute: &str) -> f64 {
    TRUE_VALUES.iter().find(|(a, _)| *a == attribute).unwrap().1
}

/// An answer, as an export writes it, whose score is `x` on average.
fn answer(q: &Value, x: f64, rng: &mut Rng) -> String {
    let kind = q["type"].as_str().unwrap();
    let choices = q["choices"].as_array();
    match kind {
        "integer" => {
            let rule = &q["score"];
            let (from, to) = (rule["from"].as_f64().unwrap(), rule["to"].as_f64().unwrap());
            let value = match rule["rule"].as_str().unwrap() {
                "linear" => from + x * (to - from),
                "log" => from * (to / from).powf(x),
                other => panic!("rule {other}"),
            };
            rng.round(value).to_string()
        }
        "select_one" => {
            // The two choices around x, the upper one with the chance that
            // keeps the mean at x.
            let mut scored: Vec<(f64, &str)> = choices
                .unwrap()
                .iter()
                .map(|c| (c["score"].as_f64().unwrap(), c["name"].as_str().unwrap()))
                .collect();
            scored.sort_by(|a, b| a.0.total_cmp(&b.0));
            let hi = scored
                .iter()
                .position(|(s, _)| *s >= x)
                .unwrap_or(scored.len() - 1);
            if hi == 0 {
                return scored[0].1.to_owned();
            }
            let (lo_s, lo) = scored[hi - 1];
            let (hi_s, hi_name) = scored[hi];
            let up = rng.unit() < (x - lo_s) / (hi_s - lo_s);
            (if up { hi_name } else { lo }).to_owned()
        }
        "select_multiple" => {
            let choices = choices.unwrap();
            let named = |score: Option<f64>| -> Vec<&str> {
                choices
                    .iter()
                    .filter(|c| c["score"].as_f64() == score)
                    .map(|c| c["name"].as_str().unwrap())
                    .collect()
            };
            let ones = named(Some(1.0));
            let zeros = named(Some(0.0));
            match q["score"]["rule"].as_str().unwrap() {
                "sum" => {
                    let full = q["score"]["full"].as_f64().unwrap();
                    let k = rng.round(x * full).clamp(0, ones.len() as i64) as usize;
                    if k == 0 {
                        return zeros.last().unwrap().to_string();
                    }
                    ones[..k].join(" ")
                }
                "mean_of_chosen" => {
                    // Two things chosen, j of them scoring 1: mean j/2.
                    let j = rng.round(2.0 * x).clamp(0, 2) as usize;
                    let mut chosen: Vec<&str> = ones[..j].to_vec();
                    chosen.extend(&zeros[..2 - j]);
                    chosen.join(" ")
                }
                other => panic!("rule {other}"),
            }
        }
        other => panic!("type {other}"),
    }
}

/// One respondent: for each question in form order, its answer ("" when
/// left blank).
pub type Respondent = Vec<String>;

/// `n` respondents of the synthetic cluster: each firm's own level of an
/// attribute is the cluster's plus noise (sd 0.15), and each answer is
/// left blank with chance `blank`.
pub fn respondents(n: usize, blank: f64, seed: u64) -> Vec<Respondent> {
    let survey = survey();
    let questions = survey["questions"].as_array().unwrap();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            questions
                .iter()
                .map(|q| {
                    let x = (truth(q["attribute"].as_str().unwrap()) + rng.normal(0.15))
                        .clamp(0.0, 1.0);
                    let a = answer(q, x, &mut rng);
                    if rng.unit() < blank { String::new() } else { a }
                })
                .collect()
        })
        .collect()
}

/// The form's version, as every export carries it.
pub fn form_version() -> String {
    survey()["form_version"].as_str().unwrap().to_owned()
}

/// The export shapes the importer must read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// KoboToolbox's CSV: `;`, every field quoted, CRLF, XML values, groups
    /// left out of the headers, select-multiple summary and option columns.
    KoboSemicolon,
    /// KoboToolbox's CSV with groups in the headers (`markets/sales_trend`),
    /// `,` as the UI is said to write it, and a second row of HXL tags.
    KoboCommaGroups,
    /// KoboToolbox's legacy CSV: `,`, `n/a` for no answer, option columns
    /// only, `True`/`False`.
    KoboLegacy,
    /// ODK Central's CSV: `SubmissionDate` first, group paths joined by
    /// `-`, quoted only where needed, LF, summary plus the option columns
    /// of the values seen, 0 where unanswered.
    OdkCentral,
}

pub const SHAPES: [Shape; 4] = [
    Shape::KoboSemicolon,
    Shape::KoboCommaGroups,
    Shape::KoboLegacy,
    Shape::OdkCentral,
];

fn quote_all(cells: &[String], sep: &str) -> String {
    let q: Vec<String> = cells
        .iter()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect();
    q.join(sep)
}

pub fn quote_needed(cells: &[String]) -> String {
    let q: Vec<String> = cells
        .iter()
        .map(|c| {
            if c.contains([',', '"', '\n']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect();
    q.join(",")
}

/// The header and rows of an export of `shape` (before the separator and
/// quoting are applied).
pub fn table(shape: Shape, answers: &[Respondent]) -> (Vec<String>, Vec<Vec<String>>) {
    let survey = survey();
    let version = form_version();
    let questions = survey["questions"].as_array().unwrap();
    let path = |group: &str, name: &str| match shape {
        Shape::KoboSemicolon => name.to_owned(),
        Shape::KoboCommaGroups | Shape::KoboLegacy => format!("{group}/{name}"),
        Shape::OdkCentral => format!("{group}-{name}"),
    };
    let mut header: Vec<String> = Vec::new();
    if shape == Shape::OdkCentral {
        header.push("SubmissionDate".into());
    }
    header.extend(
        [
            "start",
            "end",
            "today",
            "cw_form_version",
            "intro",
            "respondent_role",
        ]
        .map(String::from),
    );
    // For each question: its columns, and how a respondent fills them.
    type Fill = Box<dyn Fn(&Respondent) -> Vec<String>>;
    let mut fills: Vec<Fill> = Vec::new();
    for (i, q) in questions.iter().enumerate() {
        let name = q["name"].as_str().unwrap().to_owned();
        let group = q["group"].as_str().unwrap();
        let multiple = q["type"] == "select_multiple";
        let options: Vec<String> = if !multiple {
            Vec::new()
        } else if shape == Shape::OdkCentral {
            // Central splits only the values seen, sorted.
            let mut seen: Vec<String> = answers
                .iter()
                .flat_map(|r| {
                    r[i].split_whitespace()
                        .map(String::from)
                        .collect::<Vec<_>>()
                })
                .collect();
            seen.sort();
            seen.dedup();
            seen
        } else {
            q["choices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["name"].as_str().unwrap().to_owned())
                .collect()
        };
        if !(multiple && shape == Shape::KoboLegacy) {
            header.push(path(group, &name));
        }
        for o in &options {
            header.push(format!("{}/{o}", path(group, &name)));
        }
        fills.push(Box::new(move |r: &Respondent| {
            let a = &r[i];
            let mut cells = Vec::new();
            let missing = if shape == Shape::KoboLegacy {
                "n/a"
            } else {
                ""
            };
            if !(multiple && shape == Shape::KoboLegacy) {
                cells.push(if a.is_empty() {
                    missing.to_owned()
                } else {
                    a.clone()
                });
            }
            let chosen: Vec<&str> = a.split_whitespace().collect();
            for o in &options {
                let on = chosen.contains(&o.as_str());
                cells.push(match shape {
                    Shape::KoboLegacy if a.is_empty() => "n/a".into(),
                    Shape::KoboLegacy => if on { "True" } else { "False" }.into(),
                    // Central writes 0 where the question went unanswered.
                    Shape::OdkCentral => if on { "1" } else { "0" }.into(),
                    _ if a.is_empty() => String::new(),
                    _ => if on { "1" } else { "0" }.into(),
                });
            }
            cells
        }));
    }
    let meta_kobo = [
        "_id",
        "_uuid",
        "_submission_time",
        "_validation_status",
        "_notes",
        "_status",
        "_submitted_by",
        "__version__",
        "_tags",
        "meta/rootUuid",
        "_index",
    ];
    let meta_central = [
        "meta-instanceID",
        "KEY",
        "SubmitterID",
        "SubmitterName",
        "AttachmentsPresent",
        "AttachmentsExpected",
        "Status",
        "ReviewState",
        "DeviceID",
        "Edits",
        "FormVersion",
    ];
    let meta: &[&str] = if shape == Shape::OdkCentral {
        &meta_central
    } else {
        &meta_kobo
    };
    header.extend(meta.iter().map(|m| m.to_string()));
    let rows = answers
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let day = format!("2026-11-{:02}", 1 + k % 28);
            let mut row = Vec::new();
            if shape == Shape::OdkCentral {
                row.push(format!("{day}T10:00:00.000Z"));
            }
            row.extend([
                format!("{day}T09:00:00.000+01:00"),
                format!("{day}T09:40:00.000+01:00"),
                day.clone(),
                version.clone(),
                String::new(),
                "owner_manager".into(),
            ]);
            for f in &fills {
                row.extend(f(r));
            }
            let uuid = format!("uuid:0000{k:04}-aaaa-bbbb-cccc-dddddddddddd");
            for m in meta {
                row.push(match *m {
                    "_id" | "_index" => (k + 1).to_string(),
                    "_uuid" => uuid[5..].to_owned(),
                    "meta/rootUuid" | "meta-instanceID" | "KEY" => uuid.clone(),
                    "_status" => "submitted_via_web".into(),
                    "FormVersion" => version.clone(),
                    "SubmitterName" => "Field team, \"North\"".into(),
                    _ => String::new(),
                });
            }
            row
        })
        .collect();
    (header, rows)
}

/// The export as the bytes of its file.
pub fn export(shape: Shape, answers: &[Respondent]) -> Vec<u8> {
    let (header, rows) = table(shape, answers);
    let mut out = String::new();
    match shape {
        Shape::KoboSemicolon => {
            for line in std::iter::once(&header).chain(&rows) {
                out.push_str(&quote_all(line, ";"));
                out.push_str("\r\n");
            }
        }
        Shape::KoboCommaGroups => {
            out.push_str(&quote_all(&header, ","));
            out.push_str("\r\n");
            let tags: Vec<String> = header
                .iter()
                .map(|h| {
                    if h.ends_with("sales_trend") {
                        "#indicator+sales".into()
                    } else {
                        String::new()
                    }
                })
                .collect();
            out.push_str(&quote_all(&tags, ","));
            out.push_str("\r\n");
            for row in &rows {
                out.push_str(&quote_all(row, ","));
                out.push_str("\r\n");
            }
        }
        Shape::KoboLegacy | Shape::OdkCentral => {
            for line in std::iter::once(&header).chain(&rows) {
                out.push_str(&quote_needed(line));
                out.push('\n');
            }
        }
    }
    out.into_bytes()
}

/// A Kobo export as an XLSX workbook (its default download): the
/// `KoboSemicolon` table, numbers as numbers.
pub fn export_xlsx(answers: &[Respondent]) -> Vec<u8> {
    let (header, rows) = table(Shape::KoboSemicolon, answers);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Cluster diagnostic").unwrap();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            if header[c as usize] == "today" && !cell.is_empty() {
                // Kobo types its dates: a date cell, not text.
                let day = rust_xlsxwriter::ExcelDateTime::parse_from_str(cell).unwrap();
                let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
                sheet
                    .write_datetime_with_format(r, c, &day, &format)
                    .unwrap();
                continue;
            }
            match cell.parse::<f64>() {
                Ok(n) if !cell.is_empty() && !header[c as usize].starts_with("cw_") => {
                    sheet.write_number(r, c, n).unwrap();
                }
                _ if cell.is_empty() => {}
                _ => {
                    sheet.write_string(r, c, cell).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}
