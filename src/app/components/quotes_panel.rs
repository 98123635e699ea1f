use yew::prelude::*;

use crate::app_core::by_ptr::ByPtr;
use crate::app_core::quote_list::{Listed, QuoteList};
use crate::app_core::state::Action;

/// At most this many quotations are listed.
const QUOTES_LISTED: usize = 500;

#[derive(Properties, PartialEq)]
pub struct QuotesPanelProps {
    pub quotes: ByPtr<QuoteList>,
    pub dispatch: Callback<Action>,
}

/// 引语: attributed quotations grouped by speaker, then 未署名引文 (the
/// groups every export writes too). Each is listed once, with how many
/// times it is quoted when more than once; chosen, it shows the first
/// place in the source.
#[component]
pub fn QuotesPanel(props: &QuotesPanelProps) -> Html {
    let list = &props.quotes;
    let item = |quote: &Listed| {
        let span = quote.span();
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::RevealQuote(span));
        let times = quote.spans.len();
        let title = if times > 1 {
            format!("引用 {times} 次；在原文中查看第一处")
        } else {
            "在原文中查看".to_string()
        };
        html! {
            <li>
                <button type="button" class="quote" {title} {onclick}>
                    <span class="quote-text">{ format!("“{}”", quote.text) }</span>
                    if times > 1 {
                        <span class="count">{ format!("×{times}") }</span>
                    }
                </button>
            </li>
        }
    };
    let group = |name: &str, quotes: &[Listed], shown: usize| {
        html! {
            <div class="quote-group">
                <h3 class="speaker">
                    { name.to_string() }
                    <span class="count">{ quotes.len() }</span>
                </h3>
                <ul class="quote-list">{ for quotes.iter().take(shown).map(item) }</ul>
            </div>
        }
    };
    let total: usize = list.groups.iter().map(|group| group.quotes.len()).sum();

    // A huge document lists its first QUOTES_LISTED quotations only, so
    // that the panel stays cheap to draw.
    let mut budget = QUOTES_LISTED;
    let all = list
        .groups
        .iter()
        .map(|group| (group.name(), &group.quotes[..]));
    let mut groups = Vec::new();
    for (name, quotes) in all {
        if budget == 0 {
            break;
        }
        let shown = quotes.len().min(budget);
        budget -= shown;
        groups.push((name, quotes, shown));
    }
    let listed = QUOTES_LISTED - budget;

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
            { for groups.into_iter().map(|(name, quotes, shown)| group(name, quotes, shown)) }
            if total > listed {
                <p class="empty">{ format!("另有 {} 条引语未列出。", total - listed) }</p>
            }
        </section>
    }
}
