//! The exports as files: which formats there are, what each is called and
//! what its file is named. The app's 导出 menu is a list of [`Format`]s;
//! what it downloads is [`Format::render_bytes`] under [`file_name`] (in
//! `file_name.rs`). The text formats ([`TextFormat`]) are also strings
//! ([`TextFormat::render`]); the Word file is bytes only.
//!
//! ```
//! use gangmu::export::file::{file_name, Format, TextFormat};
//! let doc = gangmu::parse("春耕工作报告\n\n一、提高认识\n二、狠抓落实\n");
//! assert_eq!(file_name(&doc, TextFormat::Markdown.into()), "纲目-春耕工作报告.md");
//! let options = gangmu::export::Options::default();
//! assert!(TextFormat::Outline.render(&doc, "", options).contains("二、狠抓落实"));
//! let word = Format::Docx(gangmu::export::docx::DocxContents::Outline);
//! assert!(word.render_bytes(&doc, "", options).starts_with(b"PK"));
//! ```

pub use super::docx::DocxContents;
pub use super::file_name::{file_name, speaker_and_date};
use super::Options;
use crate::model::Document;

/// One kind of file the outline can be written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Text(TextFormat),
    /// A Word document, a 公文-style 学习提纲 ([`super::docx`]).
    Docx(DocxContents),
}

/// A format whose file is text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextFormat {
    Markdown,
    Opml,
    Json,
    /// The indented plain-text 提纲.
    Outline,
    /// The self-contained page of the structured view.
    Html,
    /// The 思维导图, a picture ([`super::svg`]).
    Svg,
}

impl From<TextFormat> for Format {
    fn from(format: TextFormat) -> Self {
        Format::Text(format)
    }
}

impl TextFormat {
    /// Every text format, in the order the 导出 menu offers them.
    pub const ALL: [TextFormat; 6] = [
        TextFormat::Markdown,
        TextFormat::Opml,
        TextFormat::Json,
        TextFormat::Outline,
        TextFormat::Html,
        TextFormat::Svg,
    ];

    /// The file's contents. `text` is the source, which only HTML embeds;
    /// `options` are the reader's (显示段落), which JSON, the whole model,
    /// does not need. The 提纲 `.txt` is written for Windows as well
    /// ([`for_windows`]); the command line prints it plain.
    pub fn render(self, doc: &Document, text: &str, options: Options) -> String {
        match self {
            TextFormat::Markdown => super::markdown::markdown(doc, options),
            TextFormat::Opml => super::opml::opml(doc, options),
            TextFormat::Json => super::json(doc),
            TextFormat::Outline => for_windows(&super::text::outline(doc, options)),
            TextFormat::Html => super::html::html(doc, text, options),
            TextFormat::Svg => super::svg::svg(doc, options),
        }
    }
}

impl Format {
    /// Every format, in the order the 导出 menu offers them: the Word
    /// files after the plain 提纲.
    pub const ALL: [Format; 9] = [
        Format::Text(TextFormat::Markdown),
        Format::Text(TextFormat::Opml),
        Format::Text(TextFormat::Json),
        Format::Text(TextFormat::Outline),
        Format::Docx(DocxContents::Outline),
        Format::Docx(DocxContents::KeySentences),
        Format::Docx(DocxContents::FullText),
        Format::Text(TextFormat::Html),
        Format::Text(TextFormat::Svg),
    ];

    /// The file's bytes: a text format's UTF-8, or the Word file.
    pub fn render_bytes(self, doc: &Document, text: &str, options: Options) -> Vec<u8> {
        match self {
            Format::Text(format) => format.render(doc, text, options).into_bytes(),
            Format::Docx(contents) => super::docx::docx(doc, text, options, contents),
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text(TextFormat::Markdown) => "md",
            Format::Text(TextFormat::Opml) => "opml",
            Format::Text(TextFormat::Json) => "json",
            Format::Text(TextFormat::Outline) => "txt",
            Format::Text(TextFormat::Html) => "html",
            Format::Text(TextFormat::Svg) => "svg",
            Format::Docx(_) => "docx",
        }
    }

