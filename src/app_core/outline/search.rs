//! Finding the search words in a node's label and heading.
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
        let chars: Vec<(usize, char)> = haystack.char_indices().collect();
        let width = self.folded.len();
        let mut at = 0;
        while at + width <= chars.len() {
            let matches = chars[at..at + width]
                .iter()
                .zip(&self.folded)
                .all(|(&(_, c), &q)| fold(c) == q);
            if matches {
                let start = chars[at].0;
                let end = chars
                    .get(at + width)
                    .map_or(haystack.len(), |&(byte, _)| byte);
                found.push(start..end);
                at += width;
            } else {
                at += 1;
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
