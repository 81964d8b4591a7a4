//! Mozilla Readability.js test pages: the text of `expected.html` (Readability.js' reference
//! output) against the extracted text, word-level P/R/F1 of token multisets averaged per page,
//! as Bevendorff et al. (SIGIR 2023) score this set.

use std::path::Path;

use rayon::prelude::*;
use scraper::{Html, Node};

use super::metrics::{Prf, word_bag_prf};
use super::{EvalError, EvalOptions, SetReport, extract_page, limited};

/// The visible text of an HTML fragment, a line break at every element boundary so words of
/// adjacent blocks never merge.
pub(crate) fn html_text(html: &str) -> String {
    let dom = Html::parse_document(html);
    let mut out = String::new();
    for node in dom.tree.root().descendants() {
        match node.value() {
            Node::Text(t) => {
                let skip = node
                    .parent()
                    .and_then(|p| p.value().as_element())
                    .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript" | "template"));
                if !skip {
                    out.push_str(t);
                }
            }
            Node::Element(e) if !is_inline(e.name()) => out.push('\n'),
            _ => {}
        }
    }
    out
}

fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "u"
            | "var"
    )
}

pub fn evaluate(dir: &Path, options: &EvalOptions) -> Result<SetReport, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))?;
    let mut cases: Vec<std::path::PathBuf> =
        entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.join("expected.html").is_file()).collect();
    cases.sort();
    let cases = limited(cases, options);
    let scored: Vec<Result<(Prf, bool), EvalError>> = cases
        .par_iter()
        .map(|case| {
            let expected_path = case.join("expected.html");
            let expected = super::read_maybe_gz(&expected_path)?;
            let gold = html_text(&String::from_utf8_lossy(&expected));
            let path = case.join("source.html.gz");
            let html = super::read_maybe_gz(&path)?;
            let doc = extract_page(&path, html, None);
            let text = doc.as_ref().map_or("", |d| d.text.as_str());
            Ok((word_bag_prf(text, &gold), doc.is_none()))
        })
        .collect();
    let (all, failures) = super::mean_per_page(scored)?;
    Ok(super::report("word-level F1 vs Readability.js expected text, mean per page", all.len(), all.mean(), failures))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_boundaries_separate_words() {
        let text = html_text("<div><p>one<b>two</b></p><p>three</p><script>x()</script></div>");
        assert_eq!(crate::metrics::word_tokens(&text), ["onetwo", "three"]);
    }
}
