use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::app::hooks::use_settled_text;

#[derive(Properties)]
pub struct SourcePaneProps {
    /// The text the textarea starts with. Later values are ignored: the
    /// textarea is uncontrolled, so the input method owns its contents.
    pub initial: Rc<str>,
    /// Called with the whole text once it has settled.
    pub on_text: Callback<Rc<str>>,
}

impl PartialEq for SourcePaneProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.initial, &other.initial) && self.on_text == other.on_text
    }
}

/// The 原文 pane: the textarea the speech is pasted into.
#[component]
pub fn SourcePane(props: &SourcePaneProps) -> Html {
    let textarea = use_node_ref();
    let oninput = use_settled_text(textarea.clone(), props.on_text.clone());

    {
        // Set the starting text once, on mount; never write it back later.
        let textarea = textarea.clone();
        let initial = Rc::clone(&props.initial);
        use_effect_with((), move |_| {
            if let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() {
                textarea.set_value(&initial);
            }
        });
    }

    html! {
        <section class="pane source-pane">
            <div class="pane-bar">
                <h2 class="pane-title" id="source-title">{ "原文" }</h2>
                <span class="pane-hint">{ "粘贴或输入全文" }</span>
            </div>
            <textarea
                ref={textarea}
                class="source-text"
                aria-label="原文"
                spellcheck="false"
                placeholder="在此粘贴讲话、报告的全文……"
                {oninput}
            />
        </section>
    }
}
