//! `ctg export` and `ctg import`: conventions to tables and open data, tables to a convention.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ctg_core::Lang;
use ctg_tables::scdl::{Granularity, Publisher};
use ctg_tables::{Exporter, Importer, Shape};

/// What `ctg export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One table as CSV (French: `;`, decimal comma; English: `,`).
    Csv,
    /// Every table in one `.xlsx` workbook.
    Xlsx,
    /// The grants as SCDL Subventions 2.1.1 CSV (all the conventions in one file).
    Scdl,
    /// The canonical JSON.
    Json,
}

/// Which table `ctg export --format csv` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableKind {
    /// The funding table (in `--shape`).
    Funding,
    /// The action plan.
    ActionPlan,
    /// The parties.
    Parties,
}

/// The shape of a funding table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FundingShape {
    /// One row per beneficiary, one column per year, totals.
    Wide,
    /// One row per allocation and year.
    Long,
}

/// Rows of an SCDL file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Rows {
    /// One row per beneficiary and year.
    Year,
    /// One row per beneficiary over the whole convention.
    Convention,
}

/// Options of `ctg export`.
pub struct ExportArgs {
    pub files: Vec<PathBuf>,
    pub format: ExportFormat,
    pub lang: Lang,
    pub shape: FundingShape,
    pub table: TableKind,
    pub output: Option<PathBuf>,
    pub draft: bool,
    pub rows: Rows,
    pub json: bool,
}

/// The files of the arguments, folders replaced by their files with one of `extensions`
/// (sorted, not recursive).
fn expand(paths: &[PathBuf], extensions: &[&str]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .and_then(|e| e.to_str())
                            .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
                })
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Reads a file, at most one byte more than `limit`.
fn read_bounded(path: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn print_report(name: &str, report: &ctg_core::Report, lang: Lang, json: bool) {
    if json {
        let value = serde_json::json!({ "file": name, "report": report });
        outln!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        eprint!("{}", report.to_file_text(name, lang));
    }
}

fn write_out(output: Option<&Path>, bytes: &[u8]) -> Result<(), ExitCode> {
    let result = match output {
        Some(path) => std::fs::write(path, bytes),
        None => {
            use std::io::Write as _;
            std::io::stdout().write_all(bytes)
        }
    };
    result.map_err(|e| {
        eprintln!("ctg: {e}");
        ExitCode::from(2)
    })
}

pub fn export(args: ExportArgs) -> ExitCode {
    let files = match expand(&args.files, &["json"]) {
        Ok(files) if !files.is_empty() => files,
        Ok(_) => {
            eprintln!("ctg: no convention file (*.json) found");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("ctg: {e}");
            return ExitCode::from(2);
        }
    };
    let mut conventions = Vec::new();
    let mut worst = 0u8;
    for file in &files {
        let name = file.display().to_string();
        let bytes = match read_bounded(file, crate::limits().max_bytes) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("ctg: {name}: {e}");
                return ExitCode::from(2);
            }
        };
        match crate::validator(None).validate_slice(&bytes).into_result() {
            Ok(conv) => conventions.push((file.clone(), conv)),
            Err(report) => {
                print_report(&name, &report, args.lang, args.json);
                worst = 1;
            }
        }
    }
    if worst != 0 {
        return ExitCode::from(worst);
    }
    let shape = match args.shape {
        FundingShape::Wide => Shape::FundingWide,
        FundingShape::Long => Shape::FundingLong,
    };
    let exporter = Exporter::new(args.lang).funding_shape(shape);
    let several = conventions.len() > 1;
    if several && args.format != ExportFormat::Scdl {
        let Some(dir) = args.output.as_deref() else {
            eprintln!("ctg: several conventions: give a folder with --output");
            return ExitCode::from(2);
        };
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("ctg: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    match args.format {
        ExportFormat::Scdl => {
            let publisher = Publisher::new()
                .draft(args.draft)
                .granularity(match args.rows {
                    Rows::Year => Granularity::Yearly,
                    Rows::Convention => Granularity::Convention,
                });
            let mut grants = Vec::new();
            let mut blocked = false;
            for (file, conv) in &conventions {
                let publication = publisher.grants(conv);
                let report = ctg_core::Report::from(publication.issues);
                if !report.issues().is_empty() {
                    print_report(&file.display().to_string(), &report, args.lang, args.json);
                }
                blocked |= !report.is_valid();
                grants.extend(publication.grants);
            }
            if blocked && !args.draft {
                return ExitCode::from(1);
            }
            let csv = ctg_tables::scdl::write_csv(&grants);
            match write_out(args.output.as_deref(), csv.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(code) => code,
            }
        }
        format => {
            for (file, conv) in &conventions {
                let (bytes, extension) = match format {
                    ExportFormat::Csv => {
                        let table = match args.table {
                            TableKind::Funding => shape,
                            TableKind::ActionPlan => Shape::ActionPlan,
                            TableKind::Parties => Shape::Parties,
                        };
                        (exporter.csv(conv, table), "csv")
                    }
                    ExportFormat::Xlsx => match exporter.xlsx(conv) {
                        Ok(bytes) => (bytes, "xlsx"),
                        Err(e) => {
                            eprintln!("ctg: {}: {e}", file.display());
                            return ExitCode::from(2);
                        }
                    },
                    _ => {
                        let mut text = conv.to_json_pretty();
                        text.push('\n');
                        (text.into_bytes(), "json")
                    }
                };
                let output = match (&args.output, several) {
                    (Some(dir), true) => Some(dir.join(format!("{}.{extension}", conv.id()))),
                    (Some(path), false) => Some(path.clone()),
                    (None, _) if format == ExportFormat::Xlsx => {
                        eprintln!("ctg: a workbook is binary: give a file with --output");
                        return ExitCode::from(2);
                    }
                    (None, _) => None,
                };
                if let Err(code) = write_out(output.as_deref(), &bytes) {
                    return code;
                }
            }
            ExitCode::SUCCESS
        }
    }
}

