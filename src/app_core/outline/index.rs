//! The outline of one parse, flattened: every node in document order with
//! a stable key, its depth, its parent and its span.
//!
//! Built once per parse by the reducer. The view ([`super::view`]) walks
//! the document and this index side by side; the reducer uses it to find
//! a node's span, its ancestors, or the node under the caret.

use std::collections::HashMap;
use std::rc::Rc;

use crate::share::Crc32;
use crate::{Document, Node, NodeKind, Span};

/// Names a node across re-parses: the label and the start of the heading
/// of every node on the path from the top, e.g. `/二、准确把握…/一要把“一把手”…`.
/// A fold or a selection survives any edit that leaves those alone; two
/// siblings that read the same get `~1`, `~2` … after the first.
pub type NodeKey = Rc<str>;

/// A set of node keys (the folded rows). A map to `usize` underneath, of
/// the same type as [`OutlineIndex`]'s: each distinct hash map or set type
/// is its own copy of hashbrown in the page's wasm.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeySet(HashMap<NodeKey, usize>);

impl KeySet {
    pub fn contains(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    /// Adds `key`; whether it was not there.
    pub fn insert(&mut self, key: NodeKey) -> bool {
        self.0.insert(key, 0).is_none()
    }

    /// Takes `key` out; whether it was there.
    pub fn remove(&mut self, key: &str) -> bool {
        self.0.remove(key).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = &NodeKey> {
        self.0.keys()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<NodeKey> for KeySet {
    fn from_iter<I: IntoIterator<Item = NodeKey>>(keys: I) -> Self {
        KeySet(keys.into_iter().map(|key| (key, 0)).collect())
    }
}

/// How many chars of a heading go into a key: enough to tell siblings
/// apart, short enough that keys stay small in long documents.
const KEY_HEADING_CHARS: usize = 24;

/// One node of the outline.
#[derive(Debug)]
pub struct Entry {
    pub key: NodeKey,
    pub kind: NodeKind,
    pub label: Option<Rc<str>>,
    pub heading: Rc<str>,
    /// The key sentence (要句), when the node has one.
    pub key_sentence: Option<Rc<str>>,
    pub span: Span,
    /// 1 for top-level nodes.
    pub depth: usize,
    pub parent: Option<usize>,
    /// One past the index of this node's last descendant.
    pub end: usize,
}

impl Entry {
    pub fn has_children(&self, index: usize) -> bool {
        self.end > index + 1
    }
}

#[derive(Debug, Default)]
pub struct OutlineIndex {
    /// Every node, depth first in document order (parents before children).
    pub entries: Vec<Entry>,
    by_key: HashMap<NodeKey, usize>,
    /// Tells this outline from others: a CRC-32 of every node's depth and
    /// key in order. Two parses with the same fingerprint have the same
    /// nodes at the same positions, so a share link may name nodes by
    /// position ([`crate::share::SharedView`]).
    pub fingerprint: u32,
}

impl OutlineIndex {
    pub fn new(document: &Document) -> Self {
        let mut index = OutlineIndex::default();
        let mut fingerprint = Crc32::default();
        index.add(&document.nodes, "", None, 1, &mut fingerprint);
        index.fingerprint = fingerprint.finish();
        index
    }

    fn add(
        &mut self,
        nodes: &[Node],
        parent_key: &str,
        parent: Option<usize>,
        depth: usize,
        fingerprint: &mut Crc32,
    ) {
        // Sibling keys seen so far, and how often, to number repeats (a map
        // of the same type as `by_key`: each map type is code in the page).
        let mut seen: HashMap<NodeKey, usize> = HashMap::new();
        for node in nodes {
            let mut base = format!("{parent_key}/{}", node.label.as_deref().unwrap_or(""));
            base.extend(node.heading.chars().take(KEY_HEADING_CHARS));
            let base: NodeKey = Rc::from(base);
            let repeats = seen.entry(Rc::clone(&base)).or_insert(0);
            let key: NodeKey = if *repeats > 0 {
                Rc::from(format!("{base}~{repeats}"))
            } else {
                base
            };
            *repeats += 1;

            // The depth and what the key adds to its parent's.
            fingerprint.update(&(depth as u32).to_le_bytes());
            fingerprint.update(&key.as_bytes()[parent_key.len()..]);
            let at = self.entries.len();
            self.entries.push(Entry {
                key: Rc::clone(&key),
                kind: node.kind,
                label: node.label.as_deref().map(Rc::from),
                heading: Rc::from(node.heading.as_str()),
                key_sentence: node.key.as_ref().map(|key| Rc::from(key.text.as_str())),
                span: node.span,
                depth,
                parent,
                end: at + 1,
            });
            self.by_key.insert(Rc::clone(&key), at);
            self.add(&node.children, &key, Some(at), depth + 1, fingerprint);
            let end = self.entries.len();
            self.entries[at].end = end;
        }
    }

    /// The position of the node named `key`, if this parse has it.
    pub fn find(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.find(key).map(|at| &self.entries[at])
    }

    /// The keys of the node at `at`'s ancestors, nearest first.
    pub fn ancestors(&self, at: usize) -> impl Iterator<Item = &NodeKey> {
        let mut parent = self.entries.get(at).and_then(|entry| entry.parent);
        std::iter::from_fn(move || {
            let entry = &self.entries[parent?];
            parent = entry.parent;
            Some(&entry.key)
        })
    }

    /// The deepest node whose span holds the char range `start..end` (a
    /// caret when they are equal), skipping plain paragraphs unless
    /// `paragraphs`. Since entries are in document order and siblings do
    /// not overlap, that is the last one that holds it.
    pub fn deepest_at(&self, start: usize, end: usize, paragraphs: bool) -> Option<usize> {
        self.entries
            .iter()
            .enumerate()
            .rev()
            .find_map(|(at, entry)| {
                let holds = entry.span.contains_offset(start) && end <= entry.span.end;
                let shown = crate::export::Options {
                    paragraphs,
                    ..Default::default()
                }
                .shows(entry.kind);
                (holds && shown).then_some(at)
            })
    }

    /// For each of `offsets` (char offsets, ascending), the deepest node
    /// holding it, as [`OutlineIndex::deepest_at`] finds it for a caret,
    /// in one pass over the entries and the offsets together.
    pub fn deepest_each(&self, offsets: &[usize], paragraphs: bool) -> Vec<Option<usize>> {
        let shows = crate::export::Options {
            paragraphs,
            ..Default::default()
        };
        let mut out = Vec::with_capacity(offsets.len());
        // The shown entries holding the current offset, outermost first.
        let mut open: Vec<usize> = Vec::new();
        let mut next = 0;
        for &offset in offsets {
            while let Some(&last) = open.last() {
                if self.entries[last].span.contains_offset(offset) {
                    break;
                }
                open.pop();
            }
            while let Some(entry) = self.entries.get(next) {
                if entry.span.start > offset {
                    break;
                }
                if entry.span.contains_offset(offset) && shows.shows(entry.kind) {
                    // Open entries not holding this one were closed above;
                    // an entry nested in a hidden one still nests here.
                    while let Some(&last) = open.last() {
                        if self.entries[last].span.contains(entry.span) {
                            break;
                        }
                        open.pop();
                    }
                    open.push(next);
                }
                next += 1;
            }
            out.push(open.last().copied());
        }
        out
    }

    /// The keys of every node with children at `depth` or deeper: what
    /// "show levels 1 to `depth`" folds.
    pub fn foldable_from(&self, depth: usize) -> impl Iterator<Item = &NodeKey> {
        self.entries
            .iter()
            .enumerate()
            .filter(move |(at, entry)| entry.depth >= depth && entry.has_children(*at))
            .map(|(_, entry)| &entry.key)
    }
}
