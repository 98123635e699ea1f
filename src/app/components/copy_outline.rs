//! 复制提纲: the outline on the clipboard as `text/plain` and `text/html`
//! (`app_core::outline::outline_for_clipboard`), so a paste into Word or
//! WPS keeps its levels; the button, and Ctrl+Shift+C in the tree.

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::app_core::by_ptr::ByPtr;
use crate::app_core::outline::{outline_for_clipboard, Row};
use crate::Document;

/// The print checkbox 打印时全部展开: copying follows it too.
const UNFOLD_ID: &str = "print-unfold";

/// How long 已复制提纲 stays (ms).
const SAID_MS: u32 = 2_500;

#[wasm_bindgen]
extern "C" {
    /// Set by `www/main.js`: puts both formats on the clipboard (a copy
    /// event), or rejects.
    #[wasm_bindgen(js_name = gangmuCopyRich, catch)]
    fn copy_rich(plain: &str, html: &str) -> Result<js_sys::Promise, JsValue>;
}

#[derive(Properties, PartialEq)]
pub struct CopyOutlineProps {
    pub document: ByPtr<Document>,
    pub roots: ByPtr<[Rc<Row>]>,
}

#[derive(Clone, PartialEq)]
enum Copied {
    Not,
    Done,
    /// The browser refused: the text, selected for Ctrl+C.
    Refused(Rc<str>),
}

#[component]
pub fn CopyOutline(props: &CopyOutlineProps) -> Html {
    let copied = use_state(|| Copied::Not);
    let copy = {
        let (document, roots, copied) =
            (props.document.clone(), props.roots.clone(), copied.clone());
        Callback::from(move |()| {
            let whole = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|page| page.get_element_by_id(UNFOLD_ID))
                .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|input| input.checked());
            let (plain, html) = outline_for_clipboard(&roots, document.title.as_deref(), whole);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let done = match copy_rich(&plain, &html) {
                    Ok(promise) => JsFuture::from(promise).await.is_ok(),
                    Err(_) => false,
                };
                if done {
                    copied.set(Copied::Done);
                    let copied = copied.clone();
                    Timeout::new(SAID_MS, move || copied.set(Copied::Not)).forget();
                } else {
                    copied.set(Copied::Refused(Rc::from(plain)));
                }
            });
        })
    };
    {
        // Ctrl+Shift+C (⌘⇧C) in the tree.
        let copy = copy.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|window| window.document())
                .map(|page| {
                    let options = EventListenerOptions::enable_prevent_default();
                    EventListener::new_with_options(&page, "keydown", options, move |event| {
                        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                            return;
                        };
                        let in_tree = event
                            .target()
                            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                            .and_then(|target| target.closest("[role=tree]").ok().flatten())
                            .is_some();
                        let chord = (event.ctrl_key() || event.meta_key())
                            && event.shift_key()
                            && event.key().eq_ignore_ascii_case("c");
                        if in_tree && chord {
                            event.prevent_default();
                            copy.emit(());
                        }
                    })
                });
            move || drop(listener)
        });
    }
    let fallback = use_node_ref();
    {
        let fallback = fallback.clone();
        use_effect_with((*copied).clone(), move |_| {
            if let Some(area) = fallback.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
                area.select();
            }
        });
    }
    let onclick = copy.reform(|_: MouseEvent| ());
    let dismiss = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| copied.set(Copied::Not))
    };
    html! {
        <>
            <button
                type="button"
                title="把提纲复制到剪贴板，粘贴到 Word、WPS 时保留层级（快捷键 Ctrl+Shift+C）"
                {onclick}
            >
                { "复制提纲" }
            </button>
            <span class="copy-status" role="status">
                if *copied == Copied::Done { { "已复制提纲" } }
            </span>
            if let Copied::Refused(text) = &*copied {
                <div class="copy-fallback" role="alert">
                    <p>{ "浏览器不允许写入剪贴板：提纲已选中，请按 Ctrl+C 复制。" }</p>
                    <textarea ref={fallback} readonly=true aria-label="提纲文本" value={text.to_string()} />
                    <button type="button" onclick={dismiss}>{ "关闭" }</button>
                </div>
            }
        </>
    }
}
