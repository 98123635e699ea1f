#![cfg(not(target_arch = "wasm32"))]
//! The 思维导图 export (`gangmu::export::svg`), on every corpus document:
//! it parses as XML, every node the outline lists is drawn once with its
//! whole text, no two boxes overlap, and the picture holds them all.

mod support;

use gangmu::export::contents::{Contents, Item};
use gangmu::export::{label_and_heading, svg::svg, Options};

/// A drawn box: its text and its rectangle.
struct Drawn {
    text: String,
    rect: [f64; 4],
}

fn drawn(svg: &str) -> (Vec<Drawn>, f64, f64) {
    let doc = roxmltree::Document::parse(svg).expect("the map parses as XML");
    let root = doc.root_element();
    let number = |node: roxmltree::Node, name: &str| -> f64 {
        node.attribute(name).expect(name).parse().expect("a number")
    };
    let (width, height) = (number(root, "width"), number(root, "height"));
    let boxes = root
        .descendants()
        .filter(|node| {
            node.attribute("class")
                .is_some_and(|c| c.starts_with("node"))
        })
        .map(|group| {
            let rect = group
                .children()
                .find(|n| n.has_tag_name("rect"))
                .expect("a box");
            let heading = group
                .children()
                .find(|n| n.has_tag_name("text") && n.attribute("class").is_none())
                .expect("a heading");
            Drawn {
                text: heading
                    .descendants()
                    .filter(|n| n.is_text())
                    .filter_map(|n| n.text())
                    .collect(),
                rect: ["x", "y", "width", "height"].map(|name| number(rect, name)),
            }
        })
        .collect();
    (boxes, width, height)
}

fn listed(items: &[Item], out: &mut Vec<String>) {
    for item in items {
        out.push(
            label_and_heading(item.node)
                .chars()
                .filter(|c| !c.is_control())
                .collect(),
        );
        listed(&item.children, out);
    }
}

#[test]
fn every_corpus_map_draws_every_node_once_without_overlaps() {
    for name in support::corpus_names() {
        let text = support::corpus_text(&name);
        let doc = gangmu::parse(&text);
        for options in [
            Options::default(),
            Options {
                paragraphs: true,
                key_sentences: true,
            },
        ] {
            let map = svg(&doc, options);
            let (boxes, width, height) = drawn(&map);
            let mut expected = vec![doc.title.clone().unwrap_or_else(|| "提纲".to_string())];
            listed(&Contents::new(&doc, options).items, &mut expected);
            let texts: Vec<&str> = boxes.iter().map(|b| b.text.as_str()).collect();
            assert_eq!(texts, expected, "{name}: the boxes, in order");
            for b in &boxes {
                let [x, y, w, h] = b.rect;
                assert!(
                    x >= 0.0 && y >= 0.0 && x + w <= width && y + h <= height,
                    "{name}: {} outside",
                    b.text
                );
            }
            // Sorted by top, each box against those that start above its bottom.
            let mut rects: Vec<[f64; 4]> = boxes.iter().map(|b| b.rect).collect();
            rects.sort_by(|a, b| a[1].total_cmp(&b[1]));
            for (i, a) in rects.iter().enumerate() {
                for b in rects[i + 1..].iter().take_while(|b| b[1] < a[1] + a[3]) {
                    let apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0];
                    assert!(apart, "{name}: boxes {a:?} and {b:?} overlap");
                }
            }
        }
    }
}

/// A heading full of markup characters stays text.
#[test]
fn markup_in_headings_is_escaped() {
    let doc = gangmu::parse("<标题>&\n\n一、<b>加粗</b> & “引号”\n二、第二\n");
    let map = svg(&doc, Options::default());
    let (boxes, ..) = drawn(&map);
    assert!(
        boxes.iter().any(|b| b.text == "一、<b>加粗</b> & “引号”"),
        "{map}"
    );
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text gives a map that parses, with no panic (a float rounding in
    /// the layout once did).
    #[test]
    fn any_text_gives_a_map(
        text in proptest::collection::vec(
            prop_oneof![
                Just("一、".to_string()),
                Just("（一）".to_string()),
                Just("1.".to_string()),
                Just("一要".to_string()),
                Just("\n".to_string()),
                Just("。".to_string()),
                "\\PC{0,30}",
            ],
            0..60,
        ).prop_map(|pieces| pieces.concat()),
        paragraphs: bool,
        key_sentences: bool,
    ) {
        let doc = gangmu::parse(&text);
        let map = svg(&doc, Options { paragraphs, key_sentences });
        prop_assert!(roxmltree::Document::parse(&map).is_ok());
    }
}
