//! zlib compression by the browser, for share links: the app carries an
//! inflater (share links and .docx files must be read) but no deflater.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableWritablePair, Response};

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream`, bound by hand: web-sys has it only behind
    /// `web_sys_unstable_apis`. Chromium 80, Firefox 113, Safari 16.4.
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;

    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<Compressor, JsValue>;
}

/// `text` as UTF-8 in a zlib stream (what the Compression Streams
/// standard calls "deflate"); `None` where the browser cannot.
pub async fn zlib(text: &str) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    if !super::has(&window, "CompressionStream") {
        return None;
    }
    let compressor = Compressor::new("deflate").ok()?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let stream = Blob::new_with_str_sequence(&parts).ok()?.stream();
    // A CompressionStream is a { readable, writable } pair.
    let compressed = stream.pipe_through(compressor.unchecked_ref::<ReadableWritablePair>());
    let response = Response::new_with_opt_readable_stream(Some(&compressed)).ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
