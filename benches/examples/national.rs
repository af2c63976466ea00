//! Writes the national synthetic portfolio (one convention per EPCI of the official geography,
//! `ctg_benches::national`) as JSON Lines, and, with `--answers`, what the Rust library finds in
//! it (counts, statuses, totals by département and year, coverage, the table of conventions):
//! the expected answers the Python and JavaScript tests compare theirs with.
//!
//! ```sh
//! cargo run --release -p ctg-benches --example national -- target/national.jsonl \
//!     --answers target/national-answers.json
//! ```
//!
//! The output is the same, byte for byte, on every run and machine (no clock, no randomness
//! but a fixed stream); it is not committed.

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut out = PathBuf::from("target/national.jsonl");
    let mut answers = None;
    while let Some(arg) = args.next() {
        if arg == "--answers" {
            answers = args.next().map(PathBuf::from);
        } else {
            out = PathBuf::from(arg);
        }
    }
    let geo = ctg_geo::Geography::embedded().expect("the embedded geography loads");
    let lines = ctg_benches::national::json_lines(geo);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).expect("create the output folder");
    }
    std::fs::write(&out, &lines).expect("write the portfolio");
    println!(
        "wrote {}: {} conventions, {} bytes",
        out.display(),
        lines.lines().count(),
        lines.len()
    );
    if let Some(path) = answers {
        let value = ctg_benches::national::answers(geo, lines.as_bytes());
        let mut text = serde_json::to_string_pretty(&value).expect("answers as JSON");
        text.push('\n');
        std::fs::write(&path, text).expect("write the answers");
        println!("wrote {}", path.display());
    }
}
