//! The CSS Custom Highlight API (`CSS.highlights`, `new Highlight(range)`),
//! which paints a range of text without changing the DOM. web-sys has it
//! only behind `web_sys_unstable_apis`, so the two calls are bound here.
//! Browsers without it (Firefox before 140) throw, which is caught: they
//! show no highlight and lose nothing else.

use wasm_bindgen::prelude::*;
use web_sys::Range;

#[wasm_bindgen]
extern "C" {
    type Highlight;

    #[wasm_bindgen(constructor, catch)]
    fn new(range: &Range) -> Result<Highlight, JsValue>;

    #[wasm_bindgen(js_namespace = ["CSS", "highlights"], js_name = set, catch)]
    fn set_highlight(name: &str, highlight: &Highlight) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = ["CSS", "highlights"], js_name = delete, catch)]
    fn delete_highlight(name: &str) -> Result<JsValue, JsValue>;
}

/// The name the style sheet paints: `::highlight(gangmu-source)`.
const NAME: &str = "gangmu-source";

/// Paints `range`, replacing what was painted before.
pub fn show(range: &Range) {
    if let Ok(highlight) = Highlight::new(range) {
        let _ = set_highlight(NAME, &highlight);
    }
}

pub fn clear() {
    let _ = delete_highlight(NAME);
}
