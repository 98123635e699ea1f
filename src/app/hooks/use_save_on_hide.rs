//! Keeps the reader's latest typing when the page goes away. The text is
//! saved after it settles (150 ms after typing pauses) and is parsed; a
//! tab closed or switched away from before then — or while the worker
//! analyses a large paste — would lose the edit. On `pagehide`, and on
//! `visibilitychange` to hidden (the last event a phone's browser reliably
//! gives), what the textarea holds is saved at once if it is not the text
//! last parsed, which the app saved: an unedited share link's text, which
//! is not to be saved, is that text, and so is left alone.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::app::dom::storage;

/// Saves the textarea's value on `pagehide` or hiding, when it differs
/// from `parsed`, the text the app last parsed (and saved).
#[hook]
pub fn use_save_on_hide(textarea: NodeRef, parsed: Rc<str>) {
    let latest = use_mut_ref(|| Rc::clone(&parsed));
    *latest.borrow_mut() = parsed;
    use_effect_with(textarea, move |textarea| {
        let flush = {
            let textarea = textarea.clone();
            move |latest: &Rc<RefCell<Rc<str>>>| {
                let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() else {
                    return;
                };
                let value = textarea.value();
                if value != **latest.borrow() {
                    storage::save_text(&value);
                }
            }
        };
        let window = web_sys::window();
        let document = window.as_ref().and_then(|window| window.document());
        let on_pagehide = window.map(|window| {
            let (flush, latest) = (flush.clone(), Rc::clone(&latest));
            EventListener::new(&window, "pagehide", move |_| flush(&latest))
        });
        let on_hidden = document.map(|document| {
            let watched = document.clone();
            EventListener::new(&document, "visibilitychange", move |_| {
                if watched.hidden() {
                    flush(&latest);
                }
            })
        });
        move || drop((on_pagehide, on_hidden))
    });
}
