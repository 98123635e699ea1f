//! A Word document (.docx) of the outline, laid out as a 公文-style
//! 学习提纲 (GB/T 9704-2012): A4, margins 37/35/28/26 mm, 22 lines a page
//! (exact line spacing of 28.95 pt), `— 1 —` at the foot of each page.
//!
//! The file is a ZIP of stored entries ([`super::zip_write`]) holding the
//! fewest parts Word and WPS open without a repair prompt:
//! `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` (the title)
//! and `app.xml`, and under `word/` the document, its relationships,
//! `styles.xml`, `settings.xml`, `fontTable.xml` and `footer1.xml`. Like
//! every export it is deterministic: no dates, ids or revision marks.
//!
//! What it holds is [`Contents`], as every export: the title, then each
//! listed node in document order.
//!
//! * Parts, sections, tasks, points and appendices are headings in Word's
//!   built-in styles `Heading1`…`Heading9` (`heading 1` …, outline levels
//!   0–8), the level being the node's depth in the contents tree plus
//!   one: Word's navigation pane shows the outline.
//! * Front matter (subtitle, date, speaker) is centred under the title in
//!   the `Subtitle` style.
//! * The preamble, the closing, plain paragraphs (with 显示段落) and back
//!   matter are body text (`Normal`): they are not parts of the outline,
//!   and would only clutter the navigation pane.
//!
//! [`DocxContents`] chooses what goes under each heading: nothing; its
//! key sentence; or the node's own text — its span less the spans of its
//! listed children (a hidden paragraph's text belongs to the node above
//! it), in source order between the children, a paragraph per line, the
//! heading itself left out (a run-in heading's paragraph goes on after
//! it).
//!
//! # Fonts
//!
//! | what | font | size |
//! | --- | --- | --- |
//! | title | 方正小标宋简体 | 二号, 22 pt |
//! | front matter | 楷体_GB2312 | 三号, 16 pt |
//! | level 1 | 黑体 | 三号 |
//! | level 2 | 楷体_GB2312, bold | 三号 |
//! | level 3 | 仿宋_GB2312, bold | 三号 |
//! | level 4 and deeper | 仿宋_GB2312 | 三号 |
//! | body | 仿宋_GB2312 | 三号 |
//! | page number | 宋体 | 四号, 14 pt |
//!
//! Every run names its font in `w:ascii`, `w:hAnsi`, `w:eastAsia` and
//! `w:cs` (Word picks the East Asian one for Chinese: setting only
//! `w:ascii` is why CJK fonts so often "do nothing"), and no theme font
//! is named anywhere, since a theme font overrides an explicit one. A run
//! takes one font; the fallbacks are in `fontTable.xml`, each font's
//! `w:altName` naming the next, which Word uses when a font is missing:
//! 方正小标宋简体 → 华文中宋 → 宋体 (SimSun); 仿宋_GB2312 → 仿宋 →
//! FangSong → STFangsong (华文仿宋, macOS); 楷体_GB2312 → 楷体 → KaiTi →
//! STKaiti; 黑体 → SimHei.

use super::contents::{Contents, Item};
use super::{escape_markup_char, label_and_heading, zip_write, Options};
use crate::model::{Document, Node, NodeKind};

/// What goes under each heading of the Word file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocxContents {
    /// The outline alone.
    Outline,
    /// Each node's key sentence under its heading.
    KeySentences,
    /// Each node's own text under its heading.
    FullText,
}

/// The .docx of `doc` (parsed from `text`) with the nodes `options` list.
pub fn docx(doc: &Document, text: &str, options: Options, what: DocxContents) -> Vec<u8> {
    let contents = Contents::new(doc, options);
    // 显示要句 puts the key sentences in the outline, as on the screen.
    let what = match what {
        DocxContents::Outline if options.key_sentences => DocxContents::KeySentences,
        what => what,
    };
    package(
        &document_xml(&contents, text, what, key_sentence),
        contents.title,
    )
}

