//! What the tree shows: the outline after the reader's settings (folds,
//! paragraphs shown or not, the search, the selection), as a tree of
//! immutable [`Row`]s.
//!
//! The reducer rebuilds the view after every change, reusing each row of
//! the previous view that came out the same (same fields, same child
//! `Rc`s). So an unchanged subtree keeps its `Rc`, and the tree's DOM
//! (`dom::tree_dom`), which compares rows by pointer, is patched only where
//! something changed: moving the selection touches two paths from the top,
//! folding one node touches its path, and an edit leaves untouched parts
//! of the outline alone.

use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;
use std::rc::Rc;

use super::hits::{Snippet, TextHits};
use super::index::{KeySet, NodeKey, OutlineIndex};
use super::search::Query;
use crate::NodeKind;

/// One treeitem.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub key: NodeKey,
    pub kind: NodeKind,
    pub label: Option<Rc<str>>,
    pub heading: Rc<str>,
    /// The key sentence, shown under the heading (显示要句).
    pub key_sentence: Option<Rc<str>>,
    /// `aria-level`, `aria-posinset` and `aria-setsize`, among the rows
    /// shown.
    pub level: usize,
    pub posinset: usize,
    pub setsize: usize,
    /// `None` when the row shows no children.
    pub expanded: Option<bool>,
    pub selected: bool,
    /// Whether this row has `tabindex=0` (the tree's one tab stop).
    pub tab_stop: bool,
    /// Byte ranges of the label followed by the heading that match the
    /// search.
    pub marks: Rc<[Range<usize>]>,
    /// Places of the search words in the row's own text (a search in the
    /// whole text), and, when its label and heading do not hold them,
    /// the context of the first.
    pub hits: usize,
    pub snippet: Option<Snippet>,
    pub children: Rc<[Rc<Row>]>,
}

/// Rows as the reader copies them from the tree: each row's label and
/// heading on a line, indented by its level (from the shallowest copied)
/// as 复制提纲 indents, in the order given.
pub fn rows_as_text<'a>(rows: impl IntoIterator<Item = &'a Row>) -> String {
    let rows: Vec<&Row> = rows.into_iter().collect();
    let top = rows.iter().map(|row| row.level).min().unwrap_or(1);
    let mut out = String::new();
    for row in rows {
        out.push_str(&"\u{3000}\u{3000}".repeat(row.level - top));
        out.push_str(&row_line(row));
        out.push('\n');
    }
    out
}

/// A row's label and heading as one line, as every export writes them.
fn row_line(row: &Row) -> String {
    let label = row.label.as_deref().unwrap_or("");
    format!("{label}{}{}", crate::export::label_gap(label), row.heading)
}

/// 复制提纲: the outline as the tree shows it (`whole`: every row, folded
/// or not, as 打印时全部展开 prints it), as `text/plain` — the title, then
/// the indented 提纲 with each key sentence shown under its row — and as
/// `text/html` for Word and WPS: the title centred, rows as headings
/// `<h1>`–`<h6>` by level (Word takes them as its Heading styles) in the
/// fonts of the Word export, key sentences as indented paragraphs.
pub fn outline_for_clipboard(
    roots: &[Rc<Row>],
    title: Option<&str>,
    whole: bool,
) -> (String, String) {
    fn walk<'a>(rows: &'a [Rc<Row>], whole: bool, out: &mut Vec<&'a Row>) {
        for row in rows {
            out.push(row);
            if whole || row.expanded == Some(true) {
                walk(&row.children, whole, out);
            }
        }
    }
    let mut rows = Vec::new();
    walk(roots, whole, &mut rows);
    const FANG: &str = "font-family:仿宋_GB2312,仿宋,FangSong,STFangsong,serif;font-size:16pt";
    let mut plain = String::new();
    let mut html = String::from("<meta charset=\"utf-8\">");
    if let Some(title) = title {
        plain.push_str(title);
        plain.push_str("\n\n");
        html.push_str("<p style=\"text-align:center;font-family:方正小标宋简体,华文中宋,STZhongsong,SimSun,serif;font-size:22pt\">");
        crate::export::escape_into(&mut html, title);
        html.push_str("</p>");
    }
    for row in rows {
        let indent = "\u{3000}\u{3000}".repeat(row.level - 1);
        let line = row_line(row);
        plain.push_str(&indent);
        plain.push_str(&line);
        plain.push('\n');
        let level = row.level.min(6);
        let look = match level {
            1 => "font-family:黑体,SimHei,STHeiti,sans-serif;font-size:16pt;font-weight:normal",
            2 => "font-family:楷体_GB2312,楷体,KaiTi,STKaiti,serif;font-size:16pt;font-weight:bold",
            3 => "font-family:仿宋_GB2312,仿宋,FangSong,STFangsong,serif;font-size:16pt;font-weight:bold",
            _ => "font-family:仿宋_GB2312,仿宋,FangSong,STFangsong,serif;font-size:16pt;font-weight:normal",
        };
        let _ = write!(html, "<h{level} style=\"{look}\">");
        crate::export::escape_into(&mut html, &line);
        let _ = write!(html, "</h{level}>");
        if let Some(key) = &row.key_sentence {
            plain.push_str(&indent);
            plain.push_str("\u{3000}\u{3000}");
            plain.push_str(key);
            plain.push_str("。\n");
            let _ = write!(html, "<p style=\"{FANG};text-indent:2em\">");
            crate::export::escape_into(&mut html, key);
            html.push_str("。</p>");
        }
    }
    (plain, html)
}

