//! The results chains as graph text to edit in other tools: Mermaid and
//! Graphviz DOT. Each box shows a short label, its title and its numbers, so
//! that a chain reads on an A4 page; the detail (every line the window
//! shows, the indicator, the assumptions on the arrow out of the box) goes
//! in the box's tooltip, shown when the pointer rests on the box in the SVG
//! that Mermaid or Graphviz draws, and kept in the file for whoever edits it.

use super::super::wrap;
use super::{arrow_text, box_text, edges, node};
use crate::chain::ResultsChain;
use crate::chain::describe::{Described, box_lines, box_title, chain_title};
use crate::model::Model;
use crate::model::chain::BoxKind;
use crate::preset::Preset;
use crate::text::{fill, texts};

/// Characters per line of a label, and lines per label at most, so that a
/// chain reads on an A4 page; the impact boxes stand four abreast, so their
/// lines are narrower.
const LABEL_ROOM: usize = 36;
const IMPACT_ROOM: usize = 20;
const LABEL_LINES: usize = 6;

/// Lines of a title a label keeps, and of each of its numbers' lines.
const TITLE_LINES: usize = 2;
const ITEM_LINES: usize = 3;

/// What a box shows of its numbers: the activity as planned, the attributes
/// moved, each cell moved with its change, effort A–D, the capability by the
/// horizon (the projection's caveat goes in the detail); the impact boxes
/// have none, since the model does not compute them.
fn figures(model: &Model, chain: &ResultsChain, kind: BoxKind) -> Vec<String> {
    match kind {
        BoxKind::Market if !chain.cells.is_empty() => chain
            .cells
            .iter()
            .map(|c| {
                let cell = format!(
                    "{} × {}",
                    c.cell.mechanism.id(),
                    model.effort_info(c.cell.effort).name
                );
                crate::words::labelled(&cell, &crate::text::signed_number(c.strength.delta(), 2))
            })
            .collect(),
        BoxKind::Capability => box_lines(model, chain, kind).into_iter().take(1).collect(),
        _ => box_lines(model, chain, kind),
    }
}

/// `heading` (at most two lines) and as many of `items` as fit in
/// [`LABEL_LINES`] lines of `room` characters, each item on at most
/// [`ITEM_LINES`]; a last line counts the items left out.
fn short_label(heading: &str, items: &[String], room: usize) -> Vec<String> {
    let mut lines = if heading.is_empty() {
        Vec::new()
    } else {
        wrap(heading, room, TITLE_LINES)
    };
    let mut shown = 0;
    for (i, item) in items.iter().enumerate() {
        let item_lines = wrap(item, room, ITEM_LINES);
        // A line stays free to say how many more there are.
        let reserved = usize::from(i + 1 < items.len());
        if lines.len() + item_lines.len() + reserved > LABEL_LINES {
            break;
        }
        lines.extend(item_lines);
        shown += 1;
    }
    if shown < items.len() {
        lines.push(crate::words::and_more(items.len() - shown));
    }
    lines
}

/// A box's short label: its title and its numbers.
fn box_label(model: &Model, chain: &ResultsChain, kind: BoxKind) -> Vec<String> {
    let room = if kind.is_plan_level() {
        IMPACT_ROOM
    } else {
        LABEL_ROOM
    };
    short_label(box_title(model, kind), &figures(model, chain, kind), room)
}

/// An arrow's short label: the risks on it (the warnings that fire); its
/// assumptions are in the detail.
fn arrow_label(words: &Described, from: BoxKind) -> Vec<String> {
    let risks: Vec<String> = words
        .arrow_from(from)
        .map(|a| a.risks.iter().map(|(_, r)| r.clone()).collect())
        .unwrap_or_default();
    short_label("", &risks, LABEL_ROOM)
}

