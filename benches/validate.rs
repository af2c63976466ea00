//! Load + validate + totals, against parsing the same bytes into `serde_json::Value` (and, for
//! comparison, into a plain `#[derive(Deserialize)]` mirror of the format, which checks nothing).
//!
//! Three inputs: the Thoré fixture (15 KB), a generated convention of 10 000 allocation-years
//! (290 KB), and the national portfolio (one convention per EPCI, validated one document at a
//! time, on one thread and on two).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ctg_benches::mirror;
use std::hint::black_box;

/// What the bench does per document: validate, then the totals.
fn validate_and_totals(text: &str) -> Option<ctg_core::Totals> {
    ctg_core::validate_str(text)
        .into_result()
        .ok()
        .and_then(|c| c.totals())
}

/// Validates and totals every document, summing the national total.
fn national(docs: &[String]) -> (usize, u64) {
    let mut valid = 0;
    let mut cents = 0u64;
    for doc in docs {
        if let Some(totals) = validate_and_totals(doc) {
            valid += 1;
            cents += totals.total.cents();
        }
    }
    (valid, cents)
}

/// [`national`] on `threads` threads, the documents dealt in turn.
fn national_threads(docs: &[String], threads: usize) -> (usize, u64) {
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    let mine: Vec<&String> = docs.iter().skip(t).step_by(threads).collect();
                    let mut valid = 0;
                    let mut cents = 0u64;
                    for doc in mine {
                        if let Some(totals) = validate_and_totals(doc) {
                            valid += 1;
                            cents += totals.total.cents();
                        }
                    }
                    (valid, cents)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .fold((0, 0), |(v, c), (v2, c2)| (v + v2, c + c2))
    })
}

fn single_documents(c: &mut Criterion) {
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
        group.bench_with_input(BenchmarkId::new("serde_mirror", name), text, |b, t| {
            b.iter(|| serde_json::from_str::<mirror::Convention>(black_box(t)).ok())
        });
        group.bench_with_input(
            BenchmarkId::new("validate_and_totals", name),
            text,
            |b, t| b.iter(|| validate_and_totals(black_box(t))),
        );
    }
    group.finish();
}

fn national_portfolio(c: &mut Criterion) {
    let docs = ctg_benches::national_portfolio();
    let bytes: usize = docs.iter().map(String::len).sum();
    assert_eq!(national(&docs).0, docs.len(), "every document is valid");
    let mut group = c.benchmark_group("national");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("serde_json_value", |b| {
        b.iter(|| {
            black_box(&docs)
                .iter()
                .filter(|t| serde_json::from_str::<serde_json::Value>(t).is_ok())
                .count()
        })
    });
    group.bench_function("serde_mirror", |b| {
        b.iter(|| {
            black_box(&docs)
                .iter()
                .filter(|t| serde_json::from_str::<mirror::Convention>(t).is_ok())
                .count()
        })
    });
    group.bench_function("validate_and_totals", |b| {
        b.iter(|| national(black_box(&docs)))
    });
    group.bench_function("validate_and_totals_2_threads", |b| {
        b.iter(|| national_threads(black_box(&docs), 2))
    });
    group.finish();
}

criterion_group!(benches, single_documents, national_portfolio);
criterion_main!(benches);
