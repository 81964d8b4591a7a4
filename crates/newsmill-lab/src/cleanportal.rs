//! CleanPortalEval: CleanEval-format gold (`URL:` line, then `<p>`/`<h>`/`<l>` blocks) against
//! the extracted text, word-level P/R/F1 of token multisets averaged per page, the token
//! metric Bevendorff et al. (SIGIR 2023) report for this set.

use std::path::Path;

use super::pages::{Gold, GoldPage};
use super::{EvalError, EvalOptions, limited};

/// The plain text of a CleanEval gold file: no URL line, no block markers, entities decoded.
pub(crate) fn cleaneval_text(gold: &str) -> String {
    let mut out = String::new();
    for line in gold.lines() {
        let line = line.trim_start();
        // "<!-- this page contains no article -->" is a note to the reader, not gold text.
        if line.starts_with("URL:") || line.starts_with("<!--") {
            continue;
        }
        let line = ["<p>", "<h>", "<l>"].iter().fold(line, |l, m| l.strip_prefix(m).unwrap_or(l));
        out.push_str(line);
        out.push('\n');
    }
    decode_entities(&out)
}

/// Decodes the HTML character references the gold files keep (`&#039;`, `&amp;`, …).
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => return None,
    })
}

/// The set's pages with their gold text (and the address the gold file names).
pub(crate) fn pages(dir: &Path, options: &EvalOptions) -> Result<Vec<GoldPage>, EvalError> {
    let gold_dir = dir.join("GoldStandard");
    let entries = std::fs::read_dir(&gold_dir).map_err(|e| EvalError::io(&gold_dir, e))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".txt")).map(str::to_string))
        .collect();
    names.sort();
    limited(names, options)
        .into_iter()
        .map(|name| {
            let gold = super::read_maybe_gz(&gold_dir.join(format!("{name}.txt")))?;
            let gold = String::from_utf8_lossy(&gold);
            let url = gold.lines().find_map(|l| l.trim().strip_prefix("URL:")).map(str::trim).map(str::to_string);
            Ok(GoldPage {
                path: dir.join("input").join(format!("{name}.html.gz")),
                url,
                site: None,
                subset: None,
                gold: Gold::Text(cleaneval_text(&gold)),
                id: name,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_markers_and_entities_are_removed() {
        let gold = "\nURL: http://x\n<!-- note -->\n<h>Head line\n<p>The BBC&#039;s man &amp; co\n<l>item";
        assert_eq!(cleaneval_text(gold), "\nHead line\nThe BBC's man & co\nitem\n");
    }
}
