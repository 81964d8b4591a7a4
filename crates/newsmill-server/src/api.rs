//! The JSON API: `/api/search`, `/api/articles/{id}`, `/api/entities`, `/api/entities/{id}`,
//! `/api/quotes`, `/api/stats`, and its OpenAPI description at `/api/openapi.json`.

use std::sync::{Arc, LazyLock};

use axum::Json;
use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::get;
use newsmill_store::EntityQuery;
use serde_json::{Value, json};

use crate::App;
use crate::error::ApiError;
use crate::params::{EntityParams, QuoteParams, SearchParams};
use crate::pool::query;

type ApiResult = Result<Json<Value>, ApiError>;

pub(crate) fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/search", get(search))
        .route("/api/articles/{id}", get(article))
        .route("/api/entities", get(entities))
        .route("/api/entities/{id}", get(entity))
        .route("/api/quotes", get(quotes))
        .route("/api/stats", get(stats))
        .route("/api/openapi.json", get(openapi))
        .route("/api/{*rest}", get(unknown))
}

async fn search(State(app): State<Arc<App>>, p: Result<Query<SearchParams>, QueryRejection>) -> ApiResult {
    let q = params(p)?.to_query()?;
    let (limit, offset) = (q.limit, q.offset);
    let hits = query(&app, move |s| s.search(&q)).await?;
    Ok(Json(json!({"results": hits, "limit": limit, "offset": offset})))
}

async fn article(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let lookup = id.clone();
    let found = query(&app, move |s| Ok(s.article(&lookup)?.map(|a| (a, s.article_entity_ids(&lookup))))).await?;
    let Some((article, ids)) = found else {
        return Err(ApiError::not_found(format!("no article with id {id}")));
    };
    let mut article = serde_json::to_value(&article).map_err(|e| ApiError::internal(e.to_string()))?;
    // Each article-local entity also gets its corpus id, for /api/entities/{id}.
    let ids: std::collections::HashMap<String, i64> = ids?.into_iter().collect();
    if let Some(entities) = article.get_mut("entities").and_then(Value::as_array_mut) {
        for e in entities {
            let local = e.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
            if let (Some(map), Some(global)) = (e.as_object_mut(), ids.get(&local)) {
                map.insert("corpus_id".into(), json!(global));
            }
        }
    }
    Ok(Json(article))
}

async fn entities(State(app): State<Arc<App>>, p: Result<Query<EntityParams>, QueryRejection>) -> ApiResult {
    let p = params(p)?;
    let q = EntityQuery { kind: p.kind()?, top: p.top()? };
    let rows = query(&app, move |s| s.entities(&q)).await?;
    Ok(Json(json!({"results": rows})))
}

async fn entity(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let Ok(number) = id.parse::<i64>() else {
        return Err(ApiError::bad_request(format!("entity id must be a number, not {id:?}")));
    };
    match query(&app, move |s| s.entity(number)).await? {
        Some(e) => Ok(Json(json!(e))),
        None => Err(ApiError::not_found(format!("no entity with id {number}"))),
    }
}

async fn quotes(State(app): State<Arc<App>>, p: Result<Query<QuoteParams>, QueryRejection>) -> ApiResult {
    let q = params(p)?.to_query()?;
    let (limit, offset) = (q.limit, q.offset);
    let rows = query(&app, move |s| s.quotes(&q)).await?;
    Ok(Json(json!({"results": rows, "limit": limit, "offset": offset})))
}

async fn stats(State(app): State<Arc<App>>) -> ApiResult {
    let (stats, per_day) = query(&app, |s| Ok((s.stats()?, s.articles_per_day()?))).await?;
    let mut value = json!(stats);
    if let Some(map) = value.as_object_mut() {
        map.insert("articles_per_day".into(), json!(per_day));
    }
    Ok(Json(value))
}

async fn openapi() -> impl IntoResponse {
    static DOCUMENT: LazyLock<String> = LazyLock::new(openapi_document);
    ([(CONTENT_TYPE, "application/json")], DOCUMENT.as_str())
}

/// The hand-written description of the endpoints, with the article's schemas generated from
/// the model's types (so the article the API serves is described by the code that writes it).
fn openapi_document() -> String {
    let mut doc: Value = serde_json::from_str(include_str!("../static/openapi.json")).unwrap_or_default();
    if let Some(schemas) = doc.pointer_mut("/components/schemas").and_then(Value::as_object_mut) {
        schemas.extend(newsmill_model::openapi_schemas());
    }
    doc.to_string()
}

async fn unknown(Path(rest): Path<String>) -> ApiError {
    ApiError::not_found(format!("no API endpoint /api/{rest}; see /api/openapi.json"))
}

/// A malformed query string (`limit=abc`) is a JSON 400 like every other API error.
fn params<T>(p: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    p.map(|Query(p)| p).map_err(|e| ApiError::bad_request(e.body_text()))
}
