//! The exports as files: which formats there are, what each is called and
//! what its file is named. The app's 导出 menu is a list of [`Format`]s;
//! what it downloads is [`Format::render`] under [`file_name`].
//!
//! ```
//! use gangmu::export::file::{file_name, Format};
//! assert_eq!(file_name(Some("春耕工作报告"), Format::Markdown), "纲目-春耕工作报告.md");
//! let doc = gangmu::parse("一、提高认识\n二、狠抓落实\n");
//! let options = gangmu::export::Options::default();
//! assert!(Format::Outline.render(&doc, "", options).contains("二、狠抓落实"));
//! ```

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
    /// does not need.
    pub fn render(self, doc: &Document, text: &str, options: Options) -> String {
        match self {
            Format::Markdown => super::markdown::markdown(doc, options),
            Format::Opml => super::opml::opml(doc, options),
            Format::Json => super::json(doc),
            Format::Outline => super::text::outline(doc, options),
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

/// Longest title kept in a file name, in chars.
const MAX_TITLE_CHARS: usize = 40;

/// `纲目-<title>.<ext>`, or `纲目.<ext>` without a usable title. The title
/// is made safe for every common file system: characters that Windows,
/// macOS or Linux forbid or treat specially (`\ / : * ? " < > |`),
/// controls and line breaks become nothing or one space, runs of spaces
/// one, leading and trailing dots and spaces are dropped, and it is cut
/// at [`MAX_TITLE_CHARS`] chars.
pub fn file_name(title: Option<&str>, format: Format) -> String {
    let stem = title.map(sanitise).unwrap_or_default();
    if stem.is_empty() {
        format!("纲目.{}", format.extension())
    } else {
        format!("纲目-{stem}.{}", format.extension())
    }
}

fn sanitise(title: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in title.chars().take(4 * MAX_TITLE_CHARS) {
        match c {
            '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => {}
            c if c.is_control() || c.is_whitespace() => space = true,
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    let cut: String = out.chars().take(MAX_TITLE_CHARS).collect();
    cut.trim_matches(|c: char| c == '.' || c == ' ').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_files_after_the_title() {
        assert_eq!(
            file_name(Some("工作报告"), Format::Opml),
            "纲目-工作报告.opml"
        );
        assert_eq!(file_name(None, Format::Json), "纲目.json");
        assert_eq!(file_name(Some(" ./: "), Format::Html), "纲目.html");
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name(Some("a/b\\c:d*e?f\"g<h>i|j\u{0}k"), Format::Outline),
            "纲目-abcdefghij k.txt"
        );
        assert_eq!(
            file_name(Some("  在全市\n\t大会上的　讲话..  "), Format::Markdown),
            "纲目-在全市 大会上的 讲话.md"
        );
        let long = "长".repeat(100);
        assert_eq!(
            file_name(Some(&long), Format::Markdown),
            format!("纲目-{}.md", "长".repeat(MAX_TITLE_CHARS))
        );
    }

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
