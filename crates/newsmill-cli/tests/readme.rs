//! The README's command synopses against the binary's `--help`: every flag a synopsis shows
//! exists, and every flag a command takes is in its synopsis, so the two cannot drift apart.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// Each synopsis of the README's `sh` blocks: a `newsmill …` line with its indented
/// continuation lines, comments removed.
fn synopses() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md")).unwrap();
    let mut out: Vec<String> = Vec::new();
    for block in readme.split("```sh\n").skip(1).filter_map(|b| b.split("```").next()) {
        let mut open = false;
        for line in block.lines() {
            let line = line.split(" # ").next().unwrap_or(line);
            if line.starts_with("newsmill ") {
                out.push(line.to_string());
                open = true;
            } else if open && line.starts_with(' ') {
                if let Some(last) = out.last_mut() {
                    last.push_str(line);
                }
            } else {
                open = false;
            }
        }
    }
    out
}

/// The long flags in `text` (`--max-mb`), and the short ones standing alone (`-i`).
fn flags(text: &str) -> BTreeSet<String> {
    text.split(|c: char| c.is_whitespace() || "[]|,=<>".contains(c))
        .filter(|t| {
            t.starts_with('-')
                && t.len() > 1
                && t[1..].trim_start_matches('-').starts_with(|c: char| c.is_ascii_lowercase())
        })
        .map(str::to_string)
        .collect()
}

/// The option lines of `newsmill ARGS --help`, each as its set of flags (`-f`, `--format`).
fn help_options(args: &[&str]) -> Vec<BTreeSet<String>> {
    let help = Command::new(env!("CARGO_BIN_EXE_newsmill")).args(args).arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    // An option line of --help: `  -f, --format <FORMAT>` or `      --db <FILE>`.
    help.lines()
        .filter(|l| l.trim_start().starts_with('-') && l.starts_with("  "))
        .map(|l| flags(l.trim_start().split("  ").next().unwrap_or("")))
        .filter(|f| !f.contains("--help") && !f.contains("--version") && !f.is_empty())
        .collect()
}

#[test]
fn synopses_match_help() {
    // Options every command takes (`--color`) are documented once, not in each synopsis.
    let global = help_options(&[]);
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md")).unwrap();
    for option in &global {
        assert!(option.iter().any(|f| readme.contains(f.as_str())), "the README never names {option:?}");
    }
    let synopses = synopses();
    assert!(synopses.len() >= 15, "{synopses:#?}");
    for synopsis in synopses {
        let command: Vec<&str> =
            synopsis.split_whitespace().skip(1).take_while(|w| w.chars().all(|c| c.is_ascii_lowercase())).collect();
        let options: Vec<BTreeSet<String>> =
            help_options(&command).into_iter().filter(|o| !global.contains(o)).collect();
        let shown = flags(&synopsis);
        for option in &options {
            assert!(option.iter().any(|f| shown.contains(f)), "{command:?}: {option:?} is not in the README synopsis");
        }
        for flag in &shown {
            assert!(
                options.iter().any(|o| o.contains(flag)),
                "{command:?}: the README shows {flag}, which --help lacks"
            );
        }
    }
}
