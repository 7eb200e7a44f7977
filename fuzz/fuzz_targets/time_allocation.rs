#![no_main]
//! The `time_allocation` analysis on arbitrary input text: an error or a result that
//! survives a JSON round trip, never a panic.

use kam_core::analysis::TimeAllocationInput;
use kam_core::api;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kam_fuzz::analysis::<TimeAllocationInput, _, _>(data, |input| api::time_allocation(&input));
});
