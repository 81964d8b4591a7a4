//! The `newsmill` command as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn newsmill(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsmill")).args(args).output().unwrap()
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/pages")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("newsmill-cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn jsonl(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn extracts_the_bundled_samples_in_input_order() {
    let out = newsmill(&["extract", samples().to_str().unwrap(), "--format", "jsonl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let articles = jsonl(&out);
    let sources: Vec<&str> = articles.iter().map(|a| a["source"].as_str().unwrap()).collect();
    assert_eq!(articles.len(), 5, "{sources:?}");
    assert!(sources[0].ends_with("harbour-bridge-reopens.html"));
    assert!(sources[1].ends_with("regional-elections-de.html"));
    assert!(sources[2].ends_with("rt-2018-11-09-taliban.txt"));
    assert_eq!(sources[3], "https://wire.example/2024/05/02/port-strike-ends");
    for article in &articles {
        for key in ["id", "title", "text", "blocks", "entities", "quotes", "amounts", "dates", "places"] {
            assert!(article.get(key).is_some(), "{key} missing from {}", article["source"]);
        }
        assert!(!article["text"].as_str().unwrap().is_empty(), "{} has no text", article["source"]);
    }
}

#[test]
fn a_bad_input_is_reported_and_the_rest_go_on() {
    let dir = temp_dir("bad");
    std::fs::write(dir.join("a-empty.html"), "").unwrap();
    std::fs::write(dir.join("b-binary.bin"), [0u8, 1, 2, 3, 0, 0, 0, 255, 0, 7].repeat(100)).unwrap();
    std::fs::copy(samples().join("harbour-bridge-reopens.html"), dir.join("c-good.html")).unwrap();
    let out = newsmill(&["extract", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let skipped: Vec<&str> = stderr.lines().filter(|l| l.contains("skipped")).collect();
    assert_eq!(skipped.len(), 2, "{stderr}");
    assert!(skipped[0].contains("a-empty.html") && skipped[0].contains("empty"));
    assert!(skipped[1].contains("b-binary.bin") && skipped[1].contains("binary"));
    assert!(!stderr.contains("panicked"));
    let articles = jsonl(&out);
    assert_eq!(articles.len(), 1);
    assert!(articles[0]["source"].as_str().unwrap().ends_with("c-good.html"));
}

#[test]
fn missing_path_names_it() {
    let out = newsmill(&["extract", "/no/such/newsmill/page.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/newsmill/page.html"));
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsmill"))
        .args(["extract", "-", "--format", "jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let page = std::fs::read(samples().join("rt-2018-11-09-taliban.txt")).unwrap();
    child.stdin.take().unwrap().write_all(&page).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(jsonl(&out)[0]["source"], "-");
}

#[test]
fn explain_lists_removed_blocks_with_reasons() {
    let page = samples().join("harbour-bridge-reopens.html");
    let out = newsmill(&["extract", page.to_str().unwrap(), "--format", "json", "--explain"]);
    assert!(out.status.success());
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let removed = article["removed"].as_array().expect("removed blocks listed");
    assert!(!removed.is_empty());
    assert!(removed.iter().all(|r| r["reason"].is_string() && r["text"].is_string()));
}

#[test]
fn explain_help_says_where_its_output_goes() {
    let out = newsmill(&["extract", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    let explain = help.split("--explain").nth(1).unwrap_or_default();
    assert!(explain.contains("text and Markdown") && explain.contains("`removed` field in JSON"), "{explain}");
}

#[test]
fn explain_in_text_output_comes_after_the_article() {
    let page = samples().join("harbour-bridge-reopens.html");
    let out = newsmill(&["extract", page.to_str().unwrap(), "--format", "text", "--explain"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let plain = newsmill(&["extract", page.to_str().unwrap(), "--format", "text"]);
    let plain = String::from_utf8_lossy(&plain.stdout);
    // The article ends with its `----` separator line; the removed blocks come before it.
    let article = plain.trim_end().trim_end_matches("----").trim_end();
    let rest = text.strip_prefix(article).expect("the article comes first, unchanged");
    assert!(rest.trim_start().starts_with("Removed:"), "{rest}");
}

#[test]
fn every_subcommand_has_help_with_an_example() {
    // Walk the command tree from `newsmill --help`, so a new subcommand is checked too.
    let mut pending: Vec<Vec<String>> = subcommands(&[]).into_iter().map(|c| vec![c]).collect();
    assert!(pending.len() >= 7, "{pending:?}");
    while let Some(path) = pending.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let out = newsmill(&args);
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Example"), "{args:?}");
        pending.extend(subcommands(&path).into_iter().map(|c| [path.clone(), vec![c]].concat()));
    }
}

/// The subcommands `newsmill PATH --help` lists, without `help`.
fn subcommands(path: &[String]) -> Vec<String> {
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push("--help");
    let help = String::from_utf8_lossy(&newsmill(&args).stdout).into_owned();
    let Some(section) = help.split("Commands:").nth(1) else { return Vec::new() };
    section
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn text_and_markdown_formats_print_the_story() {
    let page = samples().join("harbour-bridge-reopens.html");
    for format in ["text", "markdown"] {
        let out = newsmill(&["extract", page.to_str().unwrap(), "--format", format]);
        assert!(out.status.success());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("Harbour Bridge carried its first cars"), "{format}: {stdout}");
    }
}

#[test]
fn schema_is_the_shipped_one_and_describes_what_extract_prints() {
    let out = newsmill(&["schema"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/article.schema.json");
    let shipped = std::fs::read_to_string(shipped).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        shipped,
        "docs/article.schema.json is stale: newsmill schema > it"
    );
    let schema: serde_json::Value = serde_json::from_str(&shipped).unwrap();
    let properties = schema["properties"].as_object().unwrap();
    let required: Vec<&str> = schema["required"].as_array().unwrap().iter().filter_map(|r| r.as_str()).collect();
    let out = newsmill(&["extract", samples().to_str().unwrap(), "--format", "jsonl", "--explain"]);
    for article in jsonl(&out) {
        let fields = article.as_object().unwrap();
        for key in fields.keys() {
            assert!(properties.contains_key(key), "{key} is printed but not in the schema");
        }
        for key in &required {
            assert!(fields.contains_key(*key), "{key} is required by the schema but not printed");
        }
    }
}

#[test]
fn web_addresses_are_refused_with_what_to_do() {
    for cmd in ["extract", "analyze", "ingest"] {
        let out = newsmill(&[cmd, "https://example.com/news/story"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {err}");
        assert!(err.contains("does not fetch pages") && err.contains("curl"), "{cmd}: {err}");
    }
}

#[test]
fn analyze_reads_gzipped_text() {
    use std::io::Write;
    let dir = temp_dir("analyze-gz");
    let path = dir.join("story.txt.gz");
    let text = "Transport minister Ana Lima said the bridge would reopen in May.";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    std::fs::write(&path, gz.finish().unwrap()).unwrap();
    let out = newsmill(&["analyze", path.to_str().unwrap(), "--format", "jsonl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let articles = jsonl(&out);
    assert_eq!(articles[0]["text"], text);
    assert!(articles[0]["entities"].as_array().is_some_and(|e| e.iter().any(|e| e["name"] == "Ana Lima")));
}

#[test]
fn the_ingest_summary_uses_the_json_words() {
    let dir = temp_dir("ingest-words");
    let db = dir.join("w.db");
    let page = samples().join("harbour-bridge-reopens.html");
    for _ in 0..2 {
        let out = newsmill(&["ingest", page.to_str().unwrap(), "--db", db.to_str().unwrap(), "--quiet"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("1 document in") && !err.contains("already stored"), "{err}");
    }
}

#[test]
fn text_output_names_the_canonical_address() {
    let page = samples().join("harbour-bridge-reopens.html");
    let json = newsmill(&["extract", page.to_str().unwrap()]);
    let url = serde_json::from_slice::<serde_json::Value>(&json.stdout).unwrap()["url"].as_str().map(str::to_string);
    let url = url.expect("the sample page has a canonical URL");
    for format in ["text", "markdown"] {
        let out = newsmill(&["extract", page.to_str().unwrap(), "--format", format]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.lines().take(3).any(|l| l.contains(&url)), "{format}: {text}");
    }
}

#[test]
fn analyze_text_and_markdown_have_a_title() {
    let dir = temp_dir("analyze-title");
    let path = dir.join("note.txt");
    std::fs::write(&path, "Ana Lima said the bridge would reopen in May after the long repair.").unwrap();
    let out = newsmill(&["analyze", path.to_str().unwrap(), "--format", "markdown"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with(&format!("# {}", path.display())), "{text}");
    assert!(!text.contains("(no title)"), "{text}");
}

#[test]
fn an_input_list_and_an_output_folder() {
    let dir = temp_dir("list-outdir");
    let list = dir.join("inputs.txt");
    let pages = samples();
    let listed = format!(
        "# pages to extract\n{}\n\n{}\n",
        pages.join("harbour-bridge-reopens.html").display(),
        pages.join("rt-2018-11-09-taliban.txt").display()
    );
    std::fs::write(&list, listed).unwrap();
    let out_dir = dir.join("out");
    let out = newsmill(&[
        "extract",
        "-i",
        list.to_str().unwrap(),
        "--output-dir",
        out_dir.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "articles go to the folder, not stdout");
    let mut names: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["harbour-bridge-reopens.md", "rt-2018-11-09-taliban.md"]);
    let md = std::fs::read_to_string(out_dir.join("harbour-bridge-reopens.md")).unwrap();
    assert!(md.starts_with("# Harbour bridge reopens"), "{md}");
}

#[test]
fn no_analysis_gives_the_same_text_and_metadata_without_the_analysis() {
    let page = samples().join("harbour-bridge-reopens.html");
    let page = page.to_str().unwrap();
    let full: serde_json::Value = serde_json::from_slice(&newsmill(&["extract", page]).stdout).unwrap();
    let out = newsmill(&["extract", page, "--no-analysis"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bare: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for field in ["id", "title", "text", "published", "authors", "blocks", "language"] {
        assert_eq!(bare[field], full[field], "{field}");
    }
    assert!(full["entities"].as_array().is_some_and(|e| !e.is_empty()));
    for field in ["entities", "quotes", "amounts", "dates", "places"] {
        assert_eq!(bare[field], serde_json::json!([]), "{field}");
    }
}

#[test]
fn comments_come_apart_from_the_story_when_asked_for() {
    let dir = temp_dir("comments");
    let page = dir.join("c.html");
    std::fs::write(
        &page,
        "<html><body><article><h1>Library roof to be repaired</h1><p>The town council voted on Monday to \
         repair the roof of the old library before the winter rains, members said after the vote.</p>\
         <p>Work is expected to start next month and to last about six weeks, the clerk said.</p></article>\
         <section id=comments><div class=comment><p>Great news, it has leaked for years and smelled of \
         damp all summer.</p></div></section></body></html>",
    )
    .unwrap();
    let page = page.to_str().unwrap();
    let with: serde_json::Value =
        serde_json::from_slice(&newsmill(&["extract", page, "--comments", "--no-analysis"]).stdout).unwrap();
    let without: serde_json::Value =
        serde_json::from_slice(&newsmill(&["extract", page, "--no-analysis"]).stdout).unwrap();
    assert_eq!(with["text"], without["text"]);
    assert!(!with["text"].as_str().unwrap().contains("leaked"));
    assert!(with["comments"][0].as_str().unwrap().starts_with("Great news"), "{with}");
    assert!(without.get("comments").is_none(), "absent unless asked for");
    let text = newsmill(&["extract", page, "--comments", "--no-analysis", "--format", "text"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("Comments:\n  Great news"));
}

#[test]
fn markdown_draws_data_tables_as_tables_and_layout_tables_as_text() {
    let dir = temp_dir("tables");
    let story = "<p>The weather service published its yearly figures on Monday, and the valley had its \
                 wettest spring since records began, officials said after the meeting.</p>";
    let data = format!(
        "<html><body><article><h1>Rain</h1>{story}<table><tr><th>Month</th><th>Rain</th></tr>\
         <tr><td>March</td><td>112 | est.</td></tr></table>{story}</article></body></html>"
    );
    let layout = format!(
        "<html><body><table><tr><td><article><h1>Rain</h1>{story}</article></td><td>{story}</td></tr></table></body></html>"
    );
    let markdown = |name: &str, html: &str| {
        let page = dir.join(name);
        std::fs::write(&page, html).unwrap();
        let out = newsmill(&["extract", page.to_str().unwrap(), "--no-analysis", "--format", "markdown"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let table = markdown("data.html", &data);
    assert!(table.contains("| Month | Rain |\n| --- | --- |\n| March | 112 \\| est. |"), "{table}");
    let text = markdown("layout.html", &layout);
    assert!(!text.contains("| ---"), "{text}");
    assert!(text.contains("\nThe weather service published"), "{text}");
}

#[test]
fn quote_training_refuses_web_folders_with_polnear_cross_validation() {
    let out = newsmill(&["train", "quotes", "--web", "somewhere", "--cross-validate", "5"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--cross-validate") && err.contains("--web"), "{err}");
    let out = newsmill(&["train", "quotes", "--web", "somewhere", "--web-weight", "0"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--web-weight must be 1 or more"));
}
