//! Results chains in the forms staff use: an SVG drawing (for slides and the
//! report), Mermaid and Graphviz DOT text (to edit in their own tools), and a
//! CSV of boxes and arrows. Every form reads the chain through
//! [`crate::chain::describe`], so they all say what the window says.
//!
//! The chains run bottom-up, as DCED draws them: the activity at the bottom,
//! the impact at the top.

mod graph;

pub use graph::{chains_dot, chains_mermaid};

use super::wrap;
use crate::chain::ResultsChain;
use crate::chain::describe::{
    Arrow, Described, assumption_line, box_lines, box_title, chain_title, field_text, level_word,
    shorten,
};
use crate::model::Model;
use crate::model::chain::BoxKind;
use crate::plan::indicators::Field;
use crate::preset::Preset;
use crate::text::{fill, texts};
use svg::Document;
use svg::node::element::{Description, Group, Line, Polygon, Rectangle, Text, Title};

/// Lines of the model's a box shows at most in a drawing (a plan can raise
/// many cells).
const MAX_BOX_LINES: usize = 9;

/// A node id: `e1_market` for the market box of the first chain.
fn node(n: usize, kind: BoxKind) -> String {
    format!("e{}_{}", n + 1, kind.id())
}

/// The text of a box for the text forms: its title, lines and indicator.
fn box_text(model: &Model, words: &Described, kind: BoxKind) -> Vec<String> {
    let w = words.words(kind);
    std::iter::once(box_title(model, kind).to_owned())
        .chain(w.lines.iter().cloned())
        .chain((!w.indicator.is_empty()).then(|| w.indicator.clone()))
        .collect()
}

/// The label of an arrow: its assumptions and how they stand, then risks.
fn arrow_text(a: &Arrow) -> Vec<String> {
    a.assumptions
        .iter()
        .map(|(text, status)| assumption_line(text, status))
        .chain(a.risks.iter().map(|(_, r)| r.clone()))
        .collect()
}

/// The chain's edges for the graph forms: each arrow up the spine, and the
/// arrow into the impact as one edge to each impact box; an arrow's label
/// (its assumptions and risks) goes on its first edge only.
fn edges(words: &Described) -> Vec<(BoxKind, BoxKind, Vec<String>)> {
    let mut out = Vec::new();
    for a in &words.arrows {
        let targets: &[BoxKind] = if a.from == BoxKind::Capability {
            &BoxKind::IMPACT
        } else {
            std::slice::from_ref(&a.to)
        };
        for (i, &to) in targets.iter().enumerate() {
            let label = if i == 0 { arrow_text(a) } else { Vec::new() };
            out.push((a.from, to, label));
        }
    }
    out
}

// ---------------------------------------------------------------- SVG

const WIDTH: f64 = 900.0;
const PAD: f64 = 16.0;
const BOX_W: f64 = 520.0;
const NOTE_X: f64 = PAD + BOX_W + 24.0;
const LINE: f64 = 15.0;
const NOTE_LINE: f64 = 13.0;
/// Characters per line: in a spine box, an impact box, an arrow's note.
const BOX_ROOM: usize = 78;
const IMPACT_ROOM: usize = 30;
const NOTE_ROOM: usize = 52;

/// One box laid out: its title and wrapped lines.
struct Laid {
    title: Vec<String>,
    lines: Vec<String>,
}

impl Laid {
    fn new(model: &Model, words: &Described, kind: BoxKind, room: usize) -> Laid {
        // The model's lines are cut to fit; the user's indicator never is.
        let w = words.words(kind);
        let model_lines: Vec<String> = w.lines.iter().flat_map(|l| wrap(l, room, 4)).collect();
        let mut lines = shorten(model_lines, MAX_BOX_LINES);
        if !w.indicator.is_empty() {
            lines.extend(wrap(&w.indicator, room, 5));
        }
        Laid {
            title: wrap(box_title(model, kind), room, 2),
            lines,
        }
    }

