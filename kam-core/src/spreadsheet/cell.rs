//! Cell addresses: `Audit!F17` for people and messages, `'My sheet'!$F$17`
//! for formulas.

use std::fmt;

/// The most rows a worksheet has (Excel's limit).
pub(crate) const SHEET_ROWS: u32 = 1_048_576;
/// The most columns a worksheet has (Excel's limit, XFD).
pub(crate) const SHEET_COLUMNS: u32 = 16_384;

/// One cell of one sheet; rows and columns from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Address {
    pub(crate) sheet: String,
    pub(crate) row: u32,
    pub(crate) column: u32,
}

impl Address {
    pub(crate) fn new(sheet: &str, row: u32, column: impl Into<u32>) -> Self {
        Address {
            sheet: sheet.to_owned(),
            row,
            column: column.into(),
        }
    }

    /// The cell as messages name it, in backticks: `` `Audit!F17` ``.
    pub(crate) fn at(&self) -> String {
        format!("`{self}`")
    }

    /// The cell as a formula on its own sheet refers to it, relative: `F17`.
    pub(crate) fn local(&self) -> String {
        format!("{}{}", column_name(self.column), self.row + 1)
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}!{}{}",
            self.sheet,
            column_name(self.column),
            self.row + 1
        )
    }
}

/// A rectangle of cells of one sheet, corners included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Area {
    pub(crate) sheet: String,
    pub(crate) first_row: u32,
    pub(crate) first_column: u16,
    pub(crate) last_row: u32,
    pub(crate) last_column: u16,
}

impl Area {
    /// The cells of one column from `first_row` to `last_row`.
    pub(crate) fn column(sheet: &str, column: u16, first_row: u32, last_row: u32) -> Self {
        Area {
            sheet: sheet.to_owned(),
            first_row,
            first_column: column,
            last_row,
            last_column: column,
        }
    }

    /// The area as a formula refers to it: `'Audit'!$F$2:$F$130`.
    pub(crate) fn absolute(&self) -> String {
        format!(
            "{}!${}${}:${}${}",
            quoted(&self.sheet),
            column_name(u32::from(self.first_column)),
            self.first_row + 1,
            column_name(u32::from(self.last_column)),
            self.last_row + 1
        )
    }

    /// Its top-left cell.
    pub(crate) fn top_left(&self) -> Address {
        Address::new(&self.sheet, self.first_row, self.first_column)
    }
}

/// A sheet name as formulas write it: quoted, with quotes doubled, unless it
/// is a plain word (`Audit`), which spreadsheets write bare.
fn quoted(sheet: &str) -> String {
    let bare = sheet.chars().all(|c| c.is_ascii_alphabetic())
        || (sheet
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && sheet.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !looks_like_a_cell(sheet));
    if bare {
        sheet.to_owned()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}

/// `true` for names such as `A1` or `XFD9`, which a formula would read as a
/// cell, so they must be quoted as sheet names.
fn looks_like_a_cell(name: &str) -> bool {
    let letters = name.chars().take_while(char::is_ascii_alphabetic).count();
    let rest = name.get(letters..).unwrap_or("");
    (1..=3).contains(&letters) && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit())
}

/// The letters of a column from 0: 0 is `A`, 25 `Z`, 26 `AA`.
pub(crate) fn column_name(column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let digit = (n - 1) % 26;
        // `digit` is below 26, so the letter is in A–Z.
        letters.push(char::from(b'A' + u8::try_from(digit).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Reads a cell reference written `F17` (as recipes write them) into a row
/// and column from 0; `None` if it is not one or lies beyond the sheet.
pub(crate) fn parse_cell(text: &str) -> Option<(u32, u32)> {
    let letters = text.chars().take_while(char::is_ascii_uppercase).count();
    let (column_text, row_text) = (text.get(..letters)?, text.get(letters..)?);
    if column_text.is_empty()
        || column_text.len() > 3
        || row_text.is_empty()
        || !row_text.chars().all(|c| c.is_ascii_digit())
        || row_text.starts_with('0')
    {
        return None;
    }
    let column = column_text
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1))
        - 1;
    let row: u32 = row_text.parse().ok()?;
    ((1..=SHEET_ROWS).contains(&row) && column < SHEET_COLUMNS).then_some((row - 1, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_letter_them() {
        for (column, name) in [(0, "A"), (5, "F"), (25, "Z"), (26, "AA"), (16_383, "XFD")] {
            assert_eq!(column_name(column), name);
            assert_eq!(parse_cell(&format!("{name}17")), Some((16, column)));
        }
        for bad in [
            "", "17", "F", "f17", "F0", "F017", "XFE1", "A1048577", "F1.5",
        ] {
            assert_eq!(parse_cell(bad), None, "{bad}");
        }
    }

    #[test]
    fn addresses_for_people_and_for_formulas() {
        let cell = Address::new("Audit", 16, 5u32);
        assert_eq!(cell.at(), "`Audit!F17`");
        assert_eq!(cell.local(), "F17");
        let one = |sheet: &str| Area::column(sheet, 0, 0, 0).absolute();
        assert_eq!(one("Bob's list"), "'Bob''s list'!$A$1:$A$1");
        assert_eq!(one("A1"), "'A1'!$A$1:$A$1");
        assert_eq!(one("Totals 2"), "'Totals 2'!$A$1:$A$1");
        assert_eq!(one("Totals_2"), "Totals_2!$A$1:$A$1");
        let area = Area::column("Audit", 7, 1, 129);
        assert_eq!(area.absolute(), "Audit!$H$2:$H$130");
    }
}
