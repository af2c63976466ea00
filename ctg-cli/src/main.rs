//! `ctg`: validate CTG files and report on them; look names up and fill identifiers in the
//! official geography; move conventions in and out of tables and open data.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

/// Every allocation of the command goes through mimalloc (a portfolio is many small blocks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[macro_use]
mod out;
mod portfolio;
mod progress;

use clap::{Args, Parser, Subcommand};
use ctg_core::render::Label;
use ctg_core::{Convention, DepartementCode, IssueCode, Lang, Limits, Siren, Validator};
use ctg_geo::Geography;

mod tables;

/// Conventions Territoriales Globales: validate files, report on them, look collectivities up in
/// the official geography, print the JSON Schema.
#[derive(Parser)]
#[command(name = "ctg", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    limits: LimitFlags,
}

/// The limits of what a document may be (core's `Limits`); a document past one is refused with
/// an issue that names it (`input.too_large`, `json.too_deep`) and a report stops listing issues
/// at the last (`report.truncated`). For every command that reads documents.
#[derive(Args, Clone, Copy)]
struct LimitFlags {
    /// The largest document read, in bytes [default: 67108864, 64 MiB].
    #[arg(long, global = true, value_name = "BYTES")]
    max_bytes: Option<usize>,
    /// The deepest nesting of lists and objects [default: 64].
    #[arg(long, global = true, value_name = "LEVELS")]
    max_depth: Option<usize>,
    /// The most issues a report lists [default: 1000].
    #[arg(long, global = true, value_name = "N")]
    max_issues: Option<usize>,
}

impl LimitFlags {
    fn limits(self) -> Limits {
        let default = Limits::DEFAULT;
        Limits {
            max_bytes: self.max_bytes.unwrap_or(default.max_bytes),
            max_depth: self.max_depth.unwrap_or(default.max_depth),
            max_issues: self.max_issues.unwrap_or(default.max_issues),
            ..default
        }
    }
}

/// The limits of this run, set once from the command line (`--max-bytes`…).
static LIMITS: std::sync::OnceLock<Limits> = std::sync::OnceLock::new();

/// The limits of this run: the command line's, else core's defaults.
fn limits() -> Limits {
    LIMITS.get().copied().unwrap_or(Limits::DEFAULT)
}

