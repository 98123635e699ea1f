//! The Yew web app (wasm32 only): a 原文 pane where the speech is pasted
//! and a 提纲 pane that shows its outline.
//!
//! Data flows one way: the textarea's settled text → [`Action::SetText`]
//! → [`crate::parse`] (in the reducer) → an `Rc<Document>` in
//! [`AppState`] → the outline components. The root component owns the
//! only `use_reducer`; components get `Rc`s and compare them by pointer.
//!
//! The page (`www/main.js`) loads the wasm module and calls [`run`].

mod components;
mod hooks;
mod state;
mod timing;
mod tree_keys;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use components::{Header, OutlinePane, SourcePane};
pub use state::{Action, AppState, NodeId};

/// The root component.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::new(Rc::from(crate::SAMPLE_SPEECH)));

    // Effects run once the DOM is updated: end the parse-to-outline measure.
    use_effect_with(state.revision, |_| timing::measure_outline());

    let dispatcher = state.dispatcher();
    let on_text = use_callback(dispatcher.clone(), |text, dispatcher| {
        dispatcher.dispatch(Action::SetText(text))
    });
    let on_toggle = use_callback(dispatcher.clone(), |id, dispatcher| {
        dispatcher.dispatch(Action::Toggle(id))
    });
    let on_expand_all = use_callback(dispatcher.clone(), |(), dispatcher| {
        dispatcher.dispatch(Action::ExpandAll)
    });
    let on_collapse_all = use_callback(dispatcher, |(), dispatcher| {
        dispatcher.dispatch(Action::CollapseAll)
    });

    html! {
        <div class="app">
            <Header />
            <main class="panes">
                <SourcePane initial={Rc::clone(&state.text)} {on_text} />
                <OutlinePane
                    document={Rc::clone(&state.document)}
                    folded={Rc::clone(&state.folded)}
                    {on_toggle}
                    {on_expand_all}
                    {on_collapse_all}
                />
            </main>
        </div>
    }
}

/// Mounts the app into the page's `#app` element (or `<body>`). Called by
/// `www/main.js` once the wasm module is loaded.
#[wasm_bindgen]
pub fn run() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
