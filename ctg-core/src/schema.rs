//! The JSON Schema of the canonical format, generated from the types.

/// The JSON Schema (draft 2020-12) of the canonical convention format, generated from the Rust
/// types. It describes what `ctg` writes; what it reads is more lenient (see `docs/format.md`).
///
/// ```
/// let schema = ctg_core::json_schema();
/// assert_eq!(schema["title"], "Convention");
/// assert!(schema["properties"]["funding"].is_object());
/// ```
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(crate::Convention);
    serde_json::to_value(schema).unwrap_or(serde_json::Value::Null)
}
