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
pub(crate) mod text;
mod tree;

use crate::model::{Diagnostic, DiagnosticKind, Document, NodeKind, Span};
use text::{clean, CharIndex};

/// Parses a speech or report. Never panics, never fails: doubtful spots
/// become [`Document::diagnostics`]. The same as [`outline`] followed by
/// [`add_quotes`].
pub fn parse(text: &str) -> Document {
    let mut document = outline(text);
    add_quotes(text, &mut document);
    document
}

/// The structure of `text` alone: [`parse`] without the quotations (so
/// `quotes` is empty and `diagnostics` holds none of theirs). The web app
/// draws the outline from this and adds the quotations a moment later.
pub fn outline(text: &str) -> Document {
    let index = CharIndex::new(text);
    let paragraphs = lines::paragraphs(text);
    let frame = front::frame(text, &paragraphs);
    let paragraph_numbers = tree::paragraph_numbering(text, &frame.body);
    let mut tree = tree::Tree::new(text.len(), frame.body.len() <= 2, paragraph_numbers);
    for (at, block) in frame.body.iter().enumerate() {
        for part in tree::split_series_opener(text, *block, frame.body.get(at + 1))
            .into_iter()
            .flatten()
        {
            tree.add_block(text, part);
        }
    }
    let nodes = finish::finish(text, &index, tree, &frame);
    let mut diagnostics = Vec::new();
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
        quotes: Vec::new(),
        diagnostics,
        chars: index.total(),
    }
}

/// Finds the quotations of `text` and puts them, with their diagnostics,
/// into `document`, which [`outline`] made of the same text. Quotations
/// in the back matter (the last top-level node, when it is `back`) are
/// left out: notes and boilerplate quote nothing the speaker said.
pub(crate) fn add_quotes(text: &str, document: &mut Document) {
    debug_assert!(document.quotes.is_empty(), "quotations added twice");
    let (mut quotes, mut diagnostics) = quotes::find_quotes(text);
    let back = document
        .nodes
        .last()
        .filter(|node| node.kind == NodeKind::Back)
        .map(|node| node.span.start);
    if let Some(back) = back {
        quotes.retain(|quote| quote.span.start < back);
        diagnostics.retain(|diagnostic| diagnostic.span.start < back);
    }
    document.quotes = quotes;
    // Before the document's own diagnostics, as they were always listed.
    document.diagnostics.splice(0..0, diagnostics);
}
