//! Validation's peak memory stays within a stated multiple of the input's size (5×), whatever
//! the input: the report stops at its issue limit and bad items leave no drafts behind.

use ctg_core::Validator;
use peakmem_alloc::{PeakMemAlloc, PeakMemAllocTrait, INSTRUMENTED_SYSTEM};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The multiple documented in the README (Limits).
const MAX_RATIO: f64 = 5.0;

#[test]
fn peak_memory_is_a_small_multiple_of_the_input() {
    // One test function: the peak is measured for one validation at a time.
    for (name, text) in ctg_benches::memory_inputs(200_000) {
        GLOBAL.reset_peak_memory();
        let validation = Validator::new().validate_str(&text);
        let peak = GLOBAL.get_peak_memory();
        let issues = validation.report().issues().len();
        drop(validation);
        let ratio = peak as f64 / text.len() as f64;
        assert!(
            ratio <= MAX_RATIO,
            "{name}: peak {peak} bytes for {} bytes of input ({ratio:.2}×)",
            text.len()
        );
        assert!(issues <= 1001, "{name}: {issues} issues kept");
    }
}
