//! The document with its quotations: found once, when first needed.

use std::cell::OnceCell;
use std::rc::Rc;

use crate::Document;

/// A parse of `text` and, once asked for, the same document with its
/// quotations. The outline is drawn from the structure alone
/// (`parse::outline`); finding the quotations (`parse::add_quotes`) is
/// over 40 % of a parse, so it waits until 引语 and 术语 catch up
/// ([`super::Action::ShowQuotes`], a task after the outline) or a file
/// is exported, whichever comes first; the other reuses what it found.
///
/// Every clone of a state shares one `Quoted` per parse (behind an
/// `Rc`), so the quotations of a text are found at most once.
#[derive(Debug, Default)]
pub struct Quoted {
    text: Rc<str>,
    outline: Rc<Document>,
    whole: OnceCell<Rc<Document>>,
}

impl Quoted {
    /// `outline`, the structure of `text`, its quotations not yet found.
    pub fn new(text: Rc<str>, outline: Rc<Document>) -> Self {
        Quoted {
            text,
            outline,
            whole: OnceCell::new(),
        }
    }

    /// `document`, a whole parse of `text`, quotations included (the
    /// analysis worker's).
    pub fn whole(text: Rc<str>, document: Rc<Document>) -> Self {
        Quoted {
            text,
            outline: Rc::clone(&document),
            whole: OnceCell::from(document),
        }
    }

    /// The text parsed.
    pub fn text(&self) -> &Rc<str> {
        &self.text
    }

    /// The document with its quotations, finding them the first time.
    pub fn document(&self) -> &Rc<Document> {
        self.whole.get_or_init(|| {
            let mut document = Document::clone(&self.outline);
            crate::parse::add_quotes(&self.text, &mut document);
            Rc::new(document)
        })
    }

    /// Whether the quotations have been found.
    pub fn is_found(&self) -> bool {
        self.whole.get().is_some()
    }
}
