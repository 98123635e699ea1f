use std::rc::Rc;

use yew::prelude::*;

use crate::app::dom::storage;
use crate::app_core::state::{Action, Origin, TransferAction};

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// Why a share link or a file could not be opened.
    pub problem: Option<Rc<str>>,
    /// The share link's text, while it is shown unedited.
    pub link: Option<Rc<str>>,
    /// Another tab saved a text of its own (`Transfer::other_tab`).
    #[prop_or_default]
    pub other_tab: bool,
    pub dispatch: Callback<Action>,
}

/// Under the header: that another tab saved a text of its own, what could
/// not be opened, and, while a share link's text is shown, that the
/// reader's own saved text is kept.
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let dispatch = &props.dispatch;
    let dismiss = dispatch.reform(|_: MouseEvent| Action::Transfer(TransferAction::DismissProblem));
    // The reader's own text, if it is kept and differs from the link's.
    let saved = props
        .link
        .as_ref()
        .and_then(|link| storage::load_text().filter(|text| text.as_str() != &**link))
        .filter(|text| !text.trim().is_empty());
    let restore = saved.map(|text| {
        let text: Rc<str> = Rc::from(text);
        dispatch.reform(move |_: MouseEvent| {
            Action::Transfer(TransferAction::Open {
                text: Rc::clone(&text),
                origin: Origin::Saved,
            })
        })
    });

    let take = dispatch.reform(|_: MouseEvent| Action::Transfer(TransferAction::TakeOtherTab));
    let keep = dispatch.reform(|_: MouseEvent| Action::Transfer(TransferAction::KeepThisTab));

    html! {
        <>
            if props.other_tab {
                <div class="notice notice-problem" role="alert">
                    <p>{ "另一个标签页保存了不同的原文。为免覆盖，本页的修改暂不保存。" }</p>
                    <button type="button" onclick={take}>{ "换成那边的文字" }</button>
                    <button type="button" onclick={keep}>{ "保留本页的文字" }</button>
                </div>
            }
            if let Some(problem) = &props.problem {
                <div class="notice notice-problem" role="alert">
                    <p>{ problem.to_string() }</p>
                    <button type="button" class="notice-close" aria-label="关闭提示" onclick={dismiss}>
                        { "×" }
                    </button>
                </div>
            }
            if props.link.is_some() {
                <div class="notice notice-link" role="status">
                    <p>
                        { "这是分享链接中的文本。本机保存的文本没有被改动；在这里编辑后，编辑的内容才会保存并取代它。" }
                    </p>
                    if let Some(restore) = restore {
                        <button type="button" onclick={restore}>{ "回到我的文本" }</button>
                    }
                </div>
            }
        </>
    }
}
