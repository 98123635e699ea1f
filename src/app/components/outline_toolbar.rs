use yew::prelude::*;

use std::rc::Rc;

use crate::app_core::by_ptr::ByPtr;
use crate::app_core::outline::Row;
use crate::app_core::state::Action;
use crate::Document;

use super::{toggle_button, CopyOutline};

#[derive(Properties, PartialEq)]
pub struct OutlineToolbarProps {
    /// Whether any row can fold.
    pub foldable: bool,
    pub paragraphs: bool,
    pub key_sentences: bool,
    /// For 复制提纲.
    pub document: ByPtr<Document>,
    pub roots: ByPtr<[Rc<Row>]>,
    pub dispatch: Callback<Action>,
}

/// 全部展开, 全部折叠, the levels 1 2 3, 显示段落 and 显示要句.
#[component]
pub fn OutlineToolbar(props: &OutlineToolbarProps) -> Html {
    let dispatch = &props.dispatch;
    // 全部展开 and 全部折叠, with the page key that does the same.
    let fold_all = |name: &'static str, key: char, action: fn() -> Action| {
        let onclick = dispatch.reform(move |_: MouseEvent| action());
        html! {
            <button
                type="button"
                title={format!("{name}（快捷键 {key}）")}
                disabled={!props.foldable}
                {onclick}
            >
                { name }
            </button>
        }
    };
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
    html! {
        <div class="toolbar outline-toolbar">
            { fold_all("全部展开", '9', || Action::ExpandAll) }
            { fold_all("全部折叠", '0', || Action::CollapseAll) }
            <span class="levels" role="group" aria-label="层级">
                <span class="levels-label" aria-hidden="true">{ "层级" }</span>
                { for levels }
            </span>
            { toggle_button(
                "显示段落",
                "在提纲中列出普通段落（以首句为题）",
                "toggle",
                props.paragraphs,
                dispatch,
                Action::ShowParagraphs,
            ) }
            { toggle_button(
                "显示要句",
                "在每个标题下显示其段落的第一句（打印、复制提纲和导出也随之）",
                "toggle",
                props.key_sentences,
                dispatch,
                Action::ShowKeySentences,
            ) }
            <CopyOutline document={props.document.clone()} roots={props.roots.clone()} />
        </div>
    }
}
