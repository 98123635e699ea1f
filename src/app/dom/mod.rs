//! The few things the app does to the page outside Yew's rendering:
//! storage, the theme attribute, the textarea's highlight and scroll, and
//! the outline tree's rows.

pub mod analyzer;
pub mod highlight;
pub mod source_view;
pub mod storage;
pub mod theme;
pub mod tree_dom;

use wasm_bindgen::JsCast;

/// What 原文's textarea holds now, settled or not (`None` before it is
/// mounted).
pub fn typed_text() -> Option<String> {
    let textarea = web_sys::window()?
        .document()?
        .query_selector("textarea.source-text")
        .ok()??;
    Some(
        textarea
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .ok()?
            .value(),
    )
}
