//! The exports as files: which formats there are, what each is called and
//! what its file is named. The app's 导出 menu is a list of [`Format`]s;
//! what it downloads is [`Format::render`] under [`file_name`] (in
//! `file_name.rs`).
//!
//! ```
//! use gangmu::export::file::{file_name, Format};
//! let doc = gangmu::parse("春耕工作报告\n\n一、提高认识\n二、狠抓落实\n");
//! assert_eq!(file_name(&doc, Format::Markdown), "纲目-春耕工作报告.md");
//! let options = gangmu::export::Options::default();
//! assert!(Format::Outline.render(&doc, "", options).contains("二、狠抓落实"));
//! ```

pub use super::file_name::file_name;
use super::Options;
use crate::model::Document;

/// One kind of file the outline can be written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Opml,
    Json,
    /// The indented plain-text 提纲.
    Outline,
    /// The self-contained page of the structured view.
    Html,
}

impl Format {
    /// Every format, in the order the 导出 menu offers them.
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Opml,
        Format::Json,
        Format::Outline,
        Format::Html,
    ];

    /// The file's contents. `text` is the source, which only HTML embeds;
    /// `options` are the reader's (显示段落), which JSON, the whole model,
    /// does not need. The 提纲 `.txt` is written for Windows as well
    /// ([`for_windows`]); the command line prints it plain.
    pub fn render(self, doc: &Document, text: &str, options: Options) -> String {
        match self {
            Format::Markdown => super::markdown::markdown(doc, options),
            Format::Opml => super::opml::opml(doc, options),
            Format::Json => super::json(doc),
            Format::Outline => for_windows(&super::text::outline(doc, options)),
            Format::Html => super::html::html(doc, text, options),
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Opml => "opml",
            Format::Json => "json",
            Format::Outline => "txt",
            Format::Html => "html",
        }
    }

    /// The media type, with the charset for the text formats.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Opml => "text/x-opml;charset=utf-8",
            Format::Json => "application/json",
            Format::Outline => "text/plain;charset=utf-8",
            Format::Html => "text/html;charset=utf-8",
        }
    }

    /// What the menu calls it, in Chinese.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Opml => "OPML",
            Format::Json => "JSON",
            Format::Outline => "提纲",
            Format::Html => "网页",
        }
    }

    /// What it is for, in Chinese: the menu's second line.
    pub fn purpose(self) -> &'static str {
        match self {
            Format::Markdown => "标题和列表，用于笔记软件",
            Format::Opml => "用于思维导图和大纲软件（XMind、幕布、Logseq）",
            Format::Json => "结构数据，供程序读取",
            Format::Outline => "纯文本，可粘贴到 Word",
            Format::Html => "单个网页文件，可离线查看、打印",
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
        for format in Format::ALL {
            let out = format.render(&doc, crate::SAMPLE_SPEECH, Options::default());
            assert!(
                out.contains("深刻认识开展集中专项行动的重大意义"),
                "{format:?}"
            );
        }
    }
}
