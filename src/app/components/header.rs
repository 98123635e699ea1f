use yew::prelude::*;

use crate::app_core::state::{Action, Theme};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// Whether the page is dark: the reader's choice, else the system's.
    pub dark: bool,
    pub dispatch: Callback<Action>,
    /// More page-wide buttons, before the theme's (分享 打印 导出 打开).
    #[prop_or_default]
    pub children: Html,
}

/// The app's name, what it does, and the page-wide buttons: the children
/// (分享 打印 导出 打开), then the theme.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    html! {
        <header class="app-header">
            <h1 class="app-name">{ "纲目" }</h1>
            // Said shorter on a phone, where it must fit one line.
            <p class="app-tagline">
                <span class="tagline-long">
                    { "粘贴一篇讲话或报告，立即看到它的结构提纲。全部在浏览器中完成，文字不离开本机。" }
                </span>
                <span class="tagline-short">{ "粘贴讲话或报告，即见结构提纲；文字不离开本机。" }</span>
                // The whole app in one file, for computers with no network
                // (scripts/offline.mjs; hidden in that file itself).
                <a
                    class="offline-link"
                    href="gangmu-offline.html"
                    download="纲目-离线版.html"
                    title="单个网页文件，断网也能用"
                >
                    { "下载离线版" }
                </a>
            </p>
            <div class="header-actions">
                { props.children.clone() }
                <ThemeToggle dark={props.dark} dispatch={props.dispatch.clone()} />
            </div>
        </header>
    }
}

/// 深色: a toggle between the light and the dark theme. Until pressed the
/// page follows the system; the choice is kept for the next visit.
#[component]
fn ThemeToggle(props: &HeaderProps) -> Html {
    let dark = props.dark;
    let onclick = props.dispatch.reform(move |_: MouseEvent| {
        Action::SetTheme(if dark { Theme::Light } else { Theme::Dark })
    });
    html! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed={dark.to_string()}
            title={if dark { "切换到浅色主题" } else { "切换到深色主题" }}
            {onclick}
        >
            <svg class="icon" viewBox="0 0 16 16" aria-hidden="true">
                <path d="M9.5 1.5a6.5 6.5 0 1 0 5 10.6A5.5 5.5 0 0 1 9.5 1.5z" />
            </svg>
            { "深色" }
        </button>
    }
}
