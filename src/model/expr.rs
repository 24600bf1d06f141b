//! Driver expressions: the small language in which the model file says what
//! drives a mechanism. An expression is an attribute id, `not x` (= 1 − x),
//! `min(a, b, …)` (all of these are needed) or `max(a, b, …)` (any of these will
//! do). Written as text in the model file so an economist can read every rule.

use crate::attribute::{Attribute, Attributes};
use std::fmt;

/// A parsed driver expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// The value of an attribute.
    Attr(Attribute),
    /// `not x` = 1 − x.
    Not(Box<Expr>),
    /// The smallest argument: every one of them is needed.
    Min(Vec<Expr>),
    /// The largest argument: any one of them will do.
    Max(Vec<Expr>),
}

/// Why an expression could not be read, and where (a byte offset in the text).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{reason} at character {}", .position + 1)]
pub struct ParseError {
    pub position: usize,
    pub reason: String,
}

impl Expr {
    /// Reads an expression such as `min(cluster_size, not competition_pressure)`.
    pub fn parse(text: &str) -> Result<Expr, ParseError> {
        let mut p = Parser { text, pos: 0 };
        let expr = p.expr()?;
        p.skip_space();
        if p.pos < text.len() {
            return Err(p.error("unexpected text after the expression".into()));
        }
        Ok(expr)
    }

    /// The value on these attributes: exact f64 `min`, `max` and `1 − x`, so any
    /// correct implementation gives the same bits.
    pub fn eval(&self, a: &Attributes) -> f64 {
        match self {
            Expr::Attr(attr) => a[*attr],
            Expr::Not(x) => 1.0 - x.eval(a),
            Expr::Min(args) => fold(args, a, f64::min),
            Expr::Max(args) => fold(args, a, f64::max),
        }
    }

    /// The attribute whose rise would raise the value most directly: for `min`
    /// the smallest argument (the bottleneck), for `max` the largest (the main
    /// channel), for `not x` it is x (lowering it helps). Ties go to the argument
    /// written first.
    pub fn limited_by(&self, a: &Attributes) -> Attribute {
        match self {
            Expr::Attr(attr) => *attr,
            Expr::Not(x) => x.limited_by(a),
            Expr::Min(args) => pick(args, a, |candidate, best| candidate < best).limited_by(a),
            Expr::Max(args) => pick(args, a, |candidate, best| candidate > best).limited_by(a),
        }
    }

    /// Every attribute the expression reads, in the order written, each once.
    pub fn attributes(&self) -> Vec<Attribute> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect(&self, out: &mut Vec<Attribute>) {
        match self {
            Expr::Attr(a) => {
                if !out.contains(a) {
                    out.push(*a);
                }
            }
            Expr::Not(x) => x.collect(out),
            Expr::Min(args) | Expr::Max(args) => args.iter().for_each(|x| x.collect(out)),
        }
    }

    /// Compiles to a flat program for the simulation's inner loop.
    pub fn compile(&self) -> Program {
        let mut ops = Vec::new();
        self.emit(&mut ops);
        let (mut depth, mut top) = (0, 0usize);
        for op in &ops {
            match op {
                Op::Load(_) => top += 1,
                Op::Not => {}
                Op::Min | Op::Max => top -= 1,
            }
            depth = depth.max(top);
        }
        Program { ops, depth }
    }

    fn emit(&self, ops: &mut Vec<Op>) {
        match self {
            Expr::Attr(a) => ops.push(Op::Load(*a)),
            Expr::Not(x) => {
                x.emit(ops);
                ops.push(Op::Not);
            }
            Expr::Min(args) | Expr::Max(args) => {
                let mut first = true;
                for x in args {
                    x.emit(ops);
                    if !first {
                        ops.push(if matches!(self, Expr::Min(_)) {
                            Op::Min
                        } else {
                            Op::Max
                        });
                    }
                    first = false;
                }
            }
        }
    }
}

fn fold(args: &[Expr], a: &Attributes, f: fn(f64, f64) -> f64) -> f64 {
    let mut iter = args.iter();
    let first = iter.next().map_or(0.0, |x| x.eval(a));
    iter.fold(first, |acc, x| f(acc, x.eval(a)))
}

/// The argument that wins under `better`; the first one on a tie.
fn pick<'e>(args: &'e [Expr], a: &Attributes, better: fn(f64, f64) -> bool) -> &'e Expr {
    let mut best = &args[0];
    let mut best_value = best.eval(a);
    for x in &args[1..] {
        let v = x.eval(a);
        if better(v, best_value) {
            best = x;
            best_value = v;
        }
    }
    best
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Attr(a) => f.write_str(a.id()),
            Expr::Not(x) => write!(f, "not {x}"),
            Expr::Min(args) | Expr::Max(args) => {
                f.write_str(if matches!(self, Expr::Min(_)) {
                    "min("
                } else {
                    "max("
                })?;
                for (i, x) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{x}")?;
                }
                f.write_str(")")
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Load(Attribute),
    Not,
    Min,
    Max,
}

/// An expression as a postfix program: the same arithmetic as [`Expr::eval`] in
/// the same order, without recursion or allocation.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    ops: Vec<Op>,
    /// The most values the program holds at once.
    depth: usize,
}

