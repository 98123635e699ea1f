use yew::prelude::*;

/// The app's name and what it does, in one line.
#[component]
pub fn Header() -> Html {
    html! {
        <header class="app-header">
            <h1 class="app-name">{ "纲目" }</h1>
            <p class="app-tagline">
                { "粘贴一篇讲话或报告，立即看到它的结构提纲。全部在浏览器中完成，文字不离开本机。" }
            </p>
        </header>
    }
}
