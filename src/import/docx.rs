//! The text of a Word .docx (Office Open XML): one line per paragraph of
//! `word/document.xml`, with headings and automatic numbers turned into
//! text the parser understands.
//!
//! * A paragraph with an automatic number (`w:numPr`, directly or through
//!   its style) starts with the number as Word shows it (`一、` `（一）`
//!   `1.`), rendered from `word/numbering.xml` ([`super::numbering`]).
//!   Bullets get nothing.
//! * A heading (style `heading N` / `标题 N`, or an outline level) starts
//!   with N `#`s, the Markdown heading the parser takes as a part or a
//!   nested part: `# 一、总体要求`. The `Title` style stays a plain line,
//!   which the parser takes as the title.
//! * Text is `w:t`; `w:tab` is a tab; `w:br` and `w:cr` break the line
//!   (page and column breaks do not). Deleted and moved-away text in
//!   tracked changes, and the fallback copy of alternate content, are left
//!   out. Text boxes give lines of their own.

use std::collections::HashMap;

use super::numbering::Numbering;
use super::xml::{attr, unescape, Event, Reader};
use super::zip::Archive;
use super::ImportError;

/// Largest `document.xml` read from the archive, inflated.
const MAX_PART_BYTES: usize = 64 * 1024 * 1024;

/// Largest styles or numbering part: real ones are well under 1 MB, and
/// what is read of them is kept while the document is read.
const MAX_SIDE_PART_BYTES: usize = 16 * 1024 * 1024;

/// Deepest Markdown heading written; deeper outline levels get this many.
const MAX_HEADING_LEVEL: usize = 6;

/// See the module documentation.
pub fn docx_text(bytes: &[u8]) -> Result<String, ImportError> {
    let archive = Archive::open(bytes)?;
    let document = archive
        .read("word/document.xml", MAX_PART_BYTES)?
        .ok_or(ImportError::NotDocx)?;
    let part = |name: &str| -> Result<String, ImportError> {
        Ok(archive
            .read(name, MAX_SIDE_PART_BYTES)?
            .map(xml_text)
            .unwrap_or_default())
    };
    let styles = Styles::read(&part("word/styles.xml")?);
    let mut numbering = Numbering::read(&part("word/numbering.xml")?);
    paragraphs(&xml_text(document), &styles, &mut numbering)
}

/// An XML part as text: UTF-8 (Word's choice, taken over without a copy),
/// or UTF-16 with a BOM.
fn xml_text(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) if !text.starts_with('\u{FEFF}') => text,
        Ok(text) => super::decode_unicode(text.as_bytes()).unwrap_or_default(),
        Err(err) => {
            let bytes = err.into_bytes();
            match super::decode_unicode(&bytes) {
                Some(text) => text,
                None => String::from_utf8_lossy(&bytes).into_owned(),
            }
        }
    }
}

/// A paragraph style as far as it matters here.
#[derive(Clone, Debug, Default)]
struct Style {
    /// A numbering style (`w:type="numbering"`), which only names a list.
    numbering: bool,
    name: String,
    based_on: Option<String>,
    outline_level: Option<usize>,
    list: Option<String>,
    list_level: Option<usize>,
}

/// What a style says about a paragraph, its `basedOn` chain resolved.
#[derive(Clone, Debug, Default, PartialEq)]
struct Resolved {
    /// 1 for `heading 1` …; `None` for body text.
    heading: Option<usize>,
    title: bool,
    list: Option<String>,
    list_level: Option<usize>,
}