#[derive(Subcommand)]
enum Command {
    /// Validate CTG files, against the official geography unless --no-geo: files, folders
    /// (their *.json, *.jsonl and *.ndjson files), patterns ("data/*.json"), JSON Lines files
    /// (one document a line), validated in parallel. Exit status: 0 when every document is valid
    /// (warnings allowed), else the number of documents invalid or unreadable, at most 125 (a
    /// name that gives no document counts as one); 2 is also a usage error.
    Validate {
        /// The files, folders, patterns or .jsonl files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also read the folders' subfolders.
        #[arg(long, short = 'r')]
        recursive: bool,
        /// Language of the messages: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
        /// Print the reports as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        geo: GeoFlag,
    },
    /// A readable summary of a convention (the embedded sample when no file is given), or of a
    /// portfolio: folders, patterns, .jsonl files or several files (counts, statuses, what
    /// expires this year, totals, coverage by département and overlaps). The exit status of a
    /// portfolio is validate's.
    Report {
        /// The convention, or the files, folders, patterns or .jsonl files of a portfolio.
        files: Vec<PathBuf>,
        /// Also read the folders' subfolders.
        #[arg(long, short = 'r')]
        recursive: bool,
        /// Language of the report: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
        /// Print the aggregates as JSON.
        #[arg(long)]
        json: bool,
        /// The day the status is computed for (YYYY-MM-DD); today by default.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        #[command(flatten)]
        geo: GeoFlag,
    },
    /// Look names up in the official geography (COG 2026): communes (by name, INSEE code or
    /// postal code), EPCI (`CC …`, SIREN), départements and régions (by name or code), with
    /// ranked candidates, a status and why. A name of more than one kind (`Vienne`: a commune
    /// and a département) is ambiguous unless the context or `--kind` says which. Exit status: 0
    /// when every name is resolved, 1 when one is ambiguous or not found.
    Lookup {
        /// The names, as written (`"St-Amans-Soult"`, `"Parisot"`, `"CC Tarn-Agout"`).
        #[arg(required = true)]
        names: Vec<String>,
        /// Look in this département (repeatable: any of them).
        #[arg(long = "dept", value_name = "CODE")]
        departements: Vec<DepartementCode>,
        /// Look among the members of this EPCI (SIREN; repeatable).
        #[arg(long = "epci", value_name = "SIREN")]
        epcis: Vec<Siren>,
        /// Look the names up as this kind only: commune, epci, departement or region (a code
        /// is then a région's code with `region`).
        #[arg(long, value_name = "KIND", value_parser = parse_lookup_kind)]
        kind: Option<ctg_geo::LookupKind>,
        /// Language of the explanations: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
        /// Print the lookups as JSON (one row per candidate).
        #[arg(long)]
        json: bool,
    },
    /// Fill a convention's missing identifiers (INSEE codes, SIRENs, départements, EPCI members)
    /// from the official geography, and say what changed and what stays unresolved. No value
    /// already there is changed. Exit status: 0 when nothing is left unresolved, 1 when something
    /// is (ambiguous, not found, in conflict), 2 when the file cannot be read or written.
    Resolve {
        /// The convention (JSON).
        file: PathBuf,
        /// Write the completed document to this file.
        #[arg(long, value_name = "OUT")]
        write: Option<PathBuf>,
        /// Language of the headings, reasons and notes: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
        /// Print the changes, the notes and the completed document as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of the canonical format, as validation reads it (derived fields
    /// optional).
    Schema {
        /// Print instead the schema of what ctg writes (every derived field required), from
        /// which the TypeScript types of the npm package are generated.
        #[arg(long)]
        written: bool,
    },
    /// Write conventions as tables (CSV, .xlsx), as open data (SCDL Subventions 2.1.1) or as
    /// canonical JSON. Files or folders of *.json. Exit status: 0 written, 1 a convention is
    /// invalid or cannot be published (nothing written), 2 unreadable.
    Export {
        /// The conventions (files, or folders of *.json).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// What to write.
        #[arg(long, value_enum)]
        format: tables::ExportFormat,
        /// Language of headers, labels and numbers: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
        /// Shape of the funding table.
        #[arg(long, value_enum, default_value = "wide")]
        shape: tables::FundingShape,
        /// The table written as CSV.
        #[arg(long, value_enum, default_value = "funding")]
        table: tables::TableKind,
        /// Where to write (a file; a folder for several conventions); standard output otherwise.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// SCDL: write the file even when values are missing to publish (a draft).
        #[arg(long)]
        draft: bool,
        /// SCDL: one row per beneficiary and year, or per beneficiary over the convention.
        #[arg(long, value_enum, default_value = "year")]
        rows: tables::Rows,
        /// Print problems as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Read tables (CSV, .xlsx, .ods, .xls; files or folders) into a convention file, with the
    /// official geography unless --no-geo: each table
    /// found (funding, action plan, parties) replaces its section of FILE, created if absent.
    /// Every problem is listed with its cell. FILE is written unless a table could not be read
    /// (--force writes it anyway). Exit status: 0 valid, 1 invalid, 2 unreadable.
    Import {
        /// The tables.
        #[arg(required = true)]
        tables: Vec<PathBuf>,
        /// The convention file to write into.
        #[arg(long, value_name = "FILE")]
        into: PathBuf,
        /// Language of the messages: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
        /// Read every funding table in this shape instead of recognising it.
        #[arg(long, value_enum)]
        shape: Option<tables::FundingShape>,
        /// Write FILE even when a table could not be read.
        #[arg(long)]
        force: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// With the official geography (the default), communes and EPCI named without codes get
        /// them, each completion said, and the document is validated against it.
        #[command(flatten)]
        geo: GeoFlag,
    },
    /// Compare two conventions (or two versions of one). Exit status: 0 the same, 1 different,
    /// 2 unreadable or invalid.
    Diff {
        /// The first (older) convention.
        before: PathBuf,
        /// The second (newer) convention.
        after: PathBuf,
        /// Read the second as the renewal of the first: sheets continued, new, stopped; the
        /// envelope.
        #[arg(long)]
        renewal: bool,
        /// Language of the text: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
        /// Print the changes as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The yearly evaluation of a convention: sheets by status, late sheets, indicators, funding
    /// planned against paid.
    Evaluate {
        /// The convention.
        file: PathBuf,
        /// The year evaluated.
        #[arg(long)]
        year: i32,
        /// The day things are judged on when the year is not over (YYYY-MM-DD); today by default.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Language of the text: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
        /// Print the evaluation as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List every issue code with its severity and message template.
    Codes {
        /// Language of the templates: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
    },
}

/// Whether to use the official geography: on by default, `--no-geo` to turn it off.
#[derive(Args, Clone, Copy)]
struct GeoFlag {
    /// Check against the official geography embedded in ctg (COG 2026); the default.
    #[arg(long, overrides_with = "no_geo")]
    geo: bool,
    /// Do not use the official geography.
    #[arg(long = "no-geo", overrides_with = "geo")]
    no_geo: bool,
}

impl GeoFlag {
    /// The geography, unless `--no-geo`; `Err` with the exit status when it cannot be loaded.
    fn load(self) -> Result<Option<&'static Geography>, ExitCode> {
        if self.no_geo {
            return Ok(None);
        }
        geography().map(Some)
    }
}

/// The embedded geography; a broken one (which the tests rule out) stops the command.
fn geography() -> Result<&'static Geography, ExitCode> {
    Geography::embedded().map_err(|error| {
        eprintln!("ctg: the embedded geography cannot be loaded: {error}");
        ExitCode::from(2)
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Set once, before any document is read.
    let _ = LIMITS.set(cli.limits.limits());
    match cli.command {
        Command::Validate {
            files,
            recursive,
            lang,
            json,
            geo,
        } => match geo.load() {
            Ok(geo) => portfolio::validate(&files, recursive, lang, json, geo),
            Err(code) => code,
        },
        Command::Report {
            files,
            recursive,
            lang,
            json,
            today,
            geo,
        } => match geo.load() {
            Ok(geo) => match one_convention(&files) {
                Some(file) => report(file, lang, json, today, geo),
                None => {
                    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
                    portfolio::report(&files, recursive, lang, json, today, geo)
                }
            },
            Err(code) => code,
        },
        Command::Lookup {
            names,
            departements,
            epcis,
            kind,
            lang,
            json,
        } => lookup(&names, departements, epcis, kind, lang, json),
        Command::Resolve {
            file,
            write,
            lang,
            json,
        } => resolve(&file, write.as_deref(), lang, json),
        Command::Export {
            files,
            format,
            lang,
            shape,
            table,
            output,
            draft,
            rows,
            json,
        } => tables::export(tables::ExportArgs {
            files,
            format,
            lang,
            shape,
            table,
            output,
            draft,
            rows,
            json,
        }),
        Command::Import {
            tables: files,
            into,
            lang,
            shape,
            force,
            json,
            geo,
        } => match geo.load() {
            Ok(geo) => tables::import(tables::ImportArgs {
                tables: files,
                into,
                lang,
                shape,
                force,
                geo,
                json,
            }),
            Err(code) => code,
        },
        Command::Diff {
            before,
            after,
            renewal,
            lang,
            json,
        } => diff(&before, &after, renewal, lang, json),
        Command::Evaluate {
            file,
            year,
            today,
            lang,
            json,
        } => evaluate(&file, year, today, lang, json),
        Command::Schema { written: false } => print_json(&ctg_core::json_schema()),
        Command::Schema { written: true } => print_json(&ctg_core::output_json_schema()),
        Command::Codes { lang } => {
            for code in IssueCode::ALL {
                outln!(
                    "{:<40} {:<8} {}",
                    code.as_str(),
                    code.severity(),
                    code.template(lang)
                );
            }
            ExitCode::SUCCESS
        }
    }
}

fn print_json(value: &serde_json::Value) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            outln!("{text}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("ctg: {error}");
            ExitCode::from(2)
        }
    }
}

/// Reads a file, at most one byte more than the limit of what validation reads (so that a huge
/// file, or `/dev/zero`, is refused by validation as too large without being read whole).
fn read_bounded(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let limit = limits().max_bytes as u64 + 1;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The validator: the limits of this run, and the geography when there is one.
fn validator(geo: Option<&'static Geography>) -> Validator<'static> {
    match geo {
        Some(geo) => Validator::new().limits(limits()).gazetteer(geo),
        None => Validator::new().limits(limits()),
    }
}

/// Reads and validates a convention file; on failure, says why (in `lang`) and gives the exit
/// status: 2 unreadable, 1 invalid.
fn load(
    path: &std::path::Path,
    lang: Lang,
    geo: Option<&'static Geography>,
) -> Result<Convention, ExitCode> {
    let name = path.display().to_string();
    let bytes = read_bounded(path).map_err(|error| {
        eprintln!("ctg: {name}: {error}");
        ExitCode::from(2)
    })?;
    validator(geo)
        .validate_slice(&bytes)
        .into_result()
        .map_err(|report| {
            eprintln!("{}", report.to_file_text(&name, lang));
            ExitCode::from(1)
        })
}

fn diff(
    before: &std::path::Path,
    after: &std::path::Path,
    renewal: bool,
    lang: Lang,
    json: bool,
) -> ExitCode {
    let (a, b) = match (load(before, lang, None), load(after, lang, None)) {
        (Ok(a), Ok(b)) => (a, b),
        _ => return ExitCode::from(2),
    };
    let diff = a.diff(&b);
    let status = if diff.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if renewal {
        let renewal = b.renewal_of(&a);
        if json {
            let _ = print_json(&serde_json::json!({"renewal": renewal, "diff": diff}));
        } else {
            out!("{}", renewal.to_text(lang));
        }
        return status;
    }
    if json {
        let _ = print_json(&serde_json::to_value(&diff).unwrap_or_default());
    } else {
        out!("{}", diff.to_text(lang));
    }
    status
}

fn evaluate(
    file: &std::path::Path,
    year: i32,
    today: Option<chrono::NaiveDate>,
    lang: Lang,
    json: bool,
) -> ExitCode {
    let convention = match load(file, lang, None) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let evaluation = convention.evaluation(year, today);
    if json {
        return print_json(&serde_json::to_value(&evaluation).unwrap_or_default());
    }
    out!("{}", evaluation.to_text(lang));
    ExitCode::SUCCESS
}

/// The one convention `report` summarises alone: none named (the sample), or one JSON file;
/// `None` for a portfolio (a folder, a pattern, a JSON Lines file, several files).
fn one_convention(files: &[PathBuf]) -> Option<Option<&std::path::Path>> {
    match files {
        [] => Some(None),
        [file] => {
            let lines = file.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson")
            });
            let meta = std::fs::metadata(file);
            let folder = meta.as_ref().is_ok_and(|m| m.is_dir());
            let pattern =
                meta.is_err() && file.to_str().is_some_and(|f| f.contains(['*', '?', '[']));
            (!lines && !folder && !pattern).then_some(Some(file.as_path()))
        }
        _ => None,
    }
}

fn report(
    file: Option<&std::path::Path>,
    lang: Lang,
    json: bool,
    today: Option<chrono::NaiveDate>,
    geo: Option<&'static Geography>,
) -> ExitCode {
    let convention = match file {
        None => Convention::sample(),
        Some(path) => match load(path, lang, geo) {
            Ok(c) => c,
            Err(status) => return status,
        },
    };
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let gazetteer = geo.map(|g| g as &dyn ctg_core::Gazetteer);
    if json {
        let value = serde_json::json!({
            "id": convention.id(),
            "status": convention.status(today).code(),
            "totals": convention.totals(),
            "indicator_progress": convention.indicator_progress(),
            "months_before_expiry": convention.months_before_expiry(today),
            "coverage": gazetteer.map(|g| convention.coverage(g)),
        });
        return print_json(&value);
    }
    out!(
        "{}",
        convention.to_summary_text_with(lang, today, gazetteer)
    );
    ExitCode::SUCCESS
}

/// A `--kind` of `ctg lookup`.
fn parse_lookup_kind(text: &str) -> Result<ctg_geo::LookupKind, String> {
    ctg_geo::LookupKind::parse(text).ok_or_else(|| {
        format!("{text:?} is not a kind of lookup: commune, epci, departement or region")
    })
}

fn lookup(
    names: &[String],
    departements: Vec<DepartementCode>,
    epcis: Vec<Siren>,
    kind: Option<ctg_geo::LookupKind>,
    lang: Lang,
    json: bool,
) -> ExitCode {
    let geo = match geography() {
        Ok(geo) => geo,
        Err(code) => return code,
    };
    let mut context = ctg_geo::Context::new();
    for d in departements {
        context = context.departement(d);
    }
    for e in epcis {
        context = context.epci(e);
    }
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    let mut all_resolved = true;
    let mut out = Vec::new();
    for name in names {
        let lookup = geo.lookup_as(name, &context, kind);
        all_resolved &= lookup.status() == ctg_geo::Status::Resolved;
        let rows = lookup.rows(lang);
        if json {
            out.push(serde_json::json!({
                "query": lookup.query(),
                "kind": lookup.kind(),
                "status": lookup.status(),
                "reason": lookup.reason(),
                "candidates": rows,
            }));
            continue;
        }
        let mut head = format!("{}{colon} {}", lookup.query(), lookup.status().label(lang));
        if let Some(reason) = lookup.reason() {
            head.push_str(&format!(" ({})", reason.label(lang)));
        }
        outln!("{head}");
        for row in rows {
            let place = match &row.departement {
                Some(d) if row.kind != "departement" => format!("{}, {d}", row.code),
                _ => format!("{}, {}", row.code, row.kind),
            };
            let outside = if row.in_context {
                String::new()
            } else {
                format!(" [{}]", Label::OutsideContext.text(lang))
            };
            outln!(
                "  {}. {} ({place}){outside} — {} {}{colon} {}",
                row.rank,
                row.name,
                Label::Score.text(lang),
                row.score,
                row.explanation
            );
        }
    }
    if json {
        let value = serde_json::json!({ "geography": geo.vintage(), "lookups": out });
        if print_json(&value) != ExitCode::SUCCESS {
            return ExitCode::from(2);
        }
    }
    if all_resolved {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn resolve(
    file: &std::path::Path,
    write: Option<&std::path::Path>,
    lang: Lang,
    json: bool,
) -> ExitCode {
    let name = file.display().to_string();
    let bytes = match read_bounded(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("ctg: {name}: {error}");
            return ExitCode::from(2);
        }
    };
    // Read by core's rules: a duplicate key, a lone surrogate or a number that would be written
    // back otherwise is refused, never changed in the file written.
    let document = match Validator::new().limits(limits()).read_tree(&bytes) {
        Ok(document) => document,
        Err(report) => {
            eprint!("{}", report.to_file_text(&name, lang));
            return ExitCode::from(2);
        }
    };
    let geo = match geography() {
        Ok(geo) => geo,
        Err(code) => return code,
    };
    let filled = geo.fill_identifiers_in(&document, lang);
    if let Some(out) = write {
        let mut text = match serde_json::to_string_pretty(&filled.document) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("ctg: {error}");
                return ExitCode::from(2);
            }
        };
        text.push('\n');
        if let Err(error) = std::fs::write(out, text) {
            eprintln!("ctg: {}: {error}", out.display());
            return ExitCode::from(2);
        }
    }
    let status = if filled.notes.is_empty() { 0 } else { 1 };
    if json {
        let value = serde_json::json!({
            "file": name,
            "geography": filled.vintage,
            "lang": filled.lang,
            "changes": filled.changes,
            "notes": filled.notes,
            "document": filled.document,
        });
        if print_json(&value) != ExitCode::SUCCESS {
            return ExitCode::from(2);
        }
        return ExitCode::from(status);
    }
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    outln!(
        "{name} ({} {})",
        Label::Reference.text(lang),
        filled.vintage.geography
    );
    if filled.changes.is_empty() && filled.notes.is_empty() {
        outln!("  {}", Label::NothingToFill.text(lang));
    }
    if !filled.changes.is_empty() {
        outln!(
            "{} ({})",
            Label::ValuesFilled.text(lang),
            filled.changes.len()
        );
        for change in &filled.changes {
            outln!("  {} = {} — {}", change.path, change.value, change.reason);
        }
    }
    if !filled.notes.is_empty() {
        outln!("{} ({})", Label::LeftAlone.text(lang), filled.notes.len());
        for note in &filled.notes {
            let kind = serde_json::to_value(note.kind).unwrap_or_default();
            outln!(
                "  {} [{}]{colon} {}",
                note.path,
                kind.as_str().unwrap_or_default(),
                note.message
            );
        }
    }
    if let Some(out) = write {
        outln!("{} {}", Label::WrittenTo.text(lang), out.display());
    }
    ExitCode::from(status)
}
