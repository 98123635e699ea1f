//! `docx_text(bytes)` for the web app's page, which imports this module
//! only when a file that is a ZIP is opened (`www/main.js`,
//! `src/app/transfer/file_text.rs`).

use wasm_bindgen::prelude::*;

/// The paragraphs of a .docx as text, or — thrown as a string — the
/// Chinese message of why it cannot be read (`ImportError::message`).
#[wasm_bindgen]
pub fn docx_text(bytes: &[u8]) -> Result<String, JsValue> {
    gangmu::import::docx_text(bytes).map_err(|error| JsValue::from_str(error.message()))
}
