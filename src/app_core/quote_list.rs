//! The quotations of a document as the 引语 and 术语 panels list them:
//! attributed quotations grouped by speaker (in order of first
//! appearance), then sayings, and quoted terms counted by their text.

use std::collections::HashMap;
use std::rc::Rc;

use crate::{Document, QuoteKind, Span};

/// One quotation to list.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    pub text: Rc<str>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerGroup {
    pub speaker: Rc<str>,
    pub quotes: Vec<Listed>,
}

/// A quoted term and every place it is quoted.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub text: Rc<str>,
    pub spans: Vec<Span>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteList {
    pub speakers: Vec<SpeakerGroup>,
    pub sayings: Vec<Listed>,
    /// Most frequent first; ties in order of first appearance.
    pub terms: Vec<Term>,
}

impl QuoteList {
    pub fn new(document: &Document) -> Self {
        let mut list = QuoteList::default();
        let mut speaker_at: HashMap<&str, usize> = HashMap::new();
        let mut term_at: HashMap<&str, usize> = HashMap::new();
        for quote in &document.quotes {
            let listed = || Listed {
                text: Rc::from(quote.text.as_str()),
                span: quote.span,
            };
            match (quote.kind, quote.speaker.as_deref()) {
                (QuoteKind::Attributed, Some(speaker)) => {
                    let at = *speaker_at.entry(speaker).or_insert_with(|| {
                        list.speakers.push(SpeakerGroup {
                            speaker: Rc::from(speaker),
                            quotes: Vec::new(),
                        });
                        list.speakers.len() - 1
                    });
                    list.speakers[at].quotes.push(listed());
                }
                (QuoteKind::Attributed | QuoteKind::Saying, _) => list.sayings.push(listed()),
                (QuoteKind::Term, _) => {
                    let at = *term_at.entry(&quote.text).or_insert_with(|| {
                        list.terms.push(Term {
                            text: Rc::from(quote.text.as_str()),
                            spans: Vec::new(),
                        });
                        list.terms.len() - 1
                    });
                    list.terms[at].spans.push(quote.span);
                }
            }
        }
        // A stable sort keeps first appearance among equal counts.
        list.terms
            .sort_by_key(|term| std::cmp::Reverse(term.spans.len()));
        list
    }

    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty() && self.sayings.is_empty()
    }
}