impl Row {
    /// Equal fields, and children that are the very same rows.
    fn same_as(&self, other: &Row) -> bool {
        self.key == other.key
            && self.kind == other.kind
            && self.label == other.label
            && self.heading == other.heading
            && self.key_sentence == other.key_sentence
            && (self.hits, &self.snippet) == (other.hits, &other.snippet)
            && (self.level, self.posinset, self.setsize)
                == (other.level, other.posinset, other.setsize)
            && self.expanded == other.expanded
            && (self.selected, self.tab_stop) == (other.selected, other.tab_stop)
            && self.marks == other.marks
            && self.children.len() == other.children.len()
            && self
                .children
                .iter()
                .zip(other.children.iter())
                .all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

/// The reader's settings that shape the view.
pub struct Settings<'a> {
    pub folded: &'a KeySet,
    pub paragraphs: bool,
    /// 显示要句.
    pub key_sentences: bool,
    pub query: &'a Query,
    /// The search's places in the whole text, and the text; `None` when
    /// it looks in headings only.
    pub hits: Option<(&'a TextHits, &'a str)>,
    pub selected: Option<&'a str>,
}

impl Settings<'_> {
    /// Whether rows of `kind` are shown: the rule every export follows
    /// too ([`crate::export::Options::shows`]).
    fn shows(&self, kind: NodeKind) -> bool {
        let paragraphs = self.paragraphs;
        crate::export::Options {
            paragraphs,
            ..Default::default()
        }
        .shows(kind)
    }
}

/// The rows of the tree.
#[derive(Debug, Default)]
pub struct View {
    pub roots: Rc<[Rc<Row>]>,
    /// How many rows match the search.
    pub matches: usize,
    /// Every row by key, for the next build to reuse: its place in `made`
    /// (a map of the same type as the index's: each map type is code in the
    /// page).
    rows: HashMap<NodeKey, usize>,
    made: Vec<Rc<Row>>,
}

/// A row as the keyboard sees it: in the order shown, with its parent.
pub struct Visible<'a> {
    pub row: &'a Rc<Row>,
    /// The parent's position in the same list.
    pub parent: Option<usize>,
}

impl View {
    pub fn build(index: &OutlineIndex, settings: &Settings, previous: &View) -> View {
        let mut builder = Builder {
            index,
            settings,
            previous,
            rows: HashMap::with_capacity(previous.rows.len()),
            made: Vec::with_capacity(previous.made.len()),
            matches: 0,
        };
        let mut roots = builder.siblings(0..index.entries.len(), 1);
        let selected_shown = settings.selected.is_some_and(|key| {
            View::flatten(&roots)
                .iter()
                .any(|visible| &*visible.row.key == key)
        });
        if let (false, Some(first)) = (selected_shown, roots.first_mut()) {
            let stop = Row {
                tab_stop: true,
                ..Row::clone(first)
            };
            *first = builder.reuse(stop);
        }
        View {
            roots: roots.into(),
            matches: builder.matches,
            rows: builder.rows,
            made: builder.made,
        }
    }

