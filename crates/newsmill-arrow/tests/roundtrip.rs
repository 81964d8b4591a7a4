//! Every article of the bundled samples, through Arrow and back to JSON, reads as its JSON
//! form does: the columns lose nothing and invent nothing.

use std::path::Path;

use arrow_array::Array;
use arrow_array::cast::AsArray;
use arrow_json::writer::LineDelimitedWriter;
use arrow_schema::{DataType, Field};
use newsmill::{Inputs, Options, Pipeline, ReadConfig};
use newsmill_arrow::ArticleBatch;
use serde_json::Value;

/// A JSON value with its null members removed (Arrow writes a null as an absent member).
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k, without_nulls(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

/// Parquet and pyarrow refuse a column declared non-nullable that holds nulls, even under a
/// null parent: the schema must say nullable wherever a value can be missing.
fn no_nulls_where_declared_not(array: &dyn Array, field: &Field) {
    assert!(field.is_nullable() || array.null_count() == 0, "{} holds nulls", field.name());
    match array.data_type() {
        DataType::Struct(fields) => {
            for (child, field) in array.as_struct().columns().iter().zip(fields) {
                no_nulls_where_declared_not(child.as_ref(), field);
            }
        }
        DataType::List(item) => no_nulls_where_declared_not(array.as_list::<i32>().values().as_ref(), item),
        _ => {}
    }
}

#[test]
fn articles_read_back_from_arrow_as_their_json() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/pages");
    let pipeline = Pipeline::new(Options { explain: true, ..Options::default() }).unwrap();
    let mut batch = ArticleBatch::new().unwrap();
    let mut expected = Vec::new();
    for raw in Inputs::new([samples.to_string_lossy().into_owned()], ReadConfig::default()) {
        let article = pipeline.process(&raw.unwrap()).unwrap();
        batch.push(&article).unwrap();
        expected.push(without_nulls(serde_json::to_value(&article).unwrap()));
    }
    // A quote with neither cue nor speaker: null structs whose fields must be nullable.
    let bare: newsmill::Article = serde_json::from_str(
        r#"{"id": "b1", "source": "bare", "text": "Rain fell.", "quotes": [{"text": "Rain", "start": 0, "end": 4,
            "kind": "indirect", "cue": null, "speaker": null}]}"#,
    )
    .unwrap();
    batch.push(&bare).unwrap();
    expected.push(without_nulls(serde_json::to_value(&bare).unwrap()));
    batch.push_error("broken.bin", Some("https://example.org/x"), "not a page").unwrap();
    let batch = batch.finish().unwrap();
    assert_eq!(batch.num_rows(), expected.len() + 1);
    assert!(expected.iter().any(|a| a["quotes"].as_array().is_some_and(|q| !q.is_empty())));

    for (column, field) in batch.columns().iter().zip(batch.schema().fields()) {
        no_nulls_where_declared_not(column, field);
    }

    let mut out = LineDelimitedWriter::new(Vec::new());
    out.write(&batch).unwrap();
    out.finish().unwrap();
    let lines = String::from_utf8(out.into_inner()).unwrap();
    let rows: Vec<Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    for (row, article) in rows.iter().zip(&expected) {
        assert_eq!(row, article, "{}", article["source"]);
    }
    // And back to articles: every one equal to what was pushed.
    let read = newsmill_arrow::read_rows(&batch, &serde_json::Map::new()).unwrap();
    for (row, article) in read.iter().zip(&expected) {
        let newsmill_arrow::Row::Article(back) = row else { panic!("{row:?}") };
        assert_eq!(&without_nulls(serde_json::to_value(back).unwrap()), article);
    }
    assert!(matches!(read.last(), Some(newsmill_arrow::Row::Failed { error, .. }) if error == "not a page"));

    let failed = rows.last().unwrap();
    assert_eq!(failed["error"], "not a page");
    assert_eq!(failed["source"], "broken.bin");
    assert!(failed.get("text").is_none());
}
