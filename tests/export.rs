#![cfg(not(target_arch = "wasm32"))]
//! The exporters (`gangmu::export`), checked on the seed speech and the
//! corpus: OPML and HTML are read back with a real XML parser and their
//! nesting compared with the document tree; Markdown and the plain-text
//! 提纲 are compared line by line; hostile text stays text.

mod support;

use gangmu::export::{html::html, json, markdown::markdown, opml::opml, text::outline, Options};
use gangmu::{Document, Node, NodeKind};

/// The app's default: plain paragraphs hidden.
const HIDDEN: Options = Options {
    paragraphs: false,
    key_sentences: false,
};
/// 显示段落.
const SHOWN: Options = Options {
    paragraphs: true,
    key_sentences: false,
};

const SEED: &str = "00_seed_city-mobilisation-speech";

/// A tree of label-and-heading lines, the shape an export should have.
#[derive(Debug, PartialEq)]
struct Shape {
    text: String,
    children: Vec<Shape>,
}

/// The nodes an export lists with `options`, nested as in the document;
/// a node left out takes its subtree with it, as in the app's tree.
fn shape(nodes: &[Node], options: Options) -> Vec<Shape> {
    nodes
        .iter()
        .filter(|node| options.shows(node.kind))
        .map(|node| Shape {
            text: gangmu::export::label_and_heading(node),
            children: shape(&node.children, options),
        })
        .collect()
}

/// The `<outline>` tree under an element.
fn opml_shape(parent: roxmltree::Node) -> Vec<Shape> {
    parent
        .children()
        .filter(|n| n.has_tag_name("outline"))
        .map(|n| Shape {
            text: n
                .attribute("text")
                .expect("every outline has text")
                .to_string(),
            children: opml_shape(n),
        })
        .collect()
}

fn seed() -> (String, Document) {
    let text = support::corpus_text(SEED);
    let doc = gangmu::parse(&text);
    (text, doc)
}

#[test]
fn opml_nesting_is_the_tree() {
    for name in support::corpus_names() {
        let text = support::corpus_text(&name);
        let doc = gangmu::parse(&text);
        let xml = opml(&doc, HIDDEN);
        let parsed = roxmltree::Document::parse(&xml)
            .unwrap_or_else(|err| panic!("{name}: OPML is not XML: {err}"));
        let root = parsed.root_element();
        assert!(root.has_tag_name("opml") && root.attribute("version") == Some("2.0"));
        let head = root
            .children()
            .find(|n| n.has_tag_name("head"))
            .expect("head");
        let title = head
            .children()
            .find(|n| n.has_tag_name("title"))
            .expect("title");
        assert_eq!(
            title.text(),
            Some(doc.title.as_deref().unwrap_or("未命名")),
            "{name}"
        );
        let body = root
            .children()
            .find(|n| n.has_tag_name("body"))
            .expect("body");
        assert_same_tree(&opml_shape(body), &shape(&doc.nodes, HIDDEN), &name);
    }
}

#[test]
fn opml_of_the_seed() {
    let (_, doc) = seed();
    let xml = opml(&doc, HIDDEN);
    let parsed = roxmltree::Document::parse(&xml).expect("XML");
    let body = parsed
        .descendants()
        .find(|n| n.has_tag_name("body"))
        .unwrap();
    let top: Vec<_> = opml_shape(body);
    let labels: Vec<_> = top
        .iter()
        .map(|s| s.text.chars().take(2).collect::<String>())
        .collect();
    assert_eq!(labels, ["同志", "一、", "二、", "三、", "同志"]);
    assert_eq!(top[2].children.len(), 5, "二、 has five 一要 … 五要");
    assert!(top[2].children[0].text.starts_with("一要把“一把手”监督"));
}

