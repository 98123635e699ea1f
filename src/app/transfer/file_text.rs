//! The text of a file the reader opened or dropped: a .docx (a ZIP,
//! [`import::is_zip`]) through the .docx reader that the page loads on
//! first use (`gangmu_files.js`, the file module; see `www/main.js`), other bytes through
//! [`import::decode_text`], and GBK/GB18030 through the browser's
//! `TextDecoder`, which the wasm does not carry a table for. The page's
//! wasm therefore carries no ZIP, XML or numbering code.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, TextDecoder, TextDecoderOptions};

use crate::import::{self, Decoded, ImportError};

/// Larger files are refused before they are read (bytes). The longest
/// report in the corpus is 171 KB; a .docx with pictures can be a few MB.
const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

const UNREADABLE: &str = "无法读取这个文件。";

/// When `gangmu_files.js` or its wasm cannot be fetched (offline, say).
const READER_UNAVAILABLE: &str = "无法加载 Word 文档读取模块，请检查网络连接后重试。";

#[wasm_bindgen]
extern "C" {
    /// Set by `www/main.js`: imports `gangmu_files.js` (once) and resolves
    /// to the text of the .docx `bytes`; rejects with the Chinese message
    /// (a string) when the document cannot be read, with an `Error` when
    /// the module cannot be loaded.
    #[wasm_bindgen(js_name = gangmuDocxText, catch)]
    fn docx_text_lazily(bytes: &[u8]) -> Result<js_sys::Promise, JsValue>;
}

/// The text of `file`, or a message in Chinese saying why there is none.
pub async fn read(file: &File) -> Result<String, &'static str> {
    if file.size() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge.message());
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| UNREADABLE)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if import::is_zip(&bytes) {
        return docx_text(&bytes).await;
    }
    match import::decode_text(&bytes) {
        Ok(Decoded::Text(text)) => Ok(text),
        Ok(Decoded::NeedsDecoder { label }) => {
            decode(label, &bytes).ok_or(ImportError::UnknownEncoding.message())
        }
        Err(error) => Err(error.message()),
    }
}

/// The text of the .docx `bytes` by the lazily loaded reader.
async fn docx_text(bytes: &[u8]) -> Result<String, &'static str> {
    let promise = docx_text_lazily(bytes).map_err(|_| READER_UNAVAILABLE)?;
    match JsFuture::from(promise).await {
        Ok(text) => text.as_string().ok_or(UNREADABLE),
        // A trap in the reader (a bug, never a file's fault to be told as
        // the network's) is a file that could not be read.
        Err(error) if error.is_instance_of::<js_sys::WebAssembly::RuntimeError>() => {
            Err(UNREADABLE)
        }
        Err(error) => Err(error
            .as_string()
            .and_then(|message| ImportError::from_message(&message))
            .map_or(READER_UNAVAILABLE, ImportError::message)),
    }
}

/// `bytes` decoded as `label` by a fatal `TextDecoder`: `None` on the
/// first malformed sequence rather than a text with U+FFFD in it.
fn decode(label: &str, bytes: &[u8]) -> Option<String> {
    let options = TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = TextDecoder::new_with_label_and_options(label, &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}
