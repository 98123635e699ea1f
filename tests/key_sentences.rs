#![cfg(not(target_arch = "wasm32"))]
//! Key sentences (要句), one rule a case: `check(input, expected)` lists
//! every node that has a key sentence as `heading => key`, in document
//! order (`Node::key`, `docs/FORMAT.md`).

mod support;

use gangmu::{Document, Node};

fn keys(doc: &Document) -> String {
    fn go(node: &Node, out: &mut String) {
        if let Some(key) = &node.key {
            out.push_str(&format!("{} => {}\n", node.heading, key.text));
        }
        for child in &node.children {
            go(child, out);
        }
    }
    let mut out = String::new();
    for node in &doc.nodes {
        go(node, &mut out);
    }
    out
}

fn check(input: &str, expected: &str) {
    let doc = gangmu::parse(input);
    let actual = keys(&doc);
    let expected: String = expected
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| format!("{line}\n"))
        .collect();
    assert!(
        actual == expected,
        "\n--- input ---\n{input}\n--- expected ---\n{expected}--- actual ---\n{actual}"
    );
}

#[test]
fn the_sample_s_points_say_what_must_be_recognised() {
    let doc = gangmu::parse(gangmu::SAMPLE_SPEECH);
    let points: Vec<&str> = doc.nodes[1]
        .children
        .iter()
        .filter_map(|node| node.key.as_ref())
        .map(|key| key.text.as_str())
        .filter(|key| key.starts_with("必须"))
        .collect();
    assert_eq!(
        points,
        [
            // 市 for 是 is the source's own typo.
            "必须充分认识到，开展集中专项行动市从严履行管党治党政治责任的严肃要求",
            "必须清醒认识到，开展集中专项行动是提振队伍士气、转变干部作风的迫切需要",
            "必须深刻认识到，开展集中专项行动是推动高质量发展、建设现代化的重要保障",
        ]
    );
}

#[test]
fn a_heading_on_its_own_line_or_a_whole_first_sentence_has_none() {
    check(
        "同志们：\n一、提高认识\n一要统一思想。要把思想统一起来。\n二要狠抓落实。\n",
        "",
    );
}

#[test]
fn a_run_in_heading_cut_at_its_colon_keeps_its_clause() {
    check(
        "一、提高认识\n一要统一思想：全市上下要把思想统一到部署上来。其他。\n二要狠抓落实：决不能搞形式主义。\n",
        "统一思想 => 统一思想：全市上下要把思想统一到部署上来
         狠抓落实 => 狠抓落实：决不能搞形式主义",
    );
}

#[test]
fn a_sentence_ends_outside_quotation_marks() {
    check(
        "一、提高认识\n必须充分认识到，正如古人所说：“善除害者察其本。”这是要求。\n必须清醒认识到，工作任重道远。\n必须深刻认识到，责任重大。\n",
        "必须充分认识到 => 必须充分认识到，正如古人所说：“善除害者察其本。”这是要求
         必须清醒认识到 => 必须清醒认识到，工作任重道远
         必须深刻认识到 => 必须深刻认识到，责任重大",
    );
}

#[test]
fn a_wrapped_paragraph_gives_the_same_sentence_without_its_breaks() {
    let one_line = "一、提高认识\n\n必须充分认识到，开展集中专项行动是从严履行管党治党政治责任的严肃要求。其他。\n\n必须清醒认识到，开展集中专项行动是提振队伍士气的迫切需要。\n\n必须深刻认识到，责任重大。\n";
    let wrapped = "一、提高认识\n\n必须充分认识到，开展集中专项行动是从\n严履行管党治党政治责任的**严肃要求**。其他。\n\n必须清醒认识到，开展集中专项行动是提\n振队伍士气的迫切需要。\n\n必须深刻认识到，责任重大。\n";
    let expected = keys(&gangmu::parse(one_line));
    assert!(expected.contains("从严履行管党治党政治责任的严肃要求\n"));
    check(wrapped, &expected);
    support::invariants::check(wrapped, &gangmu::parse(wrapped)).expect("the invariants hold");
}

#[test]
fn a_sentence_that_runs_on_is_cut_at_its_last_clause() {
    let long = "各项工作扎实推进，".repeat(30);
    let input = format!("一、提高认识\n必须充分认识到，{long}。\n必须清醒认识到，任重道远。\n必须深刻认识到，责任重大。\n");
    let doc = gangmu::parse(&input);
    let key = doc.nodes[0].children[0]
        .key
        .as_ref()
        .expect("a key sentence");
    let chars = key.text.chars().count();
    assert!(chars <= gangmu::KeySentence::MAX_CHARS, "{chars}");
    assert!(chars > gangmu::KeySentence::MAX_CHARS - 10, "{chars}");
    assert!(key.text.ends_with("各项工作扎实推进"), "{}", key.text);
}

#[test]
fn the_span_slices_the_source() {
    let doc = gangmu::parse(gangmu::SAMPLE_SPEECH);
    let chars: Vec<char> = gangmu::SAMPLE_SPEECH.chars().collect();
    let mut seen = 0;
    doc.walk(|node, _| {
        if let Some(key) = &node.key {
            let slice: String = chars[key.span.start..key.span.end].iter().collect();
            assert_eq!(slice.replace(['\n', '*'], ""), key.text);
            seen += 1;
        }
    });
    assert!(seen >= 3, "{seen}");
}