/// Paragraph and numbering styles by id.
#[derive(Debug, Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn read(xml: &str) -> Self {
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        for event in Reader::new(xml) {
            let (name, attrs) = match event {
                Event::Start { name, attrs, .. } => (name, attrs),
                Event::End { name: "w:style" } => {
                    if let Some((id, style)) = current.take() {
                        styles.0.insert(id, style);
                    }
                    continue;
                }
                _ => continue,
            };
            if name == "w:style" {
                let kind = attr(attrs, "w:type");
                let id = attr(attrs, "w:styleId").unwrap_or_default().into_owned();
                current = match kind.as_deref() {
                    Some(kind @ ("paragraph" | "numbering")) => Some((
                        id,
                        Style {
                            numbering: kind == "numbering",
                            ..Style::default()
                        },
                    )),
                    _ => None,
                };
                continue;
            }
            let Some((_, style)) = &mut current else {
                continue;
            };
            let val = attr(attrs, "w:val").map(|v| v.into_owned());
            match name {
                "w:name" => style.name = val.unwrap_or_default(),
                "w:basedOn" => style.based_on = val,
                "w:outlineLvl" => style.outline_level = val.and_then(|v| v.parse().ok()),
                "w:numId" => style.list = val,
                "w:ilvl" => style.list_level = val.and_then(|v| v.parse().ok()),
                _ => {}
            }
        }
        styles
    }

    /// The list a numbering style names.
    fn list_of_numbering_style(&self, id: &str) -> Option<String> {
        self.0
            .get(id)
            .filter(|style| style.numbering)
            .and_then(|style| style.list.clone())
    }

    /// The style `id` with what it inherits; unknown ids resolve to body
    /// text. The `basedOn` chain is followed at most 16 steps (a cycle in
    /// a damaged file ends there).
    fn resolve(&self, id: &str) -> Resolved {
        let mut resolved = Resolved::default();
        let mut heading_known = false;
        let mut next = Some(id.to_string());
        for _ in 0..16 {
            let Some(style) = next.as_deref().and_then(|id| self.0.get(id)) else {
                break;
            };
            if !heading_known {
                if let Some(level) = heading_level(&style.name) {
                    resolved.heading = Some(level);
                    heading_known = true;
                } else if is_title(&style.name) {
                    resolved.title = true;
                    heading_known = true;
                } else if let Some(level) = style.outline_level {
                    resolved.heading = (level < 9).then_some(level + 1);
                    heading_known = true;
                }
            }
            if resolved.list.is_none() {
                resolved.list.clone_from(&style.list);
            }
            if resolved.list_level.is_none() {
                resolved.list_level = style.list_level;
            }
            next.clone_from(&style.based_on);
        }
        resolved
    }
}

/// `heading 3`, `Heading 3`, `标题 3`, `标题3` → 3.
fn heading_level(style_name: &str) -> Option<usize> {
    let name = style_name.trim().to_ascii_lowercase();
    let number = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("标题"))?
        .trim();
    number.parse().ok().filter(|level| (1..=9).contains(level))
}

fn is_title(style_name: &str) -> bool {
    matches!(style_name.trim(), "Title" | "title" | "标题")
}

/// One paragraph as it is read.
#[derive(Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    list: Option<String>,
    list_level: Option<usize>,
    outline_level: Option<usize>,
}

/// Elements whose content is not part of the visible text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "w:del" | "w:moveFrom" | "w:pPrChange" | "w:rPrChange" | "w:instrText" | "w:delText"
    ) || name.ends_with(":Fallback")
}

/// The lines of `document.xml`; [`ImportError::TooLarge`] as soon as they,
/// or the paragraph being read, pass [`super::MAX_TEXT_BYTES`] (automatic
/// numbers can make the text far longer than the XML).
fn paragraphs(
    xml: &str,
    styles: &Styles,
    numbering: &mut Numbering,
) -> Result<String, ImportError> {
    let mut out = String::new();
    // Open paragraphs: a text box inside a paragraph holds paragraphs.
    let mut open: Vec<Paragraph> = Vec::new();
    let mut in_text = false;
    let mut reader = Reader::new(xml);
    while let Some(event) = reader.next() {
        match event {
            Event::Start {
                name, empty: false, ..
            } if is_skipped(name) => reader.skip_element(name),
            Event::Start { name, .. } if is_skipped(name) => {}
            Event::Start {
                name: "w:p",
                empty: true,
                ..
            } => write_line(&mut out, Paragraph::default(), styles, numbering)?,
            Event::Start { name: "w:p", .. } => open.push(Paragraph::default()),
            Event::End { name: "w:p" } => {
                if let Some(paragraph) = open.pop() {
                    write_line(&mut out, paragraph, styles, numbering)?;
                }
                in_text = false;
            }
            Event::Start { name, attrs, empty } => {
                let Some(paragraph) = open.last_mut() else {
                    continue;
                };
                let val = || attr(attrs, "w:val").map(|v| v.into_owned());
                match name {
                    "w:t" => in_text = !empty,
                    "w:tab" => paragraph.text.push('\t'),
                    // Page and column breaks do not break the line.
                    "w:br"
                        if !matches!(attr(attrs, "w:type").as_deref(), Some("page" | "column")) =>
                    {
                        paragraph.text.push('\n')
                    }
                    "w:cr" => paragraph.text.push('\n'),
                    "w:noBreakHyphen" => paragraph.text.push('-'),
                    "w:pStyle" => paragraph.style = val(),
                    "w:numId" => paragraph.list = val(),
                    "w:ilvl" => paragraph.list_level = val().and_then(|v| v.parse().ok()),
                    "w:outlineLvl" => paragraph.outline_level = val().and_then(|v| v.parse().ok()),
                    _ => {}
                }
            }
            Event::End { name: "w:t" } => in_text = false,
            Event::Text(text) if in_text => {
                if let Some(paragraph) = open.last_mut() {
                    paragraph.text.push_str(&unescape(text));
                }
            }
            Event::CData(text) if in_text => {
                if let Some(paragraph) = open.last_mut() {
                    paragraph.text.push_str(text);
                }
            }
            _ => {}
        }
        if open
            .last()
            .is_some_and(|p| p.text.len() > super::MAX_TEXT_BYTES)
        {
            return Err(ImportError::TooLarge);
        }
    }
    // A document cut short: keep what was read.
    while let Some(paragraph) = open.pop() {
        write_line(&mut out, paragraph, styles, numbering)?;
    }
    Ok(out)
}

