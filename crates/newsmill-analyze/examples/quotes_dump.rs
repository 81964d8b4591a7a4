//! Prints the attributions found in each text file given, one line each, for error analysis:
//! `file<TAB>cue start<TAB>cue end<TAB>source<TAB>cue<TAB>content<TAB>content ranges` (byte
//! offsets; ranges as `start-end` joined by commas).

use newsmill_analyze::quotes::tagger;

fn main() {
    let Ok(res) = newsmill_analyze::Resources::embedded() else { return };
    // `--rules`: the rule finder alone, without the learned taggers.
    let rules = std::env::args().nth(1).is_some_and(|a| a == "--rules");
    let model = if rules { None } else { newsmill_analyze::quotes::tagger::embedded() };
    for path in std::env::args().skip(1 + usize::from(rules)) {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let mentions = newsmill_analyze::mentions_of(&text, &res);
        for a in tagger::analyze(&text, model, &mentions).0 {
            let Some(cue) = a.cue else { continue };
            let get = |r: &std::ops::Range<usize>| text.get(r.clone()).unwrap_or("").replace('\n', " ");
            let source = a.source.as_ref().map(get).unwrap_or_default();
            let content: Vec<String> = a.content.iter().map(get).collect();
            let ranges: Vec<String> = a.content.iter().map(|r| format!("{}-{}", r.start, r.end)).collect();
            println!(
                "{path}\t{}\t{}\t{source}\t{}\t{}\t{}",
                cue.start,
                cue.end,
                get(&cue),
                content.join(" ‖ "),
                ranges.join(",")
            );
        }
    }
}
