use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::app_core::state::{Action, Tab};

/// Each pane: its tab, the tab's id and the pane's id.
pub const PANES: [(Tab, &str, &str, &str); 3] = [
    (Tab::Source, "原文", "tab-source", "pane-source"),
    (Tab::Outline, "提纲", "tab-outline", "pane-outline"),
    (Tab::Quotes, "引语", "tab-quotes", "pane-quotes"),
];

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub tab: Tab,
    pub dispatch: Callback<Action>,
}

/// On narrow screens, one pane at a time: a tab bar (the WAI-ARIA tabs
/// pattern, ← → Home End between tabs). Wide screens hide it and show
/// every pane; the panes stay in the DOM either way.
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let tabs = PANES
        .iter()
        .enumerate()
        .map(|(at, &(tab, name, id, pane))| {
            let selected = tab == props.tab;
            let onclick = props
                .dispatch
                .reform(move |_: MouseEvent| Action::SetTab(tab));
            let onkeydown = {
                let dispatch = props.dispatch.clone();
                Callback::from(move |event: KeyboardEvent| {
                    let next = match event.key().as_str() {
                        "ArrowRight" => (at + 1) % PANES.len(),
                        "ArrowLeft" => (at + PANES.len() - 1) % PANES.len(),
                        "Home" => 0,
                        "End" => PANES.len() - 1,
                        _ => return,
                    };
                    event.prevent_default();
                    let (tab, _, id, _) = PANES[next];
                    dispatch.emit(Action::SetTab(tab));
                    let button = web_sys::window()
                        .and_then(|window| window.document())
                        .and_then(|document| document.get_element_by_id(id))
                        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
                    if let Some(button) = button {
                        let _ = button.focus();
                    }
                })
            };
            html! {
                <button
                    type="button"
                    role="tab"
                    id={id}
                    aria-controls={pane}
                    aria-selected={selected.to_string()}
                    tabindex={if selected { "0" } else { "-1" }}
                    {onclick}
                    {onkeydown}
                >
                    { name }
                </button>
            }
        });
    html! {
        <nav class="tabs" role="tablist" aria-label="窗格">
            { for tabs }
        </nav>
    }
}
