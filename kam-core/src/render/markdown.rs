//! Rendering a [`Doc`] as Markdown, with GitHub-style tables.
//!
//! Every piece of user text is escaped, so an organisation called
//! `A|B <Ltd> *plc*` neither breaks a table nor turns into markup. Charts
//! become their caption and their numbers in words: Markdown viewers do not
//! show inline SVG.

use std::fmt::Write;

use super::doc::{Block, Cell, Doc, Table};

/// Writes `doc` as Markdown.
pub(crate) fn render(doc: &Doc) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail; the results are dropped on purpose.
    let _ = writeln!(out, "# {}\n", escape(&doc.title));
    for line in &doc.subtitle {
        let _ = writeln!(out, "{}  ", escape(line));
    }
    if !doc.subtitle.is_empty() {
        out.push('\n');
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                let hashes = "#".repeat(usize::from((*level).clamp(2, 6)));
                let _ = writeln!(out, "{hashes} {}\n", escape(text));
            }
            Block::Para(text) => {
                let _ = writeln!(out, "{}\n", escape(text));
            }
            Block::Figures(pairs) => {
                for (label, value) in pairs {
                    let _ = writeln!(out, "- **{}:** {}", escape(label), escape(value));
                }
                out.push('\n');
            }
            Block::Chart { caption, words, .. } => {
                let _ = writeln!(out, "*{}* {}\n", escape(caption), escape(words));
            }
            Block::Table(table) => table_into(&mut out, table),
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn table_into(out: &mut String, table: &Table) {
    let head: Vec<String> = table.head.iter().map(|h| escape(h.text)).collect();
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let rule: Vec<&str> = table
        .head
        .iter()
        .map(|h| if h.numeric { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for row in &table.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|cell| {
                let text = match cell {
                    Cell::Text(text) | Cell::Bar { text, .. } => escape(text),
                };
                if row.strong && !text.is_empty() {
                    format!("**{text}**")
                } else {
                    text
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// `text` with every character Markdown could read as markup escaped, and
/// line breaks folded to spaces so a table row stays one line.
pub(crate) fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // `&` is markup only when it could start an entity like `&amp;`.
            '&' if next.is_some_and(|n| n.is_alphanumeric() || n == '#') => out.push_str("\\&"),
            // At the start of a line and before a space these open a
            // heading, a list or a quote; elsewhere they stay as written.
            '#' | '+' | '-' if i == 0 && next.is_none_or(|n| n == ' ') => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    // "1. text" at the start would become an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let after = out.get(digits + 1..).unwrap_or("");
    if digits > 0
        && matches!(out.get(digits..=digits), Some("." | ")"))
        && (after.is_empty() || after.starts_with(' '))
    {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_keeps_plain_text() {
        assert_eq!(escape("Roll-out"), "Roll-out");
        assert_eq!(escape("A|B <Ltd> *plc*"), "A\\|B \\<Ltd\\> \\*plc\\*");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("12. not a list"), "12\\. not a list");
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(escape("R&D [link](x)"), "R\\&D \\[link\\](x)");
        assert_eq!(escape("Strategy & planning"), "Strategy & planning");
        assert_eq!(escape("89.7%"), "89.7%");
        assert_eq!(escape("-5 points"), "-5 points");
    }

    #[test]
    fn tables_align_numbers_and_bold_strong_rows() {
        let mut table = Table::new(&["Name", "Score#"]);
        table.row(true, vec![Cell::Text("A|B".into()), Cell::Text("3".into())]);
        let mut doc = Doc {
            title: "T".into(),
            ..Doc::default()
        };
        doc.table(table);
        let md = render(&doc);
        assert!(
            md.contains("| Name | Score |\n| --- | ---: |\n| **A\\|B** | **3** |"),
            "{md}"
        );
    }
}
