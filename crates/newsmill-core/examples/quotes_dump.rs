//! Prints the attributions found in each text file given, one line each, for error analysis:
//! `file<TAB>cue start<TAB>cue end<TAB>source<TAB>cue<TAB>content` (byte offsets).

use newsmill_core::analyze::quotes::find_attributions;

fn main() {
    let Ok(res) = newsmill_core::analyze::Resources::embedded() else { return };
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let mentions = newsmill_core::analyze::mentions_of(&text, &res);
        for a in find_attributions(&text, &mentions) {
            let Some(cue) = a.cue else { continue };
            let get = |r: &std::ops::Range<usize>| text.get(r.clone()).unwrap_or("").replace('\n', " ");
            let source = a.source.as_ref().map(get).unwrap_or_default();
            let content: Vec<String> = a.content.iter().map(get).collect();
            println!("{path}\t{}\t{}\t{source}\t{}\t{}", cue.start, cue.end, get(&cue), content.join(" ‖ "));
        }
    }
}
