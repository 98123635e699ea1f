use std::rc::Rc;

use yew::prelude::*;

use crate::Document;

/// The checkbox's id, which the print stylesheet asks about:
/// `:root:has(#print-unfold:checked)` shows folded groups on paper.
const UNFOLD_ID: &str = "print-unfold";

/// 打印, and whether to print the outline with every node unfolded (the
/// default) or as shown. The choice needs no state and no re-render: the
/// checkbox is uncontrolled, and the print stylesheet reads it through
/// `:has()`, so the browser's own 打印 (Ctrl+P) honours it too, and the
/// screen never changes.
#[component]
pub fn PrintButton() -> Html {
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <span class="print-control">
            <button type="button" onclick={print}>{ "打印" }</button>
            <label class="print-choice" title="不勾选则按屏幕上的折叠状态打印">
                <input type="checkbox" id={UNFOLD_ID} checked=true />
                { "打印时全部展开" }
            </label>
        </span>
    }
}

#[derive(Properties)]
pub struct PrintHeadProps {
    pub document: Rc<Document>,
}

impl PartialEq for PrintHeadProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.document, &other.document)
    }
}

/// What heads the printed page: the title and the front matter's date
/// line. Only the print stylesheet shows it.
#[component]
pub fn PrintHead(props: &PrintHeadProps) -> Html {
    let document = &props.document;
    html! {
        <div class="print-head">
            <p class="print-title">{ document.title.clone().unwrap_or_else(|| "提纲".to_string()) }</p>
            if let Some(date) = document.dateline() {
                <p class="print-date">{ date }</p>
            }
        </div>
    }
}
