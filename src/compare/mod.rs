//! 对比: what changed between two versions of a speech or report — this
//! year's 政府工作报告 against last year's, a draft against its final
//! text.
//!
//! Both texts are parsed, and their outlines aligned ([`align`]): the
//! parts, sections, tasks and points of one matched with those of the
//! other by what their headings say, not by their numbers, so a part
//! renumbered or a task reworded is still found. Each entry of the result
//! is one node of either or both, in the order of the new text with what
//! was dropped where it stood:
//!
//! * 不变 — the same heading (numbering, spacing and punctuation aside);
//! * 改写 — a similar heading, with the words that changed ([`Piece`]);
//! * 新增 / 删去 — a node of only the new or only the old text.
//!
//! Beside the outline: the quoted terms that appear, vanish or change in
//! use most (新提法 first, [`TermChanges`]), and the figures that changed
//! under headings that match (`增长5%左右` → `增长4.5%—5%`, [`numbers`]).
//!
//! ```
//! let old = "一、稳定经济\n（一）扩大内需\n（二）稳定就业\n二、深化改革\n";
//! let new = "一、稳定经济\n（一）扩大国内需求\n二、深化改革\n三、扩大开放\n";
//! let comparison = gangmu::compare::compare(old, new);
//! let changes: Vec<_> = comparison.entries.iter().map(|e| e.change.name()).collect();
//! assert_eq!(changes, ["不变", "改写", "删去", "不变", "新增"]);
//! ```
//!
//! Like parsing, comparing never fails: any two texts give a comparison.

mod align;
pub mod numbers;
pub mod render;
mod similarity;

use serde::Serialize;

use crate::export::quotations::Quotations;
use crate::model::{Document, Node, NodeKind, Span};

pub use numbers::NumberChange;

/// How an entry of the comparison differs between the two texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Only in the new text.
    Added,
    /// Only in the old text.
    Removed,
    /// In both, with its heading reworded.
    Reworded,
    /// In both, with the same heading.
    Same,
}

impl Change {
    /// Every change, in the order the summary counts them.
    pub const ALL: [Change; 4] = [
        Change::Added,
        Change::Removed,
        Change::Reworded,
        Change::Same,
    ];

    /// The Chinese name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Change::Added => "新增",
            Change::Removed => "删去",
            Change::Reworded => "改写",
            Change::Same => "不变",
        }
    }

    /// The name in the JSON form, also a CSS class suffix.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Reworded => "reworded",
            Change::Same => "same",
        }
    }
}

/// One node as it stands in one of the two texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Side {
    pub kind: NodeKind,
    pub label: Option<String>,
    pub heading: String,
    /// The node's extent in its own text, in chars.
    pub span: Span,
}

impl Side {
    fn of(node: &Node) -> Self {
        Side {
            kind: node.kind,
            label: node.label.clone(),
            heading: node.heading.clone(),
            span: node.span,
        }
    }

    /// Label and heading as one line, as the exports write a node.
    pub fn line(&self) -> String {
        let label = self.label.as_deref().unwrap_or("");
        format!("{label}{}{}", crate::export::label_gap(label), self.heading)
    }
}

/// A run of a reworded heading: kept, dropped from the old or new in the
/// new wording.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "snake_case")]
pub enum Piece {
    Kept(String),
    Removed(String),
    Added(String),
}

/// One row of the aligned outlines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entry {
    pub change: Change,
    /// 0 for a top-level node; a child is one deeper than its parent in
    /// the text it is shown from (the new one, or the old for 删去).
    pub depth: usize,
    pub old: Option<Side>,
    pub new: Option<Side>,
    /// How alike the two headings are, 0 to 1 (1 for 新增 and 删去).
    pub similarity: f32,
    /// Whether a matched node stands under another parent, or elsewhere
    /// among its siblings, than in the old text.
    pub moved: bool,
    /// For 改写: the headings' difference, in the order of reading.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Piece>,
}

/// A quoted term and how often each text uses it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TermCount {
    pub text: String,
    pub old: usize,
    pub new: usize,
}

/// The terms (short quoted expressions, `“四个意识”`) that changed in use.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TermChanges {
    /// 新提法: used only in the new text, most used first.
    pub appeared: Vec<TermCount>,
    /// Used only in the old text, most used first.
    pub vanished: Vec<TermCount>,
    /// Used in both, the biggest change in count first.
    pub changed: Vec<TermCount>,
}

/// The comparison of an old and a new text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub old_title: Option<String>,
    pub new_title: Option<String>,
    pub entries: Vec<Entry>,
    pub terms: TermChanges,
    pub numbers: Vec<NumberChange>,
}

impl Comparison {
    /// How many entries there are of a change.
    pub fn count(&self, change: Change) -> usize {
        self.entries.iter().filter(|e| e.change == change).count()
    }
}

/// Parses both texts and compares them.
pub fn compare(old_text: &str, new_text: &str) -> Comparison {
    let old = crate::parse(old_text);
    let new = crate::parse(new_text);
    compare_documents(&old, old_text, &new, new_text)
}

