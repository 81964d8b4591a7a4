//! The Arrow schema, derived from the JSON Schema of the article contract.
//!
//! The mapping: `string` (and string enums) → Utf8; `integer` → Int64; `number` → Float64;
//! `boolean` → Boolean; `array` → List; `object` → Struct. A field is nullable when JSON may
//! leave it out or set it to null. Integers are signed although offsets never are: Spark and
//! other JVM readers have no unsigned types and refuse UInt64 columns.

use std::sync::{Arc, OnceLock};

use arrow_schema::{DataType, Field, Fields, Schema};
use serde_json::{Map, Value};

use crate::Error;

/// The column that says why a row has no article (null for an article).
pub const ERROR_COLUMN: &str = "error";

/// The article's columns: one per top-level field of the article JSON, in its order. Every
/// column is nullable, so one batch can hold the row of a document that failed.
pub fn article_schema() -> Result<Schema, Error> {
    Ok(derived()?.0.clone())
}

/// [`article_schema`] and the [`ERROR_COLUMN`]: the rows of a batch of documents.
pub fn batch_schema() -> Result<Schema, Error> {
    Ok(derived()?.1.clone())
}

/// Both schemas, derived once per process: every batch and every Parquet part asks for them.
fn derived() -> Result<&'static (Schema, Schema), Error> {
    static DERIVED: OnceLock<(Schema, Schema)> = OnceLock::new();
    if let Some(schemas) = DERIVED.get() {
        return Ok(schemas);
    }
    let root = newsmill_model::article_schema();
    let defs = root.get("$defs").and_then(Value::as_object).cloned().unwrap_or_default();
    let fields = Mapper { defs: &defs }.object_fields("", &root)?;
    let articles = Schema::new(fields.iter().map(|f| f.as_ref().clone().with_nullable(true)).collect::<Fields>());
    let mut columns: Vec<Arc<Field>> = articles.fields().iter().cloned().collect();
    columns.push(Arc::new(Field::new(ERROR_COLUMN, DataType::Utf8, true)));
    let batch = Schema::new(columns);
    Ok(DERIVED.get_or_init(|| (articles, batch)))
}

struct Mapper<'a> {
    defs: &'a Map<String, Value>,
}

impl Mapper<'_> {
    /// The node a `$ref` points to, or the node itself.
    fn resolve<'v>(&'v self, node: &'v Value, path: &str) -> Result<&'v Value, Error> {
        match node.get("$ref").and_then(Value::as_str) {
            Some(reference) => reference
                .strip_prefix("#/$defs/")
                .and_then(|name| self.defs.get(name))
                .ok_or_else(|| bad(path, format!("unknown reference {reference}"))),
            None => Ok(node),
        }
    }

    /// The fields of an object schema, nullable where JSON may omit them or write null.
    fn object_fields(&self, path: &str, node: &Value) -> Result<Fields, Error> {
        let node = self.resolve(node, path)?;
        let properties = node.get("properties").and_then(Value::as_object).ok_or_else(|| bad(path, "no properties"))?;
        let required: Vec<&str> =
            node.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        properties
            .iter()
            .map(|(name, property)| {
                let path = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
                let (data_type, may_be_null) = self.data_type(&path, property)?;
                let nullable = may_be_null || !required.contains(&name.as_str());
                // Under a null struct its fields are null too (Arrow writers check this).
                let data_type = if nullable { fields_nullable(data_type) } else { data_type };
                Ok(Arc::new(Field::new(name, data_type, nullable)))
            })
            .collect()
    }

    /// The Arrow type of a schema node, and whether the node allows null.
    fn data_type(&self, path: &str, node: &Value) -> Result<(DataType, bool), Error> {
        // `anyOf: [X, {type: null}]`: an optional X.
        if let Some(options) = node.get("anyOf").and_then(Value::as_array) {
            let (nulls, others): (Vec<&Value>, Vec<&Value>) =
                options.iter().partition(|o| o.get("type").and_then(Value::as_str) == Some("null"));
            return match others.as_slice() {
                [only] => Ok((self.data_type(path, only)?.0, !nulls.is_empty())),
                _ => Err(bad(path, "anyOf of more than one type")),
            };
        }
        let node = self.resolve(node, path)?;
        // `oneOf` of string constants: an enum with a description per value.
        if let Some(options) = node.get("oneOf").and_then(Value::as_array) {
            let all_strings = options.iter().all(|o| o.get("type").and_then(Value::as_str) == Some("string"));
            return if all_strings { Ok((DataType::Utf8, false)) } else { Err(bad(path, "oneOf of non-strings")) };
        }
        let (name, nullable) = match node.get("type") {
            Some(Value::String(name)) => (name.as_str(), false),
            Some(Value::Array(names)) => {
                let names: Vec<&str> = names.iter().filter_map(Value::as_str).collect();
                match names.as_slice() {
                    [name, "null"] | ["null", name] => (*name, true),
                    _ => return Err(bad(path, format!("type {names:?}"))),
                }
            }
            _ => return Err(bad(path, "no type")),
        };
        let data_type = match name {
            "string" => DataType::Utf8,
            "boolean" => DataType::Boolean,
            "number" => DataType::Float64,
            "integer" => DataType::Int64,
            "array" => {
                let items = node.get("items").ok_or_else(|| bad(path, "array without items"))?;
                let (item, item_null) = self.data_type(path, items)?;
                DataType::List(Arc::new(Field::new("item", item, item_null)))
            }
            "object" => DataType::Struct(self.object_fields(path, node)?),
            other => return Err(bad(path, format!("type {other}"))),
        };
        Ok((data_type, nullable))
    }
}

