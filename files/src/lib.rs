//! The web app's files, in and out, for its page, which imports this
//! module only when it first needs it (`www/main.js`): `docx_text(bytes)`
//! when a file that is a ZIP is opened (`src/app/transfer/file_text.rs`),
//! `export_file(text, format, paragraphs, key_sentences)` when 导出 is chosen
//! (`src/app/components/export_menu.rs`).

use gangmu::export::file::{file_name, Format};
use gangmu::export::Options;
use wasm_bindgen::prelude::*;

/// The paragraphs of a .docx as text, or — thrown as a string — the
/// Chinese message of why it cannot be read (`ImportError::message`).
#[wasm_bindgen]
pub fn docx_text(bytes: &[u8]) -> Result<String, JsValue> {
    gangmu::import::docx_text(bytes).map_err(|error| JsValue::from_str(error.message()))
}

/// The file 导出 saves for `text` in `Format::ALL[format]`, as
/// `[name, contents, media type]`, the contents a `Uint8Array` (a Word
/// file is bytes; the text formats are their UTF-8, as a `Blob` of the
/// string would hold). The text is parsed here again, with its quotations, as the page
/// parsed it: the parse is a function of the text alone, so the file
/// holds what the page shows.
#[wasm_bindgen]
pub fn export_file(
    text: &str,
    format: usize,
    paragraphs: bool,
    key_sentences: bool,
) -> Result<js_sys::Array, JsValue> {
    let format = *Format::ALL
        .get(format)
        .ok_or_else(|| JsValue::from_str("unknown format"))?;
    let options = Options {
        paragraphs,
        key_sentences,
    };
    let (name, contents) = export(text, format, options);
    Ok(js_sys::Array::of3(
        &JsValue::from_str(&name),
        &js_sys::Uint8Array::from(contents.as_slice()),
        &JsValue::from_str(format.media_type()),
    ))
}

/// [`export_file`]'s work, natively testable: the file's name and bytes.
pub fn export(text: &str, format: Format, options: Options) -> (String, Vec<u8>) {
    let document = gangmu::parse(text);
    let contents = format.render_bytes(&document, text, options);
    (file_name(&document, format), contents)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use gangmu::app_core::state::Quoted;

    use super::*;

    /// What the page showed — its outline, then its quotations found a
    /// task later — is what this module exports after parsing anew.
    #[test]
    fn exports_what_the_page_shows() {
        let text: Rc<str> = Rc::from(gangmu::SAMPLE_SPEECH);
        let shown = Quoted::new(Rc::clone(&text), Rc::new(gangmu::parse::outline(&text)));
        let shown = shown.document();
        for format in Format::ALL {
            for (paragraphs, key_sentences) in [(false, false), (true, false), (false, true)] {
                let options = Options {
                    paragraphs,
                    key_sentences,
                };
                let expected = (
                    file_name(shown, format),
                    format.render_bytes(shown, &text, options),
                );
                assert_eq!(export(&text, format, options), expected);
            }
        }
    }
}
