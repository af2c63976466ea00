//! Load + validate + totals, against parsing the same bytes into `serde_json::Value`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn load_validate_totals(c: &mut Criterion) {
    let inputs = [
        ("thore", ctg_core::Convention::sample_json().to_owned()),
        ("generated-10k", ctg_benches::generated_convention(1000)),
    ];
    let mut group = c.benchmark_group("convention");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("serde_json_value", name), text, |b, t| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(t)))
        });
        group.bench_with_input(
            BenchmarkId::new("validate_and_totals", name),
            text,
            |b, t| {
                b.iter(|| {
                    let conv = ctg_core::Convention::from_json_str(black_box(t));
                    conv.map(|c| c.totals())
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, load_validate_totals);
criterion_main!(benches);
