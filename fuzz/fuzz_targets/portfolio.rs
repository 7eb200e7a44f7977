#![no_main]
//! The `portfolio` analysis on arbitrary input text: an error or a result that
//! survives a JSON round trip, never a panic.

use kam_core::analysis::PortfolioInput;
use kam_core::api;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kam_fuzz::analysis::<PortfolioInput, _, _>(data, |input| api::portfolio(&input));
});
