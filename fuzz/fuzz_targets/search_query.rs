//! The search query parser (full-text words, entity and speaker filters) through the store's
//! public API, over a small in-memory corpus made by the real pipeline from the sample pages.
//!
//! The input is split at NUL bytes into: search text, entity, entity type, speaker, site,
//! since, until, quote subject; missing or empty parts are no filter. Any `Err` is fine; a
//! panic or a hang is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmill_extract::{ContentKind, ExtractConfig, RawDoc, extract}; use newsmill_analyze::analyze;
use newsmill_store::{EntityQuery, QuoteQuery, SearchQuery, Store, StoredArticle};

const PAGES: [(&str, &[u8], ContentKind); 4] = [
    (
        "harbour-bridge-reopens.html",
        include_bytes!("../../samples/pages/harbour-bridge-reopens.html"),
        ContentKind::Html,
    ),
    ("regional-elections-de.html", include_bytes!("../../samples/pages/regional-elections-de.html"), ContentKind::Html),
    ("rt-2018-11-09-taliban.txt", include_bytes!("../../samples/pages/rt-2018-11-09-taliban.txt"), ContentKind::Text),
    ("quotes.txt", QUOTES.as_bytes(), ContentKind::Text),
];

const QUOTES: &str = "Mayor Ana Núñez opens O'Brien Bridge\n\n\
\"We waited two years for this,\" Mayor Ana Núñez said on Monday. \"It is finally done.\"\n\n\
Transport minister Jean-Luc Dubois said the repairs had cost 40 million euros, and that \
the Øresund Authority would inspect the bridge again in 2026.\n\n\
\"Nobody expected the delays,\" said Dubois, who visited Malmö and São Paulo last year.";

fn corpus() -> Store {
    let mut store = Store::open_in_memory().expect("an in-memory store");
    let mut articles = Vec::new();
    for (name, bytes, kind) in PAGES {
        let mut raw = RawDoc::from_bytes(name, bytes.to_vec());
        raw.kind_hint = Some(kind);
        let doc = extract(&raw, &ExtractConfig::default()).expect("the sample pages extract");
        let article = analyze(doc, &newsmill_fuzz::RESOURCES);
        let json = serde_json::to_value(&article).expect("an article serializes");
        articles.push(StoredArticle::from_json(json).expect("the store reads an article"));
    }
    let run = store.begin_run(&["fuzz"]).expect("a run");
    store.write_batch(run, &articles, &[]).expect("the corpus is stored");
    store
}

thread_local! {
    static STORE: Store = corpus();
}

fuzz_target!(init: STORE.with(|_| ()), |data: &[u8]| {
    let mut parts = data.split(|&b| b == 0).map(String::from_utf8_lossy);
    let text = parts.next().unwrap_or_default().into_owned();
    let mut next = || parts.next().filter(|p| !p.is_empty()).map(|p| p.into_owned());
    let (entity, kind, speaker, site, since, until, about) = (next(), next(), next(), next(), next(), next(), next());
    let limit = data.len() % 40;
    let offset = data.len() / 40 % 4;
    STORE.with(|store| {
        newsmill_fuzz::measured("search_query", data.len(), || {
            let q = SearchQuery {
                text,
                entity,
                kind: kind.clone(),
                speaker: speaker.clone(),
                site,
                since: since.clone(),
                until: until.clone(),
                limit,
                offset,
            };
            let _ = store.search(&q);
            let q = QuoteQuery { speaker, speaker_id: None, about, since, until, limit, offset };
            let _ = store.quotes(&q);
            let _ = store.entities(&EntityQuery { kind, top: limit });
        })
    });
});
