//! The engine for JavaScript: `parse(text)` and `outline(text)` give the
//! document model (`docs/FORMAT.md`) as a plain JS object, through
//! serde-wasm-bindgen, so `JSON.stringify(parse(text), null, 2)` is what
//! `gangmu --format json` prints. `js/index.js` wraps these exports with
//! the loading of the wasm, in the browser and in Node.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The model as a JS value: objects for structs, arrays for lists and
/// spans, `null` (not `undefined`) for a missing title, label or speaker,
/// as in the JSON.
fn to_js(doc: &gangmu::Document) -> Result<JsValue, JsError> {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    doc.serialize(&serializer)
        .map_err(|err| JsError::new(&err.to_string()))
}

/// The document of `text`: title, nodes, quotations, diagnostics.
#[wasm_bindgen]
pub fn parse(text: &str) -> Result<JsValue, JsError> {
    to_js(&gangmu::parse(text))
}

/// The structure of `text` alone: `parse` without the quotations (and
/// their diagnostics), about 40 % faster; `quotes` is empty.
#[wasm_bindgen]
pub fn outline(text: &str) -> Result<JsValue, JsError> {
    to_js(&gangmu::parse::outline(text))
}
