use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::{child_id, NodeId};
use crate::{Document, Node, NodeKind};

#[derive(Properties)]
pub struct TreeNodeProps {
    /// This node's id (see [`NodeId`]).
    pub id: NodeId,
    /// Sibling indices from the top level down to this node.
    pub path: Rc<[usize]>,
    pub document: Rc<Document>,
    pub folded: Rc<HashSet<NodeId>>,
    pub on_toggle: Callback<NodeId>,
}

impl PartialEq for TreeNodeProps {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.path == other.path
            && Rc::ptr_eq(&self.document, &other.document)
            && Rc::ptr_eq(&self.folded, &other.folded)
            && self.on_toggle == other.on_toggle
    }
}

/// One `treeitem` of the outline and, below it, its children.
///
/// Folded children stay in the DOM but `hidden`, so that printing can show
/// the whole outline and the tree keeps its shape for assistive technology.
#[component]
pub fn TreeNode(props: &TreeNodeProps) -> Html {
    let Some(node) = find(&props.document.nodes, &props.path) else {
        return Html::default();
    };
    let level = props.path.len();
    let has_children = !node.children.is_empty();
    let expanded = !props.folded.contains(&props.id);
    let kind = node.kind;

    let onclick = has_children.then(|| {
        let id = Rc::clone(&props.id);
        props.on_toggle.reform(move |_: MouseEvent| Rc::clone(&id))
    });

    let children = node.children.iter().enumerate().map(|(index, child)| {
        let id = child_id(&props.id, index, child);
        let path: Rc<[usize]> = props.path.iter().copied().chain([index]).collect();
        html! {
            <TreeNode
                key={&*id}
                id={Rc::clone(&id)}
                {path}
                document={Rc::clone(&props.document)}
                folded={Rc::clone(&props.folded)}
                on_toggle={props.on_toggle.clone()}
            />
        }
    });

    // Roving tabindex: the first item is the tree's tab stop, arrow keys
    // move from there (see `tree_keys`).
    let tabindex = if *props.path == [0] { "0" } else { "-1" };

    html! {
        <li
            role="treeitem"
            class={classes!("node", format!("node-{}", kind_class(kind)))}
            aria-level={level.to_string()}
            aria-expanded={has_children.then(|| expanded.to_string())}
            data-id={props.id.to_string()}
            {tabindex}
        >
            <div class={classes!("row", has_children.then_some("foldable"))} {onclick}>
                if let Some(label) = &node.label {
                    <span class="label">{ label.clone() }</span>
                }
                <span class="heading">{ node.heading.clone() }</span>
                if node.label.is_none() && has_badge(kind) {
                    <span class="kind">{ kind.display_name() }</span>
                }
            </div>
            if has_children {
                <ul role="group" hidden={!expanded}>
                    { for children }
                </ul>
            }
        </li>
    }
}

/// The node at `path`, if the path is still valid for this document.
fn find<'a>(nodes: &'a [Node], path: &[usize]) -> Option<&'a Node> {
    let (&first, rest) = path.split_first()?;
    let node = nodes.get(first)?;
    if rest.is_empty() {
        Some(node)
    } else {
        find(&node.children, rest)
    }
}

/// Whether an unlabelled node shows its kind (开头, 结语 …) after its
/// heading. Plain paragraphs and points read fine without one.
fn has_badge(kind: NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Front | NodeKind::Preamble | NodeKind::Closing | NodeKind::Back
    )
}

/// A CSS class suffix for each kind, for styling only.
fn kind_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Front => "front",
        NodeKind::Preamble => "preamble",
        NodeKind::Part => "part",
        NodeKind::Section => "section",
        NodeKind::Task => "task",
        NodeKind::Point => "point",
        NodeKind::Paragraph => "paragraph",
        NodeKind::Closing => "closing",
        NodeKind::Back => "back",
    }
}
