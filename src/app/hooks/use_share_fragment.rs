//! Share links in the address bar: the state the page starts in, a link
//! pasted into the address bar of the open app, and dropping the fragment
//! once its text is no longer shown. The rule they keep is in
//! `state/transfer.rs`.

use std::rc::Rc;

use gloo_events::EventListener;
use yew::prelude::*;

use crate::app::dom::storage;
use crate::app::state::{Action, AppState, Origin, Prefs, TransferAction};
use crate::app::transfer::link;

/// The first state: a share link's text if the page was opened with one;
/// otherwise the text saved on this machine (the sample on a first visit),
/// with the reason a damaged link could not be read.
pub fn initial_state(prefs: Prefs) -> AppState {
    let saved = || {
        let text = storage::load_text().unwrap_or_else(|| crate::SAMPLE_SPEECH.to_string());
        Rc::from(text)
    };
    match link::incoming() {
        Some(Ok(text)) => AppState::from_link(Rc::from(text), prefs),
        Some(Err(error)) => {
            let mut state = AppState::new(saved(), prefs);
            state.transfer.problem = Some(Rc::from(error.message()));
            state
        }
        None => AppState::new(saved(), prefs),
    }
}

/// Opens a share link put into the address bar while the app is open (a
/// `hashchange`), and drops the fragment from the address whenever the
/// text shown is not the link's, so a reload shows the saved text.
#[hook]
pub fn use_share_fragment(dispatch: Callback<Action>, showing_link: bool, revision: u64) {
    use_effect_with(dispatch, |dispatch| {
        let dispatch = dispatch.clone();
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                let action = match link::incoming() {
                    Some(Ok(text)) => TransferAction::Open {
                        text: Rc::from(text),
                        origin: Origin::Link,
                    },
                    Some(Err(error)) => TransferAction::Problem(Rc::from(error.message())),
                    None => return,
                };
                dispatch.emit(Action::Transfer(action));
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
