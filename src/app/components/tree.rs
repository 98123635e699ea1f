use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{
    ClipboardEvent, Element, FocusOptions, HtmlElement, ScrollIntoViewOptions,
    ScrollLogicalPosition,
};
use yew::prelude::*;

use crate::app::dom::tree_dom;
use crate::app::hooks::is_page_key;
use crate::app_core::by_ptr::ByPtr;
use crate::app_core::outline::{rows_as_text, Row};
use crate::app_core::state::{Action, Command, TreeFocus, TreeReveal};
use crate::app_core::tree_keys::TreeKey;

#[derive(Properties, PartialEq)]
pub struct TreeProps {
    pub roots: ByPtr<[Rc<Row>]>,
    pub reveal: Option<Command<TreeReveal>>,
    pub dispatch: Callback<Action>,
}

/// The outline: `role="tree"` named 提纲, one row per node shown. The
/// keyboard follows the WAI-ARIA tree view pattern (see `tree_keys`), with
/// a roving tabindex: the selected row is the tree's one tab stop.
///
/// Yew renders the list; its rows are written and patched by
/// `dom::tree_dom`, once the list is in the DOM, and their clicks and
/// focus are heard here, on the list. Folded children stay in the DOM but
/// `hidden`, so that printing can show the whole outline.
#[component]
pub fn Tree(props: &TreeProps) -> Html {
    let tree = use_node_ref();
    // The rows the DOM shows. Effects run in order: the rows are in place
    // before the selected one is revealed, and before the root component's
    // effect ends the gangmu:outline measure.
    let shown = use_mut_ref(|| Rc::<[Rc<Row>]>::from([]));
    {
        let (tree, shown, roots) = (tree.clone(), shown.clone(), Rc::clone(props.roots.rc()));
        use_effect(move || {
            let Some(tree) = tree.cast::<Element>() else {
                return;
            };
            let old = Rc::clone(&shown.borrow());
            if Rc::ptr_eq(&old, &roots) {
                return;
            }
            // A list written anew loses the row that had the focus: give
            // it to the new row of the same key.
            let focused = focus_in(&tree)
                .and_then(|active| tree_dom::row_at(&tree, &active, &old))
                .map(|row| Rc::clone(&row.key));
            tree_dom::update(&tree, &old, &roots);
            *shown.borrow_mut() = Rc::clone(&roots);
            // (No borrow is held: focusing runs the focus listener, which
            // reads `shown`.)
            if let Some(key) = focused {
                if focus_in(&tree).is_none() {
                    if let Some(item) = tree_dom::item_of(&tree, &roots, &key) {
                        focus_quietly(&item);
                    }
                }
            }
        });
    }
    {
        let tree = tree.clone();
        use_effect_with(props.reveal.clone(), move |reveal| {
            if let (Some(reveal), Some(tree)) = (reveal, tree.cast::<Element>()) {
                reveal_selected(&tree, reveal.value.focus);
            }
        });
    }

    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() || event.is_composing() {
                return;
            }
            let key = event.key();
            let action = if let Some(key) = TreeKey::from_key(&key) {
                Action::TreeKey(key)
            } else if is_typed(&key) && !is_page_key(&key) {
                Action::TypeAhead {
                    typed: key,
                    now: now(),
                }
            } else {
                return;
            };
            event.prevent_default();
            dispatch.emit(action);
        })
    };

    // The key of the row an `li` shows, for the listeners below.
    let key_of = {
        let (tree, shown) = (tree.clone(), shown.clone());
        move |item: Element| {
            let tree = tree.cast::<Element>()?;
            let shown = shown.borrow();
            tree_dom::row_at(&tree, &item, &shown).map(|row| Rc::clone(&row.key))
        }
    };
    let onclick = {
        let (dispatch, key_of) = (props.dispatch.clone(), key_of.clone());
        Callback::from(move |event: MouseEvent| {
            // The end of a drag that selected text is no click on a row.
            if text_selected() {
                return;
            }
            let item = target(&event).and_then(|target| tree_dom::clicked(&target));
            if let Some(key) = item.and_then(&key_of) {
                dispatch.emit(if one_pane() {
                    Action::Tap(key)
                } else {
                    Action::Choose(key)
                });
            }
        })
    };
    let onfocusin = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: FocusEvent| {
            let item = target(&event).and_then(|target| tree_dom::focused(&target));
            if let Some(key) = item.and_then(&key_of) {
                dispatch.emit(Action::Focus(key));
            }
        })
    };
    // A double click folds and opens again; it does not select a word.
    let onmousedown = Callback::from(|event: MouseEvent| {
        if event.detail() > 1 {
            event.prevent_default();
        }
    });
    // A selection over several rows copies them as seen: in order, with
    // their labels, indented by level, without the badges and counts.
    let oncopy = {
        let (tree, shown) = (tree.clone(), shown.clone());
        Callback::from(move |event: Event| {
            let Some(tree) = tree.cast::<Element>() else {
                return;
            };
            let text = selected_rows_text(&tree, &shown.borrow());
            let clipboard = event
                .dyn_ref::<ClipboardEvent>()
                .and_then(ClipboardEvent::clipboard_data);
            if let (Some(text), Some(clipboard)) = (text, clipboard) {
                if clipboard.set_data("text/plain", &text).is_ok() {
                    event.prevent_default();
                }
            }
        })
    };
    html! {
        <ul
            class="tree"
            role="tree"
            aria-label="提纲"
            ref={tree}
            {onkeydown}
            {onclick}
            {onfocusin}
            {onmousedown}
            {oncopy}
        ></ul>
    }
}