    fn height(&self) -> f64 {
        (self.title.len() + self.lines.len()) as f64 * LINE + 14.0
    }
}

fn text_lines(x: f64, top: f64, step: f64, lines: &[String], weight: &str) -> Group {
    let mut g = Group::new();
    for (i, l) in lines.iter().enumerate() {
        g = g.add(
            Text::new(l.as_str())
                .set("x", x)
                .set("y", top + step * (i as f64 + 1.0) - 3.0)
                .set("font-weight", weight),
        );
    }
    g
}

fn draw_box(x: f64, y: f64, w: f64, laid: &Laid, plan_level: bool) -> Group {
    let h = laid.height();
    let fill_colour = if plan_level { "#f3f0e6" } else { "#eef3fa" };
    Group::new()
        .add(
            Rectangle::new()
                .set("x", x)
                .set("y", y)
                .set("width", w)
                .set("height", h)
                .set("rx", 6)
                .set("fill", fill_colour)
                .set("stroke", "#333333"),
        )
        .add(text_lines(x + 8.0, y + 4.0, LINE, &laid.title, "bold"))
        .add(text_lines(
            x + 8.0,
            y + 4.0 + laid.title.len() as f64 * LINE,
            LINE,
            &laid.lines,
            "normal",
        ))
}

/// An upward arrow at `x` from `bottom` to `top`.
fn up_arrow(x: f64, top: f64, bottom: f64) -> Group {
    Group::new()
        .add(
            Line::new()
                .set("x1", x)
                .set("y1", bottom)
                .set("x2", x)
                .set("y2", top + 8.0)
                .set("stroke", "#333333")
                .set("stroke-width", 2),
        )
        .add(
            Polygon::new()
                .set(
                    "points",
                    format!(
                        "{},{} {},{} {},{}",
                        x - 6.0,
                        top + 9.0,
                        x + 6.0,
                        top + 9.0,
                        x,
                        top
                    ),
                )
                .set("fill", "#333333"),
        )
}

/// One chain drawn from `top`; returns the group and its height.
fn chain_group(model: &Model, preset: &Preset, chain: &ResultsChain, top: f64) -> (Group, f64) {
    let words = Described::new(model, preset, chain);
    let mut g = Group::new().set("class", "results-chain");
    let mut y = top;
    let heading = wrap(&chain_title(preset, chain), 110, 2);
    g = g.add(text_lines(PAD, y, 18.0, &heading, "bold").set("font-size", 14));
    y += heading.len() as f64 * 18.0 + 8.0;
    // The impact row.
    let gap = 10.0;
    let w = (WIDTH - 2.0 * PAD - 3.0 * gap) / 4.0;
    let laid: Vec<Laid> = BoxKind::IMPACT
        .iter()
        .map(|&k| Laid::new(model, &words, k, IMPACT_ROOM))
        .collect();
    let row = laid.iter().map(Laid::height).fold(0.0, f64::max);
    for (i, l) in laid.iter().enumerate() {
        g = g.add(draw_box(PAD + i as f64 * (w + gap), y, w, l, true));
    }
    y += row;
    for kind in BoxKind::SPINE_DOWN {
        // The arrow into the level above, with its note beside it.
        if let Some(a) = words.arrow_from(kind) {
            let note: Vec<String> = arrow_text(a)
                .iter()
                .flat_map(|l| wrap(l, NOTE_ROOM, 8))
                .collect();
            let h = (note.len() as f64 * NOTE_LINE + 10.0).max(34.0);
            g = g
                .add(up_arrow(PAD + BOX_W / 2.0, y + 2.0, y + h - 2.0))
                .add(text_lines(NOTE_X, y + 4.0, NOTE_LINE, &note, "normal").set("font-size", 10));
            y += h;
        }
        let l = Laid::new(model, &words, kind, BOX_ROOM);
        g = g.add(draw_box(PAD, y, BOX_W, &l, false));
        y += l.height();
    }
    (g, y - top)
}

