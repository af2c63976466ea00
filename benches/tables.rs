//! Tables: reading and importing a 1 000-row wide funding table (1 000 beneficiaries × 10 years,
//! with its total column and total row) as French CSV and as `.xlsx`, with and without core's
//! validation of the whole convention; and writing it.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ctg_core::{Convention, Lang};
use ctg_tables::{Exporter, Importer, Shape};
use std::hint::black_box;

fn tables(c: &mut Criterion) {
    let conv = Convention::from_json_str(&ctg_benches::generated_convention(1000)).expect("valid");
    let mut base = conv.to_value();
    base.as_object_mut().expect("object").remove("funding");
    let exporter = Exporter::new(Lang::Fr);
    let csv = exporter.csv(&conv, Shape::FundingWide);
    let xlsx = exporter.xlsx(&conv).expect("workbook");
    let mut group = c.benchmark_group("tables-1000-rows");
    for (name, bytes) in [("csv", &csv), ("xlsx", &xlsx)] {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("read_table", name), bytes, |b, bytes| {
            b.iter(|| ctg_tables::read_table(black_box(bytes), "Financement.csv"))
        });
        group.bench_with_input(BenchmarkId::new("import", name), bytes, |b, bytes| {
            b.iter(|| Importer::new().import(&[("Financement.csv", black_box(bytes))]))
        });
        group.bench_with_input(
            BenchmarkId::new("import_validate", name),
            bytes,
            |b, bytes| {
                b.iter(|| {
                    let import = Importer::new()
                        .into_document(&base)
                        .import(&[("Financement.csv", black_box(bytes))]);
                    import.validate()
                })
            },
        );
    }
    group.bench_function("write_csv", |b| {
        b.iter(|| exporter.csv(black_box(&conv), Shape::FundingWide))
    });
    group.bench_function("write_xlsx", |b| b.iter(|| exporter.xlsx(black_box(&conv))));
    group.finish();
}

criterion_group!(benches, tables);
criterion_main!(benches);
