//! Counts the heap allocations of load + validate + totals on one document, by size:
//! `cargo run --release -p ctg-benches --example alloc_count -- [FILE]` (the Thoré fixture
//! without a file; a `.jsonl` file is read as one document a line and the counts are per
//! document on average).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

struct Counting;

static ON: AtomicBool = AtomicBool::new(false);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
/// Allocations (and reallocations, by their new size) of at most 16, 32, 64, 128, 256, 512,
/// 1 024, 4 096 bytes, and above.
static BUCKETS: [AtomicUsize; 9] = [const { AtomicUsize::new(0) }; 9];
const LIMITS: [usize; 8] = [16, 32, 64, 128, 256, 512, 1024, 4096];

fn bucket(size: usize) {
    let i = LIMITS
        .iter()
        .position(|&l| size <= l)
        .unwrap_or(LIMITS.len());
    BUCKETS[i].fetch_add(1, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if ON.load(Ordering::Relaxed) {
            ALLOCS.fetch_add(1, Ordering::Relaxed);
            BYTES.fetch_add(layout.size(), Ordering::Relaxed);
            bucket(layout.size());
        }
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if ON.load(Ordering::Relaxed) {
            REALLOCS.fetch_add(1, Ordering::Relaxed);
            bucket(new_size);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let docs = match std::env::args().nth(1) {
        None => vec![ctg_core::Convention::sample_json().to_owned()],
        Some(path) => {
            let text = std::fs::read_to_string(&path).expect("read the input");
            if path.ends_with(".jsonl") {
                text.lines().map(str::to_owned).collect()
            } else {
                vec![text]
            }
        }
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    ON.store(true, Ordering::Relaxed);
    for doc in &docs {
        let conv = ctg_core::Convention::from_json_str(black_box(doc));
        black_box(conv.map(|c| c.totals()).ok());
    }
    ON.store(false, Ordering::Relaxed);
    let n = docs.len() as f64;
    let per = |a: &AtomicUsize| a.load(Ordering::Relaxed) as f64 / n;
    println!(
        "{} documents, {:.0} bytes each: {:.1} allocations, {:.1} reallocations, {:.0} bytes allocated per document",
        docs.len(),
        bytes as f64 / n,
        per(&ALLOCS),
        per(&REALLOCS),
        per(&BYTES)
    );
    let mut line = String::from("by size (allocations and reallocations):");
    for (i, b) in BUCKETS.iter().enumerate() {
        let label = LIMITS
            .get(i)
            .map_or_else(|| ">4096".to_owned(), |l| format!("≤{l}"));
        line.push_str(&format!(" {label}: {:.1}", per(b)));
    }
    println!("{line}");
}