/// The model's note on how an entry is credited, on one line (for a
/// comment at the head of the file).
fn credit_note(model: &Model) -> String {
    model
        .chain
        .attribution
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------- Mermaid

/// Mermaid's quoted strings take any text but `"`, written `#quot;`; `#`
/// starts such an entity, so it is written `#35;` first; `<br>` breaks a
/// line, also where the user's text has one.
fn mermaid_text(lines: &[String]) -> String {
    lines
        .iter()
        .flat_map(|l| l.lines())
        .map(|l| {
            l.replace('#', "#35;")
                .replace('&', "#amp;")
                .replace('"', "#quot;")
                .replace('<', "#lt;")
                .replace('>', "#gt;")
        })
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A box's detail for its Mermaid tooltip: everything the box says, then
/// the arrow out of it (Mermaid gives no tooltip to an arrow).
fn mermaid_detail(model: &Model, words: &Described, kind: BoxKind) -> Vec<String> {
    let mut lines = box_text(model, words, kind);
    if let Some(a) = words.arrow_from(kind) {
        let to = if a.from == BoxKind::Capability {
            texts().level_impact
        } else {
            box_title(model, a.to)
        };
        lines.push(fill(
            texts().chain_arrow_name,
            &[("from", box_title(model, kind)), ("to", to)],
        ));
        lines.extend(arrow_text(a));
    }
    lines
}

/// The chains as a Mermaid flowchart, bottom-up.
pub fn chains_mermaid(model: &Model, preset: &Preset, chains: &[ResultsChain]) -> String {
    let mut out = String::from("flowchart BT\n");
    out.push_str(&format!("  %% {}\n", credit_note(model)));
    for (n, chain) in chains.iter().enumerate() {
        let words = Described::new(model, preset, chain);
        out.push_str(&format!(
            "  subgraph e{}[\"{}\"]\n",
            n + 1,
            mermaid_text(&[chain_title(preset, chain)])
        ));
        for kind in BoxKind::ALL {
            let id = node(n, kind);
            let label = mermaid_text(&box_label(model, chain, kind));
            out.push_str(&format!("    {id}[\"{label}\"]\n"));
            // A tooltip needs a click target in Mermaid: `focus` is the
            // page's own window.focus, harmless where a page lets Mermaid
            // call it (securityLevel "loose") and ignored elsewhere.
            let detail = mermaid_text(&mermaid_detail(model, &words, kind));
            out.push_str(&format!("    click {id} focus \"{detail}\"\n"));
        }
        for (from, to, detail) in edges(&words) {
            let label = if detail.is_empty() {
                Vec::new()
            } else {
                arrow_label(&words, from)
            };
            let (from, to) = (node(n, from), node(n, to));
            if label.is_empty() {
                out.push_str(&format!("    {from} --> {to}\n"));
            } else {
                let label = mermaid_text(&label);
                out.push_str(&format!("    {from} -->|\"{label}\"| {to}\n"));
            }
        }
        out.push_str("  end\n");
    }
    out
}

// ---------------------------------------------------------------- DOT

/// A DOT quoted string: `"` and `\` escaped, lines broken with `\n`.
fn dot_string(lines: &[String]) -> String {
    let body = lines
        .iter()
        .flat_map(|l| l.lines())
        .map(|l| l.replace('\\', "\\\\").replace('"', "\\\""))
        .collect::<Vec<_>>()
        .join("\\n");
    format!("\"{body}\"")
}

/// The chains as a Graphviz digraph, bottom-up, one cluster per chain.
pub fn chains_dot(model: &Model, preset: &Preset, chains: &[ResultsChain]) -> String {
    let mut out = format!(
        "digraph results_chains {{\n  // {}\n  rankdir=BT;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fa\", fontname=\"sans-serif\"];\n  edge [fontname=\"sans-serif\", fontsize=11];\n",
        credit_note(model)
    );
    for (n, chain) in chains.iter().enumerate() {
        let words = Described::new(model, preset, chain);
        out.push_str(&format!("  subgraph cluster_e{} {{\n", n + 1));
        out.push_str(&format!(
            "    label={};\n",
            dot_string(&[chain_title(preset, chain)])
        ));
        for kind in BoxKind::ALL {
            let fill_colour = if kind.is_plan_level() {
                ", fillcolor=\"#f3f0e6\""
            } else {
                ""
            };
            out.push_str(&format!(
                "    {} [label={}, tooltip={}{}];\n",
                node(n, kind),
                dot_string(&box_label(model, chain, kind)),
                dot_string(&box_text(model, &words, kind)),
                fill_colour
            ));
        }
        out.push_str(&format!(
            "    {{ rank=same; {} }}\n",
            BoxKind::IMPACT.map(|k| node(n, k)).join("; ")
        ));
        for (from, to, detail) in edges(&words) {
            let (a, b) = (node(n, from), node(n, to));
            let label = arrow_label(&words, from);
            let mut attributes = Vec::new();
            if !detail.is_empty() && !label.is_empty() {
                attributes.push(format!("label={}", dot_string(&label)));
            }
            if !detail.is_empty() {
                attributes.push(format!("tooltip={}", dot_string(&detail)));
            }
            if attributes.is_empty() {
                out.push_str(&format!("    {a} -> {b};\n"));
            } else {
                out.push_str(&format!("    {a} -> {b} [{}];\n", attributes.join(", ")));
            }
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}
