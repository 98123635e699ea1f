//! Turns a stream of keystrokes in a textarea or an input into a few "the
//! text has settled" events: one after typing pauses, never while a
//! Chinese input method is composing a character.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the hook remembers between events.
struct Settle {
    field: NodeRef,
    /// How long typing must pause before the text counts as settled (ms).
    delay: u32,
    on_settled: Callback<Rc<str>>,
    /// Between `compositionstart` and `compositionend`.
    composing: bool,
    /// The wait in progress. Dropping a `Timeout` cancels it, so replacing
    /// this restarts the wait.
    pending: Option<Timeout>,
}

/// (Re)starts the wait after an edit.
fn schedule(settle: &Rc<RefCell<Settle>>) {
    let weak = Rc::downgrade(settle);
    let delay = settle.borrow().delay;
    let timeout = Timeout::new(delay, move || {
        let Some(settle) = weak.upgrade() else {
            return;
        };
        let (text, on_settled) = {
            let settle = settle.borrow();
            if settle.composing {
                return;
            }
            let Some(value) = value_of(&settle.field) else {
                return;
            };
            (Rc::from(value), settle.on_settled.clone())
        };
        on_settled.emit(text);
    });
    settle.borrow_mut().pending = Some(timeout);
}

/// The value of a textarea or an input.
fn value_of(field: &NodeRef) -> Option<String> {
    if let Some(textarea) = field.cast::<HtmlTextAreaElement>() {
        return Some(textarea.value());
    }
    field.cast::<HtmlInputElement>().map(|input| input.value())
}

/// Calls `on_settled` with the field's text `delay` ms after the last
/// edit, unless an input method is composing by then; the end of a
/// composition counts as an edit. Returns the `oninput` handler for the
/// field; the composition listeners are attached here, since Yew has no
/// attributes for them. The field stays uncontrolled: this hook reads its
/// value and never writes it.
#[hook]
pub fn use_settled_text(
    field: NodeRef,
    delay: u32,
    on_settled: Callback<Rc<str>>,
) -> Callback<InputEvent> {
    let settle = use_mut_ref(|| Settle {
        field: field.clone(),
        delay,
        on_settled: on_settled.clone(),
        composing: false,
        pending: None,
    });
    settle.borrow_mut().on_settled = on_settled;

    {
        let settle = Rc::clone(&settle);
        use_effect_with(field, move |field| {
            let listeners = field.get().map(|element| {
                let start = {
                    let settle = Rc::clone(&settle);
                    EventListener::new(&element, "compositionstart", move |_| {
                        let mut settle = settle.borrow_mut();
                        settle.composing = true;
                        settle.pending = None;
                    })
                };
                let end = {
                    let settle = Rc::clone(&settle);
                    EventListener::new(&element, "compositionend", move |_| {
                        settle.borrow_mut().composing = false;
                        schedule(&settle);
                    })
                };
                (start, end)
            });
            // Dropping the listeners detaches them.
            move || drop(listeners)
        });
    }

    Callback::from(move |event: InputEvent| {
        if event.is_composing() || settle.borrow().composing {
            return;
        }
        schedule(&settle);
    })
}
