//! Reads the bundled example programme — Northwind Components, a fictional
//! company: six business units in three regions, audited once a year for
//! three years by three assessors each, with maturity assessments, litmus
//! tests, customers and account plans — prints its executive summary and
//! writes the full HTML report (with every chart) to a file.
//!
//! Run: `cargo run -p kam-core --example programme [-- [programme.json] [--html out.html]]`
//!
//! Without `--html` the page goes to `target/kam-programme.html`; the
//! workbook (`.xlsx`: summary, units, disagreements) beside it. With
//! `--json` it writes the report as JSON to standard output instead (and no
//! page). With `--generate UNITS ROUNDS ASSESSORS` it writes a generated
//! fictional programme of that size as JSON to standard output, e.g. the
//! 50,000 audits of the benchmark: `--generate 1000 10 5`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kam_core::programme::example::{ExampleSpec, generate};
use kam_core::programme::report::{programme_html, summary_markdown};
use kam_core::{ScoreOptions, api};

/// What the command line asked for.
enum Command {
    Report {
        programme: Option<String>,
        html: PathBuf,
    },
    Json(Option<String>),
    Generate(ExampleSpec),
}

fn parse_args() -> Result<Command, String> {
    let mut programme = None;
    let mut html = Path::new("target").join("kam-programme.html");
    let mut json = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--html" => html = it.next().ok_or("`--html` needs a file name")?.into(),
            "--json" => json = true,
            "--generate" => {
                let mut number = |what: &str| -> Result<usize, String> {
                    let text = it.next().ok_or(format!("`--generate` needs {what}"))?;
                    text.parse()
                        .map_err(|_| format!("`{text}` is not a number of {what}"))
                };
                let (units, rounds, assessors) =
                    (number("units")?, number("rounds")?, number("assessors")?);
                return Ok(Command::Generate(ExampleSpec::audits_only(
                    units, rounds, assessors,
                )));
            }
            other if other.starts_with("--") => return Err(format!("unknown option `{other}`")),
            path if programme.is_none() => programme = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    Ok(if json {
        Command::Json(programme)
    } else {
        Command::Report { programme, html }
    })
}

fn main() -> ExitCode {
    let command = match parse_args() {
        Ok(command) => command,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("usage: programme [programme.json] [--html out.html | --json]");
            eprintln!("       programme --generate UNITS ROUNDS ASSESSORS");
            return ExitCode::FAILURE;
        }
    };
    let result = match command {
        Command::Generate(spec) => generated(&spec),
        Command::Report { programme, html } => report(programme.as_deref(), &html),
        Command::Json(programme) => json(programme.as_deref()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error{message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes a generated programme as JSON to standard output.
fn generated(spec: &ExampleSpec) -> Result<(), String> {
    let programme = generate(spec).map_err(|e| format!(" [{}]: {e}", e.kind()))?;
    let text = serde_json::to_string(&programme).map_err(|e| format!(": {e}"))?;
    println!("{text}");
    Ok(())
}

/// The text of the programme file, or of the bundled example.
fn text(path: Option<&str>) -> Result<String, String> {
    match path {
        Some(path) => {
            std::fs::read_to_string(path).map_err(|e| format!(": cannot read `{path}`: {e}"))
        }
        None => Ok(kam_core::programme::example::BUNDLED.to_owned()),
    }
}

/// Writes the report as JSON text to standard output.
fn json(path: Option<&str>) -> Result<(), String> {
    let report = api::programme_report_json(&text(path)?, None)
        .map_err(|e| format!(" [{}]: {e}", e.kind()))?;
    println!("{report}");
    Ok(())
}

/// Reads the programme, prints the summary, writes the HTML page.
fn report(path: Option<&str>, html: &Path) -> Result<(), String> {
    let report = api::programme_from_json(&text(path)?)
        .and_then(|p| api::programme_report(&p, &ScoreOptions::default()))
        .map_err(|e| format!(" [{}]: {e}", e.kind()))?;
    print!("{}", summary_markdown(&report));
    if let Some(dir) = html.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!(": cannot create `{}`: {e}", dir.display()))?;
    }
    std::fs::write(html, programme_html(&report))
        .map_err(|e| format!(": cannot write `{}`: {e}", html.display()))?;
    let written = html.canonicalize().unwrap_or_else(|_| html.to_owned());
    println!(
        "\nThe full report, with a section and a chart per unit, is in {}",
        written.display()
    );
    // The same report as a workbook, beside the page.
    let book = html.with_extension("xlsx");
    let bytes = api::programme_xlsx(&report).map_err(|e| format!(" [{}]: {e}", e.kind()))?;
    std::fs::write(&book, bytes)
        .map_err(|e| format!(": cannot write `{}`: {e}", book.display()))?;
    println!(
        "Its summary, units and disagreements as a workbook: {}",
        book.canonicalize().unwrap_or(book).display()
    );
    Ok(())
}
