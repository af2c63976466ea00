//! Benchmark support (none yet).
