//! `dom::tree_dom`: the tree's rows patched in place from one view to the
//! next (`update`) read exactly as the rows written anew (`items`), over
//! random sequences of folds, selections, searches, 显示段落 and edits of
//! the text; rows are found by their position; text reads back as written.

use std::rc::Rc;

use gangmu::app::tree_dom;
use gangmu::app_core::outline::{KeySet, NodeKey, OutlineIndex, Query, Settings, TextHits, View};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

/// `node` as text with each element's attributes sorted by name, so that
/// the order in which a patch set them does not count.
fn shape(node: &Node, out: &mut String) {
    match node.dyn_ref::<Element>() {
        Some(element) => {
            let mut names: Vec<String> = element
                .get_attribute_names()
                .iter()
                .filter_map(|name| name.as_string())
                .collect();
            names.sort();
            out.push('<');
            out.push_str(&element.tag_name());
            for name in names {
                let value = element.get_attribute(&name).unwrap_or_default();
                out.push_str(&format!(" {name}={value:?}"));
            }
            out.push('>');
            let children = element.child_nodes();
            for at in 0..children.length() {
                if let Some(child) = children.item(at) {
                    shape(&child, out);
                }
            }
            out.push_str("</>");
        }
        None => out.push_str(&node.node_value().unwrap_or_default()),
    }
}

fn shape_of(list: &Element) -> String {
    let mut out = String::new();
    shape(list, &mut out);
    out
}

/// A small xorshift generator: the same sequence on every run.
struct Random(u32);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0 as usize % n
    }
}

#[wasm_bindgen_test]
fn patched_rows_read_as_rows_written_anew() {
    let sample = gangmu::SAMPLE_SPEECH;
    // An edit: every seventh line gone, so keys come and go.
    let edited: String = sample
        .lines()
        .enumerate()
        .filter(|(at, _)| at % 7 != 3)
        .map(|(_, line)| format!("{line}\n"))
        .collect();
    let texts = [
        sample,
        edited.as_str(),
        "同志们：\n一、<b>甲</b> & “乙”\n一要\"丙\"。\n二要丁。\n",
    ];
    // Mostly none: a search unfolds every row.
    let queries = ["", "", "", "要", "工作", "&", "<b>"];

    let document = web_sys::window().unwrap().document().unwrap();
    let patched = document.create_element("ul").unwrap();
    let written = document.create_element("ul").unwrap();
    let mut random = Random(0x9e37_79b9);
    let mut text = texts[0];
    let mut index = OutlineIndex::new(&gangmu::parse(text));
    let mut folded: KeySet = KeySet::default();
    let (mut paragraphs, mut query, mut selected) = (false, "", None::<NodeKey>);
    let (mut key_sentences, mut whole_text) = (false, false);
    let mut view = View::default();
    for step in 0..300 {
        let any_key = |random: &mut Random, index: &OutlineIndex| {
            Rc::clone(&index.entries[random.below(index.entries.len())].key)
        };
        match random.below(8) {
            0 => {
                text = texts[random.below(texts.len())];
                index = OutlineIndex::new(&gangmu::parse(text));
            }
            1 => paragraphs = !paragraphs,
            6 => key_sentences = !key_sentences,
            7 => whole_text = !whole_text,
            2 => query = queries[random.below(queries.len())],
            3 => selected = Some(any_key(&mut random, &index)),
            _ => {
                // Rows with children, which folding changes.
                let parents: Vec<_> = (0..index.entries.len())
                    .filter(|&at| index.entries[at].has_children(at))
                    .collect();
                let key = Rc::clone(&index.entries[parents[random.below(parents.len())]].key);
                if !folded.remove(&key) {
                    folded.insert(key);
                }
            }
        }
        let query = Query::new(query);
        let hits = TextHits::find(text, &query, &index, paragraphs);
        let settings = Settings {
            folded: &folded,
            paragraphs,
            key_sentences,
            query: &query,
            hits: (whole_text && !query.is_empty()).then_some((&hits, text)),
            selected: selected.as_deref(),
        };
        let next = View::build(&index, &settings, &view);
        tree_dom::update(&patched, &view.roots, &next.roots);
        written.set_inner_html(&tree_dom::items(&next.roots));
        assert_eq!(shape_of(&patched), shape_of(&written), "step {step}");
        view = next;
    }
}

#[wasm_bindgen_test]
fn every_row_is_found_by_its_position_and_its_key() {
    let index = OutlineIndex::new(&gangmu::parse(gangmu::SAMPLE_SPEECH));
    let folded: KeySet = KeySet::default();
    let query = Query::new("");
    let settings = Settings {
        folded: &folded,
        paragraphs: true,
        key_sentences: true,
        query: &query,
        hits: None,
        selected: None,
    };
    let view = View::build(&index, &settings, &View::default());
    let document = web_sys::window().unwrap().document().unwrap();
    let list = document.create_element("ul").unwrap();
    list.set_inner_html(&tree_dom::items(&view.roots));
    let items = list.query_selector_all("[role=treeitem]").unwrap();
    assert_eq!(items.length() as usize, index.entries.len());
    for at in 0..items.length() {
        let item: Element = items.item(at).unwrap().unchecked_into();
        let row = tree_dom::row_at(&list, &item, &view.roots).expect("a row");
        let found = tree_dom::item_of(&list, &view.roots, &row.key).expect("an item");
        assert!(found.is_same_node(Some(&item)), "{}", row.key);
    }
}

#[wasm_bindgen_test]
fn text_reads_back_as_written() {
    let document = web_sys::window().unwrap().document().unwrap();
    let holder = document.create_element("div").unwrap();
    for text in [
        "<img src=x onerror=alert(1)>",
        "&amp; &lt; \"'",
        "甲\u{b}乙\u{85}丙\u{1b}\r丁\t戊\u{ffff}",
    ] {
        let mut markup = String::new();
        tree_dom::escape(&mut markup, text);
        holder.set_inner_html(&markup);
        assert_eq!(holder.child_element_count(), 0, "{text:?}");
        assert_eq!(holder.text_content().unwrap_or_default(), text);
    }
    let mut markup = String::new();
    tree_dom::escape(&mut markup, "甲\0乙");
    holder.set_inner_html(&markup);
    assert_eq!(holder.text_content().unwrap_or_default(), "甲\u{fffd}乙");
}
