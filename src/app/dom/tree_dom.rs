//! The outline tree's rows in the DOM, written here rather than by Yew.
//!
//! A paste creates every row at once. Yew builds a row element by element,
//! some 25 calls from wasm into the DOM each, and that was most of the
//! time from paste to outline on a speech; one `innerHTML` lets the
//! browser's HTML parser build the whole tree natively instead (README,
//! "Performance"). After that the rows are patched in place: the view
//! reuses every unchanged row (`outline::view`), so a row that is the very
//! same `Rc` is skipped with its subtree, a changed row gets the attributes
//! and text that changed, and a list whose keys changed is written anew.
//! So the element the reader is on keeps the focus through every patch;
//! when its list is written anew, the tree component gives the focus to
//! the new element of the same key.
//!
//! The markup is the one Yew's components wrote before: `li[role=treeitem]`
//! with its class, ARIA state and roving `tabindex`, `div.row` holding the
//! label, heading, kind badge and child count, and `ul[role=group]`
//! (`hidden` when folded). The tree's delegated click and focus listeners
//! find the row an `li` shows by its position ([`row_at`]). Every text is
//! escaped ([`escape`]); attribute values are the app's own, and quoted.

use std::fmt::Write;
use std::ops::Range;
use std::rc::Rc;

use web_sys::Element;

use crate::app_core::outline::{NodeKey, Row};
use crate::export::escape_markup_char;
use crate::NodeKind;

/// Makes the items of `list` (the tree or a group) show `new`, given that
/// they show `old`.
pub fn update(list: &Element, old: &[Rc<Row>], new: &[Rc<Row>]) {
    let same_keys = old.len() == new.len() && old.iter().zip(new).all(|(a, b)| a.key == b.key);
    if !same_keys {
        list.set_inner_html(&items(new));
        return;
    }
    let mut item = list.first_element_child();
    for (before, after) in old.iter().zip(new) {
        let Some(element) = item else {
            // Not what was written: write it again.
            list.set_inner_html(&items(new));
            return;
        };
        if !Rc::ptr_eq(before, after) {
            patch(&element, before, after);
        }
        item = element.next_element_sibling();
    }
}

/// The `li` whose `div.row` holds `target`, which was clicked.
pub fn clicked(target: &Element) -> Option<Element> {
    let row = target.closest("[role=treeitem] > .row").ok().flatten()?;
    row.parent_element()
}

/// `target` if it is a row's `li`, which got the focus.
pub fn focused(target: &Element) -> Option<Element> {
    target
        .matches("[role=treeitem]")
        .unwrap_or(false)
        .then(|| target.clone())
}

/// The row of `rows` that `item`, an `li` inside `list`, shows: found by
/// the positions of `item` and of the `li`s that hold it.
pub fn row_at<'a>(list: &Element, item: &Element, rows: &'a [Rc<Row>]) -> Option<&'a Rc<Row>> {
    let mut path = Vec::new();
    let mut item = item.clone();
    loop {
        let mut position = 0;
        let mut before = item.previous_element_sibling();
        while let Some(sibling) = before {
            position += 1;
            before = sibling.previous_element_sibling();
        }
        path.push(position);
        let parent = item.parent_element()?;
        if parent.is_same_node(Some(list)) {
            break;
        }
        // A group: the `li` that holds it is next.
        item = parent.parent_element()?;
    }
    let (mut rows, mut row) = (rows, None);
    for &position in path.iter().rev() {
        let found = rows.get(position)?;
        rows = &found.children;
        row = Some(found);
    }
    row
}

