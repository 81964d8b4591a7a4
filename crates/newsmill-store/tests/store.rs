//! The store's contract: idempotent writes, near-duplicate links, search and aggregates,
//! and clear refusals of files it must not touch.

use newsmill_store::{
    EntityQuery, HIGHLIGHT_END, HIGHLIGHT_START, QuoteQuery, SearchQuery, Store, StoreError, StoredArticle,
};
use serde_json::json;

const BRIDGE: &str = "The harbour bridge reopened on Monday after two years of repairs, the city said. \
    Thousands of commuters crossed it before dawn to be among the first, and the mayor, Ana Lima, \
    cut a ribbon at the northern end while a brass band played. Engineers replaced every cable and \
    most of the deck, and traffic is expected to return to its old level within a month, officials said.";

fn article(id: &str, site: &str, published: &str, text: &str) -> StoredArticle {
    StoredArticle::from_json(article_json(id, site, published, text)).unwrap()
}

fn article_json(id: &str, site: &str, published: &str, text: &str) -> serde_json::Value {
    let lima = text.find("Ana Lima").map(|s| text[..s].chars().count()).unwrap_or(0);
    json!({
        "id": id, "source": format!("{id}.html"), "url": format!("https://{site}/{id}"), "site": site,
        "title": "Harbour bridge reopens", "published": published, "language": "en", "text": text,
        "entities": [{"id": "E1", "name": "Ana Lima", "type": "PERSON", "titles": ["mayor"],
                      "mentions": [{"text": "Ana Lima", "start": lima, "end": lima + 8}]}],
        "quotes": [{"text": "the bridge is ours again", "start": 0, "end": 24, "kind": "direct",
                    "cue": {"text": "said", "start": 30, "end": 34},
                    "speaker": {"text": "Lima", "start": 40, "end": 44, "entity": "E1", "name": "Ana Lima"}}],
        "amounts": [], "dates": [], "places": []
    })
}

fn stored(articles: &[StoredArticle]) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let run = store.begin_run(&["test"]).unwrap();
    store.write_batch(run, articles, &[]).unwrap();
    store
}

#[test]
fn writing_the_same_article_twice_adds_nothing() {
    let mut store = stored(&[article("a", "example.com", "2018-11-09", BRIDGE)]);
    let run = store.begin_run(&["again"]).unwrap();
    let outcome = store.write_batch(run, &[article("a", "example.com", "2018-11-09", BRIDGE)], &[]).unwrap();
    assert_eq!((outcome.added, outcome.unchanged), (0, 1));
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.entities, stats.quotes, stats.runs), (1, 1, 1, 2));
}

#[test]
fn the_same_story_from_another_site_is_linked_not_dropped() {
    let retold = BRIDGE.replace("Thousands of commuters", "Thousands of early commuters");
    let mut store = stored(&[article("a", "example.com", "2018-11-09", BRIDGE)]);
    let run = store.begin_run(&["b"]).unwrap();
    let outcome = store.write_batch(run, &[article("b", "other.org", "2018-11-10", &retold)], &[]).unwrap();
    assert_eq!((outcome.added, outcome.near_duplicates), (1, 1));
    assert_eq!(store.stats().unwrap().near_duplicates, 1);
}

#[test]
fn search_ranks_highlights_and_filters() {
    let other = "Regional elections in the north ended with a narrow win for the governing party.";
    let store =
        stored(&[article("a", "example.com", "2018-11-09", BRIDGE), article("b", "news.org", "2019-01-02", other)]);
    let hits = store.search(&SearchQuery::text("bridge cables")).unwrap();
    assert_eq!(hits.len(), 0, "all words are required");
    let hits = store.search(&SearchQuery::text("bridge cable")).unwrap();
    assert_eq!(hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["a"]);
    assert!(hits[0].snippet.contains(&format!("{HIGHLIGHT_START}bridge{HIGHLIGHT_END}")), "{}", hits[0].snippet);
    assert!(hits[0].score > 0.0, "a score is higher for a better match: {}", hits[0].score);
    let ranked = store.search(&SearchQuery::text("the")).unwrap();
    assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score), "best first");

    let mut q = SearchQuery::text("");
    q.since = Some("2019-01-01".into());
    assert_eq!(store.search(&q).unwrap().iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["b"]);
    let mut q = SearchQuery::text("the");
    q.entity = Some("Lima".into());
    q.kind = Some("PERSON".into());
    assert_eq!(store.search(&q).unwrap().len(), 2);
    q.site = Some("news.org".into());
    assert_eq!(store.search(&q).unwrap().iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["b"]);
    q.entity = Some("Nobody".into());
    assert!(store.search(&q).unwrap().is_empty());
    let mut q = SearchQuery::text("NOT OR \"* (");
    q.speaker = Some("ana lima".into());
    assert!(store.search(&q).is_ok(), "operators in user text are plain words");
}

