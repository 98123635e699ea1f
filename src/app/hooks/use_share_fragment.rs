//! Share links in the address bar: a link pasted into the address bar of
//! the open app, and dropping the fragment once its text is no longer
//! shown. The rule they keep is in `app_core/state/transfer.rs`; the state
//! the page starts in is `app_core::state::initial_state`.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::app::transfer::link;
use crate::app_core::state::{Action, Origin, TransferAction};

/// Opens a share link put into the address bar while the app is open (a
/// `hashchange`), and drops the fragment from the address whenever the
/// text shown is not the link's, so a reload shows the saved text.
#[hook]
pub fn use_share_fragment(dispatch: Callback<Action>, showing_link: bool, revision: u64) {
    use_effect_with(dispatch, |dispatch| {
        let dispatch = dispatch.clone();
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                let dispatch = dispatch.clone();
                // The browser inflates the link: a promise.
                spawn_local(async move {
                    let action = match link::incoming().await {
                        Some(Ok((text, view))) => TransferAction::Open {
                            text: Rc::from(text),
                            origin: Origin::Link(view.map(Rc::new)),
                        },
                        Some(Err(error)) => TransferAction::Problem(Rc::from(error.message())),
                        None => return,
                    };
                    dispatch.emit(Action::Transfer(action));
                });
            })
        });
        move || drop(listener)
    });
    use_effect_with((revision, showing_link), |&(_, showing_link)| {
        if !showing_link {
            link::forget_fragment();
        }
    });
}
