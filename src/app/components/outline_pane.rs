use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::{child_id, NodeId, ROOT_ID};
use crate::app::tree_keys;
use crate::{Document, NodeKind, QuoteKind};

use super::TreeNode;

#[derive(Properties)]
pub struct OutlinePaneProps {
    pub document: Rc<Document>,
    pub folded: Rc<HashSet<NodeId>>,
    pub on_toggle: Callback<NodeId>,
    pub on_expand_all: Callback<()>,
    pub on_collapse_all: Callback<()>,
}

impl PartialEq for OutlinePaneProps {
    /// Compares the document and folds by pointer: a new parse is a new `Rc`.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.document, &other.document)
            && Rc::ptr_eq(&self.folded, &other.folded)
            && self.on_toggle == other.on_toggle
            && self.on_expand_all == other.on_expand_all
            && self.on_collapse_all == other.on_collapse_all
    }
}

/// The 提纲 pane: the document's title, the buttons and the outline tree.
#[component]
pub fn OutlinePane(props: &OutlinePaneProps) -> Html {
    let document = &props.document;
    let has_folds = document.nodes.iter().any(|node| !node.children.is_empty());

    let expand_all = props.on_expand_all.reform(|_: MouseEvent| ());
    let collapse_all = props.on_collapse_all.reform(|_: MouseEvent| ());
    let onkeydown = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |event: KeyboardEvent| tree_keys::handle(&event, &on_toggle))
    };

    let items = document.nodes.iter().enumerate().map(|(index, node)| {
        let id = child_id(ROOT_ID, index, node);
        html! {
            <TreeNode
                key={&*id}
                id={Rc::clone(&id)}
                path={Rc::from([index])}
                document={Rc::clone(document)}
                folded={Rc::clone(&props.folded)}
                on_toggle={props.on_toggle.clone()}
            />
        }
    });

    html! {
        <section class="pane outline-pane">
            <div class="pane-bar">
                <h2 class="pane-title">{ "提纲" }</h2>
                <span class="pane-hint">{ summary(document) }</span>
                if has_folds {
                    <div class="toolbar">
                        <button type="button" onclick={expand_all}>{ "全部展开" }</button>
                        <button type="button" onclick={collapse_all}>{ "全部折叠" }</button>
                    </div>
                }
            </div>
            if let Some(title) = &document.title {
                <p class="doc-title">{ title.clone() }</p>
            }
            if document.nodes.is_empty() {
                <p class="empty">{ "还没有识别出结构。请在左侧粘贴一篇讲话或报告。" }</p>
            }
            <ul class="tree" role="tree" aria-label="提纲" {onkeydown}>
                { for items }
            </ul>
        </section>
    }
}

/// A one-line count of what was found: "3 个部分 · 10 个要点 · 2 处引语 · 8211 字".
/// Quoted terms (“一把手”) are not counted as 引语.
fn summary(document: &Document) -> String {
    let mut parts = Vec::new();
    for kind in [NodeKind::Part, NodeKind::Section, NodeKind::Task] {
        let count = document.count(kind);
        if count > 0 {
            parts.push(format!("{count} 个{}", kind.display_name()));
        }
    }
    let quotes = document
        .quotes
        .iter()
        .filter(|quote| quote.kind != QuoteKind::Term)
        .count();
    if quotes > 0 {
        parts.push(format!("{quotes} 处引语"));
    }
    parts.push(format!("{} 字", document.chars));
    parts.join(" · ")
}
