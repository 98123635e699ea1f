use std::rc::Rc;

use yew::prelude::*;

use crate::app_core::by_ptr::ByPtr;
use crate::app_core::quote_list::QuoteList;
use crate::app_core::state::Action;

/// At most this many terms are listed (the most frequent).
const TERMS_LISTED: usize = 300;

#[derive(Properties, PartialEq)]
pub struct TermsPanelProps {
    pub quotes: ByPtr<QuoteList>,
    /// The term being cycled through, and which occurrence is shown.
    pub current: Option<(Rc<str>, usize)>,
    pub dispatch: Callback<Action>,
}

/// 术语: the quoted terms (“一把手”), most frequent first, with how often
/// each is quoted. Choosing one shows its next occurrence in the source.
#[component]
pub fn TermsPanel(props: &TermsPanelProps) -> Html {
    let terms = props.quotes.terms.iter().take(TERMS_LISTED).map(|term| {
        let text = Rc::clone(&term.text);
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::NextTerm(Rc::clone(&text)));
        let count = term.spans.len();
        let at = props
            .current
            .as_ref()
            .filter(|(current, _)| *current == term.text)
            .map(|(_, at)| at + 1);
        let shown = match at {
            Some(at) => format!("{at}/{count}"),
            None => count.to_string(),
        };
        html! {
            <li>
                <button
                    type="button"
                    class={classes!("term", at.is_some().then_some("current"))}
                    title={format!("出现 {count} 次；点按依次查看")}
                    {onclick}
                >
                    <span class="term-text">{ term.text.to_string() }</span>
                    <span class="count">{ shown }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="side-panel terms-panel" aria-label="术语">
            <h2 class="panel-title">{ "术语" }</h2>
            if props.quotes.terms.is_empty() {
                <p class="empty">{ "没有加引号的术语。" }</p>
            } else {
                <ul class="term-list">{ for terms }</ul>
            }
            if props.quotes.terms.len() > TERMS_LISTED {
                <p class="empty">{ format!("另有 {} 个术语未列出。", props.quotes.terms.len() - TERMS_LISTED) }</p>
            }
        </section>
    }
}