/// A node's key sentence (要句).
fn key_sentence(node: &Node) -> Option<&str> {
    node.key.as_ref().map(|key| key.text.as_str())
}

/// A node's key sentence, or none: [`key_sentence`], or a stand-in in
/// tests.
type KeyOf = fn(&Node) -> Option<&str>;

const MAIN_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELATIONSHIPS_NS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELATIONSHIPS_NS: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// One line of the page: 28.95 pt, so that 22 fit the type area
/// (297 − 37 − 35 mm).
const LINE: u32 = 579;

/// A4 and the GB/T 9704 margins, in twentieths of a point (1 mm ≈ 56.7).
const PAGE: &str = "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" \
w:header=\"851\" w:footer=\"1304\" w:gutter=\"0\"/>";

/// How a run looks.
#[derive(Clone, Copy, Debug)]
struct Look {
    font: &'static str,
    /// In half points (二号 44, 三号 32, 四号 28).
    size: u32,
    bold: bool,
}

const fn look(font: &'static str, size: u32, bold: bool) -> Look {
    Look { font, size, bold }
}

const TITLE: Look = look("方正小标宋简体", 44, false);
const FRONT: Look = look("楷体_GB2312", 32, false);
const BODY: Look = look("仿宋_GB2312", 32, false);
const PAGE_NUMBER: Look = look("宋体", 28, false);
/// Levels 1, 2, 3, and 4 and deeper.
const HEADINGS: [Look; 4] = [
    look("黑体", 32, false),
    look("楷体_GB2312", 32, true),
    look("仿宋_GB2312", 32, true),
    BODY,
];

/// Word's heading styles go to 9.
const DEEPEST: usize = 9;

fn heading_look(level: usize) -> Look {
    HEADINGS[level.clamp(1, HEADINGS.len()) - 1]
}

/// The fonts named, each with the next to try when it is missing
/// (`w:altName`), and whether it is a sans (黑体) or a serif.
const FONTS: [(&str, &str, &str); 10] = [
    ("方正小标宋简体", "华文中宋", "roman"),
    ("华文中宋", "宋体", "roman"),
    ("宋体", "SimSun", "roman"),
    ("黑体", "SimHei", "swiss"),
    ("楷体_GB2312", "楷体", "roman"),
    ("楷体", "KaiTi", "roman"),
    ("KaiTi", "STKaiti", "roman"),
    ("仿宋_GB2312", "仿宋", "roman"),
    ("仿宋", "FangSong", "roman"),
    ("FangSong", "STFangsong", "roman"),
];

/// How a run is marked beyond its look: 对比's Word file
/// (`comparison.rs`) strikes what the new text dropped and underlines
/// what it added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Plain,
    /// Struck through, red.
    Removed,
    /// Underlined, green.
    Added,
}

/// Appends `look` as run properties (`w:rPr`, its children in schema
/// order).
fn run_properties(out: &mut String, look: Look) {
    marked_run_properties(out, look, Mark::Plain);
}

/// [`run_properties`] with `mark` (in the schema's order: fonts, bold,
/// strike, colour, size, underline).
fn marked_run_properties(out: &mut String, look: Look, mark: Mark) {
    let font = look.font;
    out.push_str(&format!(
        "<w:rPr><w:rFonts w:hint=\"eastAsia\" w:ascii=\"{font}\" w:hAnsi=\"{font}\" \
         w:eastAsia=\"{font}\" w:cs=\"{font}\"/>"
    ));
    if look.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    match mark {
        Mark::Plain => {}
        Mark::Removed => out.push_str("<w:strike/><w:color w:val=\"A8352A\"/>"),
        Mark::Added => out.push_str("<w:color w:val=\"1A6B34\"/>"),
    }
    let size = look.size;
    out.push_str(&format!(
        "<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>"
    ));
    if mark == Mark::Added {
        out.push_str("<w:u w:val=\"single\"/>");
    }
    out.push_str("</w:rPr>");
}

