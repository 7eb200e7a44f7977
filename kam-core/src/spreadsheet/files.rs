//! Reading several workbooks: each on its own, named so an error says which
//! file failed, and on every core where there are threads (a thousand
//! assessors' workbooks are independent of one another).

use super::{Assessment, import};
use crate::error::{Error, SpreadsheetError};
use crate::framework::Framework;
use crate::parallel::map;

/// Reads every named workbook, in order; the first error in that order,
/// inside `SpreadsheetError::InFile` naming its file.
pub(crate) fn read_files(
    files: &[(&str, &[u8])],
    framework: Option<&Framework>,
) -> Result<Vec<Assessment>, Error> {
    let read = |&(name, bytes): &(&str, &[u8])| {
        import::read_workbook(bytes, framework).map_err(|error| {
            Error::from(SpreadsheetError::InFile {
                file: name.to_owned(),
                error: Box::new(error),
            })
        })
    };
    map(files, read).into_iter().collect()
}