    /// The media type, with the charset for the text formats.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Text(TextFormat::Markdown) => "text/markdown;charset=utf-8",
            Format::Text(TextFormat::Opml) => "text/x-opml;charset=utf-8",
            Format::Text(TextFormat::Json) => "application/json",
            Format::Text(TextFormat::Outline) => "text/plain;charset=utf-8",
            Format::Text(TextFormat::Html) => "text/html;charset=utf-8",
            Format::Text(TextFormat::Svg) => "image/svg+xml",
            Format::Docx(_) => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }
    }

    /// What the menu calls it, in Chinese.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text(TextFormat::Markdown) => "Markdown",
            Format::Text(TextFormat::Opml) => "OPML",
            Format::Text(TextFormat::Json) => "JSON",
            Format::Text(TextFormat::Outline) => "提纲",
            Format::Text(TextFormat::Html) => "网页",
            Format::Text(TextFormat::Svg) => "思维导图（SVG）",
            Format::Docx(DocxContents::Outline) => "Word 文档",
            Format::Docx(DocxContents::KeySentences) => "Word 文档（含要句）",
            Format::Docx(DocxContents::FullText) => "Word 文档（含全文）",
        }
    }

    /// What it is for, in Chinese: the menu's second line.
    pub fn purpose(self) -> &'static str {
        match self {
            Format::Text(TextFormat::Markdown) => "标题和列表，用于笔记软件",
            Format::Text(TextFormat::Opml) => "用于思维导图和大纲软件（XMind、幕布、Logseq）",
            Format::Text(TextFormat::Json) => "结构数据，供程序读取",
            Format::Text(TextFormat::Outline) => "纯文本，可粘贴到 Word",
            Format::Text(TextFormat::Html) => "单个网页文件，可离线查看、打印",
            Format::Text(TextFormat::Svg) => "矢量图片，文字可选中",
            Format::Docx(DocxContents::Outline) => "公文格式的学习提纲，用 Word、WPS 打开",
            Format::Docx(DocxContents::KeySentences) => "提纲，每项下附要句",
            Format::Docx(DocxContents::FullText) => "提纲，每项下附原文",
        }
    }
}

/// Plain text as Windows programs read it best: UTF-8 with a byte order
/// mark (without one, Notepad before Windows 10 1903 and Excel read a
/// file as the system code page, GBK on Chinese systems) and CRLF line
/// ends. Only the downloaded 提纲 gets it: the other formats are read by
/// programs that expect plain UTF-8, and the CLI's standard output must
/// not start with a mark.
fn for_windows(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16 + 3);
    out.push('\u{feff}');
    for line in text.split_inclusive('\n') {
        match line.strip_suffix('\n') {
            Some(line) => {
                out.push_str(line.strip_suffix('\r').unwrap_or(line));
                out.push_str("\r\n");
            }
            None => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_renders_the_sample() {
        let doc = crate::parse(crate::SAMPLE_SPEECH);
        for format in TextFormat::ALL {
            let out = format.render(&doc, crate::SAMPLE_SPEECH, Options::default());
            // (The map wraps the heading after its first 15 ems.)
            assert!(out.contains("深刻认识开展集中专项行动"), "{format:?}");
            let bytes =
                Format::from(format).render_bytes(&doc, crate::SAMPLE_SPEECH, Options::default());
            assert_eq!(bytes, out.into_bytes());
        }
        let word = crate::import::docx_text(&Format::Docx(DocxContents::Outline).render_bytes(
            &doc,
            crate::SAMPLE_SPEECH,
            Options::default(),
        ));
        assert!(word
            .expect("a .docx")
            .contains("深刻认识开展集中专项行动的重大意义"));
    }

    #[test]
    fn every_format_has_its_own_name_and_the_word_files_are_docx() {
        let mut names: Vec<&str> = Format::ALL.iter().map(|format| format.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Format::ALL.len());
        for format in Format::ALL {
            assert_eq!(
                format.extension() == "docx",
                matches!(format, Format::Docx(_))
            );
        }
    }
}
