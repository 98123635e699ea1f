use yew::prelude::*;

use crate::app::transfer::download::download;
use crate::app_core::by_ptr::ByPtr;
use crate::app_core::state::{Action, Quoted};
use crate::export::file::{file_name, Format};
use crate::export::Options;

const MENU_ID: &str = "export-menu";

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// The parse to export, with its quotations (found when first asked
    /// for, if 引语 and 术语 have not yet) and its text (the HTML page
    /// embeds it).
    pub quoted: ByPtr<Quoted>,
    /// Whether the tree shows plain paragraphs (显示段落): the files list
    /// what the tree lists.
    pub paragraphs: bool,
    pub dispatch: Callback<Action>,
}

/// 导出: a popover of the formats; each saves a file made in the page
/// (`纲目-<title>.<ext>`, with the place, speaker and date when the title
/// does not tell the document apart). Nothing is sent anywhere.
#[component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let options = Options {
        paragraphs: props.paragraphs,
    };
    let items = Format::ALL.into_iter().map(|format| {
        let (quoted, dispatch) = (props.quoted.clone(), props.dispatch.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let document = quoted.document();
            let name = file_name(document, format);
            let contents = format.render(document, quoted.text(), options);
            if download(&name, format.media_type(), &contents).is_err() {
                dispatch.emit(Action::problem(
                    "浏览器没有保存文件。请检查是否禁止了下载。",
                ));
            }
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
