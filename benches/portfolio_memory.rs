//! Peak memory of a national portfolio, as a multiple of its input's size: `cargo bench -p
//! ctg-benches --bench portfolio_memory`. The JSON Lines bytes and the geography are in memory
//! before the count starts; what is counted is everything validation and aggregation allocate on
//! top, the portfolio they give included (every convention and report kept).

use ctg_core::portfolio::Options;
use ctg_core::{Gazetteer, Portfolio, Validator};
use peakmem_alloc::{PeakMemAlloc, PeakMemAllocTrait, INSTRUMENTED_SYSTEM};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &PeakMemAlloc<System> = &INSTRUMENTED_SYSTEM;

fn main() {
    let geo = ctg_geo::Geography::embedded().expect("geography");
    geo.index_names();
    let lines = ctg_benches::national::json_lines(geo);
    let date = ctg_benches::national::date();
    let gazetteer: &dyn Gazetteer = geo;
    println!(
        "{:<34} {:>12} {:>14} {:>8}",
        "national portfolio", "input bytes", "peak bytes", "ratio"
    );
    for (name, validator, threads) in [
        ("validate, 1 thread", Validator::new().gazetteer(geo), 1),
        ("validate, 2 threads", Validator::new().gazetteer(geo), 2),
        ("validate without geography", Validator::new(), 2),
    ] {
        GLOBAL.reset_peak_memory();
        let portfolio = Portfolio::from_json_lines_with(
            &validator,
            lines.as_bytes(),
            &Options::new().threads(threads),
        );
        let validated = GLOBAL.get_peak_memory();
        let totals = portfolio.totals(Some(gazetteer));
        let coverage = portfolio.coverage(gazetteer, date);
        let rows = portfolio.conventions(date, Some(gazetteer));
        let peak = GLOBAL.get_peak_memory();
        assert_eq!(
            totals.conventions + totals.excluded.without_funding,
            rows.len()
        );
        assert!(coverage.national.communes > 0);
        drop((portfolio, totals, coverage, rows));
        for (what, bytes) in [
            (name.to_owned(), validated),
            (format!("{name} + aggregates"), peak),
        ] {
            println!(
                "{what:<34} {:>12} {:>14} {:>8.2}",
                lines.len(),
                bytes,
                bytes as f64 / lines.len() as f64
            );
        }
    }
}
