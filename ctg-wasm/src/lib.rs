//! WebAssembly bindings (placeholder).