/// Whether XML 1.0 forbids `c` (C0 controls but tab and line feed;
/// U+FFFE, U+FFFF) or a reader would see nothing useful in it (carriage
/// returns, DEL, C1 controls): such chars are dropped.
fn is_dropped(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// Appends a run of `text` in `look`: tabs and line feeds as Word's
/// `w:tab` and `w:br`, the rest escaped.
fn run(out: &mut String, look: Look, text: &str) {
    marked_run(out, look, Mark::Plain, text);
}

/// [`run`] with `mark`.
fn marked_run(out: &mut String, look: Look, mark: Mark, text: &str) {
    const TEXT: &str = "<w:t xml:space=\"preserve\">";
    out.push_str("<w:r>");
    marked_run_properties(out, look, mark);
    out.push_str(TEXT);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("</w:t><w:tab/>"),
            '\n' => out.push_str("</w:t><w:br/>"),
            c if is_dropped(c) => continue,
            c => {
                if !escape_markup_char(out, c) {
                    out.push(c);
                }
                continue;
            }
        }
        out.push_str(TEXT);
    }
    out.push_str("</w:t></w:r>");
}

/// Appends a paragraph of `text` in the paragraph style `style` and the
/// run look `look` (the style's, set on the run as well: WPS and older
/// Word versions then agree whatever they make of the style).
fn paragraph(out: &mut String, style: &str, look: Look, text: &str) {
    kept_paragraph(out, style, false, look, text);
}

/// [`paragraph`], kept on the page of the next if `keep_next`: a heading
/// over text. (Not in the heading styles: a heading over a heading needs
/// none, and in the outline alone a chain of them would be one block that
/// a word processor moves to the next page whole.)
fn kept_paragraph(out: &mut String, style: &str, keep_next: bool, look: Look, text: &str) {
    out.push_str(&format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>"));
    if keep_next {
        out.push_str("<w:keepNext/>");
    }
    out.push_str("</w:pPr>");
    run(out, look, text);
    out.push_str("</w:p>");
}

/// Chars a heading leaves out of the text it is sliced from: blanks and
/// line breaks, invisible chars, Markdown's heading, quote and emphasis
/// marks.
fn is_left_out(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '#' | '>' | '*' | '_' | '\u{a0}' | '\u{ad}' | '\u{200b}'
                ..='\u{200d}' | '\u{2060}' | '\u{feff}'
        )
}

/// `text` after its start `heading` (label and heading, as written),
/// matched leniently: chars the heading left out are skipped on both
/// sides, and so are the punctuation and blanks that end a run-in
/// heading (`一要提高站位。要…` → `要…`). `None` when `text` does not
/// start with it.
fn after_heading<'t>(text: &'t str, heading: &str) -> Option<&'t str> {
    let mut chars = text.char_indices();
    let mut end = 0;
    for wanted in heading.chars().filter(|&c| !is_left_out(c)) {
        loop {
            let (at, c) = chars.next()?;
            if c == wanted {
                end = at + c.len_utf8();
                break;
            }
            if !is_left_out(c) {
                return None;
            }
        }
    }
    let rest = text[end..].trim_start_matches(|c: char| {
        is_left_out(c)
            || matches!(
                c,
                '。' | '！' | '？' | '：' | '；' | '，' | '、' | '.' | '!' | '?' | ':' | ';' | ','
            )
    });
    Some(rest)
}

/// The text of `node`'s start without its label and heading, which its
/// heading paragraph says. A heading clipped with `…` (a long run-in one)
/// leaves its paragraph whole, but for the label: the clipped words are
/// said again rather than the sentence cut. Text that does not start
/// with the label is written as it is.
fn without_heading<'t>(text: &'t str, node: &Node) -> &'t str {
    after_heading(text, &label_and_heading(node))
        .or_else(|| after_heading(text, node.label.as_deref()?))
        .unwrap_or(text)
}

/// How a node is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A heading of the outline.
    Heading,
    /// Centred under the title.
    Front,
    /// Body text.
    Body,
}

