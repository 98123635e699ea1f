//! The quotations of a document grouped for reading, as the HTML and
//! Markdown exports list them: attributed quotations by speaker, then the
//! sayings, then the terms with how often each is used.

use std::collections::HashMap;

use crate::model::{Document, Quote, QuoteKind};

pub struct Quotations<'a> {
    /// Speakers in order of their first quotation, each with theirs.
    pub attributed: Vec<(&'a str, Vec<&'a Quote>)>,
    /// Sayings (and attributed quotations without a speaker), in order.
    pub sayings: Vec<&'a Quote>,
    /// Each distinct term with its count, most used first, ties in order
    /// of first use.
    pub terms: Vec<(&'a str, usize)>,
}

impl<'a> Quotations<'a> {
    pub fn gather(doc: &'a Document) -> Self {
        let mut attributed: Vec<(&str, Vec<&Quote>)> = Vec::new();
        let mut sayings = Vec::new();
        let mut terms: Vec<(&str, usize)> = Vec::new();
        // Where each speaker and term is in the lists above.
        let mut speaker_at: HashMap<&str, usize> = HashMap::new();
        let mut term_at: HashMap<&str, usize> = HashMap::new();
        for quote in &doc.quotes {
            match (quote.kind, quote.speaker.as_deref()) {
                (QuoteKind::Attributed, Some(speaker)) => {
                    let at = *speaker_at.entry(speaker).or_insert_with(|| {
                        attributed.push((speaker, Vec::new()));
                        attributed.len() - 1
                    });
                    attributed[at].1.push(quote);
                }
                (QuoteKind::Term, _) => {
                    let at = *term_at.entry(&quote.text).or_insert_with(|| {
                        terms.push((&quote.text, 0));
                        terms.len() - 1
                    });
                    terms[at].1 += 1;
                }
                _ => sayings.push(quote),
            }
        }
        // A stable sort keeps first-use order among equal counts.
        terms.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        Quotations {
            attributed,
            sayings,
            terms,
        }
    }
}
