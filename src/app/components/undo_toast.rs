use yew::prelude::*;

use crate::app_core::state::Action;

#[derive(Properties, PartialEq)]
pub struct UndoToastProps {
    /// Whether text was just cleared and can be brought back.
    pub shown: bool,
    /// What happened: 已清空, or what 打开 or a share link brought in.
    pub message: AttrValue,
    pub dispatch: Callback<Action>,
}

/// "已清空 · 撤销" after 清空 ("已打开… · 撤销" after 打开), until the
/// reader types new text or closes it. The live region is always there, so screen readers announce it.
#[component]
pub fn UndoToast(props: &UndoToastProps) -> Html {
    let undo = props.dispatch.reform(|_: MouseEvent| Action::UndoClear);
    let dismiss = props.dispatch.reform(|_: MouseEvent| Action::DismissUndo);
    html! {
        <div class="toast-region" role="status">
            if props.shown {
                <div class="toast">
                    <span>{ props.message.clone() }</span>
                    <button type="button" class="toast-undo" title="撤销（Ctrl+Z）" onclick={undo}>
                        { "撤销" }
                    </button>
                    <button type="button" class="toast-close" aria-label="关闭" onclick={dismiss}>
                        { "×" }
                    </button>
                </div>
            }
        </div>
    }
}
