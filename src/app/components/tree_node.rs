use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::outline::Row;
use crate::app::state::Action;
use crate::NodeKind;

#[derive(Properties)]
pub struct TreeNodeProps {
    pub row: Rc<Row>,
    pub dispatch: Callback<Action>,
}

impl PartialEq for TreeNodeProps {
    /// Rows compare by pointer: the view reuses every unchanged row.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.row, &other.row) && self.dispatch == other.dispatch
    }
}

/// One `treeitem` of the outline and, below it, its children.
///
/// The row's text is the label exactly as written, then the heading, in
/// separate spans, then the number of children; the fold chevron is CSS
/// content. Folded children stay in the DOM but `hidden`, so that printing
/// can show the whole outline.
#[component]
pub fn TreeNode(props: &TreeNodeProps) -> Html {
    let row = &props.row;
    let onclick = {
        let key = Rc::clone(&row.key);
        props
            .dispatch
            .reform(move |_: MouseEvent| Action::Choose(Rc::clone(&key)))
    };
    let onfocus = {
        let key = Rc::clone(&row.key);
        props
            .dispatch
            .reform(move |_: FocusEvent| Action::Focus(Rc::clone(&key)))
    };
    let children = row.children.iter().map(|child| {
        html! { <TreeNode key={Rc::clone(&child.key)} row={Rc::clone(child)} dispatch={props.dispatch.clone()} /> }
    });
    let label = row.label.as_deref().unwrap_or("");

    html! {
        <li
            role="treeitem"
            class={node_class(row.kind)}
            aria-level={row.level.to_string()}
            aria-setsize={row.setsize.to_string()}
            aria-posinset={row.posinset.to_string()}
            aria-expanded={row.expanded.map(|open| open.to_string())}
            aria-selected={row.selected.to_string()}
            tabindex={if row.tab_stop { "0" } else { "-1" }}
            {onfocus}
        >
            <div class={if row.expanded.is_some() { "row foldable" } else { "row" }} {onclick}>
                if !label.is_empty() {
                    <span class="label">{ marked(label, 0, &row.marks) }</span>
                }
                <span class="heading">{ marked(&row.heading, label.len(), &row.marks) }</span>
                if row.label.is_none() && row.kind.has_badge() {
                    <span class="kind">{ row.kind.display_name() }</span>
                }
                if !row.children.is_empty() {
                    <span class="count" aria-hidden="true">{ row.children.len() }</span>
                }
            </div>
            if !row.children.is_empty() {
                <ul role="group" hidden={row.expanded == Some(false)}>
                    { for children }
                </ul>
            }
        </li>
    }
}

/// The row's classes: `node` and `node-<kind>`, as one static string (a
/// `classes!` set would be built for every row).
fn node_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Front => "node node-front",
        NodeKind::Preamble => "node node-preamble",
        NodeKind::Part => "node node-part",
        NodeKind::Section => "node node-section",
        NodeKind::Task => "node node-task",
        NodeKind::Point => "node node-point",
        NodeKind::Paragraph => "node node-paragraph",
        NodeKind::Closing => "node node-closing",
        NodeKind::Back => "node node-back",
    }
}

/// `text` with the parts that match the search in `<mark>`. `marks` are
/// byte ranges of the label and heading together; `text` starts at byte
/// `offset` of that.
fn marked(text: &str, offset: usize, marks: &[Range<usize>]) -> Html {
    if marks.is_empty() {
        return html! { { text } };
    }
    let mut pieces = Vec::new();
    let mut at = 0;
    for mark in marks {
        let start = mark.start.saturating_sub(offset).min(text.len());
        let end = mark.end.saturating_sub(offset).min(text.len());
        let (Some(before), Some(inside)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        if inside.is_empty() {
            continue;
        }
        pieces.push(html! { { before } });
        pieces.push(html! { <mark>{ inside }</mark> });
        at = end;
    }
    pieces.push(html! { { text.get(at..).unwrap_or("") } });
    pieces.into_iter().collect()
}