/// Markup, quotes and control characters in headings survive as text.
#[test]
fn opml_escapes_attributes() {
    let text = "关于<b>&\"测试\"的报告\n一、要把<script>alert(1)</script>\" onerror=\"x\u{1}落实\n正文。\n二、第二部分\n正文。\n";
    let doc = gangmu::parse(text);
    let xml = opml(&doc, SHOWN);
    let parsed = roxmltree::Document::parse(&xml).expect("escaped OPML is XML");
    let texts: Vec<_> = parsed
        .descendants()
        .filter_map(|n| n.attribute("text"))
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("<script>alert(1)</script>\" onerror=\"x\u{fffd}")),
        "{texts:?}"
    );
    assert!(!xml.contains("<script"));
}

#[test]
fn html_is_well_formed_and_nests_as_the_tree() {
    for name in support::corpus_names() {
        let text = support::corpus_text(&name);
        let doc = gangmu::parse(&text);
        for options in [HIDDEN, SHOWN] {
            let page = html(&doc, &text, options);
            let parsed = roxmltree::Document::parse_with_options(
                &page,
                roxmltree::ParsingOptions {
                    allow_dtd: true,
                    ..Default::default()
                },
            )
            .unwrap_or_else(|err| panic!("{name}: HTML is not well-formed: {err}"));
            let tree = parsed
                .descendants()
                .find(|n| n.attribute("class") == Some("tree"))
                .expect("the outline list");
            let listed = shape(&doc.nodes, options);
            assert_same_tree(&html_shape(tree), &listed, &name);
            fn with_children(shapes: &[Shape]) -> usize {
                let own = shapes.iter().filter(|s| !s.children.is_empty()).count();
                own + shapes
                    .iter()
                    .map(|s| with_children(&s.children))
                    .sum::<usize>()
            }
            let details = parsed
                .descendants()
                .filter(|n| n.has_tag_name("details") && n.attribute("open").is_some())
                .count();
            assert_eq!(
                details,
                with_children(&listed),
                "{name}: one open <details> per listed node with listed children"
            );
        }
    }
}

/// The label-and-heading tree of the page's outline list: each `<li>`'s
/// row and the `<li>`s of its nested list.
fn html_shape(list: roxmltree::Node) -> Vec<Shape> {
    list.children()
        .filter(|n| n.has_tag_name("li"))
        .map(|item| {
            let (text, nested) = support::html_item::html_item(item);
            Shape {
                text,
                children: nested.map(html_shape).unwrap_or_default(),
            }
        })
        .collect()
}

