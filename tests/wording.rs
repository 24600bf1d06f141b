//! Say only what the paper says (issue 8, item 7): every text a user reads
//! (the model file, the window's strings, `--help`, the README, the shipped
//! presets) is checked against a list of claims Caniëls & Romijn (2001) do not
//! make, and the hedges the paper keeps must be there. Each entry says why,
//! with the line of `shared/paper/caniels-romijn-2001.txt` it rests on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use cluster_workbench::model::DEFAULT_MODEL_JSON;
use cluster_workbench::preset::json::Json;
use std::path::Path;

/// Phrases no text may contain (compared in lower case), and why.
const FORBIDDEN: &[(&str, &str)] = &[
    (
        "32 mechanisms",
        "Table 1 has eleven mechanisms in 32 cells (L421-433)",
    ),
    (
        "32 cluster mechanisms",
        "eleven mechanisms in 32 cells (L421-433)",
    ),
    ("far less", "'likely to have a much bigger impact' (L300)"),
    ("will not build", "'much more difficult' (L306)"),
    ("will not create", "'much more difficult' (L306)"),
    ("will not work", "'much more difficult', 'likely' (L306)"),
    ("fails without", "'much more difficult', 'likely' (L306)"),
    ("before anything else", "'simultaneous efforts' (L306)"),
    (
        "contradicts the framework",
        "six checks say nothing of the rest of the paper",
    ),
    (
        "does not reach this effort",
        "Table 1 lists direct effects only (L208, note 15)",
    ),
    (
        "no such cell",
        "Table 1 lists direct effects only (L208, note 15)",
    ),
    (
        "does nothing",
        "the teaching case's baseline moves (Appendix A)",
    ),
    ("pays more", "'could be expected to benefit more' (L302)"),
    (
        "passes cost savings to traders",
        "Visser's finding for Lima only (L469)",
    ),
    ("passed the savings", "'tended to accrue to traders' (L469)"),
    (
        "rather than collaboration",
        "'primarily ... growth-pole effects' (L286)",
    ),
    ("could not turn", "'not always in a position to' (L469)"),
    ("fades", "institutions 'are unlikely to emerge' (L290)"),
    (
        "strongest for firms",
        "'likely to be especially important' (L202)",
    ),
    (
        "joint financing",
        "the government co-financed SIMA's facilities (L230)",
    ),
    (
        "shift followed",
        "awareness came 'almost immediately' (L240)",
    ),
    (
        "learning came from",
        "all FEPACH's strategies shared information (L254)",
    ),
    ("at length", "'much evidence', one case (L236)"),
];

