//! The analysis worker's entry point. `www/worker.js` loads this same
//! wasm module in a module Web Worker — without calling [`super::run`], so
//! nothing is mounted there — and calls [`analyze`] for each large text
//! the page sends it (see `dom::analyzer`).

use wasm_bindgen::prelude::*;

/// Parses `text` and returns its [`crate::Document`] in the compact form
/// of [`crate::wire`], which the page decodes. Never fails: the parser
/// never does.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Vec<u8> {
    crate::wire::encode(&crate::parse(text))
}
