//! Validation with the official geography against validation without it, on the five fixtures and
//! on a convention whose parties are every commune of the Tarn; and the coverage of each:
//! `cargo bench -p ctg-benches --bench geo_validate`.
//!
//! The geography is loaded and its name indexes built before measuring (a process pays that once:
//! see the `geo` benchmark for the load).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ctg_core::{Convention, Validator};
use std::hint::black_box;

fn inputs(geo: &ctg_geo::Geography) -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
    let mut out: Vec<(String, String)> = [
        "thore-montagne-noire-2023-2025",
        "terres-des-confluences-2023-2027",
        "tarn-agout-2023-2026",
        "saumur-loire-developpement-2023-2027",
        "quercy-rouergue-gorges-aveyron-2022-2024",
    ]
    .iter()
    .map(|name| {
        let text = std::fs::read_to_string(format!("{dir}/{name}.json")).expect("fixture");
        ((*name).to_owned(), text)
    })
    .collect();
    out.push((
        "tarn-all-communes".to_owned(),
        ctg_benches::every_commune_of(geo, "81"),
    ));
    out
}

fn validate_with_and_without_geography(c: &mut Criterion) {
    let geo = ctg_geo::Geography::embedded().expect("embedded geography");
    geo.index_names();
    let with = Validator::new().gazetteer(geo);
    let without = Validator::new();
    let mut group = c.benchmark_group("geo_validate");
    for (name, text) in inputs(geo) {
        assert!(with.validate_str(&text).is_valid(), "{name}");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("without", &name), &text, |b, t| {
            b.iter(|| without.validate_str(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("with", &name), &text, |b, t| {
            b.iter(|| with.validate_str(black_box(t)))
        });
        let convention = Convention::from_json_str(&text).expect("valid");
        group.bench_with_input(
            BenchmarkId::new("coverage", &name),
            &convention,
            |b, conv| b.iter(|| black_box(conv).coverage(geo)),
        );
    }
    group.finish();
}

criterion_group!(benches, validate_with_and_without_geography);
criterion_main!(benches);