/// Every string value of a JSON text, with its path.
fn strings(v: &Json, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Json::String(s) => out.push((path.to_owned(), s.clone())),
        Json::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                strings(x, &format!("{path}[{i}]"), out);
            }
        }
        Json::Object(pairs) => {
            for (k, x) in pairs {
                strings(x, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

fn json_strings(text: &str) -> Vec<(String, String)> {
    let v: Json = serde_json::from_str(text).unwrap();
    let mut out = Vec::new();
    strings(&v, "", &mut out);
    out
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every text a user can read, with where it comes from.
fn every_text() -> Vec<(String, String)> {
    let mut texts = json_strings(DEFAULT_MODEL_JSON)
        .into_iter()
        .map(|(p, s)| (format!("model{p}"), s))
        .collect::<Vec<_>>();
    for entry in std::fs::read_dir(root().join("presets")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for (p, s) in json_strings(&text) {
            texts.push((format!("{}{p}", path.display()), s));
        }
    }
    for file in ["src/text.rs", "README.md", "src/cli.rs"] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        texts.push((file.to_owned(), text));
    }
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_cluster-workbench"))
        .arg("--help")
        .output()
        .unwrap();
    texts.push(("--help".into(), String::from_utf8(help.stdout).unwrap()));
    texts
}

#[test]
fn no_text_claims_what_the_paper_does_not() {
    let mut found = Vec::new();
    for (place, text) in every_text() {
        let low = text.to_lowercase();
        for (phrase, why) in FORBIDDEN {
            if low.contains(phrase) {
                found.push(format!("{place}: \"{phrase}\" ({why})"));
            }
        }
        // The traders finding is Visser's for Lima, not Weijland's for Java.
        for clause in low.split(['.', ';']) {
            if clause.contains("weijland") && clause.contains("traders") {
                found.push(format!(
                    "{place}: Weijland and traders in one clause (L469)"
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The model file's strings under a path prefix.
fn model_at(prefix: &str) -> Vec<String> {
    json_strings(DEFAULT_MODEL_JSON)
        .into_iter()
        .filter(|(p, _)| p.starts_with(prefix))
        .map(|(_, s)| s)
        .collect()
}

fn one(path: &str) -> String {
    let all = model_at(path);
    assert_eq!(all.len(), 1, "{path}: {all:?}");
    all[0].clone()
}

#[test]
fn the_supply_without_demand_warning_is_hedged_as_the_paper_is() {
    let base = ".warnings.supply-without-demand";
    // Schmitz (1999) is positive evidence of vertical links in the paper
    // (L254), and it gives no reason for the Sinos failures (note 19, L475).
    for text in model_at(base) {
        let low = text.to_lowercase();
        assert!(!low.contains("sinos") && !low.contains("schmitz"), "{text}");
    }
    for path in [
        format!("{base}.message"),
        format!("{base}.existing_institutions.message"),
    ] {
        let text = one(&path);
        for needed in [
            "much more difficult",
            "at the same time",
            "years {years}",
            "unlikely",
        ] {
            assert!(text.contains(needed), "{path} lacks {needed:?}: {text}");
        }
    }
    // Where only institutions already there trigger it, nothing "is
    // supported" by the plan.
    let existing = one(&format!("{base}.existing_institutions.message")).to_lowercase();
    assert!(!existing.contains("supported"), "{existing}");
    let sources = model_at(&format!("{base}.sources"));
    assert!(sources.iter().any(|s| s.contains("Tendler")), "{sources:?}");
    assert!(sources.iter().any(|s| s.contains("§6")), "{sources:?}");
}

#[test]
fn the_papers_hedges_and_limits_are_kept() {
    let production = one(".warnings.production-only-cooperation.message");
    assert!(production.contains("likely") && production.contains("much bigger"));
    assert!(one(".warnings.no-demand.advice").contains("at the same time"));
    let interventions = json_strings(DEFAULT_MODEL_JSON);
    for id in ["buyer_linkage", "strengthen_association"] {
        let index = interventions
            .iter()
            .find(|(p, s)| p.starts_with(".interventions[") && p.ends_with("].id") && s == id)
            .map(|(p, _)| p.trim_end_matches(".id").to_owned())
            .unwrap();
        let evidence = one(&format!("{index}.evidence"));
        assert!(evidence.contains("analogy"), "{id}: {evidence}");
    }
    let cases = model_at(".cases[");
    assert!(
        cases
            .iter()
            .any(|s| s.contains("not always in a position to"))
    );
    assert!(cases.iter().any(|s| s.contains("primarily")));
    // The limits a policymaker must see (About the model).
    let caveats = model_at(".caveats[").join(" ").to_lowercase();
    for limit in [
        "direct effect",
        "institution",
        "no panacea",
        "tandem",
        "soviet",
        "do not create it",
    ] {
        assert!(caveats.contains(limit), "the About view lacks {limit:?}");
    }
    // And the README says them too.
    let readme = std::fs::read_to_string(root().join("README.md"))
        .unwrap()
        .to_lowercase();
    for limit in [
        "direct",
        "support institutions",
        "no panacea",
        "tandem",
        "soviet",
        "does not create",
    ] {
        assert!(readme.contains(limit), "the README lacks {limit:?}");
    }
}