/// Compares two parsed texts (each with the text it was parsed from).
pub fn compare_documents(
    old: &Document,
    old_text: &str,
    new: &Document,
    new_text: &str,
) -> Comparison {
    let aligned = align::align(old, new);
    let entries = aligned
        .iter()
        .map(|row| {
            let (old_node, new_node) = (row.old, row.new);
            let change = match (old_node, new_node) {
                (Some(_), None) => Change::Removed,
                (None, _) => Change::Added,
                (Some(_), Some(_)) if row.same => Change::Same,
                (Some(_), Some(_)) => Change::Reworded,
            };
            let words = match (change, old_node, new_node) {
                (Change::Reworded, Some(a), Some(b)) => words(&a.heading, &b.heading),
                _ => Vec::new(),
            };
            Entry {
                change,
                depth: row.depth,
                old: old_node.map(Side::of),
                new: new_node.map(Side::of),
                // Two places say all there is to say of it.
                similarity: (row.similarity * 100.0).round() / 100.0,
                moved: row.moved,
                words,
            }
        })
        .collect();
    let numbers = numbers::changes(&aligned, old_text, new_text);
    Comparison {
        old_title: old.title.clone(),
        new_title: new.title.clone(),
        entries,
        terms: term_changes(old, new),
        numbers,
    }
}

/// The most chars of two headings multiplied that [`words`] compares
/// char by char (4 MB of table); longer ones are shown replaced whole.
pub const WORDS_MAX_CELLS: usize = 1_000_000;

/// The difference of two headings, char by char, in runs: a longest
/// common subsequence of their chars kept, the rest removed or added.
///
/// Written here rather than with the `similar` crate: as a dependency of
/// this crate, even unused by the page, it made the page's wasm 431 B
/// larger gzipped (2026-12-08), past its budget. `tests/properties.rs`
/// checks this against `similar`.
pub fn words(old: &str, new: &str) -> Vec<Piece> {
    let (a, b): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    // The common prefix and suffix need no table.
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (middle_a, middle_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut pieces: Vec<Piece> = Vec::new();
    // Appends `c` to the last piece when it is of the same kind as
    // `piece` makes, else starts one.
    let mut push = |piece: fn(String) -> Piece, c: char| {
        let same_kind = pieces.last().is_some_and(|last| {
            std::mem::discriminant(last) == std::mem::discriminant(&piece(String::new()))
        });
        match pieces.last_mut() {
            Some(Piece::Kept(run) | Piece::Removed(run) | Piece::Added(run)) if same_kind => {
                run.push(c)
            }
            _ => pieces.push(piece(c.to_string())),
        }
    };
    for &c in &a[..prefix] {
        push(Piece::Kept, c);
    }
    let (n, m) = (middle_a.len(), middle_b.len());
    if n.saturating_mul(m) > WORDS_MAX_CELLS {
        middle_a.iter().for_each(|&c| push(Piece::Removed, c));
        middle_b.iter().for_each(|&c| push(Piece::Added, c));
    } else {
        // longest[i][j]: the longest common subsequence of a[i..] and b[j..].
        let width = m + 1;
        let mut longest = vec![0u32; (n + 1) * width];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                longest[i * width + j] = if middle_a[i] == middle_b[j] {
                    longest[(i + 1) * width + j + 1] + 1
                } else {
                    longest[(i + 1) * width + j].max(longest[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && middle_a[i] == middle_b[j] {
                push(Piece::Kept, middle_a[i]);
                (i, j) = (i + 1, j + 1);
            } else if j == m
                || (i < n && longest[(i + 1) * width + j] >= longest[i * width + j + 1])
            {
                push(Piece::Removed, middle_a[i]);
                i += 1;
            } else {
                push(Piece::Added, middle_b[j]);
                j += 1;
            }
        }
    }
    for &c in &a[a.len() - suffix..] {
        push(Piece::Kept, c);
    }
    pieces
}

fn term_changes(old: &Document, new: &Document) -> TermChanges {
    let count = |doc: &Document| -> Vec<(String, usize)> {
        Quotations::gather(doc)
            .terms
            .into_iter()
            .map(|term| (term.text.to_string(), term.spans.len()))
            .collect()
    };
    let (old_terms, new_terms) = (count(old), count(new));
    let old_count = |text: &str| old_terms.iter().find(|(t, _)| t == text).map(|&(_, n)| n);
    let mut changes = TermChanges::default();
    // Both lists come most used first, ties in order of first use: kept
    // by the stable sorts below.
    for (text, new_count) in &new_terms {
        let term = TermCount {
            text: text.clone(),
            old: old_count(text).unwrap_or(0),
            new: *new_count,
        };
        match term.old {
            0 => changes.appeared.push(term),
            n if n != term.new => changes.changed.push(term),
            _ => {}
        }
    }
    for (text, old_count) in &old_terms {
        if !new_terms.iter().any(|(t, _)| t == text) {
            changes.vanished.push(TermCount {
                text: text.clone(),
                old: *old_count,
                new: 0,
            });
        }
    }
    changes
        .changed
        .sort_by_key(|term| std::cmp::Reverse(term.old.abs_diff(term.new)));
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_kept_removed_and_added() {
        assert_eq!(
            words("2016年工作回顾", "2017年工作回顾"),
            [
                Piece::Kept("201".into()),
                Piece::Removed("6".into()),
                Piece::Added("7".into()),
                Piece::Kept("年工作回顾".into()),
            ]
        );
    }

    #[test]
    fn new_terms_come_first_and_changes_by_size() {
        let old = "要落实“两个确立”，增强“四个意识”。“四个意识”要牢记。";
        let new = "要增强“四个意识”，推进“新质生产力”。“新质生产力”，“新质生产力”。";
        let terms = compare(old, new).terms;
        let names = |list: &[TermCount]| list.iter().map(|t| t.text.clone()).collect::<Vec<_>>();
        assert_eq!(names(&terms.appeared), ["新质生产力"]);
        assert_eq!(terms.appeared[0].new, 3);
        assert_eq!(names(&terms.vanished), ["两个确立"]);
        assert_eq!(
            terms.changed,
            [TermCount {
                text: "四个意识".into(),
                old: 2,
                new: 1
            }]
        );
    }
}
