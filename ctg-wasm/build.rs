//! Writes the JSON Schema of the canonical format (from `ctg-core`'s types) into `OUT_DIR`, where
//! the library embeds it: `schema()` then needs no schemars code in the wasm binary.

use std::path::PathBuf;

fn main() {
    let out_dir = std::env::var_os("OUT_DIR").map(PathBuf::from);
    let Some(out_dir) = out_dir else {
        println!("cargo::error=OUT_DIR is not set");
        return;
    };
    let text = serde_json::to_string(&ctg_core::json_schema()).unwrap_or_default();
    if let Err(error) = std::fs::write(out_dir.join("schema.json"), text) {
        println!("cargo::error=cannot write schema.json: {error}");
    }
    println!("cargo::rerun-if-changed=build.rs");
}
