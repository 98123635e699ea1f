use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTextAreaElement, InputEvent};
use yew::prelude::*;

use crate::app::dom::source_view;
use crate::app::hooks::{use_save_on_hide, use_settled_text};
use crate::app_core::by_ptr::ByPtr;
use crate::app_core::state::{Action, Command, SourceReveal};

/// How long typing must pause before the text is parsed (ms).
const SETTLE_MS: u32 = 150;

#[derive(Properties, PartialEq)]
pub struct SourcePaneProps {
    /// The text the textarea starts with. Later values are ignored: the
    /// textarea is uncontrolled, so the input method owns its contents.
    pub initial: ByPtr<str>,
    /// The text as last parsed, which spans and reveals refer to, and
    /// which is saved (unless it is an unedited share link's): what the
    /// textarea holds beyond it is saved when the page is hidden.
    pub text: ByPtr<str>,
    pub revision: u64,
    /// Text to put in the textarea, by the reader's command (清空, 撤销).
    pub write: Option<Command<Rc<str>>>,
    pub reveal: Option<Command<SourceReveal>>,
    /// The text is too long to lay out: hide the textarea (see
    /// `state::SOURCE_SHOWN_MAX`).
    #[prop_or_default]
    pub hidden: bool,
    /// The text is the untouched sample: marked 示例, and replaced whole
    /// by the first paste or typing.
    #[prop_or_default]
    pub sample: bool,
    pub dispatch: Callback<Action>,
}