/// A struct type with every field (and theirs) nullable; other types as they are.
fn fields_nullable(data_type: DataType) -> DataType {
    match data_type {
        DataType::Struct(fields) => DataType::Struct(
            fields
                .iter()
                .map(|f| {
                    Arc::new(
                        f.as_ref().clone().with_data_type(fields_nullable(f.data_type().clone())).with_nullable(true),
                    )
                })
                .collect(),
        ),
        other => other,
    }
}

fn bad(path: &str, reason: impl Into<String>) -> Error {
    Error::Schema { path: path.to_string(), reason: reason.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field<'a>(fields: &'a Fields, name: &str) -> &'a Field {
        fields.iter().find(|f| f.name() == name).map(|f| f.as_ref()).unwrap_or_else(|| panic!("no field {name}"))
    }

    fn struct_of_list(field: &Field) -> &Fields {
        match field.data_type() {
            DataType::List(item) => match item.data_type() {
                DataType::Struct(fields) => fields,
                other => panic!("{other}"),
            },
            other => panic!("{other}"),
        }
    }

    #[test]
    fn every_top_level_field_of_the_json_is_a_column_in_its_order() {
        let schema = article_schema().unwrap();
        let json = newsmill_model::article_schema();
        let names: Vec<&str> = json["properties"].as_object().unwrap().keys().map(String::as_str).collect();
        let columns: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(columns, names);
        assert!(schema.fields().iter().all(|f| f.is_nullable()));
    }

    #[test]
    fn lists_of_the_article_are_lists_of_structs_with_typed_fields() {
        let schema = article_schema().unwrap();
        let entities = struct_of_list(schema.field_with_name("entities").unwrap());
        assert_eq!(field(entities, "type").data_type(), &DataType::Utf8);
        let mentions = struct_of_list(field(entities, "mentions"));
        assert_eq!(field(mentions, "start").data_type(), &DataType::Int64);
        assert!(!field(mentions, "start").is_nullable());
        assert!(field(mentions, "field").is_nullable(), "absent for the body");
        let quotes = struct_of_list(schema.field_with_name("quotes").unwrap());
        let DataType::Struct(speaker) = field(quotes, "speaker").data_type() else { panic!("speaker is a struct") };
        assert!(field(quotes, "speaker").is_nullable());
        assert!(field(speaker, "entity").is_nullable());
        assert!(field(speaker, "start").is_nullable(), "null when the quote has no speaker");
        let amounts = struct_of_list(schema.field_with_name("amounts").unwrap());
        assert_eq!(field(amounts, "value").data_type(), &DataType::Float64);
        assert_eq!(field(amounts, "approximate").data_type(), &DataType::Boolean);
        let places = struct_of_list(schema.field_with_name("places").unwrap());
        assert_eq!(field(places, "geonames_id").data_type(), &DataType::Int64);
        let authors = schema.field_with_name("authors").unwrap();
        assert!(matches!(authors.data_type(), DataType::List(item) if item.data_type() == &DataType::Utf8));
    }

    #[test]
    fn the_batch_schema_ends_with_the_error_column() {
        let schema = batch_schema().unwrap();
        assert_eq!(schema.fields().last().map(|f| f.name().as_str()), Some(ERROR_COLUMN));
    }

    #[test]
    fn shapes_without_an_arrow_form_are_errors_naming_where() {
        let defs = Map::new();
        let mapper = Mapper { defs: &defs };
        let node = serde_json::json!({"type": ["string", "integer"]});
        let err = mapper.data_type("quotes.kind", &node).unwrap_err().to_string();
        assert!(err.contains("quotes.kind"), "{err}");
        let node = serde_json::json!({"$ref": "#/$defs/Missing"});
        assert!(mapper.data_type("x", &node).is_err());
    }
}
