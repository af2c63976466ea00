//! `ctg`: validate CTG files, report on them, move them in and out of tables and open data.
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ctg_core::{Convention, IssueCode, Lang, Limits, Validator};

mod tables;

/// Conventions Territoriales Globales: validate files, report on them, print the JSON Schema.
#[derive(Parser)]
#[command(name = "ctg", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate CTG files. Exit status: 0 valid (warnings allowed), 1 invalid, 2 unreadable.
    Validate {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Language of the messages: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
        /// Print the reports as JSON.
        #[arg(long)]
        json: bool,
    },
    /// A readable summary of a convention (the embedded sample when no file is given).
    Report {
        /// The convention to report on.
        file: Option<PathBuf>,
        /// Language of the report: fr or en.
        #[arg(long, default_value = "fr")]
        lang: Lang,
        /// Print the aggregates as JSON.
        #[arg(long)]
        json: bool,
        /// The day the status is computed for (YYYY-MM-DD); today by default.
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
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
    /// Read tables (CSV, .xlsx, .ods, .xls; files or folders) into a convention file: each table
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
        /// Complete the codes of communes and EPCI named without them from the official
        /// geography (ctg-geo), saying each completion.
        #[arg(long)]
        geo: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
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

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Validate { files, lang, json } => validate(&files, lang, json),
        Command::Report {
            file,
            lang,
            json,
            today,
        } => report(file.as_deref(), lang, json, today),
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
            geo,
            json,
        } => tables::import(tables::ImportArgs {
            tables: files,
            into,
            lang,
            shape,
            force,
            geo,
            json,
        }),
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
                println!(
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
            println!("{text}");
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
    let limit = Limits::DEFAULT.max_bytes as u64 + 1;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn validate(files: &[PathBuf], lang: Lang, json: bool) -> ExitCode {
    let mut worst = 0u8;
    let mut reports = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let bytes = match read_bounded(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("ctg: {name}: {error}");
                worst = 2;
                continue;
            }
        };
        let report = Validator::new().validate_slice(&bytes).into_report();
        let unreadable = report.issues().iter().any(|i| {
            matches!(
                i.code,
                IssueCode::JsonSyntax | IssueCode::JsonTooDeep | IssueCode::InputTooLarge
            )
        });
        let status = if unreadable {
            2
        } else if report.is_valid() {
            0
        } else {
            1
        };
        worst = worst.max(status);
        if json {
            reports.push(serde_json::json!({ "file": name, "report": report }));
        } else {
            println!("{}", report.to_file_text(&name, lang));
        }
    }
    if json {
        let _ = print_json(&serde_json::Value::Array(reports));
    }
    ExitCode::from(worst)
}

/// Reads and validates a convention file; on failure, says why (in `lang`) and gives the exit
/// status: 2 unreadable, 1 invalid.
fn load(path: &std::path::Path, lang: Lang) -> Result<Convention, ExitCode> {
    let name = path.display().to_string();
    let bytes = read_bounded(path).map_err(|error| {
        eprintln!("ctg: {name}: {error}");
        ExitCode::from(2)
    })?;
    Validator::new()
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
    let (a, b) = match (load(before, lang), load(after, lang)) {
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
            print!("{}", renewal.to_text(lang));
        }
        return status;
    }
    if json {
        let _ = print_json(&serde_json::to_value(&diff).unwrap_or_default());
    } else {
        print!("{}", diff.to_text(lang));
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
    let convention = match load(file, lang) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let evaluation = convention.evaluation(year, today);
    if json {
        return print_json(&serde_json::to_value(&evaluation).unwrap_or_default());
    }
    print!("{}", evaluation.to_text(lang));
    ExitCode::SUCCESS
}

fn report(
    file: Option<&std::path::Path>,
    lang: Lang,
    json: bool,
    today: Option<chrono::NaiveDate>,
) -> ExitCode {
    let convention = match file {
        None => Convention::sample(),
        Some(path) => match load(path, lang) {
            Ok(c) => c,
            Err(status) => return status,
        },
    };
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    if json {
        let value = serde_json::json!({
            "id": convention.id(),
            "status": convention.status(today).code(),
            "totals": convention.totals(),
            "indicator_progress": convention.indicator_progress(),
            "months_before_expiry": convention.months_before_expiry(today),
        });
        return print_json(&value);
    }
    print!("{}", convention.to_summary_text(lang, today));
    ExitCode::SUCCESS
}
