//! The document model as flat tables: one row per node, one row per
//! quotation, for DuckDB, polars, pandas or a spreadsheet.
//!
//! The tree stays the exchange format (`docs/FORMAT.md`); these rows are a
//! view of it that loses nothing a table can hold. A node is named by its
//! *path*, its 1-based position among its siblings at each level from the
//! top (`2.3.1`: the first child of the third child of the second
//! top-level node), so `parent` joins rows back into the tree and sorting
//! by `start` gives document order.
//!
//! The command line writes these rows as JSON Lines or CSV
//! (`gangmu --table nodes|quotes`), and the Python module returns them as
//! dicts (`gangmu.nodes`, `gangmu.quotes`). The model has no key sentence
//! of a node yet, so there is no such column.
//!
//! ```
//! let doc = gangmu::parse("同志们：\n一、提高认识\n一要统一思想。二要狠抓落实。\n二、抓好落实\n");
//! let rows = gangmu::table::node_rows(None, &doc);
//! let task = rows.iter().find(|row| row.label == Some("二要")).unwrap();
//! assert_eq!((task.path.as_str(), task.parent.as_deref(), task.level), ("2.2", Some("2"), 2));
//! ```

use serde::Serialize;

use crate::model::{Document, Node};

/// One node of a document. Fields in column order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NodeRow<'a> {
    /// The document's name (the CLI: its path), when it has one.
    pub doc: Option<&'a str>,
    /// 1-based positions from the top, joined by `.`: `2.3.1`.
    pub path: String,
    /// 1 for a top-level node, 2 for its children, …
    pub level: usize,
    /// As in the model: `part`, `section`, `task` …
    pub kind: &'static str,
    pub label: Option<&'a str>,
    pub heading: &'a str,
    /// The key sentence (要句), when the node has one.
    pub key: Option<&'a str>,
    /// The node's span in chars, end exclusive, children included.
    pub start: usize,
    pub end: usize,
    /// The parent's path; `None` at the top level.
    pub parent: Option<String>,
}

/// The column names of [`NodeRow`], in order.
pub const NODE_COLUMNS: [&str; 10] = [
    "doc", "path", "level", "kind", "label", "heading", "key", "start", "end", "parent",
];

/// One quotation of a document. Fields in column order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteRow<'a> {
    pub doc: Option<&'a str>,
    /// 1-based position in the document's list of quotations.
    pub index: usize,
    /// `attributed`, `saying` or `term`.
    pub kind: &'static str,
    pub speaker: Option<&'a str>,
    pub text: &'a str,
    /// The quotation's span in chars, marks included.
    pub start: usize,
    pub end: usize,
    /// The path of the deepest node whose span holds the whole quotation;
    /// `None` when no node does (a quotation in the title).
    pub node: Option<String>,
}

/// The column names of [`QuoteRow`], in order.
pub const QUOTE_COLUMNS: [&str; 8] = [
    "doc", "index", "kind", "speaker", "text", "start", "end", "node",
];

/// Every node of `doc`, depth first in document order (a parent before
/// its children).
pub fn node_rows<'a>(name: Option<&'a str>, doc: &'a Document) -> Vec<NodeRow<'a>> {
    let mut rows = Vec::new();
    let mut path = Vec::new();
    add_node_rows(name, &doc.nodes, &mut path, &mut rows);
    rows
}

fn add_node_rows<'a>(
    name: Option<&'a str>,
    nodes: &'a [Node],
    path: &mut Vec<usize>,
    rows: &mut Vec<NodeRow<'a>>,
) {
    let parent = (!path.is_empty()).then(|| dotted(path));
    for (at, node) in nodes.iter().enumerate() {
        path.push(at + 1);
        rows.push(NodeRow {
            doc: name,
            path: dotted(path),
            level: path.len(),
            kind: node.kind.as_str(),
            label: node.label.as_deref(),
            heading: &node.heading,
            key: node.key.as_ref().map(|key| key.text.as_str()),
            start: node.span.start,
            end: node.span.end,
            parent: parent.clone(),
        });
        add_node_rows(name, &node.children, path, rows);
        path.pop();
    }
}

