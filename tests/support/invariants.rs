//! The invariants every parse keeps, whatever the input (ARCHITECTURE.md):
//!
//! * `doc.chars` is the number of chars of the text;
//! * every span is in bounds and not reversed;
//! * every child's span lies inside its parent's;
//! * siblings (top-level nodes too) are in document order and do not
//!   overlap;
//! * a label, where present, is sliced from the source: it is what the
//!   source says at the start of the node's span, up to whitespace,
//!   invisible chars and Markdown `*` (the parser drops those from labels);
//! * headings are one line;
//! * a key sentence is one line, not empty, at most
//!   `KeySentence::MAX_CHARS` chars, within its node's span, and sliced
//!   from the source: its chars are those of its span in order, some
//!   dropped (line breaks, invisible chars, emphasis), the first and the
//!   last kept;
//! * quotations are in bounds, in order of their start, begin with an
//!   opening mark and end with the matching closing mark, and their words
//!   are one line;
//! * diagnostics are in bounds.
//!
//! Used by `tests/properties.rs`, `tests/errors.rs` and the fuzz target
//! (`fuzz/fuzz_targets/parse.rs`, which includes this file by path, so it
//! may use only `std` and `gangmu`).

use gangmu::{Document, Node, Span};

/// Checks every invariant; the error names the first one broken.
pub fn check(text: &str, doc: &Document) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    if doc.chars != chars.len() {
        return Err(format!(
            "doc.chars is {} but the text has {} chars",
            doc.chars,
            chars.len()
        ));
    }
    check_siblings(&chars, &doc.nodes, Span::new(0, chars.len()), "")?;

    let mut previous_start = 0;
    for (i, quote) in doc.quotes.iter().enumerate() {
        let span = quote.span;
        in_bounds(span, chars.len()).map_err(|err| format!("quote {i}: {err}"))?;
        if span.start < previous_start {
            return Err(format!(
                "quote {i} starts at {} before the previous one at {previous_start}",
                span.start
            ));
        }
        previous_start = span.start;
        let (open, close) = (
            chars.get(span.start),
            span.end.checked_sub(1).and_then(|at| chars.get(at)),
        );
        let paired = matches!(
            (open, close),
            (Some('“'), Some('”'))
                | (Some('‘'), Some('’'))
                | (Some('「'), Some('」'))
                | (Some('『'), Some('』'))
        );
        if span.len() < 2 || !paired {
            return Err(format!(
                "quote {i} span {}..{} is not a pair of marks: {:?}",
                span.start,
                span.end,
                slice(&chars, span)
            ));
        }
        if quote.text.contains(['\n', '\r']) {
            return Err(format!(
                "quote {i} words hold a line break: {:?}",
                quote.text
            ));
        }
    }
    for (i, diagnostic) in doc.diagnostics.iter().enumerate() {
        in_bounds(diagnostic.span, chars.len()).map_err(|err| format!("diagnostic {i}: {err}"))?;
    }
    Ok(())
}

fn check_key(chars: &[char], key: &gangmu::KeySentence, node: Span) -> Result<(), String> {
    let text: Vec<char> = key.text.chars().collect();
    if text.is_empty() || text.len() > gangmu::KeySentence::MAX_CHARS {
        return Err(format!("has {} chars", text.len()));
    }
    if key.text.contains(['\n', '\r']) {
        return Err("holds a line break".to_string());
    }
    if !node.contains(key.span) {
        return Err(format!(
            "spans {}..{}, outside its node's {}..{}",
            key.span.start, key.span.end, node.start, node.end
        ));
    }
    let source = &chars[key.span.start..key.span.end];
    let mut rest = source.iter();
    let in_order = text.iter().all(|c| rest.any(|s| s == c));
    if !in_order || source.first() != text.first() || source.last() != text.last() {
        return Err(format!(
            "{:?} is not sliced from {:?}",
            key.text,
            source.iter().collect::<String>()
        ));
    }
    Ok(())
}

fn in_bounds(span: Span, len: usize) -> Result<(), String> {
    if span.start > span.end || span.end > len {
        return Err(format!(
            "span {}..{} is out of 0..{len}",
            span.start, span.end
        ));
    }
    Ok(())
}

fn slice(chars: &[char], span: Span) -> String {
    let end = span.end.min(chars.len());
    chars[span.start.min(end)..end].iter().collect()
}

/// Checks `nodes`, siblings under a parent spanning `parent`, and their
/// subtrees. `path` names the parent for messages (`/0/2`).
fn check_siblings(chars: &[char], nodes: &[Node], parent: Span, path: &str) -> Result<(), String> {
    let mut previous_end = parent.start;
    for (i, node) in nodes.iter().enumerate() {
        let here = format!("{path}/{i} ({:?} {:?})", node.kind, node.heading);
        let span = node.span;
        in_bounds(span, chars.len()).map_err(|err| format!("node {here}: {err}"))?;
        if !parent.contains(span) {
            return Err(format!(
                "node {here} spans {}..{}, outside its parent's {}..{}",
                span.start, span.end, parent.start, parent.end
            ));
        }
        if span.start < previous_end {
            return Err(format!(
                "node {here} starts at {}, before its previous sibling ends at {previous_end}",
                span.start
            ));
        }
        previous_end = span.end;
        if node.heading.contains(['\n', '\r']) {
            return Err(format!("node {here}: the heading holds a line break"));
        }
        if let Some(label) = &node.label {
            check_label(chars, label, span).map_err(|err| format!("node {here}: {err}"))?;
        }
        if let Some(key) = &node.key {
            check_key(chars, key, span)
                .map_err(|err| format!("node {here}: key sentence {err}"))?;
        }
        check_siblings(chars, &node.children, span, &format!("{path}/{i}"))?;
    }
    Ok(())
}

/// Whitespace, invisible chars and Markdown emphasis: what a label may
/// leave out of the source it was sliced from.
fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '*'
        )
}

fn check_label(chars: &[char], label: &str, span: Span) -> Result<(), String> {
    let wanted: Vec<char> = label.chars().filter(|&c| !is_ignorable(c)).collect();
    if wanted.is_empty() {
        return Err(format!("label {label:?} is empty"));
    }
    let source: Vec<char> = chars[span.start..span.end]
        .iter()
        .copied()
        .filter(|&c| !is_ignorable(c))
        .take(wanted.len())
        .collect();
    if source != wanted {
        return Err(format!(
            "label {label:?} is not the source at the node's start: {:?}",
            slice(
                chars,
                Span::new(span.start, (span.start + 20).min(span.end))
            )
        ));
    }
    Ok(())
}
