//! 对比 as a Word file: the aligned outlines as one outline in the
//! 学习提纲's page, fonts and heading styles (so Word's navigation pane
//! lists it), each row led by its change in brackets (【新增】…) and its
//! words marked as a reviewer marks a draft: what the new text dropped
//! struck through in red, what it added underlined in green. Then the
//! terms and the figures that changed, as `render::text` lists them.
//!
//! The marks are run formatting, not Word's tracked changes (`w:ins`,
//! `w:del`): a tracked change asks to be accepted or rejected, and this
//! file reports two texts, it edits neither.

use super::{heading_look, marked_run, package, paragraph, Mark, BODY, DEEPEST, FRONT, LINE};
use super::{MAIN_NS, PAGE, RELATIONSHIPS_NS, TITLE, XML_DECLARATION};
use crate::compare::render::{summary, term_lists, term_text, title_line};
use crate::compare::{Change, Comparison, Entry, Piece, Side};

/// One row: a heading at its depth, led by its change.
fn row(out: &mut String, entry: &Entry) {
    let level = (entry.depth + 1).min(DEEPEST);
    let look = heading_look(level);
    out.push_str(&format!(
        "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/></w:pPr>"
    ));
    marked_run(
        out,
        look,
        Mark::Plain,
        &format!("【{}】", entry.change.name()),
    );
    let side = entry.new.as_ref().or(entry.old.as_ref());
    let label = side.and_then(|side| side.label.as_deref()).unwrap_or("");
    let whole = |side: Option<&Side>| side.map_or(String::new(), |side| side.heading.clone());
    marked_run(
        out,
        look,
        Mark::Plain,
        &format!("{label}{}", crate::export::label_gap(label)),
    );
    match entry.change {
        Change::Same => marked_run(out, look, Mark::Plain, &whole(entry.new.as_ref())),
        Change::Added => marked_run(out, look, Mark::Added, &whole(entry.new.as_ref())),
        Change::Removed => marked_run(out, look, Mark::Removed, &whole(entry.old.as_ref())),
        Change::Reworded => {
            for piece in &entry.words {
                let (mark, text) = match piece {
                    Piece::Kept(text) => (Mark::Plain, text),
                    Piece::Removed(text) => (Mark::Removed, text),
                    Piece::Added(text) => (Mark::Added, text),
                };
                marked_run(out, look, mark, text);
            }
        }
    }
    if let (Some(old), Some(new)) = (&entry.old, &entry.new) {
        if entry.moved || old.label != new.label {
            marked_run(out, BODY, Mark::Plain, &format!("（原为 {}）", old.line()));
        }
    }
    out.push_str("</w:p>");
}

/// The comparison as a .docx.
pub fn comparison_docx(comparison: &Comparison) -> Vec<u8> {
    let mut out = String::with_capacity(4096 + comparison.entries.len() * 600);
    out.push_str(XML_DECLARATION);
    out.push_str(&format!(
        "<w:document xmlns:w=\"{MAIN_NS}\" xmlns:r=\"{RELATIONSHIPS_NS}\"><w:body>"
    ));
    let title = title_line(comparison);
    paragraph(&mut out, "Title", TITLE, &title);
    paragraph(&mut out, "Subtitle", FRONT, &summary(comparison));
    paragraph(
        &mut out,
        "Subtitle",
        FRONT,
        "【新增】只见于新稿　【删去】只见于旧稿　【改写】删去的字划线，新增的字下加横线",
    );
    for entry in &comparison.entries {
        row(&mut out, entry);
    }
    for (heading, terms) in term_lists(comparison) {
        if terms.is_empty() {
            continue;
        }
        paragraph(&mut out, "Heading1", heading_look(1), heading);
        let listed: Vec<String> = terms.iter().map(term_text).collect();
        paragraph(&mut out, "Normal", BODY, &listed.join("　"));
    }
    if !comparison.numbers.is_empty() {
        paragraph(&mut out, "Heading1", heading_look(1), "数字有变");
        for change in &comparison.numbers {
            let line = format!(
                "{}：{} → {}（{}）",
                change.measure,
                change.old,
                change.new,
                change.node.line()
            );
            paragraph(&mut out, "Normal", BODY, &line);
        }
    }
    out.push_str(&format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>{PAGE}\
         <w:pgNumType w:fmt=\"decimal\"/><w:docGrid w:type=\"lines\" w:linePitch=\"{LINE}\"/>\
         </w:sectPr></w:body></w:document>"
    ));
    package(&out, Some(&title))
}

// roxmltree is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::import::zip::Archive;

    #[test]
    fn rows_are_headings_with_their_changes_marked() {
        let old = "一、稳定经济\n（一）扩大内需\n（二）稳定就业\n二、深化改革\n";
        let new = "一、稳定经济\n（一）扩大国内需求\n二、深化改革\n三、扩大开放\n";
        let bytes = comparison_docx(&crate::compare::compare(old, new));
        // Word's own reader, the importer's, sees every row's text.
        let text = crate::import::docx_text(&bytes).expect("the file reads back");
        for line in [
            "【不变】一、稳定经济",
            "【改写】（一）扩大国内需求",
            "【删去】（二）稳定就业",
            "【新增】三、扩大开放",
        ] {
            assert!(text.contains(line), "{line:?} in {text}");
        }
        let archive = Archive::open(&bytes).expect("a ZIP");
        let document = archive
            .read("word/document.xml", 1 << 24)
            .expect("readable")
            .expect("the document");
        let document = String::from_utf8(document).expect("UTF-8");
        let xml = roxmltree::Document::parse(&document).expect("well-formed");
        let runs = |mark: &str| {
            xml.descendants()
                .filter(|node| node.tag_name().name() == "r")
                .filter(|run| run.descendants().any(|n| n.tag_name().name() == mark))
                .map(|run| {
                    run.descendants()
                        .filter(|n| n.is_text())
                        .map(|n| n.text().unwrap_or(""))
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(runs("strike"), ["稳定就业"]);
        assert_eq!(runs("u"), ["国", "求", "扩大开放"]);
        let styles: Vec<&str> = xml
            .descendants()
            .filter(|node| node.tag_name().name() == "pStyle")
            .filter_map(|node| node.attribute((MAIN_NS, "val")))
            .collect();
        assert_eq!(
            styles,
            [
                "Title", "Subtitle", "Subtitle", "Heading1", "Heading2", "Heading2", "Heading1",
                "Heading1"
            ]
        );
    }
}
