//! The text of a file the reader opened or dropped: its bytes through
//! [`crate::import::open`], and GBK/GB18030 through the browser's
//! `TextDecoder`, which the wasm does not carry a table for.

use wasm_bindgen_futures::JsFuture;
use web_sys::{File, TextDecoder, TextDecoderOptions};

use crate::import::{self, Decoded, ImportError};

/// Larger files are refused before they are read (bytes). The longest
/// report in the corpus is 171 KB; a .docx with pictures can be a few MB.
const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

const UNREADABLE: &str = "无法读取这个文件。";

/// The text of `file`, or a message in Chinese saying why there is none.
pub async fn read(file: &File) -> Result<String, &'static str> {
    if file.size() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge.message());
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| UNREADABLE)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    match import::open(&bytes) {
        Ok(Decoded::Text(text)) => Ok(text),
        Ok(Decoded::NeedsDecoder { label }) => {
            decode(label, &bytes).ok_or(ImportError::UnknownEncoding.message())
        }
        Err(error) => Err(error.message()),
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