#[test]
fn entity_and_speaker_filters_match_names_not_text() {
    let other = "Regional elections in the north ended with a narrow win for Lima's party.";
    let store =
        stored(&[article("a", "example.com", "2018-11-09", BRIDGE), article("b", "news.org", "2019-01-02", other)]);
    let ids = |q: &SearchQuery| store.search(q).unwrap().into_iter().map(|h| h.id).collect::<Vec<_>>();
    let mut q = SearchQuery::text("");
    q.entity = Some("Lima".into());
    assert_eq!(ids(&q), ["b", "a"], "no words: newest first");
    q.kind = Some("org".into());
    assert!(ids(&q).is_empty(), "Ana Lima is a person");
    q.kind = Some("CITY".into());
    assert!(ids(&q).is_empty(), "an unknown type matches nothing");
    let mut q = SearchQuery::text("cable");
    q.entity = Some("Ana Lima".into());
    assert_eq!(ids(&q), ["a"]);
    q.entity = Some("Lima Ana".into());
    assert!(ids(&q).is_empty(), "a name is a phrase");
    let mut q = SearchQuery::text("reopen bridge");
    q.speaker = Some("lima".into());
    assert!(ids(&q).is_empty(), "all words are required");
    q.text = "cable".into();
    assert_eq!(ids(&q), ["a"]);
    q.speaker = Some("?!".into());
    assert!(ids(&q).is_empty(), "a name with no letters matches nothing");
    let mut q = SearchQuery::text("person");
    q.entity = Some("Lima".into());
    assert!(ids(&q).is_empty(), "the words are looked for in the title and body only");
}

#[test]
fn a_group_speakers_quotes_are_each_members() {
    let text = "Lyndie Chiou and Joe Howlett said the proof was a patchwork quilt of many squares.";
    let mut json = article_json("g", "example.com", "2024-05-01", text);
    json["entities"] = json!([
        {"id": "E1", "name": "Lyndie Chiou", "type": "PERSON", "mentions": [{"text": "Lyndie Chiou", "start": 0, "end": 12}]},
        {"id": "E2", "name": "Joe Howlett", "type": "PERSON", "mentions": [{"text": "Joe Howlett", "start": 17, "end": 28}]}
    ]);
    json["quotes"] = json!([{"text": "the proof was a patchwork quilt of many squares", "start": 34, "end": 81, "kind": "indirect",
        "cue": {"text": "said", "start": 29, "end": 33},
        "speaker": {"text": "Lyndie Chiou and Joe Howlett", "start": 0, "end": 28,
                    "name": "Lyndie Chiou and Joe Howlett", "members": ["E1", "E2"]}}]);
    let store = stored(&[StoredArticle::from_json(json).unwrap()]);
    let by = |name: &str| store.quotes(&QuoteQuery { speaker: Some(name.into()), ..QuoteQuery::default() }).unwrap();
    assert_eq!(by("Howlett").len(), 1);
    assert_eq!(by("Howlett")[0].speaker.as_deref(), Some("Lyndie Chiou and Joe Howlett"));
    assert!(by("Nobody").is_empty());
    let speakers = store.speakers(5).unwrap();
    let names: Vec<(&str, i64)> = speakers.iter().map(|s| (s.name.as_str(), s.quotes)).collect();
    assert_eq!(names, [("Joe Howlett", 1), ("Lyndie Chiou", 1)]);
    let id = speakers[0].entity;
    let theirs = store.quotes(&QuoteQuery { speaker_id: Some(id), ..QuoteQuery::default() }).unwrap();
    assert_eq!(theirs.len(), 1, "the entity page lists the group's quote");
}

#[test]
fn quotes_and_entities_are_counted_across_articles() {
    let second = BRIDGE.replace("repairs", "works");
    let store = stored(&[article("a", "x.com", "2018-11-09", BRIDGE), article("b", "y.com", "2018-11-11", &second)]);
    let top = store.entities(&EntityQuery { kind: Some("PERSON".into()), top: 5 }).unwrap();
    assert_eq!((top[0].name.as_str(), top[0].articles, top[0].mentions), ("Ana Lima", 2, 2));
    let quotes = store.quotes(&QuoteQuery { speaker: Some("Lima".into()), ..QuoteQuery::default() }).unwrap();
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0].article, "b", "newest first");
    assert_eq!(quotes[0].speaker.as_deref(), Some("Ana Lima"));
    let speakers = store.speakers(5).unwrap();
    assert_eq!((speakers[0].name.as_str(), speakers[0].quotes, speakers[0].articles), ("Ana Lima", 2, 2));
}

