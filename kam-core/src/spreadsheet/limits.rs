//! Limits on untrusted workbooks and CSV text.
//!
//! An `.xlsx` file is a zip archive of XML parts from a stranger. Before
//! calamine parses anything, [`check_workbook`] opens the archive's central
//! directory itself and unpacks every part once, counting the bytes as they
//! come out (so a part that lies about its size is caught too) and walking
//! each XML part's elements: a zip bomb, a billion tiny shared strings or
//! XML nested a million deep is refused with its own error kind before it can
//! exhaust a browser tab's or a notebook's memory. Rows and cells are then
//! counted while the sheets kam reads are streamed, and
//! the same row and cell limits bound CSV text.
//!
//! The limits sit far above any real assessment: the Cranfield template is
//! about 27 KB, unpacks to about 130 KB and has 130 rows; docs/security.md
//! gives the reasoning behind each value.

use std::io::{self, Cursor, Read};

use quick_xml::events::Event;
use zip::ZipArchive;

use crate::error::{Error, SpreadsheetError};

/// Largest workbook file read, in bytes (10 MiB) (`workbook-too-large`).
pub const MAX_WORKBOOK_BYTES: usize = 10 * 1024 * 1024;
/// Most bytes all parts of a workbook may unpack to (100 MiB), counted as
/// they are unpacked (`workbook-unpacks-too-large`).
pub const MAX_UNPACKED_BYTES: u64 = 100 * 1024 * 1024;
/// Most parts (files) in a workbook's zip archive (`too-many-parts`).
pub const MAX_PARTS: usize = 1_000;
/// Most rows read from a sheet (its highest row number) or a CSV text
/// (`too-many-rows`).
pub const MAX_ROWS: u32 = 100_000;
/// Most cells read from one sheet, or fields from a CSV text
/// (`too-many-cells`).
pub const MAX_CELLS: usize = 1_000_000;
/// Most entries in a workbook's shared-strings table
/// (`too-many-shared-strings`).
pub const MAX_SHARED_STRINGS: usize = 1_000_000;
/// Deepest nesting of XML elements in any part (`xml-too-deep`); real
/// workbooks nest under 12 deep.
pub const MAX_XML_DEPTH: usize = 64;

/// The first bytes of an OLE compound file: an encrypted `.xlsx` or an old
/// `.xls` workbook, neither of which kam reads.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Checks a workbook against every limit that can be checked before
/// calamine reads it.
///
/// # Errors
/// `workbook-too-large`, `too-many-parts`, `workbook-unpacks-too-large`,
/// `too-many-shared-strings`, `xml-too-deep`, and `invalid-workbook` for
/// bytes that are not an `.xlsx` zip archive or a part that cannot be read.
pub fn check_workbook(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        return Err(SpreadsheetError::WorkbookTooLarge {
            bytes: bytes.len(),
            max: MAX_WORKBOOK_BYTES,
        }
        .into());
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err(invalid(
            "it is an encrypted (password-protected) workbook or an old .xls file; save it as \
             an unprotected .xlsx workbook",
        ));
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| invalid("it is not a zip archive, as every .xlsx workbook is"))?;
    if zip.len() > MAX_PARTS {
        return Err(SpreadsheetError::TooManyParts {
            count: zip.len(),
            max: MAX_PARTS,
        }
        .into());
    }
    let mut budget = MAX_UNPACKED_BYTES;
    for index in 0..zip.len() {
        let part = zip
            .by_index(index)
            .map_err(|e| invalid(&format!("part {} cannot be unpacked ({e})", index + 1)))?;
        let name = part
            .name()
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_default();
        let mut counted = Counted {
            inner: part,
            left: budget,
            over: false,
        };
        scan_part(&name, &mut counted)?;
        budget = counted.left;
    }
    Ok(())
}

/// Unpacks one part within the budget, walking it if it is XML.
fn scan_part<R: Read>(name: &str, part: &mut Counted<R>) -> Result<(), Error> {
    let lower = name.to_ascii_lowercase();
    let is_xml = [".xml", ".rels", ".vml"].iter().any(|e| lower.ends_with(e));
    let outcome = if is_xml {
        let shared_strings = lower.ends_with("sharedstrings.xml");
        walk_xml(name, part, shared_strings)
    } else {
        io::copy(part, &mut io::sink())
            .map(|_| ())
            .map_err(|e| unpack_error(name, &e))
    };
    if part.over {
        return Err(SpreadsheetError::UnpacksTooLarge {
            part: name.to_owned(),
            max: MAX_UNPACKED_BYTES,
        }
        .into());
    }
    outcome
}

