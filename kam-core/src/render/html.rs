//! Rendering a [`Doc`] as HTML: a fragment to place in any page (a
//! notebook, an app), whose stylesheet is scoped to its root element, and a
//! self-contained page around it. The stylesheet and the charts are inline,
//! nothing is fetched, and the page prints cleanly.

use std::fmt::Write;

use super::doc::{Block, Cell, Doc, Table};
use crate::words::escape;

/// The report's stylesheet, every rule under [`ROOT`].
const CSS: &str = include_str!("report.css");

/// The class of a report's root element, which scopes its stylesheet.
pub(crate) const ROOT: &str = "kam-report";

/// What only a whole page styles: its background and print margins.
const PAGE_CSS: &str = "body { margin: 0; background: #eef2f6; }\n\
     @media print { body { background: #fff; } }\n\
     @page { margin: 15mm; }\n";

/// Writes `doc` as an HTML fragment: one `<div class="kam-report">` holding
/// its own scoped stylesheet, to place in another page.
pub(crate) fn fragment(doc: &Doc) -> String {
    let mut out = String::with_capacity(64 * 1024);
    // Writing into a String cannot fail; the results are dropped on purpose.
    let _ = write!(
        out,
        "<div class=\"{ROOT}\">\n<style>\n{CSS}</style>\n<header>\n<h1>{}</h1>\n",
        escape(&doc.title),
    );
    for line in &doc.subtitle {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", escape(line));
    }
    out.push_str("</header>\n");
    for block in &doc.blocks {
        block_into(&mut out, block);
    }
    let _ = write!(
        out,
        "<footer>Made with kam-core {}. Every figure comes from the scoring engine; \
         docs/methodology.md explains each one.</footer>\n</div>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// Writes `doc` as an HTML page: the fragment, in a page of its own.
pub(crate) fn render(doc: &Doc) -> String {
    let body = fragment(doc);
    let mut out = String::with_capacity(body.len() + 512);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"kam-core {}\"/>\n<title>{}</title>\n<style>\n{PAGE_CSS}</style>\n\
         </head>\n<body>\n{body}</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&doc.title),
    );
    out
}

/// Writes `blocks` as HTML elements with no page around them, for a report
/// that brings its own scoped wrapper (the programme report).
pub(crate) fn blocks_into(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        block_into(out, block);
    }
}

fn block_into(out: &mut String, block: &Block) {
    match block {
        Block::Heading(level, text) => {
            let level = (*level).clamp(2, 6);
            let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
        }
        Block::Para(text) => {
            let _ = writeln!(out, "<p>{}</p>", escape(text));
        }
        Block::Figures(pairs) => {
            out.push_str("<dl class=\"figures\">\n");
            for (label, value) in pairs {
                let _ = writeln!(
                    out,
                    "<div><dt>{}</dt><dd>{}</dd></div>",
                    escape(label),
                    escape(value)
                );
            }
            out.push_str("</dl>\n");
        }
        Block::Chart { svg, caption, .. } => {
            // The SVG comes from kam's own chart writer, which escapes every
            // piece of user text, so it is inlined as is.
            let _ = writeln!(
                out,
                "<figure>\n{svg}<figcaption>{}</figcaption>\n</figure>",
                escape(caption)
            );
        }
        Block::Table(table) => table_into(out, table),
    }
}

fn table_into(out: &mut String, table: &Table) {
    out.push_str("<table>\n<thead><tr>");
    for head in &table.head {
        let class = if head.numeric { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", escape(head.text));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str(if row.strong {
            "<tr class=\"strong\">"
        } else {
            "<tr>"
        });
        for (cell, head) in row.cells.iter().zip(&table.head) {
            let class = if head.numeric { " class=\"num\"" } else { "" };
            let _ = write!(out, "<td{class}>");
            match cell {
                Cell::Text(text) => out.push_str(&escape(text)),
                Cell::Bar {
                    percent,
                    text,
                    mark,
                } => {
                    let width = if percent.is_finite() {
                        percent.clamp(0.0, 100.0)
                    } else {
                        0.0
                    };
                    let _ = write!(
                        out,
                        "{}<span class=\"bar{}\" aria-hidden=\"true\"><span style=\"width:{width:.1}%\"></span></span>",
                        escape(text),
                        if *mark { " mark" } else { "" }
                    );
                }
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
