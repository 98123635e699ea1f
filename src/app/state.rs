//! The app's single state and the actions that change it.
//!
//! One `use_reducer` in the root component owns an [`AppState`]. The
//! state is cheap to clone: the text, the parsed document and the set of
//! folded nodes are each behind an `Rc`, and a reducer branch that changes
//! nothing returns the same `Rc` so Yew skips the render.

use std::collections::HashSet;
use std::rc::Rc;

use yew::Reducible;

use super::timing;
use crate::{Document, Node};

/// Names a node of the outline across re-parses: the sibling index and
/// label of every node on the path from the top (`/1二、/0一要`). A fold
/// survives edits that leave the node's position and label alone.
pub type NodeId = Rc<str>;

/// The id of the `index`-th child (or top-level node) under `parent`.
pub fn child_id(parent: &str, index: usize, node: &Node) -> NodeId {
    let label = node.label.as_deref().unwrap_or("");
    Rc::from(format!("{parent}/{index}{label}"))
}

/// The id that top-level nodes take as their parent.
pub const ROOT_ID: &str = "";

#[derive(Clone, Debug)]
pub struct AppState {
    /// The text as it was last parsed.
    pub text: Rc<str>,
    /// The outline of `text`.
    pub document: Rc<Document>,
    /// Counts parses, so that effects can run once per parse without
    /// comparing documents.
    pub revision: u64,
    /// Nodes the reader has folded.
    pub folded: Rc<HashSet<NodeId>>,
}

pub enum Action {
    /// The text has settled (typing paused, no input method composing).
    SetText(Rc<str>),
    /// Fold an unfolded node or unfold a folded one.
    Toggle(NodeId),
    ExpandAll,
    CollapseAll,
}

impl AppState {
    /// Parses `text` into a fresh state with nothing folded.
    pub fn new(text: Rc<str>) -> Self {
        let document = parse_timed(&text);
        AppState {
            text,
            document,
            revision: 0,
            folded: Rc::default(),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetText(text) => {
                if text == self.text {
                    return self;
                }
                let document = parse_timed(&text);
                // Keep only folds that still name a node with children.
                let foldable = foldable_ids(&document);
                let folded = if self.folded.iter().all(|id| foldable.contains(id)) {
                    Rc::clone(&self.folded)
                } else {
                    Rc::new(self.folded.intersection(&foldable).cloned().collect())
                };
                Rc::new(AppState {
                    text,
                    document,
                    revision: self.revision + 1,
                    folded,
                })
            }
            Action::Toggle(id) => {
                let mut folded = (*self.folded).clone();
                if !folded.remove(&id) {
                    folded.insert(id);
                }
                Rc::new(AppState {
                    folded: Rc::new(folded),
                    ..(*self).clone()
                })
            }
            Action::ExpandAll => {
                if self.folded.is_empty() {
                    return self;
                }
                Rc::new(AppState {
                    folded: Rc::default(),
                    ..(*self).clone()
                })
            }
            Action::CollapseAll => {
                let all = foldable_ids(&self.document);
                if *self.folded == all {
                    return self;
                }
                Rc::new(AppState {
                    folded: Rc::new(all),
                    ..(*self).clone()
                })
            }
        }
    }
}

/// Parses after setting the start mark of the `gangmu:outline` measure,
/// which the root component ends once the new outline is in the DOM.
fn parse_timed(text: &str) -> Rc<Document> {
    timing::mark_parse_start();
    Rc::new(crate::parse(text))
}

/// The ids of every node that has children, i.e. every node that can fold.
pub fn foldable_ids(document: &Document) -> HashSet<NodeId> {
    fn visit(nodes: &[Node], parent: &str, ids: &mut HashSet<NodeId>) {
        for (index, node) in nodes.iter().enumerate() {
            if node.children.is_empty() {
                continue;
            }
            let id = child_id(parent, index, node);
            visit(&node.children, &id, ids);
            ids.insert(id);
        }
    }
    let mut ids = HashSet::new();
    visit(&document.nodes, ROOT_ID, &mut ids);
    ids
}
