//! A report as a small document model: headings, paragraphs, key figures,
//! charts and tables. Each report is built once as a [`Doc`], then rendered
//! to Markdown or HTML, so both formats always say the same thing.

/// A report: a title, lines under it, and its blocks in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Doc {
    pub(crate) title: String,
    pub(crate) subtitle: Vec<String>,
    pub(crate) blocks: Vec<Block>,
}

/// One block of a report.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    /// A section heading; level 2 or 3.
    Heading(u8, String),
    /// A paragraph of plain text.
    Para(String),
    /// Key figures as label–value pairs.
    Figures(Vec<(String, String)>),
    /// A chart: the SVG for HTML, the caption and its words for Markdown.
    Chart {
        svg: String,
        caption: String,
        words: String,
    },
    /// A table.
    Table(Table),
}

/// A table with a header row.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    pub(crate) head: Vec<Head>,
    pub(crate) rows: Vec<Row>,
}

/// A column heading; numeric columns are right-aligned.
#[derive(Debug, Clone)]
pub(crate) struct Head {
    pub(crate) text: &'static str,
    pub(crate) numeric: bool,
}

/// A table row; a strong row (a phase, a stream) is set in bold.
#[derive(Debug, Clone, Default)]
pub(crate) struct Row {
    pub(crate) cells: Vec<Cell>,
    pub(crate) strong: bool,
}

/// A table cell.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    /// Text.
    Text(String),
    /// A percentage drawn as a bar in HTML; `mark` colours it as reaching
    /// a threshold (or, for a change, as a gain).
    Bar {
        percent: f64,
        text: String,
        mark: bool,
    },
}

impl Doc {
    pub(crate) fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }

    pub(crate) fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Para(text.into()));
    }

    pub(crate) fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }
}

impl Table {
    /// A table with these column headings; a heading ending in `#` marks a
    /// numeric column (the `#` is dropped).
    pub(crate) fn new(head: &[&'static str]) -> Self {
        Table {
            head: head
                .iter()
                .map(|h| match h.strip_suffix('#') {
                    Some(text) => Head {
                        text,
                        numeric: true,
                    },
                    None => Head {
                        text: h,
                        numeric: false,
                    },
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row of text cells.
    pub(crate) fn row(&mut self, strong: bool, cells: Vec<Cell>) {
        self.rows.push(Row { cells, strong });
    }
}

/// A text cell.
pub(crate) fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}
