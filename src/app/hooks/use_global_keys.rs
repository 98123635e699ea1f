//! Keys that work anywhere on the page except while typing in the text or
//! the search box: 1 2 3 show the outline to that level, 0 folds it all,
//! 9 unfolds it all, / goes to the search box. Ctrl+Z (⌘Z) brings back
//! text that 清空 removed, while it can.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::app_core::state::Action;

/// Whether the page, not the tree's type-ahead, handles `key`.
pub fn is_page_key(key: &str) -> bool {
    matches!(key, "0" | "1" | "2" | "3" | "9" | "/")
}

/// What the listener needs from the latest render.
struct Latest {
    dispatch: Callback<Action>,
    can_undo: bool,
    search: NodeRef,
}

/// Listens for the page's keys on `document` while the component lives.
#[hook]
pub fn use_global_keys(dispatch: Callback<Action>, can_undo: bool, search: NodeRef) {
    let latest = use_mut_ref(|| Latest {
        dispatch: dispatch.clone(),
        can_undo,
        search: search.clone(),
    });
    *latest.borrow_mut() = Latest {
        dispatch,
        can_undo,
        search,
    };
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .and_then(|window| window.document())
            .map(|document| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&document, "keydown", options, move |event| {
                    if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                        on_key(event, &latest.borrow());
                    }
                })
            });
        move || drop(listener)
    });
}

fn on_key(event: &KeyboardEvent, latest: &Latest) {
    if event.default_prevented() || event.is_composing() || event.alt_key() {
        return;
    }
    let target = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok());
    let textarea = target
        .as_ref()
        .and_then(|target| target.dyn_ref::<HtmlTextAreaElement>());
    let typing = textarea.is_some()
        || target.as_ref().is_some_and(|target| {
            target.dyn_ref::<HtmlInputElement>().is_some()
                || target.closest("[contenteditable]").ok().flatten().is_some()
        });
    let key = event.key();
    if event.ctrl_key() || event.meta_key() {
        // In a textarea the reader has typed into, Ctrl+Z is its own undo.
        let text_is_empty = textarea.is_none_or(|textarea| textarea.value().is_empty());
        if key.eq_ignore_ascii_case("z") && !event.shift_key() && latest.can_undo && text_is_empty {
            event.prevent_default();
            latest.dispatch.emit(Action::UndoClear);
        }
        return;
    }
    if typing {
        return;
    }
    let action = match key.as_str() {
        "0" => Action::CollapseAll,
        "9" => Action::ExpandAll,
        "1" => Action::ExpandToLevel(1),
        "2" => Action::ExpandToLevel(2),
        "3" => Action::ExpandToLevel(3),
        "/" => {
            if let Some(search) = latest.search.cast::<HtmlInputElement>() {
                event.prevent_default();
                let _ = search.focus();
            }
            return;
        }
        _ => return,
    };
    event.prevent_default();
    latest.dispatch.emit(action);
}
