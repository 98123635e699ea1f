//! The quotations of a document grouped for reading, as the app's 引语 and
//! 术语 list them and every export writes them: attributed quotations by
//! speaker, then the rest under [`UNATTRIBUTED`]; the terms with every
//! place each is used.

use std::collections::HashMap;

use crate::model::{Document, QuoteKind, Span};

/// The name of the group of quotations without a speaker (sayings, and
/// attributed quotations whose speaker was not found).
pub const UNATTRIBUTED: &str = "未署名引文";

/// One listed quotation or term: its words and where they are quoted, in
/// document order.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed<'a> {
    pub text: &'a str,
    pub spans: Vec<Span>,
}

/// A speaker's quotations, or (without a speaker) the unattributed ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Group<'a> {
    pub speaker: Option<&'a str>,
    pub quotes: Vec<Listed<'a>>,
}

impl<'a> Group<'a> {
    /// The group's heading: the speaker as written, or [`UNATTRIBUTED`].
    pub fn name(&self) -> &'a str {
        self.speaker.unwrap_or(UNATTRIBUTED)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Quotations<'a> {
    /// Speakers in order of their first quotation, then the unattributed
    /// group (if any quotation has no speaker).
    pub groups: Vec<Group<'a>>,
    /// Each distinct term, most used first, ties in order of first use.
    pub terms: Vec<Listed<'a>>,
}

impl<'a> Quotations<'a> {
    pub fn gather(doc: &'a Document) -> Self {
        let mut groups: Vec<Group> = Vec::new();
        let mut unattributed = Vec::new();
        let mut terms: Vec<Listed> = Vec::new();
        // Where each speaker and term is in the lists above.
        let mut speaker_at: HashMap<&str, usize> = HashMap::new();
        let mut term_at: HashMap<&str, usize> = HashMap::new();
        for quote in &doc.quotes {
            let listed = || Listed {
                text: &quote.text,
                spans: vec![quote.span],
            };
            match (quote.kind, quote.speaker.as_deref()) {
                (QuoteKind::Attributed, Some(speaker)) => {
                    let at = *speaker_at.entry(speaker).or_insert_with(|| {
                        groups.push(Group {
                            speaker: Some(speaker),
                            quotes: Vec::new(),
                        });
                        groups.len() - 1
                    });
                    groups[at].quotes.push(listed());
                }
                (QuoteKind::Term, _) => {
                    let at = *term_at.entry(&quote.text).or_insert_with(|| {
                        terms.push(Listed {
                            text: &quote.text,
                            spans: Vec::new(),
                        });
                        terms.len() - 1
                    });
                    terms[at].spans.push(quote.span);
                }
                _ => unattributed.push(listed()),
            }
        }
        if !unattributed.is_empty() {
            groups.push(Group {
                speaker: None,
                quotes: unattributed,
            });
        }
        // A stable sort keeps first use among equal counts.
        terms.sort_by_key(|term| std::cmp::Reverse(term.spans.len()));
        Quotations { groups, terms }
    }

    /// Whether there are quotations (terms aside).
    pub fn has_quotes(&self) -> bool {
        !self.groups.is_empty()
    }
}
