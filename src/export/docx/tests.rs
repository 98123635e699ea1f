//! The .docx read back: unzipped with the importer's ZIP reader, its XML
//! parsed with roxmltree, its text read by the importer.

use std::collections::HashMap;

use roxmltree::{Document as Xml, Node as XmlNode};

use super::*;
use crate::import::zip::Archive;

const REPORT: &str =
    include_str!("../../../tests/corpus/11_gwr1955_first-five-year-plan_very-long.txt");

const W: &str = MAIN_NS;

/// Every part of a .docx, by name.
fn parts(bytes: &[u8]) -> HashMap<&'static str, String> {
    let archive = Archive::open(bytes).expect("a ZIP");
    let names = [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
    ];
    names
        .into_iter()
        .map(|name| {
            let bytes = archive.read(name, 1 << 30).expect("readable").expect(name);
            (name, String::from_utf8(bytes).expect("UTF-8"))
        })
        .collect()
}

fn w<'a>(node: XmlNode<'a, '_>, name: &str) -> Option<XmlNode<'a, 'a>> {
    node.children().find(|child| child.has_tag_name((W, name)))
}

fn val(node: XmlNode, name: &str) -> Option<String> {
    w(node, name).and_then(|child| child.attribute((W, "val")).map(str::to_string))
}

/// A paragraph of document.xml: its style, its text, and its runs' sizes
/// and bold.
#[derive(Debug, PartialEq)]
struct Paragraph {
    style: String,
    text: String,
}

