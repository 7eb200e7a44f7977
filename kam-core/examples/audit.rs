//! Scores the bundled example assessment (Northwind Components, a
//! mid-programme organisation), prints the report, and writes the HTML
//! report (with the Figure 3 and Figure 4 charts) to a file. Beside it, the
//! bundled example programme (Northwind's six business units over three
//! yearly rounds, fictional): its executive summary printed, its full report
//! written next to the audit's.
//!
//! Run: `cargo run -p kam-core --example audit [-- [path/to/assessment.json] [--html out.html]]`
//!
//! Without `--html` the page goes to `target/kam-report.html`, and the
//! programme's to `kam-programme.html` in the same folder. Given an
//! assessment of your own, only that assessment is shown.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kam_core::programme::report as programme_report;
use kam_core::scoring::{AuditReport, ItemStatus};
use kam_core::words::AuditWords;
use kam_core::{AuditAssessment, ScoreOptions, api, json::from_json, render};

const EXAMPLE: &str = include_str!("data/northwind-audit.json");

/// What the command line asked for.
struct Args {
    assessment: Option<String>,
    html: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        assessment: None,
        html: Path::new("target").join("kam-report.html"),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--html" => {
                args.html = it.next().ok_or("`--html` needs a file name")?.into();
            }
            other if other.starts_with("--") => return Err(format!("unknown option `{other}`")),
            path if args.assessment.is_none() => args.assessment = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("usage: audit [assessment.json] [--html out.html]");
            return ExitCode::FAILURE;
        }
    };
    let text = match &args.assessment {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("error: cannot read `{path}`: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => EXAMPLE.to_owned(),
    };
    let report = from_json::<AuditAssessment>(&text)
        .and_then(|assessment| api::score(&assessment, &ScoreOptions::default()));
    let report = match report {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.kind());
            return ExitCode::FAILURE;
        }
    };
    let Ok(text) = render(&report) else {
        return ExitCode::FAILURE;
    };
    print!("{text}");
    match write_html(&args.html, &render::audit_html(&report)) {
        Ok(written) => {
            println!("\nHTML report with charts written to {}", written.display());
        }
        Err(e) => {
            eprintln!("error: cannot write `{}`: {e}", args.html.display());
            return ExitCode::FAILURE;
        }
    }
    if args.assessment.is_some() {
        return ExitCode::SUCCESS;
    }
    match example_programme(&args.html) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The bundled example programme beside the single audit: its executive
/// summary printed, its report written next to the audit's page.
fn example_programme(audit_html: &Path) -> Result<(), String> {
    let programme = api::example_programme().map_err(|e| e.to_string())?;
    let report = api::programme_report(&programme, &ScoreOptions::default())
        .map_err(|e| format!("[{}] {e}", e.kind()))?;
    println!("\n{}\n", "=".repeat(72));
    println!("The same organisation as a programme (fictional example data)\n");
    print!("{}", programme_report::summary_markdown(&report));
    let path = audit_html.with_file_name("kam-programme.html");
    let written = write_html(&path, &programme_report::programme_html(&report))
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    println!(
        "\nProgramme report (a section per unit, every chart) written to {}",
        written.display()
    );
    Ok(())
}

/// Writes the HTML report, creating the folder if needed; returns the full
/// path so the message says exactly where to look.
fn write_html(path: &Path, page: &str) -> std::io::Result<PathBuf> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, page)?;
    path.canonicalize()
}

fn bar(percent: f64) -> String {
    // 20 cells of 5% each, rounded down so a bar is full only at 100%.
    let cells = (1..=20).filter(|c| f64::from(*c) * 5.0 <= percent).count();
    format!("{}{}", "█".repeat(cells), "·".repeat(20 - cells))
}

/// The phase and period table, each milestone after the period it follows.
fn phases(out: &mut String, r: &AuditReport) -> std::fmt::Result {
    writeln!(
        out,
        "Phase / period                          score   max      %"
    )?;
    for phase in &r.phases {
        writeln!(
            out,
            "{} {:<36} {:>5} {:>5} {:>6.1}",
            phase.id, phase.name, phase.score, phase.max, phase.percent
        )?;
        for p in &phase.periods {
            let mark = if p.complete { "✓" } else { "" };
            writeln!(
                out,
                "   {:>2} {:<33} {:>5} {:>5} {:>6.1}  {} {mark}",
                p.number,
                p.name,
                p.score,
                p.max,
                p.percent,
                bar(p.percent)
            )?;
            for m in r.milestones.iter().filter(|m| m.after == p.id) {
                writeln!(
                    out,
                    "      ◆ milestone: {} (at {} on the path)",
                    m.name, m.at
                )?;
            }
        }
    }
    Ok(())
}

fn render(r: &AuditReport) -> Result<String, std::fmt::Error> {
    // Every sentence is kam-core's (`kam_core::words`), as in Python and the
    // browser; this program only lays them out for a terminal.
    let words = AuditWords::of(r);
    let mut out = String::new();
    let c = &r.context;
    let who: Vec<String> = [&c.organisation, &c.unit]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    writeln!(out, "{} — {}", r.framework.name, who.join(", "))?;
    if let (Some(assessor), Some(date)) = (&c.assessor, &c.date) {
        writeln!(out, "Assessed by {assessor} on {date}")?;
    }
    writeln!(out)?;
    for reading in words.readings() {
        writeln!(out, "{reading}")?;
    }
    writeln!(out)?;
    phases(&mut out, r)?;
    writeln!(out, "\nStreams of activity")?;
    for s in &r.streams {
        writeln!(
            out,
            "  {:<36} {:>6.1}%  {}",
            s.name,
            s.percent,
            bar(s.percent)
        )?;
    }
    let progress = &r.progress;
    list(
        &mut out,
        "Missing (not done, up to the current period)",
        &progress.missing,
    )?;
    list(
        &mut out,
        "Lagging (started, in earlier periods)",
        &progress.lagging,
    )?;
    list(
        &mut out,
        "Ahead (already done in later periods)",
        &progress.ahead,
    )?;
    list(
        &mut out,
        "Next actions, in development-path order",
        &r.next_actions,
    )?;
    Ok(out)
}

fn list(out: &mut String, title: &str, items: &[ItemStatus]) -> std::fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{title}:")?;
    for item in items {
        writeln!(out, "  {item}")?;
    }
    Ok(())
}
