//! Native timing of load + validate + totals, for the peer benchmarks (`benches/run-peers.sh`):
//! the figure the WebAssembly build is compared with ("within 2× of native").
//!
//! For each file: `validate_slice(bytes)` (parse, every rule, the `Convention`) then `totals()`,
//! the same work as Python's `ctg.loads(b).totals()` and JavaScript's `totals(text)`, minus the
//! conversions to host values. A `.jsonl` file is a portfolio: one document per line, and one
//! sample is the whole portfolio. Also times `serde_json::from_slice::<Value>` on the same bytes
//! (the floor any JSON reader pays). Each sample is timed twice: the CPU time of the thread
//! (`CLOCK_THREAD_CPUTIME_ID`: what the work cost, whatever else the machine runs) and the wall
//! time; the three contenders' samples are interleaved. Prints one JSON object per file, times in nanoseconds per input as `[median, min, max]`:
//! `{"input", "bytes", "documents", "ctg_ns", "ctg_wall_ns", "validate_only_ns" (CPU, without
//! totals), "serde_value_ns", "serde_value_wall_ns", "samples"}`.
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
    assert!(
        !files.is_empty(),
        "usage: native_timing [--samples N] FILE..."
    );
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
        let mut ctg = |_: ()| {
            for doc in &docs {
                let conv = ctg_core::validate_slice(black_box(doc)).into_result();
                black_box(conv.map(|c| c.totals()).is_ok());
            }
        };
        let mut validate = |_: ()| {
            for doc in &docs {
                black_box(ctg_core::validate_slice(black_box(doc)).is_valid());
            }
        };
        let mut serde = |_: ()| {
            for doc in &docs {
                black_box(serde_json::from_slice::<serde_json::Value>(black_box(doc)).is_ok());
            }
        };
        let [ctg, validate, serde] = time(samples, [&mut ctg, &mut validate, &mut serde]);
        let (ctg_cpu, ctg_wall): (Vec<f64>, Vec<f64>) = ctg.into_iter().unzip();
        let (serde_cpu, serde_wall): (Vec<f64>, Vec<f64>) = serde.into_iter().unzip();
        let (validate_cpu, _): (Vec<f64>, Vec<f64>) = validate.into_iter().unzip();
        let name = std::path::Path::new(&file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or(file.clone());
        println!(
            "{{\"input\": \"{name}\", \"bytes\": {}, \"documents\": {}, \"ctg_ns\": {}, \"ctg_wall_ns\": {}, \"validate_only_ns\": {}, \"serde_value_ns\": {}, \"serde_value_wall_ns\": {}, \"samples\": {samples}}}",
            bytes.len(),
            docs.len(),
            stats(&ctg_cpu),
            stats(&ctg_wall),
            stats(&validate_cpu),
            stats(&serde_cpu),
            stats(&serde_wall)
        );
    }
}

/// `samples` timings of one call of each of `fs`, each `(cpu, wall)` in nanoseconds, the
/// contenders' samples interleaved (one sample of each in turn, so that a change of the machine's
/// load touches them alike): each sample runs its function as many times as fit in about 100 ms
/// (at least once) and keeps the mean; after a warm-up.
fn time<const N: usize>(samples: usize, mut fs: [&mut dyn FnMut(()); N]) -> [Vec<(f64, f64)>; N] {
    let reps = fs.each_mut().map(|f| {
        let start = Instant::now();
        let mut warm = 0u32;
        while warm < 3 || start.elapsed() < Duration::from_millis(100) {
            f(());
            warm += 1;
        }
        let per_call = start.elapsed().as_secs_f64() / f64::from(warm);
        ((0.1 / per_call) as u32).max(1)
    });
    let mut out: [Vec<(f64, f64)>; N] = std::array::from_fn(|_| Vec::with_capacity(samples));
    for _ in 0..samples {
        for ((f, reps), out) in fs.iter_mut().zip(reps).zip(out.iter_mut()) {
            let (cpu, wall) = (thread_cpu_ns(), Instant::now());
            for _ in 0..reps {
                f(());
            }
            let wall = wall.elapsed().as_nanos() as f64;
            let cpu = (thread_cpu_ns() - cpu) as f64;
            out.push((cpu / f64::from(reps), wall / f64::from(reps)));
        }
    }
    out
}

/// The CPU time of this thread, in nanoseconds (`clock_gettime(CLOCK_THREAD_CPUTIME_ID)`, from
/// the C library std links with: no crate needed).
#[cfg(target_os = "linux")]
fn thread_cpu_ns() -> u64 {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is Linux's.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime");
    (ts.tv_sec as u64) * 1_000_000_000 + ts.tv_nsec as u64
}

/// Elsewhere, wall time stands in for CPU time.
#[cfg(not(target_os = "linux"))]
fn thread_cpu_ns() -> u64 {
    use std::sync::OnceLock;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_nanos() as u64
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
    format!("[{:.0}, {:.0}, {:.0}]", median, v[0], v[v.len() - 1])
}