fn role(kind: NodeKind) -> Role {
    match kind {
        NodeKind::Front => Role::Front,
        NodeKind::Preamble | NodeKind::Closing | NodeKind::Paragraph | NodeKind::Back => Role::Body,
        NodeKind::Part
        | NodeKind::Section
        | NodeKind::Task
        | NodeKind::Point
        | NodeKind::Appendix => Role::Heading,
    }
}

/// Writes `word/document.xml`.
struct Writer<'t> {
    out: String,
    text: &'t str,
    /// The byte offset of each char of `text`, and its length at the end:
    /// spans are char offsets. Only for the full text.
    char_starts: Vec<usize>,
    what: DocxContents,
    key: KeyOf,
}

impl<'t> Writer<'t> {
    /// The source text of the char span `start..end`, clamped to the text.
    fn slice(&self, start: usize, end: usize) -> &'t str {
        let byte = |at: usize| self.char_starts.get(at).copied().unwrap_or(self.text.len());
        self.text
            .get(byte(start)..byte(end.max(start)))
            .unwrap_or("")
    }

    /// Paragraphs of `text` in `style`, one per line; lines with no letter
    /// or digit (blank, or the punctuation between two inline children)
    /// are left out.
    fn lines(&mut self, text: &str, style: &str, look: Look) {
        for line in text.split('\n') {
            let line = line.trim();
            if line.chars().any(char::is_alphanumeric) {
                paragraph(&mut self.out, style, look, line);
            }
        }
    }

    fn item(&mut self, item: &Item, depth: usize) {
        let node = item.node;
        let heading = label_and_heading(node);
        let (style, look) = match role(node.kind) {
            Role::Heading => {
                let level = (depth + 1).min(DEEPEST);
                let style = format!("Heading{level}");
                let keep_next = self.what != DocxContents::Outline;
                kept_paragraph(
                    &mut self.out,
                    &style,
                    keep_next,
                    heading_look(level),
                    &heading,
                );
                match self.what {
                    DocxContents::Outline => {}
                    DocxContents::KeySentences => {
                        if let Some(key) = (self.key)(node) {
                            paragraph(&mut self.out, "Normal", BODY, key);
                        }
                    }
                    DocxContents::FullText => {
                        return self.full_text(item, depth, true, "Normal", BODY)
                    }
                }
                return self.children(item, depth);
            }
            Role::Front => ("Subtitle", FRONT),
            Role::Body => ("Normal", BODY),
        };
        match self.what {
            DocxContents::Outline => paragraph(&mut self.out, style, look, &heading),
            DocxContents::KeySentences => {
                let key = (self.key)(node).unwrap_or(&heading);
                paragraph(&mut self.out, style, look, key);
            }
            DocxContents::FullText => return self.full_text(item, depth, false, style, look),
        }
        self.children(item, depth);
    }

    fn children(&mut self, item: &Item, depth: usize) {
        for child in &item.children {
            self.item(child, depth + 1);
        }
    }

    /// The node's own text (in `style`) with its listed children in
    /// between, in source order; without its label and heading at its
    /// start if `headed` ([`without_heading`]).
    fn full_text(&mut self, item: &Item, depth: usize, headed: bool, style: &str, look: Look) {
        let span = item.node.span;
        let mut at = span.start;
        let mut first = true;
        let pieces = item.children.iter().map(Some).chain([None]);
        for child in pieces {
            let end = child.map_or(span.end, |child| child.node.span.start);
            let text = self.slice(at, end);
            let text = if headed && first {
                without_heading(text, item.node)
            } else {
                text
            };
            first = false;
            self.lines(text, style, look);
            if let Some(child) = child {
                self.item(child, depth + 1);
                at = at.max(child.node.span.end);
            }
        }
    }
}

