//! Native timing of load + validate + totals, for the peer benchmarks (`benches/run-peers.sh`):
//! the figure the WebAssembly build is compared with ("within 2× of native").
//!
//! For each file: `validate_slice(bytes)` (parse, every rule, the `Convention`) then `totals()`,
//! the same work as Python's `ctg.loads(b).totals()` and JavaScript's `totals(text)`, minus the
//! conversions to host values. A `.jsonl` file is a portfolio: one document per line, and one
//! sample is the whole portfolio. Also times `serde_json::from_slice::<Value>` on the same bytes
//! (the floor any JSON reader pays). Prints one JSON object per file:
//! `{"input", "bytes", "documents", "ctg_ns": [median, min, max], "serde_value_ns": [...], "samples"}`.
//!
//! ```sh
//! cargo run --release -p ctg-benches --example native_timing -- [--samples N] FILE...
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let mut samples = 15usize;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--samples" {
            samples = args
                .next()
                .and_then(|n| n.parse().ok())
                .expect("--samples N");
        } else {
            files.push(arg);
        }
    }
    assert!(!files.is_empty(), "usage: native_timing [--samples N] FILE...");
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let docs: Vec<&[u8]> = if file.ends_with(".jsonl") {
            bytes
                .split(|&b| b == b'\n')
                .filter(|l| !l.is_empty())
                .collect()
        } else {
            vec![&bytes[..]]
        };
        // Every document must be valid with totals: the timing is of the success path.
        for doc in &docs {
            let conv = ctg_core::validate_slice(doc)
                .into_result()
                .unwrap_or_else(|r| panic!("{file}: invalid: {:?}", r.issues()));
            black_box(conv.totals());
        }
        let ctg = time(samples, || {
            for doc in &docs {
                let conv = ctg_core::validate_slice(black_box(doc)).into_result();
                black_box(conv.map(|c| c.totals()).is_ok());
            }
        });
        let serde = time(samples, || {
            for doc in &docs {
                black_box(serde_json::from_slice::<serde_json::Value>(black_box(doc)).is_ok());
            }
        });
        let name = std::path::Path::new(&file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(file.clone());
        println!(
            "{{\"input\": \"{name}\", \"bytes\": {}, \"documents\": {}, \"ctg_ns\": {}, \"serde_value_ns\": {}, \"samples\": {samples}}}",
            bytes.len(),
            docs.len(),
            stats(&ctg),
            stats(&serde)
        );
    }
}

/// `samples` timings of one call of `f` (each sample runs `f` as many times as fit in about
/// 20 ms, at least once, and keeps the mean), after a warm-up.
fn time(samples: usize, mut f: impl FnMut()) -> Vec<f64> {
    let start = Instant::now();
    let mut warm = 0u32;
    while warm < 3 || start.elapsed() < Duration::from_millis(100) {
        f();
        warm += 1;
    }
    let per_call = start.elapsed().as_secs_f64() / f64::from(warm);
    let reps = ((0.02 / per_call) as u32).max(1);
    (0..samples)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..reps {
                f();
            }
            t.elapsed().as_nanos() as f64 / f64::from(reps)
        })
        .collect()
}

/// `[median, min, max]` in nanoseconds.
fn stats(values: &[f64]) -> String {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let median = if v.len() % 2 == 1 {
        v[v.len() / 2]
    } else {
        (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0
    };
    format!(
        "[{:.0}, {:.0}, {:.0}]",
        median,
        v[0],
        v[v.len() - 1]
    )
}
