use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::app::hooks::use_file_drop;
use crate::app::transfer::file_text;
use crate::app_core::state::{Action, Origin, TransferAction};

#[derive(Properties, PartialEq)]
pub struct OpenFileProps {
    pub dispatch: Callback<Action>,
}

/// 打开: a file from disk — .txt or .md in UTF-8, UTF-16 or GBK, or a
/// Word .docx — chosen with the button or dropped on the 原文 pane. Its
/// text replaces the text, which 撤销 brings back; a file that cannot be
/// read leaves the text alone and says why.
#[component]
pub fn OpenFile(props: &OpenFileProps) -> Html {
    let input = use_node_ref();
    let open = use_callback(props.dispatch.clone(), |file: File, dispatch| {
        open_file(file, dispatch.clone())
    });
    use_file_drop(open.clone());

    let choose = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = Callback::from(move |event: Event| {
        let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            open.emit(file);
        }
        // Choosing the same file again is a change too.
        input.set_value("");
    });

    html! {
        <>
            <button type="button" title="打开 .txt、.md 或 Word（.docx）文件，也可以把文件拖到页面上" onclick={choose}>
                { "打开" }
            </button>
            <input
                ref={input}
                type="file"
                class="file-input"
                accept=".txt,.md,.docx,text/plain"
                hidden=true
                tabindex="-1"
                {onchange}
            />
        </>
    }
}

/// Reads `file` and replaces the text with it, or reports the problem.
fn open_file(file: File, dispatch: Callback<Action>) {
    spawn_local(async move {
        let action = match file_text::read(&file).await {
            Ok(text) if text.trim().is_empty() => Action::problem("这个文件里没有文字。"),
            Ok(text) => Action::Transfer(TransferAction::Open {
                text: Rc::from(text),
                origin: Origin::File(Rc::from(file.name())),
            }),
            Err(message) => Action::problem(message),
        };
        dispatch.emit(action);
    });
}
