//! Selecting rows, folding, and keeping the tree and the source in step.

use std::rc::Rc;

use super::{AppState, Command, SourceReveal, TreeFocus, TreeReveal};
use crate::app_core::outline::NodeKey;
use crate::app_core::text_offsets::span_to_utf16;
use crate::Span;

impl AppState {
    /// Selects the node `key` (if this parse has it) and refreshes the view.
    pub(super) fn select(&mut self, key: NodeKey) -> bool {
        if self.index.find(&key).is_none() || self.selected.as_ref() == Some(&key) {
            return false;
        }
        self.selected = Some(key);
        self.refresh_view();
        true
    }

    /// Asks the source pane to select `span` and scroll to it.
    pub(super) fn reveal_span(&mut self, span: Span, focus: bool) {
        let (start, end) = span_to_utf16(&self.text, span);
        let serial = self.next_serial();
        self.source_reveal = Some(Command {
            serial,
            value: SourceReveal { start, end, focus },
        });
    }

    /// Asks the source pane to show the selected node's text.
    pub(super) fn reveal_selected_in_source(&mut self, focus: bool) {
        let span = self
            .selected
            .as_deref()
            .and_then(|key| self.index.entry(key))
            .map(|entry| entry.span);
        if let Some(span) = span {
            self.reveal_span(span, focus);
        }
    }

    /// Asks the tree to scroll to the selected row.
    pub(super) fn reveal_in_tree(&mut self, focus: TreeFocus) {
        let serial = self.next_serial();
        self.tree_reveal = Some(Command {
            serial,
            value: TreeReveal { focus },
        });
    }

    /// Folds `key` if it is open, opens it if it is folded.
    pub(super) fn toggle(&mut self, key: &NodeKey) {
        let folded = Rc::make_mut(&mut self.folded);
        if !folded.remove(key) {
            folded.insert(NodeKey::clone(key));
        }
        self.refresh_view();
    }

    /// Opens every ancestor of the node at `at`, so that it is shown.
    pub(super) fn unfold_ancestors(&mut self, at: usize) {
        let index = Rc::clone(&self.index);
        let closed: Vec<&NodeKey> = index
            .ancestors(at)
            .filter(|key| self.folded.contains(key))
            .collect();
        if !closed.is_empty() {
            let folded = Rc::make_mut(&mut self.folded);
            for key in closed {
                folded.remove(key);
            }
        }
    }

    /// Selects the deepest node shown that holds the char range
    /// `start..end`, opening its ancestors, and scrolls the tree to it.
    /// Selects nothing when no node holds it.
    pub(super) fn select_at(&mut self, start: usize, end: usize, focus: TreeFocus) -> bool {
        let Some(at) = self.index.deepest_at(start, end, self.paragraphs) else {
            let changed = self.selected.is_some();
            self.selected = None;
            if changed {
                self.refresh_view();
            }
            return changed;
        };
        let key = NodeKey::clone(&self.index.entries[at].key);
        self.unfold_ancestors(at);
        self.selected = Some(key);
        self.refresh_view();
        self.reveal_in_tree(focus);
        true
    }

    /// After folds change: if the selected row is now inside a folded one,
    /// selects the nearest ancestor that is shown, as focus cannot stay on
    /// a hidden row.
    pub(super) fn keep_selection_shown(&mut self) {
        let Some(at) = self
            .selected
            .as_deref()
            .and_then(|key| self.index.find(key))
        else {
            return;
        };
        let index = Rc::clone(&self.index);
        // The outermost folded ancestor hides everything inside it.
        let Some(shown) = index
            .ancestors(at)
            .filter(|key| self.folded.contains(key))
            .last()
        else {
            return;
        };
        self.selected = Some(NodeKey::clone(shown));
        self.refresh_view();
        self.reveal_in_tree(TreeFocus::IfInTree);
    }
}
