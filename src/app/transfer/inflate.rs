//! zlib inflating by the browser, for share links: the page's wasm
//! carries no inflater (miniz_oxide's is about 7 KB gzipped); the file
//! module, loaded on first use, has its own for .docx files.
//!
//! The work is `gangmuInflate` in `www/main.js`: `DecompressionStream
//! ('deflate')` (zlib, RFC 1950) fed 1 KB slices, each once the one
//! before is inflated, its output read as it comes, so that a link that
//! inflates to gigabytes (a "zip bomb") is stopped past
//! [`share::MAX_TEXT_BYTES`] with little more than that in memory. In
//! JavaScript because the streams' bindings cost the page's wasm some
//! 4 KB gzipped, the whole function 0.5 KB as script.
//!
//! How the stream fails, in Chromium: damaged data rejects the `write`
//! of the slice that holds it ("The compressed data was not valid: …",
//! "Junk found after end of compressed data."); input cut short passes
//! every `write` and rejects the `close` ("Compressed input was
//! truncated."). Node's implementation rejects `close` in both cases,
//! with zlib's messages ("invalid …", "incorrect data check"; "unexpected
//! end of file"). So a failed `write` is [`ShareError::Corrupt`], and a
//! failed `close` is [`ShareError::Truncated`] unless its message names
//! damaged data; the script answers with those names.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::share::{self, ShareError};

#[wasm_bindgen]
extern "C" {
    /// Resolves to the inflated bytes (a `Uint8Array`), or rejects with
    /// `"too-large"`, `"truncated"`, `"corrupt"` or `"unsupported"`.
    #[wasm_bindgen(js_name = gangmuInflate, catch)]
    fn inflate(zlib: &[u8], limit: usize) -> Result<js_sys::Promise, JsValue>;
}

/// The bytes the zlib stream `zlib` inflates to, at most
/// [`share::MAX_TEXT_BYTES`].
pub async fn zlib(zlib: &[u8]) -> Result<Vec<u8>, ShareError> {
    let promise = inflate(zlib, share::MAX_TEXT_BYTES).map_err(|_| ShareError::Unsupported)?;
    match JsFuture::from(promise).await {
        Ok(bytes) => Ok(js_sys::Uint8Array::new(&bytes).to_vec()),
        Err(error) => Err(match error.as_string().as_deref() {
            Some("too-large") => ShareError::TooLarge,
            Some("truncated") => ShareError::Truncated,
            Some("unsupported") => ShareError::Unsupported,
            _ => ShareError::Corrupt,
        }),
    }
}
