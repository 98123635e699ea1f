use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::hooks::use_settled_text;
use crate::app_core::state::Action;

/// How long typing in the search box pauses before the tree filters (ms).
const SETTLE_MS: u32 = 80;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub input: NodeRef,
    /// How many rows match; shown while searching.
    pub matches: usize,
    pub searching: bool,
    pub dispatch: Callback<Action>,
}

/// 搜索: filters the tree to the rows whose label or heading holds the
/// words, and their ancestors. Escape clears it. Like the textarea, the
/// input is uncontrolled and waits for the input method to finish.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let on_query = props.dispatch.reform(Action::SetQuery);
    let oninput = use_settled_text(props.input.clone(), SETTLE_MS, on_query);
    let onkeydown = {
        let (input, dispatch) = (props.input.clone(), props.dispatch.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Escape" || event.is_composing() {
                return;
            }
            if let Some(input) = input.cast::<HtmlInputElement>() {
                event.prevent_default();
                input.set_value("");
                dispatch.emit(Action::SetQuery(Rc::from("")));
            }
        })
    };
    let count = match (props.searching, props.matches) {
        (false, _) => String::new(),
        (true, 0) => "无匹配".to_string(),
        (true, count) => format!("{count} 处匹配"),
    };
    html! {
        <div class="search">
            <input
                ref={props.input.clone()}
                type="search"
                class="search-input"
                aria-label="搜索"
                placeholder="搜索提纲"
                title="搜索标题（快捷键 /）"
                autocomplete="off"
                {oninput}
                {onkeydown}
            />
            <span class="search-count" role="status">{ count }</span>
        </div>
    }
}