/// The stack a usual driver needs fits here; the simulation evaluates
/// drivers hundreds of times a year, so it should not clear a larger one.
const SMALL_STACK: usize = 8;

impl Program {
    /// The value on these attributes; bit-identical to [`Expr::eval`].
    pub fn eval(&self, a: &Attributes) -> f64 {
        if self.depth <= SMALL_STACK {
            self.run::<SMALL_STACK>(a)
        } else {
            // The parser refuses anything nested deeper than this holds.
            self.run::<{ MAX_DEPTH + 1 }>(a)
        }
    }

    fn run<const N: usize>(&self, a: &Attributes) -> f64 {
        let mut stack = [0.0_f64; N];
        let mut top = 0usize;
        for op in &self.ops {
            match *op {
                Op::Load(attr) => {
                    stack[top] = a[attr];
                    top += 1;
                }
                Op::Not => stack[top - 1] = 1.0 - stack[top - 1],
                Op::Min => {
                    top -= 1;
                    stack[top - 1] = stack[top - 1].min(stack[top]);
                }
                Op::Max => {
                    top -= 1;
                    stack[top - 1] = stack[top - 1].max(stack[top]);
                }
            }
        }
        stack[0]
    }
}

/// How deeply expressions may nest; far more than any sensible driver needs.
const MAX_DEPTH: usize = 32;

struct Parser<'t> {
    text: &'t str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, reason: String) -> ParseError {
        ParseError {
            position: self.pos,
            reason,
        }
    }

    fn skip_space(&mut self) {
        let rest = &self.text[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn word(&mut self) -> &str {
        self.skip_space();
        let rest = &self.text[self.pos..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let start = self.pos;
        self.pos += len;
        &self.text[start..start + len]
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_space();
        if self.text[self.pos..].starts_with(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn expr(&mut self) -> Result<Expr, ParseError> {
        self.expr_at(0)
    }

    fn expr_at(&mut self, depth: usize) -> Result<Expr, ParseError> {
        if depth >= MAX_DEPTH {
            return Err(self.error(format!("expression nested deeper than {MAX_DEPTH}")));
        }
        self.skip_space();
        let start = self.pos;
        if self.eat('(') {
            let inner = self.expr_at(depth + 1)?;
            if !self.eat(')') {
                return Err(self.error("expected ')'".into()));
            }
            return Ok(inner);
        }
        let word = self.word().to_owned();
        match word.as_str() {
            "" => Err(self.error("expected an attribute id, 'not', 'min(…)' or 'max(…)'".into())),
            "not" => Ok(Expr::Not(Box::new(self.expr_at(depth + 1)?))),
            "min" | "max" => {
                if !self.eat('(') {
                    return Err(self.error(format!("expected '(' after '{word}'")));
                }
                let mut args = vec![self.expr_at(depth + 1)?];
                while self.eat(',') {
                    args.push(self.expr_at(depth + 1)?);
                }
                if !self.eat(')') {
                    return Err(self.error("expected ',' or ')'".into()));
                }
                Ok(if word == "min" {
                    Expr::Min(args)
                } else {
                    Expr::Max(args)
                })
            }
            id => Attribute::from_id(id).map(Expr::Attr).ok_or(ParseError {
                position: start,
                reason: format!("unknown attribute \"{id}\""),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs() -> Attributes {
        let mut a = Attributes::uniform(0.5);
        a[Attribute::ClusterSize] = 0.6;
        a[Attribute::CompetitionPressure] = 0.6;
        a[Attribute::KnowledgeFora] = 0.2;
        a[Attribute::ExternalBuyers] = 0.2;
        a
    }

    #[test]
    fn parses_evaluates_and_prints() {
        let e = Expr::parse("min(cluster_size, not competition_pressure)").unwrap();
        assert_eq!(e.to_string(), "min(cluster_size, not competition_pressure)");
        assert_eq!(e.eval(&attrs()), 1.0 - 0.6);
        assert_eq!(e.compile().eval(&attrs()), e.eval(&attrs()));
        assert_eq!(e.limited_by(&attrs()), Attribute::CompetitionPressure);
        assert_eq!(
            e.attributes(),
            vec![Attribute::ClusterSize, Attribute::CompetitionPressure]
        );
    }

    #[test]
    fn ties_go_to_the_argument_written_first() {
        let e = Expr::parse(
            "min(max(cluster_size, associations), max(knowledge_fora, external_buyers))",
        )
        .unwrap();
        assert_eq!(e.limited_by(&attrs()), Attribute::KnowledgeFora);
        let e = Expr::parse("max(external_buyers, knowledge_fora)").unwrap();
        assert_eq!(e.limited_by(&attrs()), Attribute::ExternalBuyers);
    }

    #[test]
    fn refuses_bad_text_with_a_position() {
        let err = Expr::parse("min(cluster_size, firm_size)").unwrap_err();
        assert_eq!(err.position, 18);
        assert!(
            err.to_string().contains("unknown attribute \"firm_size\""),
            "{err}"
        );
        assert!(Expr::parse("min(cluster_size").is_err());
        assert!(Expr::parse("max()").is_err());
        assert!(Expr::parse("cluster_size skilled_labour").is_err());
        assert!(Expr::parse("").is_err());
        let deep = format!("{}cluster_size{}", "not (".repeat(40), ")".repeat(40));
        assert!(Expr::parse(&deep).is_err());
    }
}
