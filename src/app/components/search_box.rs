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
    /// How many rows match, and how many places of the whole text: the
    /// count shown while searching.
    pub matches: usize,
    pub places: usize,
    pub searching: bool,
    /// 仅搜标题: labels and headings only.
    pub headings_only: bool,
    pub dispatch: Callback<Action>,
}

/// 搜索: filters the tree to the rows whose text holds the words (or,
/// with 仅搜标题, whose label or heading does), and their ancestors.
/// Enter shows the next place in 原文, Shift+Enter the previous; Escape
/// clears it. Like the textarea, the input is uncontrolled and waits for
/// the input method to finish.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let on_query = props.dispatch.reform(Action::SetQuery);
    let oninput = use_settled_text(props.input.clone(), SETTLE_MS, on_query);
    let onkeydown = {
        let (input, dispatch) = (props.input.clone(), props.dispatch.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.is_composing() {
                return;
            }
            if event.key() == "Enter" {
                event.prevent_default();
                dispatch.emit(Action::SearchStep {
                    back: event.shift_key(),
                });
                return;
            }
            if event.key() != "Escape" {
                return;
            }
            if let Some(input) = input.cast::<HtmlInputElement>() {
                event.prevent_default();
                input.set_value("");
                dispatch.emit(Action::SetQuery(Rc::from("")));
            }
        })
    };
    let count = match (props.searching, props.headings_only) {
        (false, _) => String::new(),
        (true, true) if props.matches == 0 => "无匹配".to_string(),
        (true, true) => format!("{} 个标题", props.matches),
        (true, false) if props.places == 0 => "无匹配".to_string(),
        (true, false) => format!("{} 处匹配", props.places),
    };

    html! {
        <div class="search">
            <input
                ref={props.input.clone()}
                type="search"
                class="search-input"
                aria-label="搜索"
                placeholder="搜索全文"
                title="搜索全文；回车依次在原文中显示（快捷键 /）"
                autocomplete="off"
                {oninput}
                {onkeydown}
            />
            { super::toggle_button(
                "仅标题",
                "只在标题中搜索",
                "toggle search-scope",
                props.headings_only,
                &props.dispatch,
                Action::SearchHeadingsOnly,
            ) }
            <span class="search-count" role="status">{ count }</span>
        </div>
    }
}
