#![cfg(not(target_arch = "wasm32"))]
//! Nasty inputs, in the manner of pulldown-cmark's `tests/errors.rs`: each
//! must parse without panicking and keep the invariants of
//! `support::invariants`. Most were chosen to hit an edge of one pass
//! (empty paragraphs, marks that never close, markers with nothing after
//! them, numbers past every range, chars outside the BMP).

mod support;

use gangmu::{DiagnosticKind, Document};

/// Parses `text` and checks the invariants.
fn parse(text: &str) -> Document {
    let doc = gangmu::parse(text);
    if let Err(broken) = support::invariants::check(text, &doc) {
        let shown: String = text.chars().take(200).collect();
        panic!("{broken}\ntext (first 200 chars): {shown:?}");
    }
    doc
}

/// Whether the document reports a diagnostic of `kind`.
fn has(doc: &Document, kind: DiagnosticKind) -> bool {
    doc.diagnostics.iter().any(|d| d.kind == kind)
}

#[test]
fn empty() {
    let doc = parse("");
    assert!(doc.nodes.is_empty() && doc.quotes.is_empty() && doc.title.is_none());
    assert_eq!(doc.diagnostics.len(), 1);
    assert_eq!(doc.diagnostics[0].kind, DiagnosticKind::EmptyText);
}

#[test]
fn only_whitespace() {
    let doc = parse(" \t\n\r\n\u{3000}\u{A0}\u{2028}\u{85}\n\n");
    assert!(doc.nodes.is_empty(), "{doc:?}");
    assert!(has(&doc, DiagnosticKind::EmptyText));
}

/// An empty file saved with a byte-order mark, or a paste of zero-width
/// spaces, is empty to the reader.
#[test]
fn only_invisible_chars_is_empty_text() {
    let doc = parse("\u{FEFF}\u{200B}\n\u{200B}");
    assert!(doc.nodes.is_empty(), "{doc:?}");
    assert!(has(&doc, DiagnosticKind::EmptyText));
}

#[test]
fn only_line_breaks() {
    parse(&"\n".repeat(10_000));
    parse(&"\r".repeat(10_000));
    parse(&"\r\n".repeat(10_000));
}

#[test]
fn one_opening_mark() {
    let doc = parse("“");
    assert!(doc.quotes.is_empty());
    assert!(has(&doc, DiagnosticKind::UnclosedQuote));
}

#[test]
fn one_closing_mark() {
    let doc = parse("”");
    assert!(has(&doc, DiagnosticKind::UnopenedQuote));
}

#[test]
fn ten_thousand_opening_marks() {
    let doc = parse(&"“".repeat(10_000));
    assert!(doc.quotes.is_empty());
}

#[test]
fn ten_thousand_closing_marks() {
    parse(&"”".repeat(10_000));
}

#[test]
fn marks_nested_ten_thousand_deep() {
    let text = format!("{}内容{}", "“‘".repeat(5_000), "’”".repeat(5_000));
    parse(&text);
}

#[test]
fn empty_quotations() {
    let doc = parse(&"“”‘’「」『』".repeat(1_000));
    assert!(
        doc.quotes.is_empty(),
        "a quotation with no words is skipped"
    );
}

#[test]
fn quotation_over_blank_lines_and_zero_width_lines() {
    parse("他说：“\n\n”\n他说：“\n\u{200B}\n”\n“\n“\n“\n");
}

#[test]
fn ten_thousand_paren_one_lines() {
    parse(&"（一）\n".repeat(10_000));
}

#[test]
fn ten_thousand_paren_one_on_one_line() {
    parse(&"（一）".repeat(10_000));
}

#[test]
fn markers_with_nothing_after_them() {
    for marker in [
        "一、",
        "一",
        "（一）",
        "（一",
        "(",
        "（",
        "第",
        "第一",
        "第一，",
        "一是",
        "一要",
        "首先，",
        "1.",
        "1",
        "（1）",
        "（１",
        "①",
        "⑴",
        "一　",
        "第一部分",
        "**",
        "#",
        "## ",
        ">",
    ] {
        parse(marker);
        parse(&format!("{marker}\n"));
        parse(&format!("标题\n\n同志们：\n{marker}"));
    }
}