/// The chains as one SVG drawing, one under the other; `id` names its title
/// and description (a page with several drawings needs them apart).
pub fn chains_svg(model: &Model, preset: &Preset, chains: &[ResultsChain], id: &str) -> String {
    let t = texts();
    let mut body = Group::new();
    let mut y = PAD;
    for chain in chains {
        let (g, h) = chain_group(model, preset, chain, y);
        body = body.add(g);
        y += h + 2.0 * PAD;
    }
    let height = y;
    let description: Vec<String> = chains
        .iter()
        .map(|c| description(model, preset, c))
        .collect();
    Document::new()
        .set("viewBox", (0.0, 0.0, WIDTH, height))
        .set("width", WIDTH)
        .set("height", height)
        .set("role", "img")
        .set("aria-labelledby", format!("{id}-title"))
        .set("aria-describedby", format!("{id}-desc"))
        .set("font-family", "sans-serif")
        .set("font-size", 12)
        .add(Title::new(t.dock_chain).set("id", format!("{id}-title")))
        .add(
            Description::new()
                .set("id", format!("{id}-desc"))
                .add(svg::node::Text::new(description.join(" "))),
        )
        .add(
            Rectangle::new()
                .set("width", WIDTH)
                .set("height", height)
                .set("fill", "white"),
        )
        .add(body)
        .to_string()
}

/// The chain in one paragraph, for a screen reader and the SVG's `<desc>`.
fn description(model: &Model, preset: &Preset, chain: &ResultsChain) -> String {
    let boxes: Vec<String> = BoxKind::ALL
        .iter()
        .map(|&k| {
            crate::words::labelled(
                box_title(model, k),
                &crate::words::listed(&box_lines(model, chain, k)),
            )
        })
        .collect();
    fill(
        texts().chain_svg_description,
        &[
            ("entry", &chain_title(preset, chain)),
            ("boxes", &boxes.join(". ")),
        ],
    )
}

// ---------------------------------------------------------------- CSV

/// The chains as one CSV: a row per box (its level, words and indicator
/// fields, and whether each is the user's) and a row per arrow (its
/// assumptions and risks).
pub fn chains_csv(
    model: &Model,
    preset: &Preset,
    chains: &[ResultsChain],
) -> Result<Vec<u8>, csv::Error> {
    let mut w = super::Table::new(b',');
    let mut header = vec![
        "chain", "record", "id", "level", "title", "text", "from", "to",
    ];
    header.extend(Field::ALL.map(Field::id));
    header.extend(["assumptions", "risks"]);
    w.row(&header)?;
    for chain in chains {
        let name = chain_title(preset, chain);
        let words = Described::new(model, preset, chain);
        for kind in BoxKind::ALL {
            let mut row = vec![
                name.clone(),
                "box".to_owned(),
                kind.id().to_owned(),
                level_word(kind.level()).to_owned(),
                box_title(model, kind).to_owned(),
                words.words(kind).lines.join("\n"),
                String::new(),
                String::new(),
            ];
            row.extend(Field::ALL.map(|f| field_text(model, preset, chain, kind, f).0));
            row.extend([String::new(), String::new()]);
            w.row(&row)?;
        }
        for a in &words.arrows {
            let mut row = vec![
                name.clone(),
                "arrow".to_owned(),
                format!("{}-{}", a.from.id(), a.to.id()),
                String::new(),
                String::new(),
                String::new(),
                a.from.id().to_owned(),
                if a.from == BoxKind::Capability {
                    "impact".to_owned()
                } else {
                    a.to.id().to_owned()
                },
            ];
            row.extend(Field::ALL.map(|_| String::new()));
            row.push(
                a.assumptions
                    .iter()
                    .map(|(t, s)| assumption_line(t, s))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            row.push(
                a.risks
                    .iter()
                    .map(|(_, r)| r.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
            w.row(&row)?;
        }
    }
    w.bytes()
}
