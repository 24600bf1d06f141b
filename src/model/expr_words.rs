//! A driver expression read out in words, for people who do not read the
//! expression language: `max(public_support, specialised_suppliers)` becomes
//! "the stronger of public support and specialised suppliers". The words for
//! the operators and the attributes' names both come from the model file.

use super::ModelError;
use super::expr::Expr;
use super::file::{AttributeInfo, ExpressionWords};
use crate::attribute::Attribute;

/// The expression in words, attributes named as `attributes` (in
/// [`Attribute::ALL`] order) has them in a sentence.
pub fn in_words(expr: &Expr, words: &ExpressionWords, attributes: &[AttributeInfo]) -> String {
    Reader { words, attributes }.read(expr)
}

struct Reader<'m> {
    words: &'m ExpressionWords,
    attributes: &'m [AttributeInfo],
}

impl Reader<'_> {
    fn name(&self, a: Attribute) -> &str {
        // The model check keeps one entry per attribute, in order.
        self.attributes
            .get(a.index())
            .map_or(a.id(), |info| info.in_sentence.as_str())
    }

    fn read(&self, expr: &Expr) -> String {
        let w = self.words;
        match expr {
            Expr::Attr(a) => self.name(*a).to_owned(),
            Expr::Not(x) => w.not.replace("{x}", &self.argument(x)),
            Expr::Min(args) if args.len() == 1 => self.read(&args[0]),
            Expr::Max(args) if args.len() == 1 => self.read(&args[0]),
            Expr::Min(args) => self.list(args, &w.weaker_of, &w.weakest_of),
            Expr::Max(args) => self.list(args, &w.stronger_of, &w.strongest_of),
        }
    }

    /// "the stronger of a and b", "the weakest of a, b and c".
    fn list(&self, args: &[Expr], of_two: &str, of_more: &str) -> String {
        let items: Vec<String> = args.iter().map(|x| self.argument(x)).collect();
        let joined = match items.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => {
                format!(
                    "{}{}{last}",
                    rest.join(&self.words.list_comma),
                    self.words.list_and
                )
            }
            None => String::new(),
        };
        let template = if args.len() == 2 { of_two } else { of_more };
        template.replace("{list}", &joined)
    }

    /// An argument of another operator: a list inside a list is set apart,
    /// so that "and" belongs to one list only.
    fn argument(&self, x: &Expr) -> String {
        match x {
            Expr::Min(args) | Expr::Max(args) if args.len() > 1 => {
                self.words.nested.replace("{x}", &self.read(x))
            }
            _ => self.read(x),
        }
    }
}

/// Each template has its placeholder, and the joins are not empty.
pub(super) fn check(w: &ExpressionWords) -> Result<(), ModelError> {
    for (name, text, needs) in [
        ("stronger_of", &w.stronger_of, "{list}"),
        ("strongest_of", &w.strongest_of, "{list}"),
        ("weaker_of", &w.weaker_of, "{list}"),
        ("weakest_of", &w.weakest_of, "{list}"),
        ("not", &w.not, "{x}"),
        ("nested", &w.nested, "{x}"),
    ] {
        if !text.contains(needs) {
            return Err(ModelError {
                path: format!("expression_words.{name}"),
                reason: format!("\"{text}\" lacks {needs}"),
            });
        }
    }
    for (name, text) in [("list_comma", &w.list_comma), ("list_and", &w.list_and)] {
        if text.is_empty() {
            return Err(ModelError {
                path: format!("expression_words.{name}"),
                reason: "empty".into(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::model::Model;
    use crate::model::expr::Expr;

    fn read(text: &str) -> String {
        let m = Model::default_model().unwrap();
        m.in_words(&Expr::parse(text).unwrap())
    }

    #[test]
    fn drivers_read_as_sentences() {
        assert_eq!(
            read("max(public_support, specialised_suppliers)"),
            "the stronger of public support and specialised suppliers"
        );
        assert_eq!(
            read("min(associations, learning_focus, max(public_support, cluster_size))"),
            "the weakest of associations, the learning focus of cooperation and \
             (the stronger of public support and cluster size)"
        );
        assert_eq!(
            read("min(cluster_size, not competition_pressure)"),
            "the weaker of cluster size and how low competition pressure is"
        );
        assert_eq!(read("skilled_labour"), "skilled labour");
        assert_eq!(
            read("max(knowledge_fora, associations, min(cluster_size, firm_capability))"),
            "the strongest of exposure to ideas, associations and \
             (the weaker of cluster size and firm capability)"
        );
    }
}
