//! The quotations of a document as the 引语 and 术语 panels list them:
//! the groups and terms of [`crate::export::quotations`], which every
//! export writes too, held in `Rc`s for the components.

use std::rc::Rc;

use crate::export::quotations::{self, Quotations, UNATTRIBUTED};
use crate::{Document, Span};

/// One quotation or term to list, and every place it is quoted.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed {
    pub text: Rc<str>,
    /// In document order; never empty.
    pub spans: Vec<Span>,
}

impl Listed {
    fn new(listed: &quotations::Listed) -> Self {
        Listed {
            text: Rc::from(listed.text),
            spans: listed.spans.clone(),
        }
    }

    /// Where it is first quoted.
    pub fn span(&self) -> Span {
        self.spans.first().copied().unwrap_or_default()
    }
}

/// A speaker's quotations, or (without a speaker) the unattributed ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub speaker: Option<Rc<str>>,
    pub quotes: Vec<Listed>,
}

impl Group {
    /// Its heading: the speaker, or 未署名引文.
    pub fn name(&self) -> &str {
        self.speaker.as_deref().unwrap_or(UNATTRIBUTED)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteList {
    /// Speakers in order of their first quotation, then 未署名引文.
    pub groups: Vec<Group>,
    /// Most frequent first; ties in order of first appearance.
    pub terms: Vec<Listed>,
}

impl QuoteList {
    pub fn new(document: &Document) -> Self {
        let gathered = Quotations::gather(document);
        let groups = gathered
            .groups
            .iter()
            .map(|group| Group {
                speaker: group.speaker.map(Rc::from),
                quotes: group.quotes.iter().map(Listed::new).collect(),
            })
            .collect();
        let terms = gathered.terms.iter().map(Listed::new).collect();
        QuoteList { groups, terms }
    }

    /// Whether there are quotations to list (terms aside).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}
