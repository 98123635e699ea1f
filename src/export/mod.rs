//! Writing a [`Document`] out in other formats. Each is a pure function
//! of the document and the reader's [`Options`] (and, for HTML, the
//! text), deterministic: the same input gives the same bytes, with no date
//! or random id in it. What they hold — which nodes, which quotation
//! groups under which names, which counts — is defined once, in
//! [`contents`], as the app shows it; a format only writes it down.
//!
//! * [`text`]: an indented plain-text 提纲, for pasting into Word;
//! * [`markdown`]: headings and lists, quotations as block quotes;
//! * [`opml`]: OPML 2.0, for outliners and mind maps;
//! * [`html`]: one self-contained page of the structured view;
//! * [`json`]: the document model itself (`docs/FORMAT.md`);
//! * [`docx`]: a Word document, a 公文-style 学习提纲 (a ZIP written by
//!   `zip_write.rs`);
//! * [`file`]: the formats as files, with their names, for the app.

pub mod contents;
pub mod docx;
pub mod file;
mod file_name;
pub mod html;
pub mod markdown;
pub mod opml;
mod pretty_json;
pub mod quotations;
pub mod svg;
pub mod text;
mod zip_write;

pub use contents::Options;

use crate::model::{Document, Node};

/// The document as pretty-printed JSON, with a final newline: the exchange
/// format of `docs/FORMAT.md`.
pub fn json(doc: &Document) -> String {
    let mut json = pretty_json::document(doc);
    json.push('\n');
    json
}

/// `text` without C0 and C1 control characters (and DEL), except line
/// feeds and tabs: the plain-text formats (提纲, Markdown, the dump) carry
/// what a document holds as it is, and a terminal or an editor would
/// obey `ESC ] 0;… BEL` or `ESC [ 2 J` from an untrusted file.
pub fn without_controls(text: String) -> String {
    let is_dropped =
        |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}');
    if !text.contains(is_dropped) {
        return text;
    }
    text.chars().filter(|&c| !is_dropped(c)).collect()
}

/// A node's label and heading as one line, as every export writes it.
pub fn label_and_heading(node: &Node) -> String {
    let label = node.label.as_deref().unwrap_or("");
    format!("{label}{}{}", label_gap(label), node.heading)
}

/// What goes between a label and its heading: nothing after punctuation
/// (一、 （一） 1.) or a series word that reads on (一要 一是); a full-width
/// space after a counted noun, a letter or a digit (第一条　为了… as
/// GB/T 9704 sets articles, 第一种　…, 5.1　范围).
pub fn label_gap(label: &str) -> &'static str {
    match label.chars().last() {
        None | Some('要' | '是') => "",
        Some(c) if c.is_alphanumeric() => "　",
        Some(_) => "",
    }
}

/// Appends `text` escaped for XML and HTML, in text and in attribute
/// values alike: `& < > " '` as references, tab and line breaks as
/// character references (attribute value normalisation would turn them
/// into spaces), and chars XML 1.0 forbids or discourages — C0 and C1
/// controls, U+FFFE, U+FFFF — as U+FFFD.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        if escape_markup_char(out, c) {
            continue;
        }
        match c {
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => {
                out.push(char::REPLACEMENT_CHARACTER)
            }
            _ => out.push(c),
        }
    }
}

/// Appends the reference for `c` if it is one of `& < > " '`, which XML
/// and HTML text and attribute values must escape; returns whether it was.
pub(crate) fn escape_markup_char(out: &mut String, c: char) -> bool {
    let reference = match c {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => return false,
    };
    out.push_str(reference);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_loses_controls_but_not_lines_and_tabs() {
        let text = "标题\u{1b}]0;x\u{7}\u{1b}[2J\t甲\r\n乙\u{85}\u{9b}\u{7f}\n".to_string();
        assert_eq!(without_controls(text), "标题]0;x[2J\t甲\n乙\n");
        assert_eq!(without_controls("一、\t二\n".into()), "一、\t二\n");
    }

    #[test]
    fn escapes_markup_quotes_and_controls() {
        let mut escaped = String::new();
        escape_into(
            &mut escaped,
            "<a href=\"x\" title='y'>&</a>\t\n\r\u{0}\u{1b}\u{85}\u{ffff}中",
        );
        assert_eq!(
            escaped,
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;&#9;&#10;&#13;\u{fffd}\u{fffd}\u{fffd}\u{fffd}中"
        );
    }

    #[test]
    fn json_round_trips() {
        let doc = crate::parse(crate::SAMPLE_SPEECH);
        let json = json(&doc);
        assert!(json.ends_with("}\n"));
        let back: Document = serde_json::from_str(&json).expect("the JSON reads back");
        assert_eq!(back, doc);
    }
}