/// Walks an XML part's elements: depth, and the shared strings' count.
/// As lenient as calamine about end tags, so that whatever calamine would
/// read passes.
fn walk_xml<R: Read>(name: &str, part: &mut Counted<R>, shared_strings: bool) -> Result<(), Error> {
    let mut reader = quick_xml::Reader::from_reader(io::BufReader::new(part));
    let config = reader.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
    let mut buf = Vec::with_capacity(1024);
    let (mut depth, mut strings) = (0usize, 0usize);
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| invalid(&format!("`{name}` is not well-formed XML")))?;
        // The depth the element just met reaches; 0 for anything else.
        let reached = match event {
            Event::Start(e) => {
                depth += 1;
                strings += usize::from(shared_strings && depth == 2 && is_si(&e));
                depth
            }
            Event::Empty(e) => {
                strings += usize::from(shared_strings && depth == 1 && is_si(&e));
                depth + 1
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                0
            }
            Event::DocType(_) => {
                return Err(invalid(&format!(
                    "`{name}` declares a document type, which no workbook does"
                )));
            }
            Event::Eof => return Ok(()),
            _ => 0,
        };
        if reached > MAX_XML_DEPTH {
            return Err(SpreadsheetError::XmlTooDeep {
                part: name.to_owned(),
                max: MAX_XML_DEPTH,
            }
            .into());
        }
        if strings > MAX_SHARED_STRINGS {
            return Err(SpreadsheetError::TooManySharedStrings {
                max: MAX_SHARED_STRINGS,
            }
            .into());
        }
    }
}

/// `true` for a shared string's element, `<si>`.
fn is_si(element: &quick_xml::events::BytesStart) -> bool {
    element.local_name().as_ref() == "si"
}

fn unpack_error(name: &str, e: &io::Error) -> Error {
    invalid(&format!("`{name}` cannot be unpacked ({e})"))
}

pub(crate) fn invalid(reason: &str) -> Error {
    SpreadsheetError::InvalidWorkbook {
        reason: reason.to_owned(),
    }
    .into()
}

/// A reader that fails once more than `left` bytes have come out of it,
/// remembering why, so the error can be reported under its own kind.
struct Counted<R> {
    inner: R,
    left: u64,
    over: bool,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let n64 = u64::try_from(n).unwrap_or(u64::MAX);
        if n64 > self.left {
            self.over = true;
            self.left = 0;
            return Err(io::Error::other("the unpacking limit is reached"));
        }
        self.left -= n64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(bytes: &[u8]) -> &'static str {
        check_workbook(bytes).unwrap_err().kind().as_str()
    }

    #[test]
    fn what_is_not_an_xlsx_file_is_named() {
        assert_eq!(kind(b""), "invalid-workbook");
        assert_eq!(kind(b"assessment,item,score\n"), "invalid-workbook");
        let mut ole = OLE_MAGIC.to_vec();
        ole.resize(4096, 0);
        let err = check_workbook(&ole).unwrap_err().to_string();
        assert!(
            err.contains("encrypted (password-protected) workbook or an old .xls file"),
            "{err}"
        );
    }

    #[test]
    fn size_is_checked_before_anything_is_opened() {
        let big = vec![b'P'; MAX_WORKBOOK_BYTES + 1];
        assert_eq!(kind(&big), "workbook-too-large");
    }

    #[test]
    fn bytes_are_counted_as_they_come_out() {
        let mut counted = Counted {
            inner: &[7u8; 100][..],
            left: 64,
            over: false,
        };
        let err = io::copy(&mut counted, &mut io::sink()).unwrap_err();
        assert!(counted.over, "{err}");
        let mut within = Counted {
            inner: &[7u8; 100][..],
            left: 100,
            over: false,
        };
        assert_eq!(io::copy(&mut within, &mut io::sink()).unwrap(), 100);
        assert!(!within.over);
    }
}
