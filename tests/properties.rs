#![cfg(not(target_arch = "wasm32"))]
//! Property tests: the parser's invariants (see `support::invariants`) hold
//! for any text, and a few things that must not matter do not.
//!
//! Two generators: `soup` strings up to a few hundred chars drawn from an
//! alphabet rich in what the parser looks at (numerals, markers, brackets,
//! quotation marks, every kind of space and line break, Markdown, non-BMP
//! chars), and `speech` texts made of lines that look like a speech
//! (indent, marker, words, punctuation), which reach deeper into the tree
//! builder. Failing cases are shrunk and saved by proptest under
//! `tests/properties.proptest-regressions`; commit that file.

mod support;

use gangmu::{Document, Node};
use proptest::prelude::*;

/// Pieces that the parser treats specially, and some that it must not.
const ATOMS: &[&str] = &[
    // numerals and markers
    "一",
    "二",
    "三",
    "十",
    "十二",
    "一○",
    "○",
    "、",
    "．",
    ".",
    "（",
    "）",
    "(",
    ")",
    "１",
    "２",
    "1",
    "2",
    "12",
    "第",
    "是",
    "要",
    "首先",
    "其次",
    "再次",
    "最后",
    "部分",
    "条",
    "点",
    "个问题",
    "①",
    "②",
    "⑴",
    "⒇",
    "一、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "（１）",
    "一是",
    "二要",
    "第一，",
    "第二、",
    "首先，",
    "最后，",
    "一　",
    "第一部分",
    // punctuation
    "，",
    "。",
    "！",
    "？",
    "：",
    "；",
    ",",
    ":",
    ";",
    "…",
    "——",
    "—",
    "/摄",
    "《",
    "》",
    "〔1〕",
    // quotation marks
    "“",
    "”",
    "‘",
    "’",
    "「",
    "」",
    "『",
    "』",
    "\"",
    "'",
    // spaces and line breaks
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\t",
    "\u{3000}",
    "\u{3000}\u{3000}",
    "\u{A0}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{200D}",
    "\u{2028}",
    // Markdown
    "#",
    "# ",
    "## ",
    "*",
    "**",
    ">",
    "> ",
    "<img>",
    // words
    "同志们",
    "同志们：",
    "各位代表：",
    "尊敬的",
    "总之，",
    "然而",
    "习近平总书记指出",
    "说：",
    "注释",
    "本作品",
    "Public domain",
    "abc",
    "it’s",
    "加强",
    "领导",
    "落实",
    "（2020年1月8日）",
    // non-BMP and other planes
    "𠀀",
    "😀",
    "𝕏",
    "\u{10FFFF}",
    "\u{E000}",
];

fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(ATOMS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Up to 300 atoms run together.
fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(atom(), 0..300).prop_map(|atoms| atoms.concat())
}

const INDENTS: &[&str] = &[
    "",
    "",
    "\u{3000}\u{3000}",
    "  ",
    "\u{A0}\u{A0}",
    "\u{200B}",
    "**",
    "> ",
    "## ",
];
const MARKERS: &[&str] = &[
    "",
    "",
    "",
    "一、",
    "二、",
    "三、",
    "（一）",
    "（二）",
    "（三）",
    "1.",
    "2.",
    "3.",
    "（1）",
    "（2）",
    "一要",
    "二要",
    "三要",
    "一是",
    "二是",
    "第一，",
    "第二，",
    "第三，",
    "首先，",
    "其次，",
    "最后，",
    "①",
    "②",
    "一　",
    "二　",
    "第一部分",
    "同志们，",
    "必须充分认识到，",
    "必须清醒认识到，",
];
const WORDS: &[&str] = &[
    "加强领导",
    "狠抓落实",
    "统一思想",
    "“一把手”",
    "习近平总书记指出：“要抓落实。”",
    "他说：“",
    "”",
    "一是经济发展，二是社会稳定；",
    "第一，改过来；第二，改不过来",
    "一、二线城市",
    "第一次",
    "⑴",
    "**重点**",
    "1.5亿元",
    "（2020年1月8日）",
    "同志们：",
];
const ENDS: &[&str] = &["", "。", "：", "；", "！", "，", "**"];
const BREAKS: &[&str] = &["\n", "\n", "\n\n", "\r\n", "\n\u{200B}\n", "\n\u{3000}\n"];

