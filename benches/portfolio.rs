//! The national portfolio (one synthetic convention per EPCI, 1 255 documents, about 6.7 MB of
//! JSON Lines, `ctg_benches::national`): from its bytes to a `Portfolio` on one and two threads,
//! with and without the official geography; then its totals, its coverage at a date and its
//! table; side by side with parsing the same bytes, line by line, into `serde_json::Value` (the
//! floor any JSON reader pays): `cargo bench -p ctg-benches --bench portfolio`.
//!
//! The geography is loaded and its name indexes built before measuring (a process pays that
//! once: see the `geo` benchmark). Peak memory: `--bench portfolio_memory`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ctg_core::portfolio::{json_lines, Options};
use ctg_core::{Gazetteer, Portfolio, Validator};
use std::hint::black_box;

fn national(c: &mut Criterion) {
    let geo = ctg_geo::Geography::embedded().expect("embedded geography");
    geo.index_names();
    let gazetteer: &dyn Gazetteer = geo;
    let lines = ctg_benches::national::json_lines(geo);
    let bytes = lines.as_bytes();
    let date = ctg_benches::national::date();
    let with = Validator::new().gazetteer(geo);
    let without = Validator::new();
    let one = Options::new().threads(1);
    let two = Options::new().threads(2);
    let portfolio = Portfolio::from_json_lines_with(&with, bytes, &two);
    assert_eq!(portfolio.counts().valid, geo.epcis().len());

    let mut group = c.benchmark_group("portfolio");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("serde_json_value", |b| {
        b.iter(|| {
            json_lines(black_box(bytes))
                .filter(|(_, line)| serde_json::from_slice::<serde_json::Value>(line).is_ok())
                .count()
        })
    });
    for (name, validator, options) in [
        ("validate_1_thread", &with, &one),
        ("validate_2_threads", &with, &two),
        ("validate_1_thread_no_geo", &without, &one),
        ("validate_2_threads_no_geo", &without, &two),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| Portfolio::from_json_lines_with(validator, black_box(bytes), options))
        });
    }
    group.bench_function("totals", |b| {
        b.iter(|| black_box(&portfolio).totals(Some(gazetteer)))
    });
    group.bench_function("coverage", |b| {
        b.iter(|| black_box(&portfolio).coverage(gazetteer, date))
    });
    group.bench_function("conventions", |b| {
        b.iter(|| black_box(&portfolio).conventions(date, Some(gazetteer)))
    });
    group.bench_function("summary", |b| {
        b.iter(|| black_box(&portfolio).summary(date, Some(gazetteer)))
    });
    // What `ctg report` does after reading the file: validate, then the summary.
    group.bench_function("validate_and_summary_2_threads", |b| {
        b.iter(|| {
            let p = Portfolio::from_json_lines_with(&with, black_box(bytes), &two);
            p.summary(date, Some(gazetteer))
        })
    });
    group.bench_function("validate_and_summary_2_threads_no_geo", |b| {
        b.iter(|| {
            let p = Portfolio::from_json_lines_with(&without, black_box(bytes), &two);
            p.summary(date, Some(gazetteer))
        })
    });
    group.finish();
}

criterion_group!(benches, national);
criterion_main!(benches);
