//! The search in the whole text: every place the words occur, and for
//! each row the places in its own text (not in a child shown below it),
//! with a snippet of the first, as 搜索 lists them (`潜规则 · 2 处`).

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::index::OutlineIndex;
use super::search::Query;
use crate::Span;

/// Chars of context a snippet shows before and after the words.
const BEFORE: usize = 10;
const AFTER: usize = 16;

/// A line of context around the first place a row's text holds the words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: Rc<str>,
    /// The words, a byte range of `text`.
    pub mark: Range<usize>,
}

/// Every place of the words in a text, and which row each belongs to.
#[derive(Debug, Default)]
pub struct TextHits {
    /// Every place, in order, in chars.
    pub spans: Vec<Span>,
    /// The same places in bytes, for snippets.
    bytes: Vec<Range<usize>>,
    /// Per entry: how many places are its own.
    count: HashMap<usize, usize>,
    /// Per entry: its first place's position in `spans`. (Two maps of one
    /// type rather than one of pairs: each map type is code in the page.)
    first: HashMap<usize, usize>,
}

impl TextHits {
    /// The places of `query` in `text`, each given to the deepest node
    /// shown (plain paragraphs only when `paragraphs`) that holds it.
    pub fn find(text: &str, query: &Query, index: &OutlineIndex, paragraphs: bool) -> Self {
        let bytes = query.find_in(text);
        // Bytes to chars, counting on from the previous place.
        let mut spans = Vec::with_capacity(bytes.len());
        let (mut byte, mut chars) = (0, 0);
        for range in &bytes {
            chars += text[byte..range.start].chars().count();
            let start = chars;
            chars += text[range.clone()].chars().count();
            byte = range.end;
            spans.push(Span::new(start, chars));
        }
        let starts: Vec<usize> = spans.iter().map(|span| span.start).collect();
        let mut count: HashMap<usize, usize> = HashMap::new();
        let mut first: HashMap<usize, usize> = HashMap::new();
        for (at, entry) in index
            .deepest_each(&starts, paragraphs)
            .into_iter()
            .enumerate()
        {
            if let Some(entry) = entry {
                *count.entry(entry).or_default() += 1;
                first.entry(entry).or_insert(at);
            }
        }
        TextHits {
            spans,
            bytes,
            count,
            first,
        }
    }

    /// How many places the entry at `at` holds in its own text.
    pub fn count(&self, at: usize) -> usize {
        self.count.get(&at).copied().unwrap_or(0)
    }

    /// The context of the entry at `at`'s first place, on one line.
    pub fn snippet(&self, text: &str, at: usize) -> Option<Snippet> {
        let &first = self.first.get(&at)?;
        let words = self.bytes.get(first)?.clone();
        let line_start = text[..words.start].rfind('\n').map_or(0, |at| at + 1);
        let line_end = text[words.end..]
            .find('\n')
            .map_or(text.len(), |at| words.end + at);
        let before = &text[line_start..words.start];
        let start = before
            .char_indices()
            .rev()
            .nth(BEFORE - 1)
            .map_or(line_start, |(at, _)| line_start + at);
        let after = &text[words.end..line_end];
        let end = after
            .char_indices()
            .nth(AFTER)
            .map_or(line_end, |(at, _)| words.end + at);
        let lead = if start > line_start { "…" } else { "" };
        let tail = if end < line_end { "…" } else { "" };
        let mut snippet = String::from(lead);
        snippet.push_str(text[start..words.start].trim_start());
        let mark_start = snippet.len();
        snippet.push_str(&text[words.clone()]);
        let mark = mark_start..snippet.len();
        snippet.push_str(text[words.end..end].trim_end());
        snippet.push_str(tail);
        Some(Snippet {
            text: Rc::from(snippet),
            mark,
        })
    }
}
