//! Peak memory of validation, as a multiple of the input's size: `cargo bench -p ctg-benches
//! --bench memory`. Inputs from a real convention to a million bad items (whose issues stop at
//! the report's limit).

use ctg_core::Validator;
use peakmem_alloc::{PeakMemAlloc, PeakMemAllocTrait, INSTRUMENTED_SYSTEM};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

fn main() {
    println!(
        "{:<22} {:>12} {:>14} {:>8} {:>8}",
        "input", "bytes", "peak bytes", "ratio", "issues"
    );
    for (name, text) in ctg_benches::memory_inputs(1_000_000) {
        GLOBAL.reset_peak_memory();
        let validation = Validator::new().validate_str(&text);
        let peak = GLOBAL.get_peak_memory();
        let issues = validation.report().issues().len();
        drop(validation);
        println!(
            "{name:<22} {:>12} {:>14} {:>8.2} {:>8}",
            text.len(),
            peak,
            peak as f64 / text.len() as f64,
            issues
        );
    }
}