/// `word/document.xml`: the title, then the listed nodes, then the page.
fn document_xml(contents: &Contents, text: &str, what: DocxContents, key: KeyOf) -> String {
    let char_starts = match what {
        DocxContents::FullText => text
            .char_indices()
            .map(|(at, _)| at)
            .chain([text.len()])
            .collect(),
        DocxContents::Outline | DocxContents::KeySentences => Vec::new(),
    };
    let mut writer = Writer {
        out: String::with_capacity(4096),
        text,
        char_starts,
        what,
        key,
    };
    writer.out.push_str(XML_DECLARATION);
    writer.out.push_str(&format!(
        "<w:document xmlns:w=\"{MAIN_NS}\" xmlns:r=\"{RELATIONSHIPS_NS}\"><w:body>"
    ));
    if let Some(title) = contents.title {
        paragraph(&mut writer.out, "Title", TITLE, title);
    }
    for item in &contents.items {
        writer.item(item, 0);
    }
    writer.out.push_str(&format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>{PAGE}\
         <w:pgNumType w:fmt=\"decimal\"/><w:docGrid w:type=\"lines\" w:linePitch=\"{LINE}\"/>\
         </w:sectPr></w:body></w:document>"
    ));
    writer.out
}

/// A paragraph style: its id, Word's name for it, what it is based on,
/// its paragraph properties' children (in schema order) and its look.
fn style(out: &mut String, id: &str, name: &str, based_on: bool, paragraph: &str, look: Look) {
    out.push_str(&format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>"
    ));
    if based_on {
        out.push_str("<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>");
    }
    out.push_str(&format!("<w:qFormat/><w:pPr>{paragraph}</w:pPr>"));
    run_properties(out, look);
    out.push_str("</w:style>");
}

/// `word/styles.xml`: the defaults (the body's font, 三号, Chinese, the
/// exact line), `Normal`, `Title`, `Subtitle`, `Heading1`…`Heading9` and
/// `Footer`.
fn styles_xml() -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(&format!(
        "<w:styles xmlns:w=\"{MAIN_NS}\"><w:docDefaults><w:rPrDefault>"
    ));
    run_properties(&mut out, BODY);
    // The defaults' run properties end in the language, after the size.
    out.truncate(out.len() - "</w:rPr>".len());
    out.push_str(&format!(
        "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:line=\"{LINE}\" w:lineRule=\"exact\"/></w:pPr>\
         </w:pPrDefault></w:docDefaults>"
    ));
    // Normal is the default paragraph style and has no basedOn.
    out.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">");
    out.push_str("<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr>");
    out.push_str(&format!(
        "<w:spacing w:line=\"{LINE}\" w:lineRule=\"exact\"/>\
         <w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/></w:pPr>"
    ));
    run_properties(&mut out, BODY);
    out.push_str("</w:style>");
    let centred = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>";
    style(
        &mut out,
        "Title",
        "Title",
        true,
        &format!(
            "<w:keepNext/><w:spacing w:after=\"{LINE}\" w:line=\"{LINE}\" w:lineRule=\"exact\"/>{centred}"
        ),
        TITLE,
    );
    style(&mut out, "Subtitle", "Subtitle", true, centred, FRONT);
    for level in 1..=DEEPEST {
        style(
            &mut out,
            &format!("Heading{level}"),
            &format!("heading {level}"),
            true,
            &format!("<w:keepLines/><w:outlineLvl w:val=\"{}\"/>", level - 1),
            heading_look(level),
        );
    }
    style(
        &mut out,
        "Footer",
        "footer",
        true,
        &format!("<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>{centred}"),
        PAGE_NUMBER,
    );
    out.push_str("</w:styles>");
    out
}

/// `word/fontTable.xml`: the fonts, each with its fallback.
fn font_table_xml() -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(&format!("<w:fonts xmlns:w=\"{MAIN_NS}\">"));
    for (font, fallback, family) in FONTS {
        // 134 (0x86) is GB2312's character set.
        out.push_str(&format!(
            "<w:font w:name=\"{font}\"><w:altName w:val=\"{fallback}\"/><w:charset w:val=\"86\"/>\
             <w:family w:val=\"{family}\"/><w:pitch w:val=\"variable\"/></w:font>"
        ));
    }
    out.push_str("</w:fonts>");
    out
}

