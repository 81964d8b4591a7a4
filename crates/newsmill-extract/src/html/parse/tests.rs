//! The parser against html5ever's own: the same tree for written edge cases and for
//! generated markup. (The evaluation pages are compared in `tests/parse_equivalence.rs`.)

use proptest::prelude::*;
use scraper::Html;

use super::{normalize_newlines, parse_document};

/// The tree as text: html5ever's serializer loses nothing that extraction reads, and the
/// quirks mode is compared on its own.
fn same_tree(html: &str) -> Result<(), String> {
    let ours = parse_document(html);
    let theirs = Html::parse_document(html);
    if ours.quirks_mode != theirs.quirks_mode {
        return Err(format!("quirks mode {:?} vs {:?}", ours.quirks_mode, theirs.quirks_mode));
    }
    let (a, b) = (dump(&ours), dump(&theirs));
    if a != b {
        let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
        let from = at.saturating_sub(80);
        return Err(format!(
            "trees differ at byte {at}:\n ours:   {:?}\n theirs: {:?}",
            &a.get(from..(at + 80).min(a.len())).unwrap_or(""),
            &b.get(from..(at + 80).min(b.len())).unwrap_or("")
        ));
    }
    Ok(())
}

/// Every node with its depth: text split into separate nodes shows as such.
fn dump(dom: &Html) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for edge in dom.tree.root().traverse() {
        if let ego_tree::iter::Edge::Open(node) = edge {
            let depth = node.ancestors().count();
            let _ = writeln!(out, "{depth} {:?}", node.value());
        }
    }
    out
}

#[test]
fn written_edge_cases_build_the_same_tree() {
    let cases = [
        "",
        "plain text",
        "\u{feff}<p>bom</p>",
        "<!DOCTYPE html><html><head><title>T &amp; x</title></head><body><p>Hi</p></body></html>",
        "<!doctype html public \"-//W3C//DTD HTML 4.01 Transitional//EN\"><table><p>quirks</table>",
        "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Strict//EN' 'http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd'><p>x",
        "<!DOCTYPE><p>x", "<!DOCTYPE html SYSTEM><p>x", "<!DOCTYPE html bogus><p>x", "<!DOCTYPE html",
        "<p>a<p>b<li>c<table><tr><td>d<td>e</table>",
        "<p class=a CLASS=b id='x' data-x=\"1&amp;2\" href=?a=1&copy=2&copy;>t</p>",
        "<a href=x/>y</a><br/><img src=a alt='b'>",
        "<p>&notit; &notin; &amp &ampx &#233; &#x41 &#150; &#0; &#xD800; &# &#x; &zzz; &</p>",
        "<div a b=1 c = '2' d =\"3\" e=4>x</div><div/x><div =a>",
        "<!-- c --><!----><!--><!---><!-- a -- b --><!-- x --!><!--a<!--b-->c<!--d--!-->",
        "<!--a<!-->x", "<!--<!-", "<!--", "<!-", "<!", "<", "</", "</>", "</ x>", "<?php echo 1 ?>",
        "<p>a</p x=1><p>b</p/>",
        "<script>if (a<b && c>d) {}</script><p>after",
        "<script><!-- <script>x</script> --></script><p>after",
        "<script><!--<script></script>-->x</script>y",
        "<script>a<!--b-->c</script>", "<script>a</scrip</script>", "<script>a</SCRIPT >b",
        "<style>p{}</style ><p>x", "<title>a<b>&lt;</title>", "<textarea>a</textarea x><p>",
        "<noscript><p>x</p></noscript>", "<xmp><b>x</b></xmp>", "<iframe><p></iframe>",
        "<plaintext><p>all</p>", "<svg><![CDATA[x<y]]><desc>d</desc></svg>", "<p><![CDATA[x]]></p>",
        "<math><mi>x</mi><![CDATA[a]]b]]]>c]]</math>",
        "a\u{0}b<p\u{0}>c</p><x a\u{0}=\u{0}>", "<p>\r\nline\rnext\r\n</p>",
        "<p>unclosed <b>bold <i>both</b> i</i>", "<table>text<tr>x</table>", "<select><option>a<option>b</select>",
        "<p a='1", "<p a=\"1\"", "<p a=", "<p a", "<p/", "<div", "<script>x", "<script><!--", "<script><!--<script>",
        "<title>x", "<textarea>&am", "<p>&#x1F600;&#128512;&Aacute;&aacute",
        "<P CLASS=Upper>X</P>", "<DİV>unicode tag</DİV>",
    ];
    for case in cases {
        if let Err(e) = same_tree(case) {
            panic!("{case:?}: {e}");
        }
    }
}