/// Whether the screen shows one pane at a time (a phone: the stylesheet's
/// narrow layout, whose tabs switch the panes).
fn one_pane() -> bool {
    web_sys::window()
        .and_then(|window| window.match_media(ONE_PANE).ok().flatten())
        .is_some_and(|query| query.matches())
}

/// The media query of `www/style.css`'s narrow layout.
const ONE_PANE: &str = "(max-width: 760px)";

/// Whether the page has a selection of text (not a mere caret).
fn text_selected() -> bool {
    web_sys::window()
        .and_then(|window| window.get_selection().ok().flatten())
        .is_some_and(|selection| !selection.is_collapsed())
}

/// The rows shown that the page's selection touches, as text
/// (`rows_as_text`), when it touches more than one; a selection inside
/// one row is copied as the browser copies it.
fn selected_rows_text(tree: &Element, shown: &[Rc<Row>]) -> Option<String> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let items = tree.query_selector_all("[role=treeitem]").ok()?;
    let mut rows = Vec::new();
    for at in 0..items.length() {
        let Some(item) = items
            .item(at)
            .and_then(|node| node.dyn_into::<Element>().ok())
        else {
            continue;
        };
        // Folded rows stay in the DOM, hidden: not seen, not copied.
        if item.closest("[hidden]").ok().flatten().is_some() {
            continue;
        }
        let Some(row) = item.query_selector(":scope > .row").ok().flatten() else {
            continue;
        };
        if selection
            .contains_node_with_allow_partial_containment(&row, true)
            .unwrap_or(false)
        {
            rows.extend(tree_dom::row_at(tree, &item, shown).map(Rc::clone));
        }
    }
    (rows.len() > 1).then(|| rows_as_text(rows.iter().map(|row| &**row)))
}

fn target(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// Whether a `KeyboardEvent.key` is text rather than a named key (Enter,
/// Shift, Process …): one character, or text an input method composed.
fn is_typed(key: &str) -> bool {
    key.chars().count() == 1 || !key.is_ascii()
}

/// Milliseconds on the page's clock, for type-ahead's pause.
fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// Scrolls the selected row into view and, as asked, focuses it.
fn reveal_selected(tree: &Element, focus: TreeFocus) {
    let Ok(Some(item)) = tree.query_selector("[role=treeitem][aria-selected=true]") else {
        return;
    };
    let focus = match focus {
        TreeFocus::Always => true,
        TreeFocus::Never => false,
        TreeFocus::IfInTree => focus_was_in(tree),
    };
    if focus {
        focus_quietly(&item);
    }
    let row = item.query_selector(":scope > .row").ok().flatten();
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    row.unwrap_or(item)
        .scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses `item` without scrolling (the caller scrolls, if at all).
fn focus_quietly(item: &Element) {
    if let Some(item) = item.dyn_ref::<HtmlElement>() {
        let options = FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = item.focus_with_options(&options);
    }
}

/// The element that has the focus, if it is inside `tree`.
fn focus_in(tree: &Element) -> Option<Element> {
    let active = web_sys::window()?.document()?.active_element()?;
    tree.contains(Some(&active)).then_some(active)
}

/// Whether the focus is in `tree`, or nowhere (on the body), as when the
/// row that had it was just folded away.
fn focus_was_in(tree: &Element) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    match document.active_element() {
        None => true,
        Some(active) => {
            tree.contains(Some(&active))
                || document
                    .body()
                    .is_some_and(|body| body.is_same_node(Some(&active)))
        }
    }
}
