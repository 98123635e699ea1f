//! Converting between the two ways offsets into the text are counted.
//!
//! A [`Span`] counts Unicode scalar values (Rust `char`s, JavaScript code
//! points); a `<textarea>`'s `selectionStart` and `selectionEnd` count
//! UTF-16 code units. They differ after any character outside the Basic
//! Multilingual Plane (rare CJK ideographs, emoji), which takes two units.

use crate::Span;

/// The UTF-16 offsets of `span`'s start and end in `text`. Offsets past
/// the end of the text are clamped to it.
pub fn span_to_utf16(text: &str, span: Span) -> (u32, u32) {
    let mut units = 0u32;
    let mut start = None;
    for (at, c) in text.chars().enumerate() {
        if at == span.start {
            start = Some(units);
        }
        if at == span.end {
            return (start.unwrap_or(units), units);
        }
        units += c.len_utf16() as u32;
    }
    (start.unwrap_or(units), units)
}

/// The char offset of the UTF-16 offset `units` in `text`. An offset that
/// falls between the two halves of a surrogate pair counts as the start of
/// that character; one past the end is clamped to the end.
pub fn utf16_to_char(text: &str, units: u32) -> usize {
    let mut seen = 0u32;
    for (at, c) in text.chars().enumerate() {
        seen += c.len_utf16() as u32;
        if seen > units {
            return at;
        }
    }
    text.chars().count()
}