/// Options of `ctg import`.
pub struct ImportArgs {
    pub tables: Vec<PathBuf>,
    pub into: PathBuf,
    pub lang: Lang,
    pub shape: Option<FundingShape>,
    pub force: bool,
    pub geo: Option<&'static ctg_geo::Geography>,
    pub json: bool,
}

pub fn import(args: ImportArgs) -> ExitCode {
    let files = match expand(
        &args.tables,
        &["csv", "tsv", "txt", "xlsx", "xlsm", "ods", "xls"],
    ) {
        Ok(files) if !files.is_empty() => files,
        Ok(_) => {
            eprintln!("ctg: no table file found");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("ctg: {e}");
            return ExitCode::from(2);
        }
    };
    let limit = ctg_tables::Limits::DEFAULT.max_bytes;
    let mut contents = Vec::new();
    for file in &files {
        match read_bounded(file, limit) {
            Ok(bytes) => contents.push((file.display().to_string(), bytes)),
            Err(e) => {
                eprintln!("ctg: {}: {e}", file.display());
                return ExitCode::from(2);
            }
        }
    }
    let into_name = args.into.display().to_string();
    let base = if args.into.exists() {
        let bytes = match read_bounded(&args.into, crate::limits().max_bytes) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("ctg: {into_name}: {e}");
                return ExitCode::from(2);
            }
        };
        match crate::validator(None).read_tree(&bytes) {
            Ok(value) if value.is_object() => Some(value),
            Ok(_) => {
                eprintln!("ctg: {into_name}: not a JSON document (an object)");
                return ExitCode::from(2);
            }
            Err(report) => {
                eprint!("{}", report.to_file_text(&into_name, args.lang));
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    let mut importer = Importer::new();
    let validator = crate::validator(args.geo);
    if let Some(geo) = args.geo {
        importer = importer.resolver(geo);
    }
    if let Some(base) = &base {
        importer = importer.into_document(base);
    }
    if let Some(shape) = args.shape {
        importer = importer.shape(match shape {
            FundingShape::Wide => Shape::FundingWide,
            FundingShape::Long => Shape::FundingLong,
        });
    }
    let inputs: Vec<(&str, &[u8])> = contents
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .collect();
    let import = importer.import(&inputs);
    let report = import.validate_with(&validator);
    let unreadable = import.has_errors() && import.tables.is_empty();
    let written = !import.has_errors() || args.force;
    if written {
        let mut text = serde_json::to_string_pretty(&import.document).unwrap_or_default();
        text.push('\n');
        if let Err(e) = std::fs::write(&args.into, text) {
            eprintln!("ctg: {into_name}: {e}");
            return ExitCode::from(2);
        }
    }
    if args.json {
        let value = serde_json::json!({
            "file": into_name,
            "written": written,
            "tables": import.tables.iter().map(|t| serde_json::json!({
                "file": t.file, "sheet": t.sheet, "shape": t.shape.code(), "header_row": t.header_row,
            })).collect::<Vec<_>>(),
            "report": report,
        });
        outln!(
            "{}",
            serde_json::to_string_pretty(&value).unwrap_or_default()
        );
    } else {
        out!("{}", report.to_file_text(&into_name, args.lang));
    }
    if unreadable {
        ExitCode::from(2)
    } else if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