/// Indented lines of a shape, for a readable comparison.
fn lines(shapes: &[Shape]) -> Vec<String> {
    fn go(shapes: &[Shape], depth: usize, out: &mut Vec<String>) {
        for shape in shapes {
            out.push(format!("{}{}", "  ".repeat(depth), shape.text));
            go(&shape.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    go(shapes, 0, &mut out);
    out
}

/// Fails at the first line where the two trees differ.
fn assert_same_tree(actual: &[Shape], expected: &[Shape], name: &str) {
    let (actual, expected) = (lines(actual), lines(expected));
    for (at, (a, e)) in actual.iter().zip(&expected).enumerate() {
        assert_eq!(a, e, "{name}: line {at} of the tree");
    }
    assert_eq!(actual.len(), expected.len(), "{name}: number of nodes");
}

#[test]
fn html_of_the_seed() {
    let (text, doc) = seed();
    let page = html(&doc, &text, HIDDEN);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(page.contains("<meta charset=\"utf-8\" />"));
    assert!(page.contains(&format!("<title>{}</title>", doc.title.as_deref().unwrap())));
    doc.walk(|node, _| {
        if matches!(node.kind, NodeKind::Part | NodeKind::Task) {
            assert!(page.contains(&node.heading), "{} is missing", node.heading);
        }
    });
    assert!(page.contains("<h3>习近平总书记 <small>(1)</small></h3>"));
    assert!(
        page.contains("<li>“一把手” <small>×"),
        "the commonest term first"
    );
    assert!(page.contains("由 纲目 生成"));
    assert!(page.contains("@media print"));
    // Self-contained: nothing to fetch, no script.
    for outside in ["<script", "src=", "href=", "url(", "@import", "http"] {
        assert!(!page.contains(outside), "{outside}");
    }
    assert_eq!(page, html(&doc, &text, HIDDEN), "deterministic");
}

#[test]
fn html_escapes_everything() {
    let text = "<script>alert(1)</script>的报告\n同志们：\n一、\" onerror=\"alert(2)<img src=x onerror=alert(3)>\n习近平总书记指出：“<script>alert(4)</script>。”\n二、第二部分&amp;\n正文“<i>术语</i>”。\n";
    let doc = gangmu::parse(text);
    let page = html(&doc, text, SHOWN);
    assert!(!page.to_ascii_lowercase().contains("<script"), "{page}");
    assert!(!page.contains("<img"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&amp;amp;"));
    let parsed = roxmltree::Document::parse_with_options(
        &page,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("well-formed");
    for node in parsed.descendants().filter(|n| n.is_element()) {
        assert!(!["script", "img", "i"].contains(&node.tag_name().name()));
        assert!(node.attributes().all(|a| !a.name().starts_with("on")));
    }
}

#[test]
fn html_of_an_empty_document() {
    let doc = gangmu::parse("");
    let page = html(&doc, "", HIDDEN);
    assert!(page.contains("<title>提纲</title>") && page.ends_with("</html>\n"));
}

#[test]
fn markdown_headings_match_the_tree() {
    let (_, doc) = seed();
    let md = markdown(&doc, HIDDEN);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    let mut expected = vec![format!("# {}", doc.title.as_deref().unwrap())];
    for part in doc.nodes.iter().filter(|n| n.kind == NodeKind::Part) {
        expected.push(format!(
            "## {}{}",
            part.label.as_deref().unwrap(),
            part.heading
        ));
        for point in part.children.iter().filter(|n| n.kind == NodeKind::Point) {
            expected.push(format!("### {}", point.heading));
        }
    }
    expected.extend(["## 引语", "### 习近平总书记", "### 未署名引文", "## 术语"].map(String::from));
    assert_eq!(headings, expected);
    let tasks: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with("- ") && l.contains('要'))
        .collect();
    assert_eq!(tasks.len(), 10, "{tasks:?}");
    assert_eq!(tasks[0], "- 一要把“一把手”监督抓严抓实");
    assert!(md.contains("\n> 善除害者察其本，善理疾者绝其源。\n"));
    assert!(md.contains("\n- “一把手” ×"));
}

/// A node for a hand-built document (spans do not matter to exporters).
fn node(kind: NodeKind, label: &str, heading: &str, children: Vec<Node>) -> Node {
    Node {
        kind,
        label: (!label.is_empty()).then(|| label.to_string()),
        heading: heading.to_string(),
        key: None,
        span: gangmu::Span::default(),
        children,
    }
}

/// Parts are `##`, sections below them `###`, tasks list items; a
/// section below a task stays in the list, nested; the preamble and the
/// closing are lines of text, their children list items below them;
/// hidden paragraphs are left out.
#[test]
fn markdown_levels() {
    use NodeKind::*;
    let doc = Document {
        title: Some("关于做好工作的报告".to_string()),
        nodes: vec![
            node(
                Preamble,
                "",
                "同志们：",
                vec![node(Paragraph, "", "今天开会", vec![])],
            ),
            node(
                Part,
                "一、",
                "总体要求",
                vec![
                    node(
                        Section,
                        "（一）",
                        "加强学习",
                        vec![
                            node(
                                Task,
                                "一要",
                                "读原著",
                                vec![node(Section, "1.", "精读", vec![])],
                            ),
                            node(Task, "二要", "悟原理", vec![]),
                        ],
                    ),
                    node(
                        Section,
                        "（二）",
                        "狠抓*落实*",
                        vec![node(
                            Section,
                            "1.",
                            "第三级",
                            vec![node(Section, "（1）", "第四级", vec![])],
                        )],
                    ),
                ],
            ),
            node(
                Closing,
                "",
                "同志们，",
                vec![node(Task, "一要", "坚定信心", vec![])],
            ),
        ],
        ..Document::default()
    };
    assert_eq!(
        markdown(&doc, HIDDEN),
        "# 关于做好工作的报告\n\n同志们：\n\n## 一、总体要求\n\n### （一）加强学习\n\n- 一要读原著\n  - 1.精读\n- 二要悟原理\n\n### （二）狠抓\\*落实\\*\n\n#### 1.第三级\n\n- （1）第四级\n\n同志们，\n\n- 一要坚定信心\n"
    );
}

#[test]
fn plain_text_outline_of_the_seed() {
    let (_, doc) = seed();
    let text = outline(&doc, HIDDEN);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], doc.title.as_deref().unwrap());
    assert_eq!(lines[1], "");
    let starts: Vec<String> = lines[2..]
        .iter()
        .map(|l| l.chars().take(4).collect())
        .collect();
    assert_eq!(
        starts,
        [
            "同志们：",
            "一、深刻",
            "　　必须",
            "　　必须",
            "　　必须",
            "二、准确",
            "　　一要",
            "　　二要",
            "　　三要",
            "　　四要",
            "　　五要",
            "三、全面",
            "　　一要",
            "　　二要",
            "　　三要",
            "　　四要",
            "　　五要",
            "同志们，",
        ]
    );
    // No markup: it pastes into Word as it is.
    assert!(!text.contains(['#', '*', '<', '-']));
}

#[test]
fn json_is_the_model() {
    let (_, doc) = seed();
    let text = json(&doc);
    let back: Document = serde_json::from_str(&text).expect("JSON");
    assert_eq!(back, doc);
    assert!(text.contains("\n  \"title\": "), "pretty-printed");
}

#[test]
fn json_is_serde_json_pretty_on_the_corpus() {
    for name in support::corpus_names() {
        let doc = gangmu::parse(&support::corpus_text(&name));
        let serde = serde_json::to_string_pretty(&doc).expect("a Document serialises");
        assert_eq!(json(&doc), format!("{serde}\n"), "{name}");
    }
}

/// A provincial report under the generic title, as many are published.
fn provincial_report(date: &str, place: &str, office: &str, speaker: &str) -> String {
    format!(
        "政府工作报告\n——{date}在{place}第十四届人民代表大会第二次会议上\n{office}　{speaker}\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n过去一年，我们做了很多工作。\n二、2024年工作安排\n今年要做好以下工作。\n"
    )
}

/// Issue 13, item 15: files of documents with the same title are told
/// apart by what the text says of them (place, speaker, date); a title
/// that holds a year already names its document.
#[test]
fn issue_13_file_names_tell_documents_apart() {
    use gangmu::export::file::{file_name, TextFormat};
    let name = |text: &str| file_name(&gangmu::parse(text), TextFormat::Markdown.into());
    let guangdong = provincial_report("2024年1月23日", "广东省", "广东省省长", "王伟中");
    let guangxi = provincial_report(
        "2024年1月25日",
        "广西壮族自治区",
        "自治区人民政府主席",
        "蓝天立",
    );
    assert_eq!(
        name(&guangdong),
        "纲目-政府工作报告-广东省-王伟中-2024年1月23日.md"
    );
    assert_eq!(
        name(&guangxi),
        "纲目-政府工作报告-广西壮族自治区-蓝天立-2024年1月25日.md"
    );
    let corpus = |stem: &str| name(&support::corpus_text(stem));
    assert_eq!(
        corpus("14_gwr2017_zero-width-breaks"),
        "纲目-政府工作报告-李克强-2017年3月5日.md"
    );
    assert_eq!(
        corpus("15_gwr2026_neimenggu_web-boilerplate-yiyao"),
        "纲目-2026年内蒙古自治区政府工作报告.md"
    );
    assert_eq!(
        corpus("02_xi2020-01-08_theme-education-summary_oneline"),
        "纲目-在“不忘初心、牢记使命”主题教育总结大会上的讲话-习近平-2020年1月8日.md"
    );
    assert_eq!(
        corpus("04_mao1944_serve-the-people_short"),
        "纲目-为人民服务-毛泽东-一九四四年九月八日.md"
    );
    assert_eq!(
        corpus("40_renzhengfei2001_huawei-winter_ten-parts_diyi-disandian_markdown"),
        "纲目-华为的冬天-任正非.md"
    );
    // A record line is not a speaker.
    assert_eq!(
        corpus("33_tw-constitution-amendments_arabic-articles_traditional"),
        "纲目-中華民國憲法增修條文.md"
    );
    // The sample says nothing more of itself than its title.
    assert_eq!(
        corpus(SEED),
        "纲目-在全市以案促改警示教育暨全面修复净化政治生态集中专项行动动员大会上的讲话.md"
    );
    // Names stay distinct, safe and short over the whole corpus.
    let names: Vec<String> = support::corpus_names().iter().map(|n| corpus(n)).collect();
    for name in &names {
        assert!(name.chars().count() <= 80, "{name}");
        assert!(
            !name.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\n']),
            "{name}"
        );
    }
}

/// Issue 13, item 15: the 提纲 file is for Windows too: UTF-8 with a byte
/// order mark and CRLF line ends; the other files, and the CLI's text
/// (tests/cli.rs), are plain UTF-8 with LF.
#[test]
fn issue_13_the_txt_file_has_a_bom_and_crlf() {
    use gangmu::export::file::TextFormat;
    let (text, doc) = seed();
    let file = TextFormat::Outline.render(&doc, &text, HIDDEN);
    let bytes = file.as_bytes();
    assert_eq!(&bytes[..3], [0xEF, 0xBB, 0xBF], "a UTF-8 byte order mark");
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    let crlf = bytes.windows(2).filter(|pair| pair == b"\r\n").count();
    assert!(
        lf > 10 && lf == crlf,
        "every line ends in CRLF: {lf} LF, {crlf} CRLF"
    );
    assert!(!bytes.windows(2).any(|pair| pair == b"\r\r"));
    let unix = String::from_utf8(bytes[3..].to_vec())
        .expect("UTF-8")
        .replace("\r\n", "\n");
    assert_eq!(unix, outline(&doc, HIDDEN));
    for format in TextFormat::ALL
        .into_iter()
        .filter(|&f| f != TextFormat::Outline)
    {
        let file = format.render(&doc, &text, HIDDEN);
        assert!(
            !file.starts_with('\u{feff}') && !file.contains('\r'),
            "{format:?}"
        );
    }
}

/// 显示要句: every format writes the sample's three key sentences of
/// 必须…认识到 when asked, and none when not.
#[test]
fn every_format_writes_key_sentences_when_asked() {
    use gangmu::export::docx::DocxContents;
    use gangmu::export::file::{Format, TextFormat};
    let doc = gangmu::parse(gangmu::SAMPLE_SPEECH);
    let key = "开展集中专项行动是提振队伍士气、转变干部作风的迫切需要";
    for format in Format::ALL {
        let bytes = |key_sentences| {
            let options = gangmu::export::Options {
                paragraphs: false,
                key_sentences,
            };
            format.render_bytes(&doc, gangmu::SAMPLE_SPEECH, options)
        };
        let text = |bytes: Vec<u8>| match format {
            Format::Docx(_) => gangmu::import::docx_text(&bytes).expect("a .docx"),
            // The map wraps its lines in `tspan`s: their text, joined.
            Format::Text(TextFormat::Svg) => svg_text(&String::from_utf8(bytes).expect("UTF-8")),
            _ => String::from_utf8(bytes).expect("UTF-8"),
        };
        let with = text(bytes(true));
        assert!(with.contains(key), "{format:?} with key sentences");
        let without = text(bytes(false));
        // JSON is the whole model, key sentences included, and the page
        // holds the whole text; so do Word's key-sentence and full-text
        // files.
        if format == Format::Text(TextFormat::Html) {
            assert!(with.contains("<p class=\"key\">"));
            assert!(!without.contains("<p class=\"key\">"));
        }
        let always = matches!(format, Format::Text(TextFormat::Json | TextFormat::Html))
            || matches!(format, Format::Docx(what) if what != DocxContents::Outline);
        assert_eq!(without.contains(key), always, "{format:?} without");
    }
}

/// The text of an SVG document, every text node joined.
fn svg_text(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("the map parses as XML");
    doc.descendants()
        .filter(|node| node.is_text())
        .filter_map(|node| node.text())
        .collect()
}