/// The 原文 pane: the textarea the speech is pasted into, over a backdrop
/// that paints the span chosen in the outline (see `dom::source_view`).
#[component]
pub fn SourcePane(props: &SourcePaneProps) -> Html {
    let textarea = use_node_ref();
    let backdrop = use_node_ref();
    let source_box = use_node_ref();
    // The textarea's length when its wrapping was last decided.
    let wrapped_at = use_mut_ref(|| 0_u32);
    let on_text = {
        let (dispatch, source_box) = (props.dispatch.clone(), source_box.clone());
        Callback::from(move |text: Rc<str>| {
            // (Hidden, if need be, when it was pasted.)
            source_view::set_wrapping(&source_box, &text);
            dispatch.emit(Action::SetText(text));
        })
    };
    let settle = use_settled_text(textarea.clone(), SETTLE_MS, on_text);
    use_save_on_hide(textarea.clone(), Rc::clone(props.text.rc()));
    let oninput = {
        let (textarea, dispatch) = (textarea.clone(), props.dispatch.clone());
        let source_box = source_box.clone();
        Callback::from(move |event: InputEvent| {
            source_view::clear();
            // Before the browser lays out a huge text: maybe hide it, and
            // after a paste (more than a key's worth of change) decide how
            // to wrap it; typing is checked when it settles.
            if let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() {
                let length = textarea.text_length();
                dispatch.emit(Action::SourceLength(length));
                let mut at = wrapped_at.borrow_mut();
                if length.abs_diff(*at) > 1 {
                    *at = length;
                    if source_view::set_wrapping(&source_box, &textarea.value()) {
                        dispatch.emit(Action::HideSource);
                    }
                }
            }
            settle.emit(event);
        })
    };

    {
        // Set the starting text once, on mount.
        let (textarea, source_box) = (textarea.clone(), source_box.clone());
        let initial = props.initial.clone();
        use_effect_with((), move |_| {
            if let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() {
                source_view::set_wrapping(&source_box, &initial);
                textarea.set_value(&initial);
            }
        });
    }
    {
        // Otherwise the text is written only at the reader's command.
        let (textarea, source_box) = (textarea.clone(), source_box.clone());
        use_effect_with(props.write.clone(), move |write| {
            if let (Some(write), Some(textarea)) = (write, textarea.cast::<HtmlTextAreaElement>()) {
                source_view::clear();
                source_view::set_wrapping(&source_box, &write.value);
                textarea.set_value(&write.value);
                textarea.set_scroll_top(0);
            }
        });
    }
    {
        // The first text put into the untouched sample — a key, a paste,
        // an input method, a drop — replaces it whole: the sample is
        // selected before the input reaches it (`beforeinput`; Yew has no
        // listener for it). Keys typed before that edit settles are the
        // reader's text: only a textarea still holding the sample is.
        let textarea = textarea.clone();
        let text = props.text.clone();
        use_effect_with(props.sample, move |&sample| {
            let element = textarea.cast::<HtmlTextAreaElement>().filter(|_| sample);
            let listener = element.map(|element| {
                let target = element.clone();
                EventListener::new(&target, "beforeinput", move |event| {
                    let inserts = event
                        .dyn_ref::<InputEvent>()
                        .is_some_and(|event| event.input_type().starts_with("insert"));
                    if inserts && element.value() == *text {
                        element.select();
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let (textarea, backdrop) = (textarea.clone(), backdrop.clone());
        let text = props.text.clone();
        let revision = props.revision;
        let hidden = props.hidden;
        use_effect_with(props.reveal.clone(), move |reveal| {
            if hidden {
                return;
            }
            let textarea = textarea.cast::<HtmlTextAreaElement>();
            let backdrop = backdrop.cast::<HtmlElement>();
            if let (Some(reveal), Some(textarea), Some(backdrop)) = (reveal, textarea, backdrop) {
                source_view::reveal(&textarea, &backdrop, &text, revision, reveal.value);
            }
        });
    }

    // The caret, wherever it lands, selects the node that holds it.
    let caret = {
        let (textarea, dispatch) = (textarea.clone(), props.dispatch.clone());
        move || {
            let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            if let (Ok(Some(start)), Ok(Some(end))) =
                (textarea.selection_start(), textarea.selection_end())
            {
                dispatch.emit(Action::SourceCaret { start, end });
            }
        }
    };
    let onclick = {
        let caret = caret.clone();
        Callback::from(move |_: MouseEvent| caret())
    };
    let onselect = {
        let caret = caret.clone();
        Callback::from(move |_: Event| caret())
    };
    let onkeyup = Callback::from(move |event: KeyboardEvent| {
        let moves = matches!(
            event.key().as_str(),
            "ArrowUp"
                | "ArrowDown"
                | "ArrowLeft"
                | "ArrowRight"
                | "Home"
                | "End"
                | "PageUp"
                | "PageDown"
        );
        if moves && !event.is_composing() {
            caret();
        }
    });
    let onscroll = {
        let (textarea, backdrop) = (textarea.clone(), backdrop.clone());
        Callback::from(move |_: Event| {
            if let (Some(textarea), Some(backdrop)) = (
                textarea.cast::<HtmlTextAreaElement>(),
                backdrop.cast::<HtmlElement>(),
            ) {
                source_view::follow_scroll(&textarea, &backdrop);
            }
        })
    };
    let clear = props.dispatch.reform(|_: MouseEvent| Action::Clear);
    let show = props.dispatch.reform(|_: MouseEvent| Action::ShowSource);

    html! {
        <>
            <div class="pane-bar">
                <h2 class="pane-title" id="source-title">{ "原文" }</h2>
                if props.sample {
                    <span class="sample-mark" id="sample-mark">{ "示例" }</span>
                    <span class="pane-hint">{ "粘贴或输入即替换示例" }</span>
                } else {
                    <span class="pane-hint">{ "粘贴或输入全文" }</span>
                }
                <div class="toolbar">
                    // 文档库: www/main.js loads www/library.js when it is pressed.
                    <button type="button" class="library-open">{ "文档库" }</button>
                    <button type="button" onclick={clear} disabled={props.text.is_empty()}>
                        { "清空" }
                    </button>
                </div>
            </div>
            if props.hidden {
                <div class="source-hidden" role="note">
                    <p>
                        { "全文很长，为了页面流畅，原文暂不在此显示；提纲照常生成。显示原文时页面可能停顿几秒。" }
                    </p>
                    <button type="button" onclick={show}>{ "显示原文" }</button>
                </div>
            }
            <div class="source-box" hidden={props.hidden} ref={source_box}>
                <div class="source-backdrop" ref={backdrop} aria-hidden="true"></div>
                <textarea
                    ref={textarea}
                    class="source-text"
                    aria-label="原文"
                    aria-describedby={props.sample.then_some("sample-mark")}
                    spellcheck="false"
                    placeholder="在此粘贴讲话、报告的全文……"
                    {oninput}
                    {onclick}
                    {onselect}
                    {onkeyup}
                    {onscroll}
                />
            </div>
        </>
    }
}