/// `word/footer1.xml`: `— PAGE —`, centred.
fn footer_xml() -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(&format!(
        "<w:ftr xmlns:w=\"{MAIN_NS}\" xmlns:r=\"{RELATIONSHIPS_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
    ));
    run(&mut out, PAGE_NUMBER, "— ");
    out.push_str("<w:fldSimple w:instr=\" PAGE \">");
    run(&mut out, PAGE_NUMBER, "1");
    out.push_str("</w:fldSimple>");
    run(&mut out, PAGE_NUMBER, " —");
    out.push_str("</w:p></w:ftr>");
    out
}

const SETTINGS_XML: &str = "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>";

const CONTENT_TYPES_XML: &str = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const APP_XML: &str = "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>gangmu</Application></Properties>";

/// A relationships part of `(id, type under officeDocument/2006/relationships/ or
/// package/2006/relationships/, target)`.
fn relationships_xml(relationships: &[(&str, &str, &str)]) -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(&format!(
        "<Relationships xmlns=\"{PACKAGE_RELATIONSHIPS_NS}\">"
    ));
    for (id, kind, target) in relationships {
        out.push_str(&format!(
            "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/{kind}\" Target=\"{target}\"/>"
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// `docProps/core.xml`: the title, no dates.
fn core_xml(title: Option<&str>) -> String {
    let mut out = String::from(XML_DECLARATION);
    out.push_str(
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\">",
    );
    if let Some(title) = title {
        out.push_str("<dc:title>");
        for c in title.chars().filter(|&c| !is_dropped(c)) {
            if !escape_markup_char(&mut out, c) {
                out.push(c);
            }
        }
        out.push_str("</dc:title>");
    }
    out.push_str("</cp:coreProperties>");
    out
}

/// The ZIP of every part around `document`.
fn package(document: &str, title: Option<&str>) -> Vec<u8> {
    let with_declaration = |xml: &str| format!("{XML_DECLARATION}{xml}");
    let package_relationships = relationships_xml(&[
        (
            "rId1",
            "officeDocument/2006/relationships/officeDocument",
            "word/document.xml",
        ),
        (
            "rId2",
            "package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        (
            "rId3",
            "officeDocument/2006/relationships/extended-properties",
            "docProps/app.xml",
        ),
    ]);
    let document_relationships = relationships_xml(&[
        (
            "rIdStyles",
            "officeDocument/2006/relationships/styles",
            "styles.xml",
        ),
        (
            "rIdSettings",
            "officeDocument/2006/relationships/settings",
            "settings.xml",
        ),
        (
            "rIdFonts",
            "officeDocument/2006/relationships/fontTable",
            "fontTable.xml",
        ),
        (
            "rIdFooter",
            "officeDocument/2006/relationships/footer",
            "footer1.xml",
        ),
    ]);
    zip_write::stored(&[
        (
            "[Content_Types].xml",
            with_declaration(CONTENT_TYPES_XML).as_bytes(),
        ),
        ("_rels/.rels", package_relationships.as_bytes()),
        ("docProps/core.xml", core_xml(title).as_bytes()),
        ("docProps/app.xml", with_declaration(APP_XML).as_bytes()),
        ("word/document.xml", document.as_bytes()),
        (
            "word/_rels/document.xml.rels",
            document_relationships.as_bytes(),
        ),
        ("word/styles.xml", styles_xml().as_bytes()),
        (
            "word/settings.xml",
            with_declaration(SETTINGS_XML).as_bytes(),
        ),
        ("word/fontTable.xml", font_table_xml().as_bytes()),
        ("word/footer1.xml", footer_xml().as_bytes()),
    ])
}

mod comparison;
pub use comparison::comparison_docx;

// roxmltree, which the tests read the XML with, is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