#[test]
fn export_gives_back_the_article_json() {
    let store = stored(&[article("a", "x.com", "2018-11-09", BRIDGE)]);
    let mut out = Vec::new();
    let n = store
        .export(&SearchQuery::default(), |v| {
            out.push(serde_json::to_value(v).unwrap());
            Ok::<_, ()>(())
        })
        .unwrap()
        .unwrap();
    assert_eq!(n, 1);
    assert_eq!(out[0]["text"], BRIDGE);
    assert_eq!(out[0]["entities"][0]["name"], "Ana Lima");
    let keys: Vec<&String> = out[0].as_object().unwrap().keys().collect();
    let text_at = keys.iter().position(|k| *k == "text").unwrap();
    assert_eq!(keys[text_at - 1], "language");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    let dir = tempdir();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, b"these are my notes, not a database\n").unwrap();
    assert!(matches!(Store::open(&path), Err(StoreError::NotADatabase { .. })));
    assert_eq!(std::fs::read(&path).unwrap(), b"these are my notes, not a database\n");
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_alone() {
    let dir = tempdir();
    let path = dir.path().join("app.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me');").unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    for err in [Store::open_read_only(&path).err().unwrap(), Store::open(&path).err().unwrap()] {
        assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
    assert!(!dir.path().join("app.db-wal").exists(), "not switched to WAL");
}

#[test]
fn an_empty_file_is_no_corpus_and_queries_create_nothing() {
    let dir = tempdir();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let err = Store::open_read_only(&path).err().unwrap();
    assert!(matches!(err, StoreError::Empty { .. }), "{err}");
    assert!(err.to_string().contains("newsmill ingest"), "{err}");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
}

#[test]
fn a_negative_schema_version_is_an_error_not_a_panic() {
    let dir = tempdir();
    let path = dir.path().join("bad.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE schema_version SET version = -3", []).unwrap();
    drop(conn);
    for err in [Store::open(&path).err().unwrap(), Store::open_read_only(&path).err().unwrap()] {
        assert!(matches!(err, StoreError::BadVersion { found: -3, .. }), "{err}");
    }
}

#[test]
fn a_database_from_a_newer_newsmill_is_refused() {
    let dir = tempdir();
    let path = dir.path().join("new.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE schema_version SET version = version + 1", []).unwrap();
    drop(conn);
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer newsmill"));
}

#[test]
fn a_read_only_location_is_a_clear_error() {
    let dir = tempdir();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let mut perms = std::fs::metadata(&ro).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&ro, perms).unwrap();
    // root ignores permissions: only check when the folder really is read-only.
    if std::fs::write(ro.join("probe"), b"x").is_ok() {
        return;
    }
    let err = Store::open(&ro.join("corpus.db")).err().unwrap();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn an_entity_in_full_titles_timeline_quotes_and_company() {
    let mut second = article_json("b", "y.com", "2018-11-11", &BRIDGE.replace("repairs", "works"));
    second["entities"].as_array_mut().unwrap().push(json!({"id": "E2", "name": "Harbour Trust", "type": "ORG",
        "titles": [], "mentions": [{"text": "Harbour Trust", "start": 0, "end": 13}]}));
    let second = StoredArticle::from_json(second).unwrap();
    let store = stored(&[article("a", "x.com", "2018-11-09", BRIDGE), second]);
    let ids = store.article_entity_ids("b").unwrap();
    let lima = ids.iter().find(|(local, _)| local == "E1").unwrap().1;
    let e = store.entity(lima).unwrap().unwrap();
    assert_eq!((e.name.as_str(), e.kind.as_str(), e.mentions), ("Ana Lima", "PERSON", 2));
    assert_eq!(e.titles, [("mayor".to_string(), 2)]);
    assert_eq!(e.timeline, [("2018-11-09".to_string(), 1), ("2018-11-11".to_string(), 1)]);
    assert_eq!(e.quotes.len(), 2);
    assert_eq!(e.co_mentioned[0].name, "Harbour Trust");
    assert!(store.entity(9999).unwrap().is_none());
    assert_eq!(store.article("a").unwrap().unwrap().text.as_deref(), Some(BRIDGE));
    assert!(store.article("nope").unwrap().is_none());
    assert_eq!(store.articles_per_day().unwrap().len(), 2);
}

#[test]
fn an_entity_filter_with_no_letters_exports_nothing() {
    // An entity whose name is only punctuation is stored with an empty normalised name.
    let mut odd = article_json("b", "x.com", "2018-11-10", BRIDGE);
    odd["entities"] = json!([{"id": "E1", "name": "“”", "type": "MISC", "titles": [],
                              "mentions": [{"text": "“”", "start": 0, "end": 2}]}]);
    let store = stored(&[article("a", "x.com", "2018-11-09", BRIDGE), StoredArticle::from_json(odd).unwrap()]);
    let count = |entity: &str| {
        let q = SearchQuery { entity: Some(entity.into()), ..SearchQuery::default() };
        store.export(&q, |_| Ok::<_, std::convert::Infallible>(())).unwrap().unwrap()
    };
    assert_eq!(count("Lima"), 1);
    assert_eq!(count("'"), 0, "a name that normalises to nothing names no entity");
    assert_eq!(count(" -- "), 0);
}

#[test]
fn dates_that_are_not_days_are_refused() {
    let store = stored(&[article("a", "x.com", "2018-11-09", BRIDGE)]);
    for bad in ["garbage", "2018-02-30", "2018-11-9"] {
        let q = SearchQuery { since: Some(bad.into()), ..SearchQuery::text("bridge") };
        assert!(matches!(store.search(&q), Err(StoreError::Query(_))), "search --since {bad}");
        let q = QuoteQuery { until: Some(bad.into()), ..QuoteQuery::default() };
        assert!(matches!(store.quotes(&q), Err(StoreError::Query(_))), "quotes --until {bad}");
        let q = SearchQuery { since: Some(bad.into()), ..SearchQuery::default() };
        let exported = store.export(&q, |_| Ok::<_, std::convert::Infallible>(()));
        assert!(matches!(exported, Err(StoreError::Query(_))), "export --since {bad}");
    }
    let q = SearchQuery { since: Some("2018-11-09".into()), ..SearchQuery::text("bridge") };
    assert_eq!(store.search(&q).unwrap().len(), 1);
}

#[test]
fn quotes_about_a_subject_by_name_or_words() {
    // Quote 1 mentions Ana Lima inside it; quote 2 holds the word "cable"; quote 3 neither.
    let text = "“Ana Lima was right,” the engineer said. “Every cable is new,” she said. “We are done,” he said.";
    let cp = |s: &str| text[..text.find(s).unwrap()].chars().count();
    let quote = |q: &str| {
        let start = cp(q);
        json!({"text": q, "start": start, "end": start + q.chars().count(), "kind": "direct", "speaker": null})
    };
    let json = json!({
        "id": "q", "source": "q.html", "title": "Quotes", "published": "2018-11-09", "text": text,
        "entities": [{"id": "E1", "name": "Ana Lima", "type": "PERSON", "titles": [],
                      "mentions": [{"text": "Ana Lima", "start": cp("Ana"), "end": cp("Ana") + 8}]},
                     {"id": "E2", "name": "Dock Works", "type": "ORG", "titles": [],
                      "mentions": [{"text": "Dock Works", "start": 0, "end": 0}]}],
        "quotes": [quote("Ana Lima was right,"), quote("Every cable is new,"), quote("We are done,")]
    });
    let store = stored(&[StoredArticle::from_json(json).unwrap()]);
    let about = |s: &str| {
        let q = QuoteQuery { about: Some(s.into()), ..QuoteQuery::default() };
        store.quotes(&q).unwrap().into_iter().map(|r| r.text).collect::<Vec<_>>()
    };
    assert_eq!(about("Lima"), ["Ana Lima was right,"]);
    assert_eq!(about("cable"), ["Every cable is new,"]);
    assert_eq!(about("abl"), ["Every cable is new,"], "words match inside quote text as before");
    assert!(about("Dock Works").is_empty(), "a mention outside every quote");
    assert!(about("'").is_empty(), "a subject with no letters matches nothing");
    assert_eq!(about("a").len(), 3);
}

#[test]
fn a_tiny_budget_stops_a_search() {
    let articles: Vec<StoredArticle> =
        (0..200).map(|i| article(&format!("a{i}"), "x.com", "2018-11-09", BRIDGE)).collect();
    let store = stored(&articles);
    let limits = newsmill_store::Limits::budget(std::time::Duration::ZERO);
    let err = store.limited(&limits, |s| s.search(&SearchQuery::text("the bridge"))).unwrap_err();
    assert!(matches!(err, StoreError::TimedOut { .. }), "{err:?}");
    assert!(err.to_string().contains("time budget"), "{err}");
    assert_eq!(store.search(&SearchQuery::text("the bridge")).unwrap().len(), 20, "no budget after");
}

#[test]
fn stats_count_every_site_and_list_the_ten_biggest() {
    let mut articles: Vec<StoredArticle> = (0..12)
        .map(|i| article(&format!("a{i}"), &format!("site{i}.org"), "2020-01-01", &format!("Story number {i} here.")))
        .collect();
    articles.push(article("b", "site3.org", "2020-01-02", "Another story from the third site."));
    let stats = stored(&articles).stats().unwrap();
    assert_eq!(stats.site_count, 12);
    assert_eq!(stats.sites.len(), 10);
    assert_eq!(stats.sites[0], ("site3.org".to_string(), 2), "most articles first");
}