/// The `li` inside `list` that shows the row of `rows` keyed `key`.
pub fn item_of(list: &Element, rows: &[Rc<Row>], key: &NodeKey) -> Option<Element> {
    fn path(rows: &[Rc<Row>], key: &NodeKey, out: &mut Vec<usize>) -> bool {
        for (position, row) in rows.iter().enumerate() {
            out.push(position);
            if row.key == *key || path(&row.children, key, out) {
                return true;
            }
            out.pop();
        }
        false
    }
    let mut positions = Vec::new();
    if !path(rows, key, &mut positions) {
        return None;
    }
    let mut list = list.clone();
    let mut item: Option<Element> = None;
    for position in positions {
        if let Some(holder) = &item {
            // The group of the `li` found last, where this position counts.
            list = holder
                .last_element_child()
                .filter(|last| last.tag_name().eq_ignore_ascii_case("ul"))?;
        }
        let mut found = list.first_element_child();
        for _ in 0..position {
            found = found?.next_element_sibling();
        }
        item = Some(found?);
    }
    item
}

/// Brings the `li` of `old` to show `new`, a row with the same key at the
/// same place.
fn patch(item: &Element, old: &Row, new: &Row) {
    if old.kind != new.kind {
        set(item, "class", node_class(new.kind));
    }
    // aria-level, -setsize and -posinset stay: they follow from the keys of
    // this row's list and of its ancestors' lists, which are the same.
    if old.expanded != new.expanded {
        match new.expanded {
            Some(open) => set(item, "aria-expanded", if open { "true" } else { "false" }),
            None => {
                let _ = item.remove_attribute("aria-expanded");
            }
        }
    }
    if old.selected != new.selected {
        set(
            item,
            "aria-selected",
            if new.selected { "true" } else { "false" },
        );
    }
    if old.tab_stop != new.tab_stop {
        set(item, "tabindex", tabindex(new));
    }
    if let Some(row) = item.first_element_child() {
        if row_class(old) != row_class(new) {
            row.set_class_name(row_class(new));
        }
        if !reads_the_same(old, new) {
            let mut content = String::new();
            row_content(&mut content, new);
            row.set_inner_html(&content);
        }
    }
    let group = item
        .last_element_child()
        .filter(|last| last.tag_name().eq_ignore_ascii_case("ul"));
    match (group, new.children.is_empty()) {
        (None, true) => {}
        (Some(group), true) => group.remove(),
        (None, false) => {
            let mut markup = String::new();
            group_markup(&mut markup, new);
            let _ = item.insert_adjacent_html("beforeend", &markup);
        }
        (Some(group), false) => {
            if new.expanded == Some(false) {
                set(&group, "hidden", "");
            } else {
                let _ = group.remove_attribute("hidden");
            }
            update(&group, &old.children, &new.children);
        }
    }
}

fn set(element: &Element, name: &str, value: &str) {
    // Setting a valid attribute name cannot fail.
    let _ = element.set_attribute(name, value);
}

/// Whether the `div.row` of `old` already shows what `new` would.
fn reads_the_same(old: &Row, new: &Row) -> bool {
    old.label == new.label
        && old.heading == new.heading
        && old.marks == new.marks
        && old.key_sentence == new.key_sentence
        && (old.hits, &old.snippet) == (new.hits, &new.snippet)
        && old.kind == new.kind
        && old.children.len() == new.children.len()
}

/// The markup of `rows`, one `li` each.
pub fn items(rows: &[Rc<Row>]) -> String {
    let mut out = String::new();
    for row in rows {
        item_markup(&mut out, row);
    }
    out
}

