//! CPU and wall time of the national portfolio's steps, for a machine shared with other work
//! (where criterion's wall times swing with the load): each step's CPU time (of the process, so
//! that two validating threads count twice) and wall time, medians of `--samples N` (default 9)
//! after a warm-up, in milliseconds, with the machine's load average at the start.
//!
//! ```sh
//! cargo run --release -p ctg-benches --example portfolio_timing -- [--samples N]
//! ```

use std::hint::black_box;
use std::time::Instant;

use ctg_core::portfolio::{json_lines, Options};
use ctg_core::{Gazetteer, Portfolio, Validator};

fn main() {
    let mut samples = 9usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--samples" {
            samples = args
                .next()
                .and_then(|n| n.parse().ok())
                .expect("--samples N");
        }
    }
    let geo = ctg_geo::Geography::embedded().expect("geography");
    geo.index_names();
    let gazetteer: &dyn Gazetteer = geo;
    let lines = ctg_benches::national::json_lines(geo);
    let bytes = lines.as_bytes();
    let date = ctg_benches::national::date();
    let with = Validator::new().gazetteer(geo);
    let without = Validator::new();
    let (one, two) = (Options::new().threads(1), Options::new().threads(2));
    let portfolio = Portfolio::from_json_lines_with(&with, bytes, &two);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "national portfolio: {} documents, {} bytes; load average {}",
        portfolio.len(),
        bytes.len(),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!(
        "{:<44} {:>10} {:>10}",
        "step (median of samples)", "CPU ms", "wall ms"
    );
    let steps: Vec<(&str, Step)> = vec![
        (
            "serde_json::Value, line by line",
            Box::new(|| {
                black_box(
                    json_lines(bytes)
                        .filter(|(_, l)| serde_json::from_slice::<serde_json::Value>(l).is_ok())
                        .count(),
                );
            }),
        ),
        (
            "validate, 1 thread, geography",
            Box::new(|| {
                black_box(Portfolio::from_json_lines_with(&with, bytes, &one));
            }),
        ),
        (
            "validate, 2 threads, geography",
            Box::new(|| {
                black_box(Portfolio::from_json_lines_with(&with, bytes, &two));
            }),
        ),
        (
            "validate, 1 thread, no geography",
            Box::new(|| {
                black_box(Portfolio::from_json_lines_with(&without, bytes, &one));
            }),
        ),
        (
            "validate, 2 threads, no geography",
            Box::new(|| {
                black_box(Portfolio::from_json_lines_with(&without, bytes, &two));
            }),
        ),
        (
            "totals",
            Box::new(|| {
                black_box(portfolio.totals(Some(gazetteer)));
            }),
        ),
        (
            "coverage",
            Box::new(|| {
                black_box(portfolio.coverage(gazetteer, date));
            }),
        ),
        (
            "conventions (the table)",
            Box::new(|| {
                black_box(portfolio.conventions(date, Some(gazetteer)));
            }),
        ),
        (
            "summary (counts, totals, coverage)",
            Box::new(|| {
                black_box(portfolio.summary(date, Some(gazetteer)));
            }),
        ),
        (
            "validate 2 threads + totals + coverage, geo",
            Box::new(|| {
                let p = Portfolio::from_json_lines_with(&with, bytes, &two);
                black_box(p.totals(Some(gazetteer)));
                black_box(p.coverage(gazetteer, date));
            }),
        ),
        (
            "validate 2 threads + totals + coverage, no geo",
            Box::new(|| {
                let p = Portfolio::from_json_lines_with(&without, bytes, &two);
                black_box(p.totals(Some(gazetteer)));
                black_box(p.coverage(gazetteer, date));
            }),
        ),
    ];
    for (name, step) in steps {
        for _ in 0..2 {
            step();
        }
        let mut cpu = Vec::new();
        let mut wall = Vec::new();
        for _ in 0..samples {
            let (c, w) = (process_cpu_ns(), Instant::now());
            step();
            wall.push(w.elapsed().as_secs_f64() * 1e3);
            cpu.push((process_cpu_ns() - c) as f64 / 1e6);
        }
        println!(
            "{name:<44} {:>10.1} {:>10.1}",
            median(&mut cpu),
            median(&mut wall)
        );
    }
}

/// A step to time.
type Step<'a> = Box<dyn Fn() + 'a>;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The CPU time of the process (every thread), in nanoseconds
/// (`clock_gettime(CLOCK_PROCESS_CPUTIME_ID)`, from the C library std links with).
#[cfg(target_os = "linux")]
fn process_cpu_ns() -> u64 {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is Linux's.
    let rc = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime");
    (ts.tv_sec as u64) * 1_000_000_000 + ts.tv_nsec as u64
}

/// Elsewhere, wall time stands in for CPU time.
#[cfg(not(target_os = "linux"))]
fn process_cpu_ns() -> u64 {
    use std::sync::OnceLock;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_nanos() as u64
}
