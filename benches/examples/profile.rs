//! A loop of load + validate + totals on one bench input, to profile with `perf record`:
//! `CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release -p ctg-benches --example
//! profile`, then `perf record --call-graph dwarf target/release/examples/profile generated-10k
//! 300` (inputs: `thore`, `generated-10k`, `national`, or a file name: a `.jsonl` file is read
//! as one document a line).
//!
//! `profile --jsonl FILE` writes `ctg_benches::national_portfolio()` to FILE instead, one
//! document a line, for `native_timing`.

use std::hint::black_box;

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "thore".to_owned());
    if name == "--jsonl" {
        let path = args.next().expect("--jsonl FILE");
        let mut lines = ctg_benches::national_portfolio().join("\n");
        lines.push('\n');
        std::fs::write(&path, lines).expect("write the portfolio");
        return;
    }
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let docs = match name.as_str() {
        "thore" => vec![ctg_core::Convention::sample_json().to_owned()],
        "generated-10k" => vec![ctg_benches::generated_convention(1000)],
        "national" => ctg_benches::national_portfolio(),
        other => {
            let text = std::fs::read_to_string(other).expect("a bench input name or a file");
            if other.ends_with(".jsonl") {
                text.lines().map(str::to_owned).collect()
            } else {
                vec![text]
            }
        }
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    let issues: usize = docs
        .iter()
        .map(|d| ctg_core::validate_str(d).report().issues().len())
        .sum();
    eprintln!("{} documents, {bytes} bytes, {issues} issues", docs.len());
    for _ in 0..rounds {
        for doc in &docs {
            let conv = ctg_core::Convention::from_json_str(black_box(doc));
            black_box(conv.map(|c| c.totals()).ok());
        }
    }
}
