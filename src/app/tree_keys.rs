//! Keyboard use of the outline, after the WAI-ARIA tree view pattern:
//! ↑ ↓ move between visible items, Home and End jump to the first and
//! last, → unfolds or enters a node, ← folds or goes to the parent,
//! Enter and Space fold and unfold.
//!
//! Focus moves with a roving tabindex: the focused item has `tabindex=0`,
//! every other item `-1`. The handler works on the DOM the tree rendered,
//! so it needs no state of its own.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::Callback;

use super::state::NodeId;

const ITEM: &str = "[role=treeitem]";

/// Handles a keydown inside the tree; `on_toggle` folds or unfolds a node.
pub fn handle(event: &KeyboardEvent, on_toggle: &Callback<NodeId>) {
    let Some(item) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .and_then(|target| target.closest(ITEM).ok().flatten())
    else {
        return;
    };
    let Some(tree) = item.closest("[role=tree]").ok().flatten() else {
        return;
    };
    let expanded = item.get_attribute("aria-expanded");
    let toggle = || {
        if let Some(id) = item.get_attribute("data-id") {
            on_toggle.emit(Rc::from(id));
        }
    };
    let visible = visible_items(&tree);
    let position = visible.iter().position(|other| *other == item);
    let target = match event.key().as_str() {
        "ArrowDown" => position.and_then(|at| visible.get(at + 1).cloned()),
        "ArrowUp" => position
            .and_then(|at| at.checked_sub(1))
            .and_then(|at| visible.get(at).cloned()),
        "Home" => visible.first().cloned(),
        "End" => visible.last().cloned(),
        "ArrowRight" => match expanded.as_deref() {
            Some("false") => {
                toggle();
                None
            }
            Some("true") => position.and_then(|at| visible.get(at + 1).cloned()),
            _ => None,
        },
        "ArrowLeft" => match expanded.as_deref() {
            Some("true") => {
                toggle();
                None
            }
            _ => item
                .parent_element()
                .and_then(|group| group.closest(ITEM).ok().flatten()),
        },
        "Enter" | " " => {
            if expanded.is_some() {
                toggle();
            }
            None
        }
        _ => return,
    };
    event.prevent_default();
    if let Some(target) = target {
        move_focus(&tree, &target);
    }
}

/// Items not inside a folded (hidden) group, in document order.
fn visible_items(tree: &Element) -> Vec<Element> {
    let Ok(list) = tree.query_selector_all(ITEM) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .filter(|item| {
            item.parent_element()
                .and_then(|parent| parent.closest("[hidden]").ok().flatten())
                .is_none()
        })
        .collect()
}

fn move_focus(tree: &Element, target: &Element) {
    if let Ok(Some(current)) = tree.query_selector("[role=treeitem][tabindex='0']") {
        let _ = current.set_attribute("tabindex", "-1");
    }
    let _ = target.set_attribute("tabindex", "0");
    if let Some(target) = target.dyn_ref::<HtmlElement>() {
        let _ = target.focus();
    }
}
