//! zlib inflating by the browser, for share links: the page's wasm
//! carries no inflater (miniz_oxide's is about 7 KB gzipped); the file
//! module, loaded on first use, has its own for .docx files.
//!
//! `DecompressionStream('deflate')` reads a zlib stream (RFC 1950). The
//! input goes in by slices of [`SLICE`] bytes, each written once the one
//! before is inflated, and the output is read as it comes, so a link that
//! inflates to gigabytes (a "zip bomb") is stopped past
//! [`share::MAX_TEXT_BYTES`] with little more than that in memory.
//!
//! How the stream fails, in Chromium: damaged data rejects the `write`
//! of the slice that holds it ("The compressed data was not valid: …",
//! "Junk found after end of compressed data."); input cut short passes
//! every `write` and rejects the `close` ("Compressed input was
//! truncated."). Node's implementation rejects `close` in both cases,
//! with zlib's messages ("invalid …", "incorrect data check"; "unexpected
//! end of file"). So: a failed `write` is [`ShareError::Corrupt`]; a
//! failed `close` is [`ShareError::Truncated`] unless its message names
//! damaged data.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableStreamDefaultReader, WritableStream};

use crate::share::{self, ShareError};

/// Input written at a time: a slice of a zip bomb inflates to at most
/// about 1 MB (DEFLATE expands at most 1032 times).
const SLICE: usize = 1024;

#[wasm_bindgen]
extern "C" {
    /// `DecompressionStream`, bound by hand as `CompressionStream` is
    /// (see [`super::compress`]). Chromium 80, Firefox 113, Safari 16.4.
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompressor;

    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Decompressor, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn readable(this: &Decompressor) -> ReadableStream;

    #[wasm_bindgen(method, getter)]
    fn writable(this: &Decompressor) -> WritableStream;
}

/// The bytes the zlib stream `zlib` inflates to, at most
/// [`share::MAX_TEXT_BYTES`].
pub async fn zlib(zlib: &[u8]) -> Result<Vec<u8>, ShareError> {
    let window = web_sys::window().ok_or(ShareError::Unsupported)?;
    if !super::has(&window, "DecompressionStream") {
        return Err(ShareError::Unsupported);
    }
    let stream = Decompressor::new("deflate").map_err(|_| ShareError::Unsupported)?;
    let writer = stream
        .writable()
        .get_writer()
        .map_err(|_| ShareError::Unsupported)?;
    let reader: ReadableStreamDefaultReader = stream.readable().get_reader().unchecked_into();

    // Every slice is queued at once: the stream takes the next only once
    // the output of the one before is read. One future for the writes and
    // one for the close, made now so that no rejection goes unhandled.
    let input = js_sys::Uint8Array::from(zlib);
    let writes = js_sys::Array::new();
    let mut at = 0;
    while at < input.length() {
        let end = (at + SLICE as u32).min(input.length());
        writes.push(&writer.write_with_chunk(&input.subarray(at, end)));
        at = end;
    }
    let written = JsFuture::from(js_sys::Promise::all(&writes));
    let closed = JsFuture::from(writer.close());

    let mut bytes = Vec::new();
    let mut too_large = false;
    loop {
        let Ok(chunk) = JsFuture::from(reader.read()).await else {
            break;
        };
        let done = js_sys::Reflect::get(&chunk, &JsValue::from_str("done"))
            .is_ok_and(|done| done.is_truthy());
        if done {
            break;
        }
        let Ok(value) = js_sys::Reflect::get(&chunk, &JsValue::from_str("value")) else {
            break;
        };
        let value: js_sys::Uint8Array = value.unchecked_into();
        let at = bytes.len();
        if at + value.length() as usize > share::MAX_TEXT_BYTES {
            too_large = true;
            // Errors the input side too: the writes and the close settle.
            let _ = JsFuture::from(reader.cancel()).await;
            break;
        }
        bytes.resize(at + value.length() as usize, 0);
        value.copy_to(&mut bytes[at..]);
    }
    // Always awaited: their callbacks must outlive the promises.
    let written = written.await;
    let closed = closed.await;
    if too_large {
        return Err(ShareError::TooLarge);
    }
    match (written, closed) {
        (Ok(_), Ok(_)) => Ok(bytes),
        (Ok(_), Err(error)) if !names_damage(&message(&error)) => Err(ShareError::Truncated),
        _ => Err(ShareError::Corrupt),
    }
}

/// The `message` of an `Error`, or nothing.
fn message(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .unwrap_or_default()
}

/// Whether an inflater's message is about damaged data rather than data
/// cut short (zlib's "invalid …", "incorrect … check", Chromium's "not
/// valid" and "Junk found after end").
fn names_damage(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    ["invalid", "incorrect", "not valid", "junk", "corrupt"]
        .iter()
        .any(|word| message.contains(word))
}
