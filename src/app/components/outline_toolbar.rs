use yew::prelude::*;

use crate::app::state::Action;

#[derive(Properties, PartialEq)]
pub struct OutlineToolbarProps {
    /// Whether any row can fold.
    pub foldable: bool,
    pub paragraphs: bool,
    pub dispatch: Callback<Action>,
}

/// 全部展开, 全部折叠, the levels 1 2 3 and 显示段落.
#[component]
pub fn OutlineToolbar(props: &OutlineToolbarProps) -> Html {
    let dispatch = &props.dispatch;
    let expand_all = dispatch.reform(|_: MouseEvent| Action::ExpandAll);
    let collapse_all = dispatch.reform(|_: MouseEvent| Action::CollapseAll);
    let levels = (1..=3).map(|level| {
        let onclick = dispatch.reform(move |_: MouseEvent| Action::ExpandToLevel(level));
        html! {
            <button
                type="button"
                class="level"
                aria-label={format!("展开到第 {level} 级")}
                title={format!("展开到第 {level} 级（快捷键 {level}）")}
                disabled={!props.foldable}
                {onclick}
            >
                { level }
            </button>
        }
    });
    let paragraphs = props.paragraphs;
    let toggle_paragraphs =
        dispatch.reform(move |_: MouseEvent| Action::ShowParagraphs(!paragraphs));
    html! {
        <div class="toolbar outline-toolbar">
            <button
                type="button"
                title="全部展开（快捷键 9）"
                disabled={!props.foldable}
                onclick={expand_all}
            >
                { "全部展开" }
            </button>
            <button
                type="button"
                title="全部折叠（快捷键 0）"
                disabled={!props.foldable}
                onclick={collapse_all}
            >
                { "全部折叠" }
            </button>
            <span class="levels" role="group" aria-label="层级">
                <span class="levels-label" aria-hidden="true">{ "层级" }</span>
                { for levels }
            </span>
            <button
                type="button"
                class="toggle"
                aria-pressed={paragraphs.to_string()}
                title="在提纲中列出普通段落（以首句为题）"
                onclick={toggle_paragraphs}
            >
                { "显示段落" }
            </button>
        </div>
    }
}
