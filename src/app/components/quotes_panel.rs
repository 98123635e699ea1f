use std::rc::Rc;

use yew::prelude::*;

use crate::app::quote_list::{Listed, QuoteList};
use crate::app::state::Action;

#[derive(Properties)]
pub struct QuotesPanelProps {
    pub quotes: Rc<QuoteList>,
    pub dispatch: Callback<Action>,
}

impl PartialEq for QuotesPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.quotes, &other.quotes) && self.dispatch == other.dispatch
    }
}

/// 引语: attributed quotations grouped by speaker, then sayings. Each one
/// shows its place in the source when chosen.
#[component]
pub fn QuotesPanel(props: &QuotesPanelProps) -> Html {
    let list = &props.quotes;
    let item = |quote: &Listed| {
        let span = quote.span;
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::RevealQuote(span));
        html! {
            <li>
                <button type="button" class="quote" title="在原文中查看" {onclick}>
                    <span class="quote-text">{ format!("“{}”", quote.text) }</span>
                </button>
            </li>
        }
    };
    let group = |name: &str, quotes: &[Listed]| {
        html! {
            <div class="quote-group">
                <h3 class="speaker">
                    { name.to_string() }
                    <span class="count">{ quotes.len() }</span>
                </h3>
                <ul class="quote-list">{ for quotes.iter().map(item) }</ul>
            </div>
        }
    };
    let total: usize = list
        .speakers
        .iter()
        .map(|group| group.quotes.len())
        .sum::<usize>()
        + list.sayings.len();

    html! {
        <section class="side-panel quotes-panel" aria-label="引语">
            <h2 class="panel-title">
                { "引语" }
                if total > 0 {
                    <span class="count">{ total }</span>
                }
            </h2>
            if list.is_empty() {
                <p class="empty">{ "没有发现引语。" }</p>
            }
            { for list.speakers.iter().map(|speaker| group(&speaker.speaker, &speaker.quotes)) }
            if !list.sayings.is_empty() {
                { group("未署名引文", &list.sayings) }
            }
        </section>
    }
}
