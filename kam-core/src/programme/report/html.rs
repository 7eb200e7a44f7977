//! The programme report as HTML: a fragment scoped under one root class,
//! and a page that wraps it.

use std::fmt::Write;

use crate::render::doc::Block;
use crate::render::html::blocks_into;
use crate::words::escape;

/// The class every rule of the stylesheet hangs from.
pub const ROOT_CLASS: &str = "kam-programme-report";

const CSS: &str = include_str!("report.css");

/// The report as one `<div class="kam-programme-report">` holding its own
/// scoped `<style>`, the header, the executive summary, the details and a
/// footer.
pub(super) fn fragment(
    title: &str,
    subtitle: &[String],
    summary: &[Block],
    details: &[Block],
) -> String {
    let mut out = String::with_capacity(256 * 1024);
    // Writing into a String cannot fail; the results are dropped on purpose.
    let _ = write!(
        out,
        "<div class=\"{ROOT_CLASS}\">\n<style>\n{CSS}</style>\n<header>\n<h1>{}</h1>\n",
        escape(title)
    );
    for line in subtitle {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", escape(line));
    }
    out.push_str("</header>\n<section class=\"kam-summary\" aria-label=\"Executive summary\">\n");
    blocks_into(&mut out, summary);
    out.push_str("</section>\n<section class=\"kam-details\">\n");
    blocks_into(&mut out, details);
    let _ = write!(
        out,
        "</section>\n<footer>Made with kam-core {}. Every figure comes from kam's programme analyses; \
         docs/programme.md explains each one and which rules are kam's.</footer>\n</div>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// `fragment` as a self-contained page: nothing is fetched, and it prints.
pub(super) fn page(title: &str, fragment: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"kam-core {}\"/>\n<title>{}</title>\n\
         <style>\nbody {{ margin: 0; background: #eef2f6; }}\n@page {{ margin: 15mm; }}\n\
         @media print {{ body {{ background: #fff; }} }}\n</style>\n</head>\n<body>\n<main>\n{fragment}</main>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    )
}
