use std::rc::Rc;

use yew::prelude::*;

use crate::app_core::by_ptr::ByPtr;
use crate::app_core::outline::Row;
use crate::app_core::state::{Action, Command, TreeReveal, TEXT_LIMIT};
use crate::app_core::stats::Stats;
use crate::Document;

use super::{OutlineToolbar, SearchBox, Tree};

#[derive(Properties, PartialEq)]
pub struct OutlinePaneProps {
    /// For its title.
    pub document: ByPtr<Document>,
    pub roots: ByPtr<[Rc<Row>]>,
    pub stats: ByPtr<Stats>,
    pub paragraphs: bool,
    pub key_sentences: bool,
    pub searching: bool,
    /// 仅搜标题.
    pub headings_only: bool,
    /// Rows that match the search.
    pub matches: usize,
    /// Places of the words in the whole text.
    pub places: usize,
    /// Whether there is any text at all.
    pub has_text: bool,
    pub reveal: Option<Command<TreeReveal>>,
    /// The size in bytes of a large text the worker is analysing.
    #[prop_or_default]
    pub analyzing: Option<usize>,
    /// The size in bytes of a text refused for being over the limit.
    #[prop_or_default]
    pub too_large: Option<usize>,
    pub search: NodeRef,
    pub dispatch: Callback<Action>,
}

/// The 提纲 pane: the search box, the buttons, the statistics line, the
/// document's title and the outline tree.
#[component]
pub fn OutlinePane(props: &OutlinePaneProps) -> Html {
    let dispatch = &props.dispatch;
    let foldable = props.roots.iter().any(|row| row.expanded.is_some());
    let stats = props
        .stats
        .pieces()
        .into_iter()
        .enumerate()
        .map(|(at, piece)| {
            html! { <>{ if at > 0 { " · " } else { "" } }<span>{ piece }</span></> }
        });

    html! {
        <>
            <div class="pane-bar">
                <h2 class="pane-title">{ "提纲" }</h2>
                <SearchBox
                    input={props.search.clone()}
                    matches={props.matches}
                    places={props.places}
                    searching={props.searching}
                    headings_only={props.headings_only}
                    dispatch={dispatch.clone()}
                />
            </div>
            <OutlineToolbar
                {foldable}
                paragraphs={props.paragraphs}
                key_sentences={props.key_sentences}
                document={props.document.clone()}
                roots={props.roots.clone()}
                dispatch={dispatch.clone()}
            />
            <div class="outline-scroll" aria-busy={props.analyzing.is_some().to_string()}>
                { large_text_status(props) }
                if props.has_text {
                    <p class="stats" aria-label="统计">{ for stats }</p>
                }
                if let Some(title) = &props.document.title {
                    <p class="doc-title">{ title.clone() }</p>
                }
                if props.roots.is_empty() && props.analyzing.is_none() {
                    { empty_message(props) }
                }
                <Tree roots={props.roots.clone()} reveal={props.reveal.clone()} dispatch={dispatch.clone()} />
            </div>
        </>
    }
}

/// 正在分析… while the worker parses a large text; the refusal of a text
/// over the limit.
fn large_text_status(props: &OutlinePaneProps) -> Html {
    if let Some(size) = props.too_large {
        let limit = megabytes(TEXT_LIMIT);
        return html! {
            <p class="large-notice" role="alert">
                { format!("这段文字有 {} MB，超过了 {limit} MB 的上限，无法分析。请分几次粘贴、每次不超过 {limit} MB。提纲和保存的文字仍是上一次的。", megabytes(size)) }
            </p>
        };
    }
    let Some(size) = props.analyzing else {
        return Html::default();
    };
    html! {
        <div class="analyzing" role="status">
            <progress aria-label="分析进度"></progress>
            <span>{ format!("正在分析…（{} MB）", megabytes(size)) }</span>
        </div>
    }
}

/// Bytes as MB with one decimal, e.g. `"10.4"`.
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// What an empty tree says, and what to do about it.
fn empty_message(props: &OutlinePaneProps) -> Html {
    if props.searching {
        let message = if props.headings_only {
            "没有标题含有这些字。按 Esc 清除搜索。"
        } else {
            "原文中没有这些字。按 Esc 清除搜索。"
        };
        return html! { <p class="empty">{ message }</p> };
    }
    if !props.has_text {
        let sample = props.dispatch.reform(|_: MouseEvent| Action::LoadSample);
        return html! {
            <p class="empty">
                { "还没有内容。请在“原文”中粘贴一篇讲话或报告，或" }
                <button type="button" class="link" onclick={sample}>{ "载入示例" }</button>
                { "。" }
            </p>
        };
    }
    let hint = if props.paragraphs {
        ""
    } else {
        "点“显示段落”可按段落浏览。"
    };
    html! { <p class="empty">{ format!("没有识别出部分、要点等结构层次。{hint}") }</p> }
}
