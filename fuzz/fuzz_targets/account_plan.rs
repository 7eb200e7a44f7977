#![no_main]
//! The `account_plan` analysis on arbitrary input text: an error or a result that
//! survives a JSON round trip, never a panic.

use kam_core::analysis::AccountPlanInput;
use kam_core::api;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kam_fuzz::analysis::<AccountPlanInput, _, _>(data, |input| api::account_plan(&input));
});