#[test]
fn numbers_past_every_range() {
    parse("九十九、甲。\n一百、乙。\n（九十九）丙。\n（一二三四五）丁。\n99999999999999999999.戊。\n（99999999999）己。\n二十一是庚。\n第九十九，辛。\n⒇壬。\n⑳癸。\n");
    parse(&"九".repeat(5_000));
    parse(&"9".repeat(5_000));
    parse(&format!("（{}）", "一".repeat(5_000)));
    parse(&format!("（{}）", "1".repeat(5_000)));
}

#[test]
fn counting_past_sixty_members() {
    // A level of more than 60 members numbers paragraphs, not parts.
    let mut text = String::new();
    for n in 1..=120 {
        text.push_str(&format!("{n}.内容。\n"));
    }
    parse(&text);
}

#[test]
fn chars_outside_the_basic_plane() {
    let doc = parse("𠀀𠀁\n一、𠀀😀\n“𝕏”\n二、\u{10FFFF}\u{E000}\n");
    assert_eq!(doc.chars, 17);
}

#[test]
fn control_chars_and_noncharacters() {
    parse(
        "\u{0}\u{1}\u{1B}[31m一、\u{7F}\u{FFFE}\u{FFFF}\u{1C}\u{1D}\u{1E}\u{1F}\n\u{0}“\u{0}”\u{0}",
    );
}

#[test]
fn combining_marks_and_joiners() {
    parse("一\u{301}、\u{200D}标题\n第\u{FE0F}一，\u{200C}内容。\n👨\u{200D}👩\u{200D}👧");
}

#[test]
fn invalid_looking_utf8_sequences_as_text() {
    // Lone surrogates cannot be in a &str; what lossy decoding leaves of
    // broken bytes, and escapes that look like them, can.
    let lossy =
        String::from_utf8_lossy(b"\xe4\xb8\x80\xe3\x80\x81\xff\xfe\xed\xa0\x80\xc0\xaf\xe4\xb8");
    parse(&lossy);
    parse("\\uD800\\uDC00一、\\xff“\u{FFFD}”\u{FFFD}\u{FFFD}");
}

#[test]
fn markdown_only() {
    parse("#\n##\n###### \n####### x\n>\n> >\n**\n****\n* * *\n# 一、\n## （一）\n> 一是\n");
    parse(&"*".repeat(10_000));
    parse(&"#".repeat(10_000));
    parse(&"> ".repeat(5_000));
}

#[test]
fn front_matter_only() {
    parse("标题\n（2020年1月8日）\n张三\n同志们：");
    parse("同志们：同志们：同志们：");
    parse("下载\n打印\n全屏\n【字号：\n加大\n】\n");
    parse("注释\n①\n〔1〕\nPublic domain\nfalse\n本作品\n相关报道：");
}

#[test]
fn deeply_repeated_markers() {
    parse(&"一、（一）1.（1）①一要一是第一，首先，".repeat(2_000));
    parse(&"一、\n（一）\n1.\n（1）\n①\n一要\n一是\n第一，\n首先，\n".repeat(1_000));
    parse(&"一、二、三、四、五、六、七、八、九、十、".repeat(1_000));
}

#[test]
fn a_long_paragraph_counting_series() {
    parse(
        &support::adversarial::ALL
            .iter()
            .find(|input| input.name == "counting_series")
            .expect("the counting series input")
            .input(64_000),
    );
}

#[test]
fn yishi_line_of_64_kilobytes() {
    parse(&"一是，".repeat(64_000 / 9));
}

/// The brief's 1 MB line (once quadratic in keep_sequences).
#[test]
fn yishi_line_of_one_megabyte() {
    parse(&"一是，".repeat(1_000_000 / 9));
}

#[test]
fn every_adversarial_input_at_16_kilobytes() {
    for input in support::adversarial::ALL {
        parse(&input.input(16_000));
    }
}
