//! The operations of kam-core's table (`kam_core::for_each_operation!`), one
//! JavaScript function each, plus its `…With` variant when the operation can
//! score against a framework file, with their TypeScript declarations. Each
//! goes into the WebAssembly module the table names (the `engine` or the
//! `analysis` feature), so the engine module carries no analysis code.
//! Adding an operation to the table adds its functions here.

// With only one of the two features, the other module's helpers are unused.
#![allow(dead_code, unused_imports)]

use kam_core::{Error, Framework};
use wasm_bindgen::prelude::*;

use crate::convert::{optional_text, parse, text};
use crate::error::throw;

/// An operation's `call_json` (`kam_core::api::ops::<name>::call_json`).
type CallJson = fn(&str, Option<&str>, Option<&Framework>) -> Result<String, Error>;

/// Converts the arguments to text, runs the operation's `call_json` and
/// parses its result: reading, options defaults and limits are kam-core's.
fn call(
    call_json: CallJson,
    framework: Option<&JsValue>,
    value: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    let framework = framework
        .map(|f| kam_core::api::load_framework(&text(f)?).map_err(|e| throw(&e)))
        .transpose()?;
    let options = optional_text(Some(options))?;
    let output = call_json(&text(value)?, options.as_deref(), framework.as_ref());
    parse(&output.map_err(|e| throw(&e))?)
}

/// The items of one operation, compiled into the module the table names.
macro_rules! in_module {
    (engine $($item:item)*) => {
        $(#[cfg(feature = "engine")] $item)*
    };
    (analysis $($item:item)*) => {
        $(#[cfg(feature = "analysis")] $item)*
    };
}

/// The `…With` variant of an operation, if it has one, and its declaration.
/// (Only the engine's and the analyses' modules have operations.)
#[cfg(any(feature = "engine", feature = "analysis"))]
macro_rules! with_function {
    ($name:ident $js:tt $arg:ident $input_ts:tt $output_ts:tt [$($options_ts:tt)?] []) => {};
    ($name:ident $js:tt $arg:ident $input_ts:tt $output_ts:tt [$($options_ts:tt)?] [$with:ident $with_js:tt]) => {
        #[doc = concat!("`", $js, "` against a framework file (see `loadFramework`).")]
        #[wasm_bindgen(js_name = $with_js, skip_typescript)]
        pub fn $with(
            framework: &JsValue,
            value: &JsValue,
            options: &JsValue,
        ) -> Result<JsValue, JsValue> {
            call(kam_core::api::ops::$name::call_json, Some(framework), value, options)
        }

        #[wasm_bindgen(typescript_custom_section)]
        const WITH_DECLARATION: &str = concat!(
            "/** `", $js, "` against a framework file (an object or JSON text, see `loadFramework`). */\n",
            "export function ", $with_js, "(framework: Framework | string, ",
            stringify!($arg), ": ", $input_ts, " | string",
            $(", options?: ", $options_ts,)?
            "): ", $output_ts, ";\n",
        );
    };
}

/// Every operation's functions, each in a Rust module named after it (the
/// JavaScript names come from the table).
macro_rules! functions {
    ($(
        $(#[doc = $doc:tt])*
        $name:ident {
            js: $js:tt,
            module: $module:ident,
            input: $arg:ident: $input:ty = $input_ts:tt $([$result:ident])?,
            options: [$($options:ty = $options_ts:tt)?],
            output: $output:ty = $output_ts:tt,
            framework: [$($with:ident = $with_js:tt)?],
        }
    )*) => {$(
        in_module! {
            $module

            #[doc = concat!("The `", $js, "` function (and its `…With` variant) of the table.")]
            mod $name {
                use super::*;

                $(#[doc = $doc])*
                #[wasm_bindgen(js_name = $js, skip_typescript)]
                pub fn run(value: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
                    call(kam_core::api::ops::$name::call_json, None, value, options)
                }

                #[wasm_bindgen(typescript_custom_section)]
                const DECLARATION: &str = concat!(
                    "/**\n",
                    $(" *", $doc, "\n",)*
                    " */\nexport function ", $js, "(", stringify!($arg), ": ", $input_ts, " | string",
                    $(", options?: ", $options_ts,)?
                    "): ", $output_ts, ";\n",
                );

                with_function!($name $js $arg $input_ts $output_ts [$($options_ts)?] [$($with $with_js)?]);
            }
        }
    )*};
}

kam_core::for_each_operation!(functions);

/// The operations of kam's table: name, JavaScript names, module, argument,
/// input, options and output type names, documentation.
#[cfg(feature = "engine")]
#[wasm_bindgen(unchecked_return_type = "Operation[]")]
pub fn operations() -> Result<JsValue, JsValue> {
    crate::convert::output(&kam_core::api::OPERATIONS)
}