fn paragraphs(xml: &Xml) -> Vec<Paragraph> {
    xml.descendants()
        .filter(|node| node.has_tag_name((W, "p")))
        .map(|p| Paragraph {
            style: w(p, "pPr")
                .and_then(|ppr| val(ppr, "pStyle"))
                .unwrap_or_default(),
            text: p
                .descendants()
                .filter(|node| node.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect(),
        })
        .collect()
}

/// What the writer must write for the contents in outline form: the
/// title, then each listed node's style and text.
fn expected_outline(doc: &Document, options: Options) -> Vec<Paragraph> {
    fn go(items: &[Item], depth: usize, out: &mut Vec<Paragraph>) {
        for item in items {
            let style = match role(item.node.kind) {
                Role::Heading => format!("Heading{}", (depth + 1).min(DEEPEST)),
                Role::Front => "Subtitle".into(),
                Role::Body => "Normal".into(),
            };
            out.push(Paragraph {
                style,
                text: label_and_heading(item.node),
            });
            go(&item.children, depth + 1, out);
        }
    }
    let contents = Contents::new(doc, options);
    let mut out = Vec::new();
    if let Some(title) = contents.title {
        out.push(Paragraph {
            style: "Title".into(),
            text: title.into(),
        });
    }
    go(&contents.items, 0, &mut out);
    out
}

/// Checks every run of a part: its four fonts set, its size as its
/// paragraph's style wants.
fn check_runs(xml: &Xml) {
    for p in xml.descendants().filter(|node| node.has_tag_name((W, "p"))) {
        let style = w(p, "pPr")
            .and_then(|ppr| val(ppr, "pStyle"))
            .unwrap_or_default();
        let size = match style.as_str() {
            "Title" => "44",
            "Footer" => "28",
            _ => "32",
        };
        for r in p.descendants().filter(|node| node.has_tag_name((W, "r"))) {
            let rpr = w(r, "rPr").expect("every run has properties");
            let fonts = w(rpr, "rFonts").expect("every run names its font");
            let font = fonts.attribute((W, "eastAsia")).expect("w:eastAsia");
            for slot in ["ascii", "hAnsi", "cs"] {
                assert_eq!(fonts.attribute((W, slot)), Some(font), "{style} {slot}");
            }
            assert_eq!(val(rpr, "sz").as_deref(), Some(size), "{style}");
            assert_eq!(val(rpr, "szCs").as_deref(), Some(size), "{style}");
            let expected_font = match style.as_str() {
                "Title" => "方正小标宋简体",
                "Subtitle" | "Heading2" => "楷体_GB2312",
                "Heading1" => "黑体",
                "Footer" => "宋体",
                _ => "仿宋_GB2312",
            };
            assert_eq!(font, expected_font, "{style}");
            let bold = w(rpr, "b").is_some();
            assert_eq!(
                bold,
                matches!(style.as_str(), "Heading2" | "Heading3"),
                "{style}"
            );
        }
    }
}

/// The names of an element's children, in order.
fn child_names<'a>(node: XmlNode<'a, '_>) -> Vec<&'a str> {
    node.children()
        .filter(|child| child.is_element())
        .map(|child| child.tag_name().name())
        .collect()
}

fn check_document(doc: &Document, text: &str, options: Options) {
    let bytes = docx(doc, text, options, DocxContents::Outline);
    let parts = parts(&bytes);
    for (name, xml) in &parts {
        let parsed = Xml::parse(xml).unwrap_or_else(|err| panic!("{name}: {err}"));
        for node in parsed.descendants() {
            for attribute in node.attributes() {
                assert!(
                    !attribute.name().ends_with("Theme") && !attribute.name().ends_with("theme"),
                    "{name}: theme font {}",
                    attribute.name()
                );
            }
        }
    }
    let document = Xml::parse(&parts["word/document.xml"]).unwrap();
    assert_eq!(paragraphs(&document), expected_outline(doc, options));
    check_runs(&document);
    check_runs(&Xml::parse(&parts["word/footer1.xml"]).unwrap());
}

#[test]
fn the_sample_and_the_long_report_hold_their_outline_in_order() {
    for text in [crate::SAMPLE_SPEECH, REPORT] {
        let doc = crate::parse(text);
        for paragraphs in [false, true] {
            check_document(
                &doc,
                text,
                Options {
                    paragraphs,
                    ..Default::default()
                },
            );
        }
    }
}

#[test]
fn the_page_is_a4_with_the_gb_t_9704_margins_and_22_lines() {
    let doc = crate::parse(crate::SAMPLE_SPEECH);
    let parts = parts(&docx(
        &doc,
        crate::SAMPLE_SPEECH,
        Options::default(),
        DocxContents::Outline,
    ));
    let document = Xml::parse(&parts["word/document.xml"]).unwrap();
    let section = document
        .descendants()
        .find(|node| node.has_tag_name((W, "sectPr")))
        .expect("a section");
    assert_eq!(
        child_names(section),
        ["footerReference", "pgSz", "pgMar", "pgNumType", "docGrid"]
    );
    let size = w(section, "pgSz").unwrap();
    assert_eq!(size.attribute((W, "w")), Some("11906"));
    assert_eq!(size.attribute((W, "h")), Some("16838"));
    let margins = w(section, "pgMar").unwrap();
    for (side, twips) in [
        ("top", "2098"),
        ("bottom", "1984"),
        ("left", "1588"),
        ("right", "1474"),
    ] {
        assert_eq!(margins.attribute((W, side)), Some(twips), "{side}");
    }
    assert_eq!(
        w(section, "docGrid").unwrap().attribute((W, "linePitch")),
        Some("579")
    );
    let footer = w(section, "footerReference").unwrap();
    let id = footer
        .attribute((RELATIONSHIPS_NS, "id"))
        .expect("a relationship id");
    let relationships = Xml::parse(&parts["word/_rels/document.xml.rels"]).unwrap();
    let target = relationships
        .descendants()
        .find(|node| node.attribute("Id") == Some(id))
        .and_then(|node| node.attribute("Target"));
    assert_eq!(target, Some("footer1.xml"));

    // The page number: — PAGE — centred.
    let footer = Xml::parse(&parts["word/footer1.xml"]).unwrap();
    let field = footer
        .descendants()
        .find(|node| node.has_tag_name((W, "fldSimple")))
        .expect("a field");
    assert_eq!(field.attribute((W, "instr")).map(str::trim), Some("PAGE"));
    assert_eq!(paragraphs(&footer)[0].text, "— 1 —");
}

#[test]
fn the_styles_are_words_headings_in_the_gb_t_9704_fonts() {
    let styles = styles_xml();
    let styles = Xml::parse(&styles).unwrap();
    let by_id = |id: &str| {
        styles
            .descendants()
            .find(|node| node.attribute((W, "styleId")) == Some(id))
            .unwrap_or_else(|| panic!("style {id}"))
    };
    for level in 1..=DEEPEST {
        let style = by_id(&format!("Heading{level}"));
        assert_eq!(val(style, "name"), Some(format!("heading {level}")));
        let ppr = w(style, "pPr").unwrap();
        assert_eq!(val(ppr, "outlineLvl"), Some((level - 1).to_string()));
        assert_eq!(child_names(ppr), ["keepLines", "outlineLvl"]);
    }
    let normal = by_id("Normal");
    assert_eq!(normal.attribute((W, "default")), Some("1"));
    let ppr = w(normal, "pPr").unwrap();
    assert_eq!(child_names(ppr), ["spacing", "ind", "jc"]);
    assert_eq!(
        w(ppr, "ind").unwrap().attribute((W, "firstLineChars")),
        Some("200")
    );
    assert_eq!(
        child_names(w(by_id("Title"), "pPr").unwrap()),
        ["keepNext", "spacing", "ind", "jc"]
    );
    for spacing in styles
        .descendants()
        .filter(|node| node.has_tag_name((W, "spacing")))
    {
        let footer = spacing
            .ancestors()
            .any(|a| a.attribute((W, "styleId")) == Some("Footer"));
        if !footer {
            assert_eq!(spacing.attribute((W, "line")), Some("579"));
            assert_eq!(spacing.attribute((W, "lineRule")), Some("exact"));
        }
    }
    // Every rPr in schema order, the defaults' with the language.
    for rpr in styles
        .descendants()
        .filter(|node| node.has_tag_name((W, "rPr")))
    {
        let names = child_names(rpr);
        let order = ["rFonts", "b", "bCs", "sz", "szCs", "lang"];
        let positions: Vec<usize> = names
            .iter()
            .map(|name| order.iter().position(|o| o == name).expect("a known child"))
            .collect();
        assert!(
            positions.windows(2).all(|pair| pair[0] < pair[1]),
            "{names:?}"
        );
        assert!(w(rpr, "rFonts")
            .unwrap()
            .attribute((W, "eastAsia"))
            .is_some());
    }
    let defaults = styles
        .descendants()
        .find(|node| node.has_tag_name((W, "rPrDefault")))
        .unwrap();
    let lang = defaults
        .descendants()
        .find(|node| node.has_tag_name((W, "lang")))
        .unwrap();
    assert_eq!(lang.attribute((W, "eastAsia")), Some("zh-CN"));

    // Each font's fallback is in the font table.
    let fonts = font_table_xml();
    let fonts = Xml::parse(&fonts).unwrap();
    let alt = |name: &str| {
        fonts
            .descendants()
            .find(|node| node.attribute((W, "name")) == Some(name))
            .and_then(|font| val(font, "altName"))
    };
    assert_eq!(alt("方正小标宋简体").as_deref(), Some("华文中宋"));
    assert_eq!(alt("华文中宋").as_deref(), Some("宋体"));
    assert_eq!(alt("仿宋_GB2312").as_deref(), Some("仿宋"));
    assert_eq!(alt("仿宋").as_deref(), Some("FangSong"));
    assert_eq!(alt("FangSong").as_deref(), Some("STFangsong"));
    assert_eq!(alt("楷体_GB2312").as_deref(), Some("楷体"));
}

#[test]
fn markup_and_control_characters_are_escaped_or_dropped() {
    let text = "春耕<工作>&报告\n\n一、甲<乙>&丙\u{1}丁\u{7f}戊'\"\n正文\u{fffe}在此。\n二、乙\n";
    let doc = crate::parse(text);
    for what in [DocxContents::Outline, DocxContents::FullText] {
        let parts = parts(&docx(&doc, text, Options::default(), what));
        let document = Xml::parse(&parts["word/document.xml"]).expect("well-formed");
        let paragraphs = paragraphs(&document);
        assert_eq!(paragraphs[0].text, "春耕<工作>&报告");
        assert_eq!(paragraphs[1].text, "一、甲<乙>&丙丁戊'\"");
        let core = Xml::parse(&parts["docProps/core.xml"]).expect("well-formed");
        assert!(core
            .descendants()
            .any(|node| node.text() == Some("春耕<工作>&报告")));
        if what == DocxContents::FullText {
            assert_eq!(paragraphs[2].text, "正文在此。");
        }
    }
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let doc = crate::parse(REPORT);
    for what in [
        DocxContents::Outline,
        DocxContents::KeySentences,
        DocxContents::FullText,
    ] {
        let first = docx(&doc, REPORT, Options::default(), what);
        assert_eq!(
            first,
            docx(&crate::parse(REPORT), REPORT, Options::default(), what)
        );
    }
}

/// The paragraphs of the document.xml of `doc` with `what`, `key` giving
/// the key sentences.
fn written(
    doc: &Document,
    text: &str,
    options: Options,
    what: DocxContents,
    key: KeyOf,
) -> Vec<Paragraph> {
    let contents = Contents::new(doc, options);
    paragraphs(&Xml::parse(&document_xml(&contents, text, what, key)).unwrap())
}

#[test]
fn key_sentences_go_under_their_headings() {
    let doc = crate::parse(crate::SAMPLE_SPEECH);
    let text = crate::SAMPLE_SPEECH;
    let options = Options::default();
    // The sample's points, each followed by its key sentence.
    let written_keys = written(
        &doc,
        text,
        options,
        DocxContents::KeySentences,
        key_sentence,
    );
    let points: Vec<&str> = written_keys
        .windows(2)
        .filter(|pair| pair[0].style == "Heading2" && pair[0].text.starts_with("必须"))
        .map(|pair| {
            assert_eq!(pair[1].style, "Normal", "{pair:?}");
            pair[1].text.as_str()
        })
        .collect();
    assert_eq!(points.len(), 3);
    assert!(points[1].ends_with("转变干部作风的迫切需要"), "{points:?}");
    let key: KeyOf = |node| Some(node.heading.as_str()).filter(|_| node.kind != NodeKind::Front);
    let with_keys = written(&doc, text, options, DocxContents::KeySentences, key);
    let outline = expected_outline(&doc, options);
    let headings = outline
        .iter()
        .filter(|p| p.style.starts_with("Heading"))
        .count();
    assert_eq!(with_keys.len(), outline.len() + headings);
    for pair in with_keys.windows(2) {
        if pair[0].style.starts_with("Heading") {
            assert_eq!(pair[1].style, "Normal");
            assert!(pair[0].text.ends_with(&pair[1].text), "{pair:?}");
        }
    }
}

#[test]
fn the_full_text_runs_on_after_each_heading_in_source_order() {
    let text = crate::SAMPLE_SPEECH;
    let doc = crate::parse(text);
    let full = written(
        &doc,
        text,
        Options::default(),
        DocxContents::FullText,
        key_sentence,
    );
    // The headings are the outline's, in its order.
    let headings = |paragraphs: &[Paragraph]| -> Vec<String> {
        paragraphs
            .iter()
            .filter(|p| p.style.starts_with("Heading"))
            .map(|p| p.text.clone())
            .collect()
    };
    assert_eq!(
        headings(&full),
        headings(&expected_outline(&doc, Options::default()))
    );
    let after = |heading: &str| {
        let at = full.iter().position(|p| p.text == heading).expect(heading);
        &full[at + 1]
    };
    // A run-in point goes on after its heading and its comma.
    assert!(after("必须充分认识到")
        .text
        .starts_with("开展集中专项行动市从严履行"));
    assert!(after("一要把“一把手”监督抓严抓实")
        .text
        .starts_with("自治区纪委监委的剖析报告中"));
    // A heading on a line of its own is followed by the next line.
    assert!(after("一、深刻认识开展集中专项行动的重大意义，自觉把思想和行动统一到自治区党委、纪委监委部署要求上来")
        .text
        .starts_with("党的十九大以后"));
    // The preamble and the closing are body text, whole.
    assert_eq!(full[1].style, "Normal");
    assert_eq!(full[1].text, "同志们：");
    assert!(full[2].text.starts_with("经过前段时间的充分准备"));
    let last = full.last().unwrap();
    assert!(last.text.starts_with("同志们，以案促改") && last.text.ends_with("提供坚强保障！"));
    keeps_its_text(text, &full);
}

/// Every char of `text` is in the body text of `full` at most once, and
/// with the headings (and the punctuation after a run-in one) all of it
/// is there: nothing lost, nothing twice.
fn keeps_its_text(text: &str, full: &[Paragraph]) {
    let kept = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '*')
            .count()
    };
    let count = |headings: bool| -> usize {
        full.iter()
            .filter(|p| p.style.starts_with("Heading") == headings)
            .map(|p| kept(&p.text))
            .sum()
    };
    let (body, headings, source) = (count(false), count(true), kept(text));
    assert!(body <= source, "{body} of {source}");
    assert!(
        (body + headings) * 100 > source * 99,
        "{body} + {headings} of {source}"
    );
}

