//! Reading several workbooks: each on its own, named so an error says which
//! file failed, and on every core where there are threads (a thousand
//! assessors' workbooks are independent of one another).

use super::{Assessment, import};
use crate::error::{Error, SpreadsheetError};
use crate::framework::Framework;

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

/// `f` of each item, in order: on one thread per core, each taking a
/// contiguous block, when there are several cores and items.
#[cfg(not(target_arch = "wasm32"))]
fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let f = &f;
    std::thread::scope(|scope| {
        let blocks: Vec<_> = items
            .chunks(items.len().div_ceil(threads))
            .map(|block| scope.spawn(move || block.iter().map(f).collect::<Vec<R>>()))
            .collect();
        blocks
            .into_iter()
            .flat_map(|block| {
                block
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
            .collect()
    })
}

/// WebAssembly in a page has one thread.
#[cfg(target_arch = "wasm32")]
fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    items.iter().map(f).collect()
}
