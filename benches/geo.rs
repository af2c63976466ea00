//! The official geography (ctg-geo): loading the reference, looking up by code, resolving every
//! official name, and resolving messy variants (abbreviations, case, accents, articles moved,
//! prefixes, former names) and typos.
//!
//! Per-name figures: divide the median by the number of names (printed as "elements").

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use ctg_geo::{Context, Geography, EMBEDDED_DATA};
use std::hint::black_box;
use std::time::Duration;

/// Messy writings of real names, made from the reference: every 10th commune, written as
/// people do (St for Saint, upper case without accents, spaces for hyphens, the article at the
/// end, "Mairie de", "Ville de"), in its département.
fn messy(geo: &Geography) -> Vec<(String, Context)> {
    let mut out = Vec::new();
    for (i, c) in geo.communes().iter().enumerate().step_by(10) {
        let context = Context::new().departement(c.departement.clone());
        let name = &c.name;
        let variant = match i % 6 {
            0 => name.replace("Saint-", "St-").replace("Sainte-", "Ste-"),
            1 => name.to_uppercase().replace(['É', 'È', 'Ê'], "E"),
            2 => name.replace('-', " "),
            3 => match name.split_once(' ') {
                Some((article @ ("Le" | "La" | "Les"), rest)) => format!("{rest} ({article})"),
                _ => format!("Mairie de {name}"),
            },
            4 => format!("Ville de {}", name.replace('-', " ")),
            _ => name.replace('\'', "’").to_lowercase(),
        };
        out.push((variant, context));
    }
    out
}

/// One letter dropped from the middle of every 50th name of at least 11 letters.
fn typos(geo: &Geography) -> Vec<String> {
    geo.communes()
        .iter()
        .filter(|c| c.name.chars().filter(|ch| ch.is_alphabetic()).count() >= 11)
        .step_by(50)
        .map(|c| {
            let chars: Vec<char> = c.name.chars().collect();
            let middle = chars.len() / 2;
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != middle)
                .map(|(_, ch)| ch)
                .collect()
        })
        .collect()
}

fn geo(c: &mut Criterion) {
    let geo = Geography::embedded().unwrap_or_else(|e| panic!("{e}"));
    let none = Context::new();

    let mut group = c.benchmark_group("geo");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Bytes(EMBEDDED_DATA.len() as u64));
    // Loading: the records and the code indexes (all that lookups by code need)… Each
    // geography is dropped outside the measure, before the next load (holding many of them, as
    // `iter_with_large_drop` does, measures page faults on fresh memory instead).
    group.bench_function("load", |b| {
        b.iter_batched(
            || (),
            |()| Geography::from_text(black_box(EMBEDDED_DATA)),
            BatchSize::PerIteration,
        )
    });
    // …and with the name indexes, built on the first resolution by name.
    group.bench_function("load_and_index_names", |b| {
        b.iter_batched(
            || (),
            |()| {
                let geo = Geography::from_text(black_box(EMBEDDED_DATA));
                if let Ok(geo) = &geo {
                    geo.index_names();
                }
                geo
            },
            BatchSize::PerIteration,
        )
    });

    let codes: Vec<ctg_core::InseeCode> = geo.communes().iter().map(|c| c.insee.clone()).collect();
    group.throughput(Throughput::Elements(codes.len() as u64));
    group.bench_function("lookup_by_code", |b| {
        b.iter(|| {
            codes
                .iter()
                .filter(|code| geo.commune(black_box(code)).is_some())
                .count()
        })
    });

    let names: Vec<&str> = geo.communes().iter().map(|c| c.name.as_str()).collect();
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("resolve_official_names", |b| {
        b.iter(|| {
            names
                .iter()
                .map(|n| geo.resolve(black_box(n), &none).candidates.len())
                .sum::<usize>()
        })
    });

    let messy = messy(geo);
    group.throughput(Throughput::Elements(messy.len() as u64));
    group.bench_function("resolve_messy_variants", |b| {
        b.iter(|| {
            messy
                .iter()
                .map(|(n, ctx)| geo.resolve(black_box(n), ctx).candidates.len())
                .sum::<usize>()
        })
    });

    let typos = typos(geo);
    group.throughput(Throughput::Elements(typos.len() as u64));
    group.bench_function("resolve_typos", |b| {
        b.iter(|| {
            typos
                .iter()
                .map(|n| geo.resolve(black_box(n), &none).candidates.len())
                .sum::<usize>()
        })
    });
    group.finish();
    println!(
        "geo: {} official names, {} messy variants, {} typos; data file {} bytes",
        names.len(),
        messy.len(),
        typos.len(),
        EMBEDDED_DATA.len()
    );
}

criterion_group!(benches, geo);
criterion_main!(benches);
