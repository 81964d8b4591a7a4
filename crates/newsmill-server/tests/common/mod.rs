//! A small corpus shared by the server tests: a realistic article whose title, text, entity
//! and quote also carry script and attribute-breaking payloads, and a plain one.

use newsmill_store::{Store, StoredArticle};
use serde_json::json;

pub const SCRIPT: &str = "<script>alert('xss')</script>";
pub const ATTR: &str = "\"><img src=x onerror=alert(1)>";

pub fn corpus() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let text =
        format!("Mayor Ana Lima said “the bridge is ours again” on Monday. {SCRIPT} {ATTR} The works took two years.");
    let cp = |s: &str| text[..text.find(s).unwrap()].chars().count();
    let hostile = json!({
        "id": "evil", "source": "evil.html", "url": "javascript:alert(1)", "site": format!("site{ATTR}"),
        "title": format!("Bridge {SCRIPT} reopens {ATTR}"), "published": "2018-11-09T10:00:00Z",
        "language": "en", "text": text, "authors": [ATTR],
        "blocks": [{"start": 0, "end": text.chars().count(), "kind": "paragraph"}],
        "entities": [
            {"id": "E1", "name": "Ana Lima", "type": "PERSON", "titles": [format!("mayor {SCRIPT}")],
             "mentions": [{"text": "Ana Lima", "start": cp("Ana"), "end": cp("Ana") + 8}]},
            {"id": "E2", "name": format!("Evil {SCRIPT} Corp"), "type": "ORG", "titles": [],
             "mentions": [{"text": "x", "start": 0, "end": 5}]}],
        "quotes": [{"text": format!("the bridge is ours {ATTR}"), "start": cp("the bridge"), "end": cp("” on"),
                    "kind": "direct", "cue": {"text": "said", "start": cp("said"), "end": cp("said") + 4},
                    "speaker": {"text": "Ana Lima", "start": cp("Ana"), "end": cp("Ana") + 8, "entity": "E1", "name": "Ana Lima"}}],
        "amounts": [], "dates": [], "places": []
    });
    let plain = json!({"id": "plain", "source": "p.html", "title": "Regional elections", "published": "2018-11-10",
        "text": "Regional elections ended with a narrow win for the governing party."});
    let mut store = Store::open(&db).unwrap();
    let run = store.begin_run(&["t"]).unwrap();
    let articles = [StoredArticle::from_json(hostile).unwrap(), StoredArticle::from_json(plain).unwrap()];
    store.write_batch(run, &articles, &[]).unwrap();
    // A crawled site whose name and error carry the payloads, for the sources page.
    let url = format!("http://news.example/{SCRIPT}");
    let found = newsmill_store::FoundUrl {
        url: url.clone(),
        host: format!("news.example{SCRIPT}"),
        kind: newsmill_store::UrlKind::Seed,
        found_in: None,
        listed_title: None,
        listed_published: None,
    };
    store.enqueue(&[found]).unwrap();
    let failed = newsmill_store::FetchRecord {
        url,
        state: newsmill_store::UrlState::Failed,
        status: Some(500),
        final_url: None,
        error: Some(format!("{SCRIPT} {ATTR}")),
        transient: false,
    };
    store.record_source(&failed, &newsmill_store::FeedUpdate::default(), &[]).unwrap();
    (dir, db)
}
