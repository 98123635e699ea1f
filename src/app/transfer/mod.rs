//! Moving text in and out of the app with no server: share links (the
//! text in the URL fragment), the clipboard and the system share sheet,
//! files downloaded from the outline, files opened from disk.
//!
//! These are thin wrappers of browser APIs. Every one of them may be
//! missing, refused or fail; each reports that as a value (`bool`,
//! `Option`, `Result` with a Chinese message) and never throws or panics.

pub mod clipboard;
pub mod compress;
pub mod download;
pub mod export;
pub mod file_text;
pub mod inflate;
pub mod link;

use wasm_bindgen::JsValue;

/// Whether `object` has a property `name` that is not `undefined`: how
/// to ask for an API that older browsers or insecure pages lack
/// (`navigator.clipboard`, `navigator.share`) before calling it, since
/// calling a missing method would throw.
fn has(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).is_ok_and(|value| !value.is_undefined())
}
