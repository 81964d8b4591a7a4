//! The API and pages over a small corpus, including an article whose title, text, entity and
//! quote carry script and attribute-breaking payloads: they must come out as text.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

mod common;
use common::{ATTR, SCRIPT, corpus};

async fn get(db: &std::path::Path, uri: &str) -> (StatusCode, String, axum::http::HeaderMap) {
    let app = newsmill_server::router(db).unwrap();
    let response = app.oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned(), headers)
}

async fn json_of(db: &std::path::Path, uri: &str) -> (StatusCode, Value) {
    let (status, body, headers) = get(db, uri).await;
    assert!(headers["content-type"].to_str().unwrap().starts_with("application/json"), "{uri}");
    (status, serde_json::from_str(&body).unwrap())
}

fn assert_inert(page: &str, uri: &str) {
    assert!(!page.contains("<script>alert"), "{uri}: raw script in\n{page}");
    assert!(!page.contains("<img src=x"), "{uri}: raw img in\n{page}");
    assert!(!page.contains("href=\"javascript:"), "{uri}: javascript link in\n{page}");
}

#[tokio::test]
async fn pages_show_hostile_content_as_text() {
    let (_dir, db) = corpus();
    let (_, entities) = json_of(&db, "/api/entities?type=PERSON").await;
    let lima = entities["results"][0]["id"].as_i64().unwrap();
    let (_, orgs) = json_of(&db, "/api/entities?type=ORG").await;
    let evil = orgs["results"][0]["id"].as_i64().unwrap();
    for uri in [
        "/".to_string(),
        "/articles/evil".to_string(),
        format!("/entities/{lima}"),
        format!("/entities/{evil}"),
        "/search?q=bridge".to_string(),
        "/search?q=%3Cscript%3E".to_string(),
        "/quotes".to_string(),
        "/quotes?about=%22%3E%3Cimg".to_string(),
        "/sources".to_string(),
    ] {
        let (status, page, headers) = get(&db, &uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_inert(&page, &uri);
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    }
    let (_, sources, _) = get(&db, "/sources").await;
    assert!(sources.contains("news.example&lt;script&gt;") && sources.contains("href=\"/sources\""), "{sources}");
    let (_, article, _) = get(&db, "/articles/evil").await;
    assert!(
        article.contains("Bridge &lt;script&gt;alert('xss')&lt;/script&gt; reopens &quot;&gt;&lt;img"),
        "{article}"
    );
    assert!(article.contains(&format!(r#"<a class="ent person" href="/entities/{lima}""#)));
    assert!(article.contains(&format!(r#"<a class="who" href="/entities/{lima}">— Ana Lima</a>"#)));
}

#[tokio::test]
async fn api_endpoints_answer_with_json() {
    let (_dir, db) = corpus();
    let (status, hits) = json_of(&db, "/api/search?q=bridge&since=2018-11-01").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(hits["results"][0]["id"], "evil");
    let (_, article) = json_of(&db, "/api/articles/evil").await;
    assert_eq!(article["title"], format!("Bridge {SCRIPT} reopens {ATTR}"), "JSON keeps the text as it is");
    let lima = article["entities"][0]["corpus_id"].as_i64().unwrap();
    let (_, entity) = json_of(&db, &format!("/api/entities/{lima}")).await;
    assert_eq!(entity["name"], "Ana Lima");
    assert_eq!(entity["quotes"][0]["article"], "evil");
    assert_eq!(entity["timeline"][0][0], "2018-11-09");
    let (_, quotes) = json_of(&db, "/api/quotes?speaker=lima").await;
    assert_eq!(quotes["results"].as_array().unwrap().len(), 1);
    let (_, stats) = json_of(&db, "/api/stats").await;
    assert_eq!(stats["articles"], 2);
    assert_eq!(stats["articles_per_day"].as_array().unwrap().len(), 2);
    let (_, spec) = json_of(&db, "/api/openapi.json").await;
    assert_eq!(spec["openapi"], "3.0.3");
    assert!(spec["paths"]["/api/entities/{id}"].is_object());
    every_reference_resolves(&spec, &spec);
    let article_schema = &spec["components"]["schemas"]["Article"];
    let (_, article) = json_of(&db, "/api/articles/evil").await;
    for key in article_schema["required"].as_array().unwrap() {
        assert!(article.get(key.as_str().unwrap()).is_some(), "the served article lacks {key}");
    }
}

/// Fails on a `$ref` anywhere in `node` that does not point into `doc`.
fn every_reference_resolves(doc: &Value, node: &Value) {
    match node {
        Value::Object(map) => {
            if let Some(target) = map.get("$ref").and_then(Value::as_str) {
                let pointer = target.strip_prefix('#').unwrap_or(target);
                assert!(doc.pointer(pointer).is_some(), "{target} does not resolve");
            }
            map.values().for_each(|v| every_reference_resolves(doc, v));
        }
        Value::Array(items) => items.iter().for_each(|v| every_reference_resolves(doc, v)),
        _ => {}
    }
}

#[tokio::test]
async fn bad_requests_get_json_errors_with_fitting_statuses() {
    let (_dir, db) = corpus();
    for (uri, status) in [
        ("/api/articles/nope", StatusCode::NOT_FOUND),
        ("/api/entities/999999", StatusCode::NOT_FOUND),
        ("/api/entities/abc", StatusCode::BAD_REQUEST),
        ("/api/search?since=yesterday", StatusCode::BAD_REQUEST),
        ("/api/search?type=ROBOT&q=x", StatusCode::BAD_REQUEST),
        ("/api/search?offset=99999999", StatusCode::BAD_REQUEST),
        ("/api/search?limit=abc", StatusCode::BAD_REQUEST),
        ("/api/nothing/here", StatusCode::NOT_FOUND),
    ] {
        let (got, body, _) = get(&db, uri).await;
        assert_eq!(got, status, "{uri}: {body}");
        let v: Value = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{uri}: {body}"));
        assert_eq!(v["status"], status.as_u16());
    }
    let long = format!("/api/search?q={}", "a".repeat(600));
    assert_eq!(get(&db, &long).await.0, StatusCode::BAD_REQUEST);
    let (status, page, _) = get(&db, "/entities/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("No entity"));
}

#[tokio::test]
async fn the_api_is_read_only() {
    let (_dir, db) = corpus();
    let app = newsmill_server::router(&db).unwrap();
    let response = app.oneshot(Request::post("/api/search").body(Body::from("{}")).unwrap()).await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[test]
fn a_missing_database_is_a_clear_error() {
    let err = newsmill_server::router(std::path::Path::new("/no/such/corpus.db")).err().unwrap();
    assert!(err.to_string().contains("newsmill ingest"), "{err}");
}

#[tokio::test]
async fn hostile_query_parameters_get_clear_answers() {
    let (_dir, db) = corpus();
    for uri in [
        "/api/search?q=bridge&since=garbage",
        "/api/search?q=bridge&until=2018-02-30",
        "/api/quotes?since=2018-13-01",
        "/api/search?q=bridge&limit=0",
        "/api/quotes?limit=0",
        "/api/entities?top=0",
    ] {
        let (status, body) = json_of(&db, uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert!(body["error"].as_str().is_some_and(|e| !e.is_empty()), "{uri}: {body}");
    }
    // A word said 60 times is one word: answered, not a minute of CPU.
    let repeated = vec!["the"; 60].join("+");
    let (status, body) = json_of(&db, &format!("/api/search?q={repeated}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let many: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
    let (status, body) = json_of(&db, &format!("/api/search?q={}", many.join("+"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(body["error"].as_str().unwrap_or_default().contains("at most"), "{body}");
}
