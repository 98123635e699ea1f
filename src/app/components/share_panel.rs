use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::transfer::clipboard::{self, Shared};
use crate::app::transfer::link::{self, LONG_LINK_CHARS};
use crate::app_core::state::{Action, AppState, ShareLink, TransferAction};

const PANEL_ID: &str = "share-panel";

#[derive(Properties)]
pub struct SharePanelProps {
    /// The state, read when 分享 is pressed: the link carries the text and
    /// the view then shown (the folds, the selected row, the search: see
    /// `AppState::shared_view`). A reducer handle always reads the latest
    /// state, so it takes no part in comparing props.
    pub state: UseReducerHandle<AppState>,
    /// The document's title, for the system share sheet.
    pub title: Option<Rc<str>>,
    pub share: Option<ShareLink>,
    pub dispatch: Callback<Action>,
}

impl PartialEq for SharePanelProps {
    fn eq(&self, other: &Self) -> bool {
        (&self.title, &self.share, &self.dispatch) == (&other.title, &other.share, &other.dispatch)
    }
}

/// 分享: makes a link that carries the whole text in its fragment, shows
/// it in a popover with its length, and copies it to the clipboard.
#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let input = use_node_ref();
    let dispatch = &props.dispatch;

    let share = {
        let (state, dispatch) = (props.state.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Transfer(TransferAction::Sharing));
            let text = Rc::clone(state.current_text());
            let view = state.shared_view().suffix();
            let dispatch = dispatch.clone();
            spawn_local(async move {
                let Some(url) = link::share_link(&text, &view).await else {
                    dispatch.emit(Action::problem(
                        "此浏览器无法生成分享链接，请换用新版浏览器，或用“导出”保存为文件。",
                    ));
                    return;
                };
                let url = Rc::<str>::from(url);
                dispatch.emit(Action::Transfer(TransferAction::ShowLink(Rc::clone(&url))));
                copy(url, dispatch).await;
            });
        })
    };

    // When the clipboard refuses, select the link for a manual copy.
    {
        let input = input.clone();
        let refused = props.share.as_ref().and_then(|share| share.copied) == Some(false);
        use_effect_with(refused, move |&refused| {
            if let (true, Some(input)) = (refused, input.cast::<HtmlInputElement>()) {
                let _ = input.focus();
                input.select();
            }
        });
    }

    html! {
        <>
            <button type="button" popovertarget={PANEL_ID} onclick={share}>{ "分享" }</button>
            <div id={PANEL_ID} class="popover share-panel" popover="auto" role="dialog" aria-label="分享">
                if let Some(share) = &props.share {
                    { panel(share, props.title.as_deref(), &input, dispatch) }
                } else {
                    <p class="popover-hint">{ "正在生成链接……" }</p>
                }
            </div>
        </>
    }
}

/// The popover's contents for `share`.
fn panel(
    share: &ShareLink,
    title: Option<&str>,
    input: &NodeRef,
    dispatch: &Callback<Action>,
) -> Html {
    let length = share.url.chars().count();
    let status = match share.copied {
        None => "正在复制……",
        Some(true) => "已复制到剪贴板。",
        Some(false) => "浏览器未允许自动复制。链接已选中，请按 Ctrl+C（⌘C）复制。",
    };
    let select_all = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });
    let copy_again = {
        let (url, dispatch) = (Rc::clone(&share.url), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            spawn_local(copy(Rc::clone(&url), dispatch.clone()));
        })
    };
    let system_share = {
        let (url, dispatch) = (Rc::clone(&share.url), dispatch.clone());
        let title = title.unwrap_or("纲目").to_string();
        Callback::from(move |_: MouseEvent| {
            let (url, title, dispatch) = (Rc::clone(&url), title.clone(), dispatch.clone());
            spawn_local(async move {
                if clipboard::share(&url, &title).await == Shared::Failed {
                    dispatch.emit(Action::problem(
                        "系统分享没有完成。可以复制链接后自行发送。",
                    ));
                }
            });
        })
    };

    html! {
        <>
            <p class="popover-title">{ "分享链接" }</p>
            <p class="popover-hint">
                { "链接里含有全文和此刻的折叠与搜索，打开它就能看到同样的提纲。文字只在链接中，不经过任何服务器。" }
            </p>
            <input
                ref={input.clone()}
                type="text"
                class="share-link"
                readonly=true
                aria-label="分享链接"
                value={Rc::clone(&share.url)}
                onfocus={select_all}
            />
            <p class="share-status" role="status">{ status }</p>
            <p class="share-length">{ format!("链接长度：{length} 个字符") }</p>
            if length > LONG_LINK_CHARS {
                <p class="share-warning">
                    { format!("链接超过 {LONG_LINK_CHARS} 个字符，微信、QQ 等聊天软件和一些邮件程序可能会截断它。\
                               如需转发全文，可用“导出”保存为文件（如网页 HTML）后发送。") }
                </p>
            }
            <div class="popover-actions">
                <button type="button" onclick={copy_again}>{ "复制链接" }</button>
                if clipboard::can_share() {
                    <button type="button" onclick={system_share}>{ "用系统分享" }</button>
                }
                <button type="button" popovertarget={PANEL_ID} popovertargetaction="hide">
                    { "关闭" }
                </button>
            </div>
        </>
    }
}

/// Copies `url` and reports whether the clipboard took it.
async fn copy(url: Rc<str>, dispatch: Callback<Action>) {
    let ok = clipboard::copy(&url).await;
    dispatch.emit(Action::Transfer(TransferAction::Copied { url, ok }));
}