#[test]
fn the_full_text_of_the_long_report_keeps_its_text() {
    for paragraphs in [false, true] {
        let doc = crate::parse(REPORT);
        let options = Options {
            paragraphs,
            ..Default::default()
        };
        let full = written(&doc, REPORT, options, DocxContents::FullText, key_sentence);
        keeps_its_text(REPORT, &full);
    }
}

#[test]
fn the_importer_reads_the_outline_back() {
    for text in [crate::SAMPLE_SPEECH, REPORT] {
        let doc = crate::parse(text);
        for what in [DocxContents::Outline, DocxContents::FullText] {
            let bytes = docx(&doc, text, Options::default(), what);
            let back = crate::import::docx_text(&bytes).expect("our own file opens");
            if let Some(title) = &doc.title {
                assert_eq!(back.lines().next(), Some(title.as_str()));
            }
            let marked: Vec<&str> = back.lines().filter(|line| line.starts_with('#')).collect();
            let expected: Vec<String> = expected_outline(&doc, Options::default())
                .into_iter()
                .filter_map(|p| {
                    let level: usize = p.style.strip_prefix("Heading")?.parse().ok()?;
                    Some(format!("{} {}", "#".repeat(level.min(6)), p.text))
                })
                .collect();
            assert_eq!(marked, expected);
            // And the parser finds the same title in it.
            assert_eq!(crate::parse(&back).title, doc.title);
        }
    }
}
