//! Seed acceptance for the analysis stage: on the seed page's body, every entity of the
//! gold file is found with its type, its aliases are mentions of the same entity, its title
//! is captured, and none of the gold `not_entities` is tagged.

use newsmill_analyze::{Resources, analyze, document_from_text};
use newsmill_model::Entity;
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../newsmill-extract/tests/fixtures/seed/");

/// The gold file's normalization: case, curly/straight quotes and whitespace folded.
fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| {
            if matches!(c, '’' | '‘') {
                '\''
            } else if matches!(c, '“' | '”') {
                '"'
            } else {
                c
            }
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn names(text: &str, e: &Entity) -> Vec<String> {
    std::iter::once(norm(&e.name)).chain(e.mentions.iter().map(|m| norm(&text[m.span.clone()]))).collect()
}

#[test]
fn seed_entities_aliases_titles_and_no_junk() {
    let text = std::fs::read_to_string(format!("{DIR}rt-2018-11-09-taliban.txt")).expect("seed text");
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}rt-2018-11-09-taliban.gold.json")).expect("gold"))
            .expect("gold json");
    let res = Resources::embedded().expect("embedded model loads");
    let article = analyze(document_from_text("seed", text.clone()), &res);
    let json = serde_json::to_value(&article).expect("article json");
    let mut problems = Vec::new();
    for g in gold["entities"].as_array().expect("entities") {
        let name = norm(g["name"].as_str().unwrap_or_default());
        let ty = g["type"].as_str().unwrap_or_default();
        let Some(e) = article.entities.iter().find(|e| names(&text, e).contains(&name)) else {
            problems.push(format!("{name}: not found"));
            continue;
        };
        let e_json = json["entities"].as_array().and_then(|a| a.iter().find(|x| x["id"] == e.id.as_str())).cloned();
        if e_json.as_ref().and_then(|x| x["type"].as_str()) != Some(ty) {
            problems.push(format!("{name}: type {:?}, expected {ty}", e.kind));
        }
        for alias in g["aliases"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if !names(&text, e).contains(&norm(alias)) {
                problems.push(format!("{name}: alias {alias} is not among its mentions"));
            }
        }
        if let Some(title) = g["title_contains"].as_str()
            && !e.titles.iter().any(|t| norm(t).contains(&norm(title)))
        {
            problems.push(format!("{name}: no title containing {title:?} in {:?}", e.titles));
        }
    }
    for junk in gold["not_entities"].as_array().expect("not_entities").iter().filter_map(Value::as_str) {
        let hit = article
            .entities
            .iter()
            .flat_map(|e| &e.mentions)
            .any(|m| norm(&text[m.span.clone()]).contains(&norm(junk)));
        if hit {
            problems.push(format!("{junk:?} is tagged but is not an entity"));
        }
    }
    assert!(problems.is_empty(), "seed problems:\n{}", problems.join("\n"));
}
