//! The quotations of a document grouped for reading, as the app's 引语 and
//! 术语 list them and every export writes them: attributed quotations by
//! speaker, then the rest under [`UNATTRIBUTED`]; the terms with every
//! place each is used.
//!
//! Each quotation is listed once, by its words: quoted again, it keeps
//! every place it is quoted (the first is where it is listed), under the
//! speaker it is first attributed to anywhere in the text. A term must
//! hold [`MIN_TERM_CHARS`] letters or digits: one character in quotation
//! marks (“疫” “左” “化”) marks the character itself — a word to notice,
//! a pun, a nickname for a line — and is not listed among the terms; it
//! stays a quotation of the document.

use std::collections::HashMap;

use crate::model::{Document, QuoteKind, Span};

/// The name of the group of quotations without a speaker (sayings, and
/// attributed quotations whose speaker was not found).
pub const UNATTRIBUTED: &str = "未署名引文";

/// Fewest letters or digits (CJK ideographs count as letters) a term needs
/// to be listed: “一把手” “5G”, not “疫”.
pub const MIN_TERM_CHARS: usize = 2;

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
        // The quotation that first attributes each quotation's words, as an
        // index into `doc.quotes`. (Every map here is of one type: each map
        // type is code in the page.)
        let mut attributed: HashMap<&str, usize> = HashMap::new();
        for (at, quote) in doc.quotes.iter().enumerate() {
            if let (QuoteKind::Attributed, Some(_)) = (quote.kind, &quote.speaker) {
                attributed.entry(&quote.text).or_insert(at);
            }
        }
        let mut groups: Vec<Group> = Vec::new();
        let mut unattributed: Vec<Listed> = Vec::new();
        let mut terms: Vec<Listed> = Vec::new();
        // Where each speaker, quotation and term is in the lists above (a
        // quotation: its entry in `places`, its group, `None` for the
        // unattributed, and place).
        let mut speaker_at: HashMap<&str, usize> = HashMap::new();
        let mut quote_at: HashMap<&str, usize> = HashMap::new();
        let mut places: Vec<(Option<usize>, usize)> = Vec::new();
        let mut term_at: HashMap<&str, usize> = HashMap::new();
        for quote in &doc.quotes {
            let text = quote.text.as_str();
            if quote.kind == QuoteKind::Term {
                if is_listed_term(text) {
                    let at = *term_at.entry(text).or_insert_with(|| {
                        terms.push(Listed::new(text));
                        terms.len() - 1
                    });
                    terms[at].spans.push(quote.span);
                }
                continue;
            }
            let place = *quote_at.entry(text).or_insert_with(|| {
                let speaker = attributed
                    .get(text)
                    .and_then(|&at| doc.quotes[at].speaker.as_deref());
                let group = speaker.map(|speaker| {
                    *speaker_at.entry(speaker).or_insert_with(|| {
                        groups.push(Group {
                            speaker: Some(speaker),
                            quotes: Vec::new(),
                        });
                        groups.len() - 1
                    })
                });
                let list = match group {
                    Some(group) => &mut groups[group].quotes,
                    None => &mut unattributed,
                };
                list.push(Listed::new(text));
                places.push((group, list.len() - 1));
                places.len() - 1
            });
            let (group, at) = places[place];
            let list = match group {
                Some(group) => &mut groups[group].quotes,
                None => &mut unattributed,
            };
            list[at].spans.push(quote.span);
        }
        if !unattributed.is_empty() {
            groups.push(Group {
                speaker: None,
                quotes: unattributed,
            });
        }
        // Ties in order of first use: the terms were listed so, and each
        // has at least its first place. (An unstable sort: the page carries
        // no copy of the stable one.)
        terms.sort_unstable_by_key(|term| {
            let first = term.spans.first().map_or(0, |span| span.start);
            (std::cmp::Reverse(term.spans.len()), first)
        });
        Quotations { groups, terms }
    }

    /// Whether there are quotations (terms aside).
    pub fn has_quotes(&self) -> bool {
        !self.groups.is_empty()
    }
}

impl<'a> Listed<'a> {
    fn new(text: &'a str) -> Self {
        Listed {
            text,
            spans: Vec::new(),
        }
    }
}

/// Whether a quoted term is listed among the terms (see the module doc).
pub fn is_listed_term(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphanumeric());
    letters.take(MIN_TERM_CHARS).count() == MIN_TERM_CHARS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::contents::Counts;

    #[test]
    fn terms_hold_two_letters_or_digits() {
        assert!(is_listed_term("一把手") && is_listed_term("5G") && is_listed_term("三不"));
        assert!(!is_listed_term("疫") && !is_listed_term("A") && !is_listed_term("……"));
    }

    /// The 1977 report quotes “要搞马克思主义，不要搞修正主义；…” twice.
    #[test]
    fn a_saying_quoted_twice_is_listed_once() {
        let text =
            include_str!("../../tests/corpus/08_cpc11-1977_political-report_split-quotes.txt");
        let doc = crate::parse(text);
        let quotations = Quotations::gather(&doc);
        let listed: Vec<&Listed> = quotations.groups.iter().flat_map(|g| &g.quotes).collect();
        let mut texts: Vec<&str> = listed.iter().map(|quote| quote.text).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), listed.len(), "every quotation listed once");
        let repeated = listed
            .iter()
            .find(|quote| quote.text.starts_with("要搞马克思主义，不要搞修正主义"))
            .expect("the saying");
        assert_eq!(repeated.spans.len(), 2);
        let places: usize = listed.iter().map(|quote| quote.spans.len()).sum();
        assert_eq!(places, Counts::quotations_in(&doc), "every place kept");
    }

    /// The same words attributed once and quoted bare elsewhere are one
    /// quotation, under its speaker.
    #[test]
    fn a_quotation_goes_under_its_speaker_wherever_it_is_first_quoted() {
        let doc = crate::parse(
            "“人民对美好生活的向往，就是我们的奋斗目标。”

习近平总书记指出：“人民对美好生活的向往，就是我们的奋斗目标。”
",
        );
        let quotations = Quotations::gather(&doc);
        assert_eq!(quotations.groups.len(), 1, "{quotations:?}");
        assert_eq!(quotations.groups[0].name(), "习近平总书记");
        assert_eq!(quotations.groups[0].quotes[0].spans.len(), 2);
    }
}
