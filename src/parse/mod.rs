//! Text to [`Document`]: the structure engine.
//!
//! The passes, each in its own module:
//!
//! 1. [`lines`]: physical lines to logical paragraphs, whatever the layout
//!    (blank-separated, one line per paragraph, or wrapped PDF lines);
//! 2. [`front`]: title, front matter, salutation, body, back matter;
//! 3. [`tree`]: numbering markers ([`marker`]) placed on a stack of levels,
//!    giving parts, sections and tasks, with plain paragraphs in between;
//!    [`inline`] finds the series inside a paragraph (一是…，二是…);
//! 4. [`finish`]: demoting false levels, points, kinds, preamble and
//!    closing, and conversion to char spans;
//! 5. [`quotes`]: quotations, found in the whole text independently.
//!
//! Parsing never fails and never panics: every input gives a document.
//! Time is linear in the input.

mod finish;
mod front;
mod inline;
mod lines;
mod marker;
pub mod quotes;
mod text;
mod tree;

use crate::model::{Diagnostic, DiagnosticKind, Document, Span};
use text::{clean, CharIndex};

/// Parses a speech or report. Never panics, never fails: doubtful spots
/// become [`Document::diagnostics`].
pub fn parse(text: &str) -> Document {
    let index = CharIndex::new(text);
    let paragraphs = lines::paragraphs(text);
    let frame = front::frame(text, &paragraphs);
    let mut tree = tree::Tree::new(text.len(), frame.body.len() <= 2);
    for block in &frame.body {
        tree.add_block(text, *block);
    }
    let nodes = finish::finish(text, &index, tree, &frame);

    let (mut quotes, mut diagnostics) = quotes::find_quotes(text);
    if let Some((back_start, _)) = frame.back {
        let back = index.char_offset(back_start);
        quotes.retain(|quote| quote.span.start < back);
        diagnostics.retain(|diagnostic| diagnostic.span.start < back);
    }
    if text.chars().all(text::is_blank) {
        diagnostics.push(Diagnostic {
            kind: DiagnosticKind::EmptyText,
            span: Span::new(0, index.total()),
        });
    }
    Document {
        title: frame
            .title
            .map(|(start, end)| clean(&text[start..end]))
            .filter(|t| !t.is_empty()),
        nodes,
        quotes,
        diagnostics,
        chars: index.total(),
    }
}