/// Every quotation of `doc`, in the document's order.
pub fn quote_rows<'a>(name: Option<&'a str>, doc: &'a Document) -> Vec<QuoteRow<'a>> {
    doc.quotes
        .iter()
        .enumerate()
        .map(|(at, quote)| QuoteRow {
            doc: name,
            index: at + 1,
            kind: match quote.kind {
                crate::QuoteKind::Attributed => "attributed",
                crate::QuoteKind::Saying => "saying",
                crate::QuoteKind::Term => "term",
            },
            speaker: quote.speaker.as_deref(),
            text: &quote.text,
            start: quote.span.start,
            end: quote.span.end,
            node: holder(&doc.nodes, quote.span).map(|path| dotted(&path)),
        })
        .collect()
}

/// The path of the deepest node among `nodes` (and their descendants)
/// whose span holds `span`. Siblings are in order and do not overlap, so
/// each level is a binary search: O(depth · log width).
fn holder(mut nodes: &[Node], span: crate::Span) -> Option<Vec<usize>> {
    let mut path = Vec::new();
    loop {
        let at = nodes.partition_point(|node| node.span.end <= span.start);
        match nodes.get(at) {
            Some(node) if node.span.contains(span) => {
                path.push(at + 1);
                nodes = &node.children;
            }
            _ => return (!path.is_empty()).then_some(path),
        }
    }
}

/// `[2, 3, 1]` → `2.3.1`.
fn dotted(path: &[usize]) -> String {
    let mut out = String::with_capacity(path.len() * 3);
    for (at, position) in path.iter().enumerate() {
        if at > 0 {
            out.push('.');
        }
        out.push_str(&position.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row's parent is the row before it at one level up, and the
    /// spans nest: the table is the tree.
    #[test]
    fn rows_rebuild_the_tree() {
        let doc = crate::parse(crate::SAMPLE_SPEECH);
        let rows = node_rows(Some("seed"), &doc);
        let mut count = 0;
        doc.walk(|_, _| count += 1);
        assert_eq!(rows.len(), count);
        for row in &rows {
            assert_eq!(row.doc, Some("seed"));
            assert_eq!(row.path.split('.').count(), row.level);
            match &row.parent {
                None => assert_eq!(row.level, 1),
                Some(parent) => {
                    assert_eq!(
                        row.path,
                        format!("{parent}.{}", row.path.rsplit('.').next().unwrap())
                    );
                    let parent = rows.iter().find(|r| &r.path == parent).expect("parent row");
                    assert!(parent.start <= row.start && row.end <= parent.end);
                }
            }
        }
        assert!(
            rows.iter().any(|row| row.level == 2 && row.kind == "task"),
            "the sample has tasks in parts"
        );
    }

    /// The binary search finds what a scan of every row finds: the
    /// deepest node whose span holds the quotation's.
    #[test]
    fn a_quotation_belongs_to_its_deepest_node() {
        for text in [
            crate::SAMPLE_SPEECH,
            "他说：“标题里的话。”\n一、甲\n要“乙”。\n二、丙\n",
        ] {
            let doc = crate::parse(text);
            let rows = node_rows(None, &doc);
            let quotes = quote_rows(None, &doc);
            assert!(!quotes.is_empty());
            for quote in &quotes {
                let naive = rows
                    .iter()
                    .filter(|row| row.start <= quote.start && quote.end <= row.end)
                    .max_by_key(|row| row.level)
                    .map(|row| row.path.clone());
                assert_eq!(quote.node, naive, "{quote:?}");
            }
            assert!(quotes
                .iter()
                .any(|quote| quote.node.as_deref().is_some_and(|path| path.contains('.'))));
        }
        let doc = crate::parse(crate::SAMPLE_SPEECH);
        let first = &quote_rows(None, &doc)[0];
        assert_eq!((first.index, first.kind), (1, "term"));
    }

    #[test]
    fn empty_document_has_no_rows() {
        let doc = crate::parse("");
        assert!(node_rows(None, &doc).is_empty());
        assert!(quote_rows(None, &doc).is_empty());
    }

    #[test]
    fn dotted_paths() {
        assert_eq!(dotted(&[2, 3, 1]), "2.3.1");
        assert_eq!(dotted(&[10]), "10");
    }
}