    /// The rows not inside a folded row, in the order shown.
    pub fn visible(&self) -> Vec<Visible<'_>> {
        View::flatten(&self.roots)
    }

    fn flatten(roots: &[Rc<Row>]) -> Vec<Visible<'_>> {
        fn walk<'a>(rows: &'a [Rc<Row>], parent: Option<usize>, out: &mut Vec<Visible<'a>>) {
            for row in rows {
                let at = out.len();
                out.push(Visible { row, parent });
                if row.expanded == Some(true) {
                    walk(&row.children, Some(at), out);
                }
            }
        }
        let mut out = Vec::new();
        walk(roots, None, &mut out);
        out
    }

    pub fn is_empty(&self) -> bool {
        self.roots.is_empty()
    }
}

struct Builder<'a> {
    index: &'a OutlineIndex,
    settings: &'a Settings<'a>,
    previous: &'a View,
    rows: HashMap<NodeKey, usize>,
    made: Vec<Rc<Row>>,
    matches: usize,
}

impl Builder<'_> {
    /// The rows for the entries in `range` that are siblings at `level`.
    fn siblings(&mut self, range: Range<usize>, level: usize) -> Vec<Rc<Row>> {
        let searching = !self.settings.query.is_empty();
        let mut kept = Vec::new();
        let mut at = range.start;
        while at < range.end {
            let entry = &self.index.entries[at];
            let next = entry.end.max(at + 1);
            if !self.settings.shows(entry.kind) {
                at = next;
                continue;
            }
            let children = self.siblings(at + 1..next, level + 1);
            let marks = if searching {
                let label = entry.label.as_deref().unwrap_or("");
                self.settings
                    .query
                    .find_in(&format!("{label}{}", entry.heading))
            } else {
                Vec::new()
            };
            let hits = self.settings.hits.map_or(0, |(hits, _)| hits.count(at));
            if !marks.is_empty() || hits > 0 {
                self.matches += 1;
            } else if searching && children.is_empty() {
                at = next;
                continue;
            }
            kept.push((at, children, marks, hits));
            at = next;
        }

        let setsize = kept.len();
        let mut rows = Vec::with_capacity(setsize);
        for (position, (at, children, marks, hits)) in kept.into_iter().enumerate() {
            let entry = &self.index.entries[at];
            let expanded = (!children.is_empty())
                .then(|| searching || !self.settings.folded.contains(&entry.key));
            let selected = self.settings.selected == Some(&*entry.key);
            rows.push(
                self.reuse(Row {
                    key: Rc::clone(&entry.key),
                    kind: entry.kind,
                    label: entry.label.clone(),
                    heading: Rc::clone(&entry.heading),
                    key_sentence: self
                        .settings
                        .key_sentences
                        .then(|| entry.key_sentence.clone())
                        .flatten(),
                    level,
                    posinset: position + 1,
                    setsize,
                    expanded,
                    selected,
                    tab_stop: selected,
                    snippet: match self.settings.hits {
                        Some((found, text)) if hits > 0 && marks.is_empty() => {
                            found.snippet(text, at)
                        }
                        _ => None,
                    },
                    hits,
                    marks: marks.into(),
                    children: children.into(),
                }),
            );
        }
        rows
    }

    /// The previous view's row for the same key if it is the same, else
    /// `row`; either way recorded for the next build.
    fn reuse(&mut self, row: Row) -> Rc<Row> {
        let old = self
            .previous
            .rows
            .get(&row.key)
            .map(|&at| &self.previous.made[at]);
        let row = match old {
            Some(old) if old.same_as(&row) => Rc::clone(old),
            _ => Rc::new(row),
        };
        self.rows.insert(Rc::clone(&row.key), self.made.len());
        self.made.push(Rc::clone(&row));
        row
    }
}
