#![no_main]
//! The boundary check alone: any text must be accepted or refused with an
//! error, never a panic, a hang or unbounded memory.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = kam_fuzz::text(data) else { return };
    let checked = kam_core::json::check_text(text);
    // kam's reader lets a document its byte scan finds plainly within the
    // limits skip the walk: whatever breach the walk finds, the reader must
    // still refuse with the same error.
    if let Err(walked @ kam_core::Error::Limit(_)) = &checked {
        let read = kam_core::json::from_json::<serde_json::Value>(text);
        assert_eq!(read.err().map(|e| e.to_string()), Some(walked.to_string()));
    }
    // Anything serde_json accepts within the limits is also accepted here.
    if checked.is_err() {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
            let _ = kam_core::json::check_value(&value);
        }
    }
});
