use yew::prelude::*;

use std::rc::Rc;

use crate::app::transfer::export::export;
use crate::app_core::by_ptr::ByPtr;
use crate::app_core::state::{Action, Quoted};
use crate::export::file::Format;

const MENU_ID: &str = "export-menu";

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// The parse to export: the file module parses its text anew.
    pub quoted: ByPtr<Quoted>,
    /// Whether the tree shows plain paragraphs (显示段落): the files list
    /// what the tree lists.
    pub paragraphs: bool,
    /// 显示要句: the files write the key sentences too.
    pub key_sentences: bool,
    pub dispatch: Callback<Action>,
}

/// 导出: a popover of the formats; each saves a file made in the page
/// (`纲目-<title>.<ext>`, with the place, speaker and date when the title
/// does not tell the document apart), made by the file module loaded on
/// first use (`transfer::export`). Nothing is sent anywhere.
#[component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let (paragraphs, key_sentences) = (props.paragraphs, props.key_sentences);
    let items = Format::ALL.into_iter().enumerate().map(|(index, format)| {
        let (quoted, dispatch) = (props.quoted.clone(), props.dispatch.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let (text, dispatch) = (Rc::clone(quoted.text()), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(message) = export(&text, index, paragraphs, key_sentences).await {
                    dispatch.emit(Action::problem(message));
                }
            });
        });
        html! {
            <li>
                <button
                    type="button"
                    popovertarget={MENU_ID}
                    popovertargetaction="hide"
                    {onclick}
                >
                    <span class="export-name">{ format.name() }</span>
                    <span class="export-ext">{ format!(".{}", format.extension()) }</span>
                    <span class="export-purpose">{ format.purpose() }</span>
                </button>
            </li>
        }
    });

    html! {
        <>
            <button type="button" popovertarget={MENU_ID}>{ "导出" }</button>
            <div id={MENU_ID} class="popover export-menu" popover="auto" role="group" aria-label="导出为文件">
                <p class="popover-title">{ "导出为文件" }</p>
                <ul class="export-list">{ for items }</ul>
            </div>
        </>
    }
}
