use std::rc::Rc;

use yew::prelude::*;

use crate::app::transfer::download::download;
use crate::app_core::state::Action;
use crate::export::file::{file_name, Format};
use crate::Document;

const MENU_ID: &str = "export-menu";

#[derive(Properties)]
pub struct ExportMenuProps {
    pub document: Rc<Document>,
    /// Whether `document` has its quotations yet (they are found a task
    /// after the outline; see `state::AppState::quotes`).
    pub quoted: bool,
    /// The text `document` was parsed from (the HTML page embeds it).
    pub text: Rc<str>,
    pub dispatch: Callback<Action>,
}

impl PartialEq for ExportMenuProps {
    /// By pointer: a new parse is a new `Rc`.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.document, &other.document)
            && self.quoted == other.quoted
            && Rc::ptr_eq(&self.text, &other.text)
            && self.dispatch == other.dispatch
    }
}

/// 导出: a popover of the formats; each saves a file made in the page
/// (`纲目-<title>.<ext>`). Nothing is sent anywhere.
#[component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let items = Format::ALL.into_iter().map(|format| {
        let (document, text) = (Rc::clone(&props.document), Rc::clone(&props.text));
        let (quoted, dispatch) = (props.quoted, props.dispatch.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            // Chosen before the quotations are in: find them for the file.
            let mut whole = None;
            if !quoted {
                let mut with_quotes = Document::clone(&document);
                crate::parse::add_quotes(&text, &mut with_quotes);
                whole = Some(with_quotes);
            }
            let document = whole.as_ref().unwrap_or(&document);
            let name = file_name(document.title.as_deref(), format);
            let contents = format.render(document, &text);
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