/// One line of a speech-like text.
fn line() -> impl Strategy<Value = String> {
    (
        prop::sample::select(INDENTS),
        prop::sample::select(MARKERS),
        prop::collection::vec(prop::sample::select(WORDS), 0..4),
        prop::sample::select(ENDS),
        prop::sample::select(BREAKS),
    )
        .prop_map(|(indent, marker, words, end, line_break)| {
            format!("{indent}{marker}{}{end}{line_break}", words.concat())
        })
}

/// Up to 60 lines, sometimes after a title and a blank line.
fn speech() -> impl Strategy<Value = String> {
    (prop::bool::ANY, prop::collection::vec(line(), 0..60)).prop_map(|(titled, lines)| {
        let title = if titled {
            "在全市工作会议上的讲话\n\n"
        } else {
            ""
        };
        format!("{title}{}", lines.concat())
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![soup(), speech()]
}

fn assert_invariants(text: &str) -> Document {
    let doc = gangmu::parse(text);
    if let Err(broken) = support::invariants::check(text, &doc) {
        panic!(
            "{broken}\ntext: {text:?}\n{}",
            gangmu::export::text::dump(&doc)
        );
    }
    doc
}

/// The outline without spans: (depth, kind, label, heading) per node.
fn shape(doc: &Document) -> Vec<String> {
    fn go(node: &Node, depth: usize, out: &mut Vec<String>) {
        out.push(format!(
            "{depth} {:?} {:?} {}",
            node.kind, node.label, node.heading
        ));
        for child in &node.children {
            go(child, depth + 1, out);
        }
    }
    let mut out = vec![format!("title {:?}", doc.title)];
    for node in &doc.nodes {
        go(node, 0, &mut out);
    }
    for quote in &doc.quotes {
        out.push(format!(
            "quote {:?} {:?} {}",
            quote.kind, quote.speaker, quote.text
        ));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Never panics; spans in bounds and nested, siblings in order, labels
    /// sliced from the source, quotations paired and in order, `chars`
    /// counted right.
    #[test]
    fn soup_keeps_the_invariants(text in soup()) {
        assert_invariants(&text);
    }

    #[test]
    fn speech_keeps_the_invariants(text in speech()) {
        assert_invariants(&text);
    }

    /// The same text gives the same document every time (no hash-order
    /// or other hidden state).
    #[test]
    fn parsing_is_deterministic(text in any_text()) {
        prop_assert_eq!(gangmu::parse(&text), gangmu::parse(&text));
    }

    /// The JSON form reads back as the same document.
    #[test]
    fn json_round_trips(text in any_text()) {
        let doc = gangmu::parse(&text);
        let json = serde_json::to_string(&doc).expect("a document serialises");
        let back: Document = serde_json::from_str(&json).expect("and reads back");
        prop_assert_eq!(back, doc);
    }

    /// Windows line ends give the same outline as Unix ones.
    #[test]
    fn crlf_parses_like_lf(text in speech()) {
        let unix = text.replace("\r\n", "\n").replace('\r', "\n");
        let windows = unix.replace('\n', "\r\n");
        prop_assert_eq!(shape(&gangmu::parse(&windows)), shape(&gangmu::parse(&unix)));
    }
}

/// The checker behind these properties does catch each kind of breakage
/// (so the properties can fail).
fn set_first_key(doc: &mut Document, key: gangmu::KeySentence) {
    let node = doc
        .nodes
        .iter_mut()
        .flat_map(|node| &mut node.children)
        .find(|node| node.key.is_some())
        .expect("a node with a key sentence");
    node.key = Some(key);
}

#[test]
fn invariant_checker_catches_broken_documents() {
    let text = "标题\n\n同志们：\n一、提高认识\n一要统一思想，“一把手”要带头。\n二要狠抓落实，习近平总书记指出：“要抓落实。”\n二、加强领导\n加强领导。\n";
    let doc = gangmu::parse(text);
    support::invariants::check(text, &doc).expect("the parse keeps the invariants");
    let part = doc
        .nodes
        .iter()
        .position(|n| n.kind == gangmu::NodeKind::Part)
        .expect("a part");

    let mut breakages: Vec<(&str, Document)> = Vec::new();
    let mut broken = doc.clone();
    broken.chars += 1;
    breakages.push(("chars", broken));

    let mut broken = doc.clone();
    broken.nodes[part].children[0].span.end = broken.nodes[part].span.end + 1;
    breakages.push(("child outside parent", broken));

    let mut broken = doc.clone();
    broken.nodes[part].children[1].span.start = broken.nodes[part].children[0].span.start + 1;
    breakages.push(("siblings overlap", broken));

    let mut broken = doc.clone();
    broken.nodes.swap(part, part + 1);
    breakages.push(("siblings out of order", broken));

    let mut broken = doc.clone();
    broken.nodes[part].label = Some("二、".to_string());
    breakages.push(("retyped label", broken));

    let mut broken = doc.clone();
    broken.nodes[part].heading.push('\n');
    breakages.push(("heading over two lines", broken));

    let key = doc
        .nodes
        .iter()
        .flat_map(|node| &node.children)
        .find_map(|node| node.key.clone())
        .expect("a node with a key sentence");
    let mut broken = doc.clone();
    let mut retyped = key.clone();
    retyped.text.insert(0, '要');
    set_first_key(&mut broken, retyped);
    breakages.push(("retyped key sentence", broken));

    let mut broken = doc.clone();
    let mut outside = key;
    outside.span.end = text.chars().count();
    set_first_key(&mut broken, outside);
    breakages.push(("key sentence outside its node", broken));

    let mut broken = doc.clone();
    broken.quotes.swap(0, 1);
    breakages.push(("quotes out of order", broken));

    let mut broken = doc.clone();
    broken.quotes[0].span.end -= 1;
    breakages.push(("quote without its closing mark", broken));

    let mut broken = doc.clone();
    broken.quotes[0].span.end = text.chars().count() + 1;
    breakages.push(("quote out of bounds", broken));

    for (what, broken) in breakages {
        assert!(
            support::invariants::check(text, &broken).is_err(),
            "the checker missed: {what}"
        );
    }
}

/// The spans of a document's structural nodes, in document order.
fn structural_spans(doc: &Document) -> Vec<gangmu::Span> {
    let mut spans = Vec::new();
    doc.walk(|node, _| {
        if node.kind.is_structural() {
            spans.push(node.span);
        }
    });
    spans
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// 对比 shows every structural node of each text exactly once, on its
    /// side; 不变 pairs have the same heading; a row is at most one level
    /// deeper than the row before.
    #[test]
    fn comparison_shows_every_node_once(old in speech(), new in speech()) {
        use gangmu::compare::{compare, Change};
        let comparison = compare(&old, &new);
        let mut shown_old: Vec<gangmu::Span> =
            comparison.entries.iter().filter_map(|e| Some(e.old.as_ref()?.span)).collect();
        let mut shown_new: Vec<gangmu::Span> =
            comparison.entries.iter().filter_map(|e| Some(e.new.as_ref()?.span)).collect();
        shown_old.sort();
        shown_new.sort();
        prop_assert_eq!(shown_old, structural_spans(&gangmu::parse(&old)));
        prop_assert_eq!(shown_new, structural_spans(&gangmu::parse(&new)));
        let mut depth = 0;
        for entry in &comparison.entries {
            prop_assert!(entry.depth <= depth, "a row two levels deeper: {:?}", entry);
            depth = entry.depth + 1;
            if entry.change == Change::Same {
                let (a, b) = (entry.old.as_ref().unwrap(), entry.new.as_ref().unwrap());
                let letters = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
                prop_assert_eq!(letters(&a.heading), letters(&b.heading));
            }
        }
    }

    /// Any two texts compare, and the comparison renders, without a panic.
    #[test]
    fn comparison_never_panics_on_soup(old in soup(), new in any_text()) {
        let _ = gangmu::compare::compare(&old, &new);
        let _ = gangmu::compare::render::html(&gangmu::compare::compare(&new, &old));
    }
}

proptest! {
    /// `compare::words` keeps a longest common subsequence, as `similar`'s
    /// Myers diff does, and its pieces give back both headings.
    #[test]
    fn words_keep_as_much_as_similar(old in "[一二三改革开放，a-c]{0,30}", new in "[一二三改革开放，a-c]{0,30}") {
        use gangmu::compare::{words, Piece};
        let pieces = words(&old, &new);
        let (mut back_old, mut back_new, mut kept) = (String::new(), String::new(), 0);
        for piece in &pieces {
            match piece {
                Piece::Kept(t) => { back_old.push_str(t); back_new.push_str(t); kept += t.chars().count(); }
                Piece::Removed(t) => back_old.push_str(t),
                Piece::Added(t) => back_new.push_str(t),
            }
        }
        prop_assert_eq!(back_old, old.clone());
        prop_assert_eq!(back_new, new.clone());
        let diff = similar::TextDiff::from_chars(old.as_str(), new.as_str());
        let similar_kept = diff
            .iter_all_changes()
            .filter(|change| change.tag() == similar::ChangeTag::Equal)
            .count();
        prop_assert_eq!(kept, similar_kept);
    }
}
