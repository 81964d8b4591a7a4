//! Mozilla Readability.js test pages: the text of `expected.html` (Readability.js' reference
//! output) against the extracted text, word-level P/R/F1 of token multisets averaged per page,
//! as Bevendorff et al. (SIGIR 2023) score this set.

use std::path::Path;

use rayon::prelude::*;
use scraper::{Html, Node};

use super::pages::{Gold, GoldPage};
use super::{EvalError, EvalOptions, limited};

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

/// The set's pages with the text of Readability.js' expected output as gold.
pub(crate) fn pages(dir: &Path, options: &EvalOptions) -> Result<Vec<GoldPage>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))?;
    let mut cases: Vec<std::path::PathBuf> =
        entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.join("expected.html").is_file()).collect();
    cases.sort();
    limited(cases, options)
        .into_par_iter()
        .map(|case| {
            let expected = super::read_maybe_gz(&case.join("expected.html"))?;
            Ok(GoldPage {
                id: case.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                path: case.join("source.html.gz"),
                url: None,
                site: None,
                subset: None,
                gold: Gold::Text(html_text(&String::from_utf8_lossy(&expected))),
            })
        })
        .collect()
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
