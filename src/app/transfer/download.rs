//! Saving a file the app made: a Blob, an object URL and a click on an
//! `<a download>`. Nothing goes over the network.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// How long the object URL lives after the click (ms). Revoking it at once
/// can cancel the download in some browsers; a second is ample.
const REVOKE_AFTER_MS: i32 = 1_000;

/// Offers `contents` (a string, or bytes as a `Uint8Array`) as a file
/// named `name` of type `media_type`. Errors are the browser's, for the
/// caller to report.
pub fn download(name: &str, media_type: &str, contents: &JsValue) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;

    let parts = js_sys::Array::of1(contents);
    let options = BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;

    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();

    // `once_into_js` frees the closure after its one call.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        REVOKE_AFTER_MS,
    )?;
    Ok(())
}