/// Writes one paragraph as a line, with its heading marks and number.
fn write_line(
    out: &mut String,
    paragraph: Paragraph,
    styles: &Styles,
    numbering: &mut Numbering,
) -> Result<(), ImportError> {
    let style_id = paragraph.style.as_deref().unwrap_or("");
    let style = styles.resolve(style_id);
    // numId 0 switches off numbering the style would give.
    let list = paragraph.list.or(style.list).filter(|id| id != "0");
    let number = list.and_then(|list| {
        let level = paragraph
            .list_level
            .or(style.list_level)
            .or_else(|| numbering.level_of_style(&list, style_id))
            .unwrap_or(0);
        numbering.next(&list, level, &|style| styles.list_of_numbering_style(style))
    });
    let heading = match paragraph.outline_level {
        Some(level) if level < 9 => Some(level + 1),
        Some(_) => None,
        None => style.heading,
    };
    let text = paragraph.text.trim_end();
    let number_len = number.as_ref().map_or(0, |n| n.number.len() + 3);
    if out.len() + MAX_HEADING_LEVEL + 2 + number_len + text.len() > super::MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge);
    }
    if !text.trim().is_empty() {
        if let Some(level) = heading {
            out.push_str(&"#".repeat(level.min(MAX_HEADING_LEVEL)));
            out.push(' ');
        }
        if let Some(number) = number {
            out.push_str(&number.number);
            out.push_str(number.separator);
        }
        out.push_str(text.trim_start_matches([' ', '\t']));
    }
    out.push('\n');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_style_names() {
        assert_eq!(heading_level("heading 1"), Some(1));
        assert_eq!(heading_level("Heading 3"), Some(3));
        assert_eq!(heading_level("标题 2"), Some(2));
        assert_eq!(heading_level("标题2"), Some(2));
        assert_eq!(heading_level("标题"), None);
        assert_eq!(heading_level("heading 10"), None);
        assert!(is_title("Title") && is_title("标题"));
    }

    #[test]
    fn styles_inherit_and_cycles_end() {
        let xml = r#"<w:styles>
          <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>
          <w:style w:type="paragraph" w:styleId="A"><w:name w:val="a"/><w:basedOn w:val="B"/></w:style>
          <w:style w:type="paragraph" w:styleId="B"><w:name w:val="b"/><w:basedOn w:val="A"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
          <w:style w:type="numbering" w:styleId="L"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
        </w:styles>"#;
        let styles = Styles::read(xml);
        let mine = styles.resolve("Mine");
        assert_eq!(mine.heading, Some(1));
        assert_eq!(mine.list.as_deref(), Some("3"));
        assert_eq!(styles.resolve("A").heading, Some(2));
        assert_eq!(styles.resolve("nope"), Resolved::default());
        assert_eq!(styles.list_of_numbering_style("L").as_deref(), Some("7"));
        assert_eq!(styles.list_of_numbering_style("1"), None);
    }
}
