//! Finding the search words in a node's label and heading, and in the
//! whole text.
//!
//! Matching ignores the case of Latin letters and the difference between
//! full-width and half-width ASCII (`Ａ` matches `a`, `１` matches `1`), so
//! what a Chinese input method types matches what the text was written
//! with. Spaces around the query are dropped.

use std::ops::Range;

/// Folds one char for comparison.
fn fold(c: char) -> char {
    let c = match c {
        // Full-width forms of ASCII ！ … ～ sit 0xFEE0 above ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// A prepared query: its folded chars.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    folded: Vec<char>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Query {
            folded: text.trim().chars().map(fold).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// The byte ranges of `haystack` that match, left to right, not
    /// overlapping. Empty for an empty query.
    pub fn find_in(&self, haystack: &str) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        if self.folded.is_empty() {
            return found;
        }
        // Only ASCII chars of the query match other chars (Ａ, A): one
        // without any is found by the standard library's substring search.
        if !self.folded.iter().any(char::is_ascii) {
            let needle: String = self.folded.iter().collect();
            let width = needle.len();
            return haystack
                .match_indices(&needle)
                .map(|(start, _)| start..start + width)
                .collect();
        }
        let mut at = 0;
        while at < haystack.len() {
            let mut chars = haystack[at..].char_indices();
            let matches = self
                .folded
                .iter()
                .all(|&q| chars.next().is_some_and(|(_, c)| fold(c) == q));
            if matches {
                let end = chars.next().map_or(haystack.len(), |(next, _)| at + next);
                found.push(at..end);
                at = end;
            } else {
                at += haystack[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
        found
    }

    /// Whether `haystack` starts with the query, as type-ahead wants.
    pub fn is_prefix_of(&self, haystack: &str) -> bool {
        let mut chars = haystack.chars();
        !self.folded.is_empty()
            && self
                .folded
                .iter()
                .all(|&q| chars.next().is_some_and(|c| fold(c) == q))
    }
}
