//! Work spread over the machine's cores where there are threads: a list of
//! independent items mapped on one thread per core, and a large value
//! freed off the caller's path. WebAssembly in a page has one thread, so
//! there both run on the caller's.

/// `f` of each item, in order: on one thread per core, each taking a
/// contiguous block, when there are several cores and items.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
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
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    items.iter().map(f).collect()
}

/// Drops `value` on a thread of its own, so the caller does not wait while
/// millions of small allocations are freed one by one (a parsed programme
/// of 50,000 audits holds 6.45 million); on the caller's thread where no
/// thread can be started.
#[cfg(not(target_arch = "wasm32"))]
#[cfg_attr(not(feature = "reports"), allow(dead_code))]
pub fn drop_later<T: Send + 'static>(value: T) {
    // Should the thread not start, the closure, and the value with it, is
    // dropped here instead.
    let _started = std::thread::Builder::new()
        .name("kam-drop".to_owned())
        .spawn(move || drop(value));
}

/// WebAssembly in a page has one thread: the value is dropped at once.
#[cfg(target_arch = "wasm32")]
#[cfg_attr(not(feature = "reports"), allow(dead_code))]
pub fn drop_later<T: Send + 'static>(value: T) {
    drop(value);
}