/// Past sixteen attributes the duplicate check uses a set: still the first of a name wins.
#[test]
fn many_attributes_with_repeats_build_the_same_tree() {
    let attrs: Vec<String> = (0..40).map(|i| format!("a{} = v{i}", i % 25)).collect();
    let html = format!("<div {}>x</div><p b=1 {}>y</p><p c>z</p>", attrs.join(" "), attrs.join(" "));
    if let Err(e) = same_tree(&html) {
        panic!("{e}");
    }
}

proptest! {
    #[test]
    fn newlines_are_normalized_as_the_spec_says(text in "[\r\na\u{e9}\u{feff} ]{0,40}") {
        let spec = text.strip_prefix('\u{feff}').unwrap_or(&text).replace("\r\n", "\n").replace('\r', "\n");
        prop_assert_eq!(normalize_newlines(&text), spec);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Markup from the characters that steer the tokenizer, in random order.
    #[test]
    fn generated_markup_builds_the_same_tree(pieces in prop::collection::vec(prop::sample::select(vec![
        "<", ">", "/", "!", "-", "--", "=", "\"", "'", "&", ";", "#", "x", "a", "p", "b", " ", "\n", "\r", "\0",
        "[CDATA[", "]]", "]", "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "<svg>", "<math>", "<table>",
        "<td>", "<title>", "</title>", "<textarea>", "<style>", "</style>", "<plaintext>", "DOCTYPE", "<!DOCTYPE",
        "PUBLIC", "SYSTEM", "html", "amp", "copy", "not", "in", "&amp;", "&#65", "é", "<b>", "</b>", "<i>", "<a href=",
        "<noscript>", "<iframe>", "<xmp>", "<li>", "<option>", "<select>",
    ]), 0..40)) {
        let html: String = pieces.concat();
        if let Err(e) = same_tree(&html) {
            panic!("{html:?}: {e}");
        }
    }
}

/// Every `step`-th page of the HTML evaluation sets (every page with `NEWSMILL_PARSE_ALL=1`),
/// decoded as extraction decodes it and not pre-parsed (scripts and styles kept, so the raw
/// text states are exercised too). Skips when the sets are absent.
#[test]
fn evaluation_pages_build_the_same_tree() {
    use std::io::Read;
    let eval = std::env::var_os("NEWSMILL_EVAL_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval"));
    let step = if std::env::var_os("NEWSMILL_PARSE_ALL").is_some() { 1 } else { 25 };
    let mut pages: Vec<std::path::PathBuf> = Vec::new();
    for set in ["wcxb-dev/html", "trafilatura-eval-dev/html", "cleanportaleval/input"] {
        if let Ok(dir) = std::fs::read_dir(eval.join(set)) {
            let mut files: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.sort();
            pages.extend(files.into_iter().step_by(step));
        }
    }
    if pages.is_empty() {
        eprintln!("skipped: no evaluation pages under {}", eval.display());
        return;
    }
    let mut failures = Vec::new();
    for path in &pages {
        let mut bytes = Vec::new();
        let read = std::fs::File::open(path).and_then(|f| flate2::read::MultiGzDecoder::new(f).read_to_end(&mut bytes));
        let Ok(decoded) = read.map_err(|_| ()).and_then(|_| crate::decode(&bytes, None).map_err(|_| ())) else {
            continue;
        };
        if let Err(e) = same_tree(&decoded.text) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{} of {} pages differ:\n{}", failures.len(), pages.len(), failures.join("\n"));
    eprintln!("{} pages: same trees", pages.len());
}