fn item_markup(out: &mut String, row: &Row) {
    let _ = write!(
        out,
        r#"<li role="treeitem" class="{}" aria-level="{}" aria-setsize="{}" aria-posinset="{}""#,
        node_class(row.kind),
        row.level,
        row.setsize,
        row.posinset
    );
    if let Some(open) = row.expanded {
        let _ = write!(out, r#" aria-expanded="{open}""#);
    }
    let _ = write!(
        out,
        r#" aria-selected="{}" tabindex="{}"><div class="{}">"#,
        row.selected,
        tabindex(row),
        row_class(row)
    );
    row_content(out, row);
    out.push_str("</div>");
    if !row.children.is_empty() {
        group_markup(out, row);
    }
    out.push_str("</li>");
}

fn group_markup(out: &mut String, row: &Row) {
    out.push_str(if row.expanded == Some(false) {
        r#"<ul role="group" hidden>"#
    } else {
        r#"<ul role="group">"#
    });
    for child in row.children.iter() {
        item_markup(out, child);
    }
    out.push_str("</ul>");
}

/// The row's text: the label exactly as written, then the heading, in
/// separate spans, the kind of an unlabelled node that has a badge, and
/// the number of children. The fold chevron is CSS content.
fn row_content(out: &mut String, row: &Row) {
    let label = row.label.as_deref().unwrap_or("");
    if !label.is_empty() {
        out.push_str(r#"<span class="label">"#);
        marked(out, label, 0, &row.marks);
        out.push_str("</span>");
    }
    out.push_str(r#"<span class="heading">"#);
    marked(out, &row.heading, label.len(), &row.marks);
    out.push_str("</span>");
    if row.hits > 0 {
        let _ = write!(out, r#"<span class="hits">{} 处</span>"#, row.hits);
    }
    if row.label.is_none() && row.kind.has_badge() {
        let _ = write!(
            out,
            r#"<span class="kind">{}</span>"#,
            row.kind.display_name()
        );
    }
    if !row.children.is_empty() {
        let _ = write!(
            out,
            r#"<span class="count" aria-hidden="true">{}</span>"#,
            row.children.len()
        );
    }
    if let Some(snippet) = &row.snippet {
        out.push_str(r#"<span class="snippet">"#);
        marked(out, &snippet.text, 0, std::slice::from_ref(&snippet.mark));
        out.push_str("</span>");
    }
    if let Some(key) = &row.key_sentence {
        out.push_str(r#"<span class="key-sentence">"#);
        escape(out, key);
        out.push_str("</span>");
    }
}

/// `text` with the parts that match the search in `<mark>`. `marks` are
/// byte ranges of the label and heading together; `text` starts at byte
/// `offset` of that.
fn marked(out: &mut String, text: &str, offset: usize, marks: &[Range<usize>]) {
    let mut at = 0;
    for mark in marks {
        let start = mark.start.saturating_sub(offset).min(text.len());
        let end = mark.end.saturating_sub(offset).min(text.len());
        let (Some(before), Some(inside)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        if inside.is_empty() {
            continue;
        }
        escape(out, before);
        out.push_str("<mark>");
        escape(out, inside);
        out.push_str("</mark>");
        at = end;
    }
    escape(out, text.get(at..).unwrap_or(""));
}

/// Appends `text` as HTML text that reads back as `text`: markup and
/// quotes as references, a carriage return as one (the parser would make
/// it a line feed), and NUL, which HTML cannot carry, as U+FFFD. Other
/// control chars stay as they are, as they were in Yew's text nodes.
pub fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        if escape_markup_char(out, c) {
            continue;
        }
        match c {
            '\r' => out.push_str("&#13;"),
            '\0' => out.push(char::REPLACEMENT_CHARACTER),
            _ => out.push(c),
        }
    }
}

fn tabindex(row: &Row) -> &'static str {
    if row.tab_stop {
        "0"
    } else {
        "-1"
    }
}

fn row_class(row: &Row) -> &'static str {
    if row.expanded.is_some() {
        "row foldable"
    } else {
        "row"
    }
}

/// The item's classes: `node` and `node-<kind>`.
fn node_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Front => "node node-front",
        NodeKind::Preamble => "node node-preamble",
        NodeKind::Part => "node node-part",
        NodeKind::Section => "node node-section",
        NodeKind::Task => "node node-task",
        NodeKind::Point => "node node-point",
        NodeKind::Paragraph => "node node-paragraph",
        NodeKind::Closing => "node node-closing",
        NodeKind::Appendix => "node node-appendix",
        NodeKind::Back => "node node-back",
    }
}
