//! The web app's files, in and out, for its page, which imports this
//! module only when it first needs it (`www/main.js`): `docx_text(bytes)`
//! when a file that is a ZIP is opened (`src/app/transfer/file_text.rs`),
//! `export_file(text, format, paragraphs, key_sentences)` when 导出 is chosen
//! (`src/app/components/export_menu.rs`), and 对比 (`www/compare.js`):
//! `compare_html(old, new)`, `compare_style()` and `compare_file(old, new,
//! format)`.

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

/// What 文档库 lists of a text (`www/library.js`): `[title, speaker,
/// date]`, each `null` when the text does not say it.
#[wasm_bindgen]
pub fn doc_facts(text: &str) -> js_sys::Array {
    let (title, speaker, date) = facts(text);
    let value =
        |piece: Option<String>| piece.map_or(JsValue::NULL, |piece| JsValue::from_str(&piece));
    js_sys::Array::of3(&value(title), &value(speaker), &value(date))
}

/// [`doc_facts`]'s work, natively testable.
pub fn facts(text: &str) -> (Option<String>, Option<String>, Option<String>) {
    let document = gangmu::parse::outline(text);
    let (speaker, date) = gangmu::export::file::speaker_and_date(&document);
    (
        document.title.clone(),
        speaker.map(str::to_string),
        date.map(str::to_string),
    )
}

/// 对比 of two texts as the HTML fragment the page shows
/// (`gangmu::compare::render::html_fragment`).
#[wasm_bindgen]
pub fn compare_html(old: &str, new: &str) -> String {
    gangmu::compare::render::html_fragment(&gangmu::compare::compare(old, new))
}

/// The style sheet of [`compare_html`]'s fragment.
#[wasm_bindgen]
pub fn compare_style() -> String {
    gangmu::compare::render::FRAGMENT_STYLE.to_string()
}

/// The file 对比's 导出 saves, as [`export_file`] gives it: `format` is
/// `markdown`, `html` (a whole page) or `docx` (a Word file).
#[wasm_bindgen]
pub fn compare_file(old: &str, new: &str, format: &str) -> Result<js_sys::Array, JsValue> {
    let (name, contents, media_type) =
        comparison_file(old, new, format).ok_or_else(|| JsValue::from_str("unknown format"))?;
    Ok(js_sys::Array::of3(
        &JsValue::from_str(&name),
        &js_sys::Uint8Array::from(contents.as_slice()),
        &JsValue::from_str(media_type),
    ))
}

/// [`compare_file`]'s work, natively testable: the file's name (the new
/// text's export name, `纲目-对比-…`), contents and media type.
pub fn comparison_file(
    old: &str,
    new: &str,
    format: &str,
) -> Option<(String, Vec<u8>, &'static str)> {
    use gangmu::compare::{compare_documents, render};
    use gangmu::export::docx::{comparison_docx, DocxContents};
    use gangmu::export::file::TextFormat;
    let format = match format {
        "markdown" => Format::Text(TextFormat::Markdown),
        "html" => Format::Text(TextFormat::Html),
        "docx" => Format::Docx(DocxContents::Outline),
        _ => return None,
    };
    let (old_document, new_document) = (gangmu::parse(old), gangmu::parse(new));
    let comparison = compare_documents(&old_document, old, &new_document, new);
    let contents = match format {
        Format::Text(TextFormat::Markdown) => render::markdown(&comparison).into_bytes(),
        Format::Docx(_) => comparison_docx(&comparison),
        _ => render::html(&comparison).into_bytes(),
    };
    let name = file_name(&new_document, format).replacen("纲目", "纲目-对比", 1);
    Some((name, contents, format.media_type()))
}

/// [`export_file`]'s work, natively testable: the file's name and bytes.
pub fn export(text: &str, format: Format, options: Options) -> (String, Vec<u8>) {
    let document = gangmu::parse(text);
    let contents = format.render_bytes(&document, text, options);
    (file_name(&document, format), contents)
}

#[cfg(test)]
mod tests {
    #[test]
    fn facts_of_a_report() {
        let report = include_str!("../../tests/corpus/14_gwr2017_zero-width-breaks.txt");
        assert_eq!(
            super::facts(report),
            (
                Some("政府工作报告".to_string()),
                Some("李克强".to_string()),
                Some("2017年3月5日".to_string())
            )
        );
        assert_eq!(super::facts(""), (None, None, None));
    }

    #[test]
    fn comparison_files_are_named_after_the_new_text() {
        let old = "一、稳定经济\n（一）扩大内需\n二、深化改革\n";
        let new = "关于今年工作的报告\n一、稳定经济\n（一）扩大国内需求\n二、深化改革\n";
        let (name, markdown, media_type) =
            super::comparison_file(old, new, "markdown").expect("markdown");
        assert_eq!(name, "纲目-对比-关于今年工作的报告.md");
        let markdown = String::from_utf8(markdown).expect("UTF-8");
        assert!(markdown.contains("**改写**"), "{markdown}");
        assert_eq!(media_type, "text/markdown;charset=utf-8");
        let (name, html, _) = super::comparison_file(old, new, "html").expect("html");
        assert!(name.ends_with(".html") && html.starts_with(b"<!DOCTYPE html>"));
        let (name, word, _) = super::comparison_file(old, new, "docx").expect("docx");
        assert_eq!(name, "纲目-对比-关于今年工作的报告.docx");
        assert!(gangmu::import::docx_text(&word).is_ok_and(|text| text.contains("【改写】")));
        assert!(super::comparison_file(old, new, "pdf").is_none());
    }

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
