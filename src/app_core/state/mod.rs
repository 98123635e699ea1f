//! The app's single state and the actions that change it.
//!
//! One `use_reducer` in the root component owns an [`AppState`]. Cloning
//! it is cheap: the text, the parse and everything derived from it sit
//! behind `Rc`s. A branch that changes nothing returns the same `Rc`, so
//! Yew skips the render; one that changes what the tree shows rebuilds the
//! [`View`], which reuses every unchanged row.
//!
//! Things the DOM must do once — select a span in the textarea, focus a
//! row, write the textarea — are [`Command`]s: values with a serial number
//! that a component's effect carries out when the serial changes.

mod actions;
mod analysis;
mod commands;
mod quoted;
mod selection;
mod transfer;

use std::rc::Rc;

pub use actions::Action;
pub use analysis::TEXT_LIMIT;
pub use commands::{Command, SourceReveal, TreeFocus, TreeReveal};
pub use quoted::Quoted;
pub use transfer::{Origin, ShareLink, Transfer, TransferAction};

use super::outline::{KeySet, NodeKey, OutlineIndex, Query, Settings, TextHits, View};
use super::quote_list::QuoteList;
use super::stats::Stats;
use crate::share::{ShareError, SharedView};
use crate::Document;

/// The panes, which narrow screens show one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Source,
    Outline,
    Quotes,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// Preferences restored from the last visit, and the system's theme.
#[derive(Clone, Copy, Debug, Default)]
pub struct Prefs {
    pub theme: Option<Theme>,
    pub paragraphs: bool,
    pub key_sentences: bool,
    pub system_dark: bool,
}

#[derive(Clone, Debug)]
pub struct AppState {
    /// The text as it was last parsed.
    pub text: Rc<str>,
    /// What the outline shows: the structure of `text`, and its
    /// quotations once 引语 and 术语 list them.
    pub document: Rc<Document>,
    /// This parse, and its quotations once asked for.
    pub quoted: Rc<Quoted>,
    pub index: Rc<OutlineIndex>,
    pub stats: Rc<Stats>,
    /// What the 引语 and 术语 panels list. It catches up with `quoted`
    /// one task after each parse ([`Action::ShowQuotes`]): the outline is
    /// drawn first, then the quotations are found.
    pub quotes: Rc<QuoteList>,
    /// Whether `quotes` lists this parse's quotations (else the previous
    /// one's, or none).
    listed: bool,
    /// Counts parses, so that effects can run once per parse.
    pub revision: u64,
    /// Nodes the reader has folded. Keys of nodes that an edit removed
    /// are kept a while, so a fold comes back when the edit is undone.
    pub folded: Rc<KeySet>,
    /// Whether plain paragraphs are shown (显示段落).
    pub paragraphs: bool,
    /// Whether key sentences are shown under the headings (显示要句).
    pub key_sentences: bool,
    /// The search box's text.
    pub query: Rc<str>,
    /// 仅搜标题: the search looks at labels and headings only, not at the
    /// whole text.
    pub headings_only: bool,
    /// The search's places in the whole text (empty when it looks at
    /// headings only), and the query, parse and 显示段落 they are for.
    pub hits: Rc<TextHits>,
    hits_of: Option<(Rc<str>, u64, bool)>,
    /// The place Enter in the search box last showed, in `hits.spans`.
    pub search_at: Option<usize>,
    /// Printing with 打印时全部展开: the view ignores the search.
    pub printing_whole: bool,
    pub selected: Option<NodeKey>,
    /// What the tree shows, derived from all of the above.
    pub view: Rc<View>,
    pub source_reveal: Option<Command<SourceReveal>>,
    pub tree_reveal: Option<Command<TreeReveal>>,
    /// Text the textarea must be set to (清空, 撤销, 载入示例).
    pub source_write: Option<Command<Rc<str>>>,
    /// Text the search box must be set to (a share link's search).
    pub query_write: Option<Command<Rc<str>>>,
    /// The text before 清空, while it can be brought back.
    pub cleared: Option<Rc<str>>,
    /// The text is the built-in sample, untouched since it was put there
    /// (a first visit, 载入示例): 原文 marks it 示例, and the first paste
    /// or typing replaces it whole, for 撤销 to bring back.
    pub sample: bool,
    pub tab: Tab,
    /// The reader's choice of theme; `None` follows the system.
    pub theme: Option<Theme>,
    /// Whether the system asks for dark (`prefers-color-scheme`).
    pub system_dark: bool,
    /// The term 术语 is cycling through, and which occurrence it is at.
    pub term: Option<(Rc<str>, usize)>,
    /// A large text being parsed in the worker (see `analysis.rs`).
    pub analysis: Option<Command<Rc<str>>>,
    /// The size in bytes of a text refused as over [`TEXT_LIMIT`].
    pub too_large: Option<usize>,
    /// The textarea holds too much text to lay out without freezing the
    /// page (`analysis::SOURCE_SHOWN_MAX`); it stays hidden until 显示原文.
    pub source_hidden: bool,
    /// 分享, 打开 and share links (`transfer.rs`).
    pub transfer: Transfer,
    /// Type-ahead: what was typed, and when the last key came (ms).
    typed: (String, f64),
    serial: u64,
}

impl AppState {
    /// Parses `text` into a fresh state with nothing folded.
    pub fn new(text: Rc<str>, prefs: Prefs) -> Self {
        let tab = if text.trim().is_empty() {
            Tab::Source
        } else {
            Tab::Outline
        };
        let mut state = AppState {
            text: Rc::from(""),
            document: Rc::default(),
            index: Rc::default(),
            stats: Rc::default(),
            quoted: Rc::default(),
            quotes: Rc::default(),
            listed: true,
            revision: 0,
            folded: Rc::default(),
            paragraphs: prefs.paragraphs,
            key_sentences: prefs.key_sentences,
            query: Rc::from(""),
            headings_only: false,
            hits: Rc::default(),
            hits_of: None,
            search_at: None,
            printing_whole: false,
            selected: None,
            view: Rc::default(),
            source_reveal: None,
            tree_reveal: None,
            source_write: None,
            query_write: None,
            cleared: None,
            sample: false,
            tab,
            theme: prefs.theme,
            system_dark: prefs.system_dark,
            term: None,
            analysis: None,
            too_large: None,
            source_hidden: false,
            transfer: Transfer::default(),
            typed: (String::new(), 0.0),
            serial: 0,
        };
        state.hide_long_source(&text);
        state.load(text);
        state.revision = 0;
        state
    }

    /// Parses the structure of `text`. Its quotations are found in the
    /// next task, by [`Action::ShowQuotes`]: finding them is over 40 % of
    /// a parse, and the outline does not wait for it.
    fn parse(&mut self, text: Rc<str>) {
        let document = Rc::new(crate::parse::outline(&text));
        let quoted = Quoted::new(Rc::clone(&text), Rc::clone(&document));
        self.adopt(text, document, quoted);
    }

    /// Takes `document`, a parse of `text` (`quoted` says whether with
    /// its quotations), and derives the rest from it.
    fn adopt(&mut self, text: Rc<str>, document: Rc<Document>, quoted: Quoted) {
        let index = OutlineIndex::new(&document);
        self.stats = Rc::new(Stats::new(&text, &document));
        self.quoted = Rc::new(quoted);
        self.listed = false;
        if self.folded.len() > 2 * index.entries.len() + 64 {
            let kept = self.folded.iter().filter(|key| index.find(key).is_some());
            self.folded = Rc::new(kept.cloned().collect());
        }
        if let Some(key) = &self.selected {
            if index.find(key).is_none() {
                self.selected = None;
            }
        }
        self.text = text;
        self.document = document;
        self.index = Rc::new(index);
        self.revision += 1;
        self.term = None;
        self.refresh_view();
    }

    /// [`Action::ShowQuotes`]: finds the document's quotations if they are
    /// not yet, and lists them. Returns whether anything changed.
    fn show_quotes(&mut self) -> bool {
        if self.listed {
            return false;
        }
        let whole = Rc::clone(self.quoted.document());
        if !Rc::ptr_eq(&whole, &self.document) {
            self.stats = Rc::new(self.stats.with_quotations_of(&whole));
            self.document = whole;
        }
        self.quotes = Rc::new(QuoteList::new(&self.document));
        self.listed = true;
        true
    }

    /// Folds again the nodes of `keys` that this text has (the folds saved
    /// at the last visit: they come back after a reload). Keys of nodes
    /// the text no longer has are dropped.
    pub fn restore_folds<K: AsRef<str>>(&mut self, keys: impl IntoIterator<Item = K>) {
        let index = Rc::clone(&self.index);
        let folded: KeySet = keys
            .into_iter()
            .map(|key| NodeKey::from(key.as_ref()))
            .filter(|key| index.find(key).is_some())
            .collect();
        if folded.is_empty() {
            return;
        }
        self.folded = Rc::new(folded);
        self.refresh_view();
    }

    /// Rebuilds the view after a change to what it shows.
    fn refresh_view(&mut self) {
        let query = Query::new(if self.printing_whole { "" } else { &self.query });
        let whole_text = !query.is_empty() && !self.headings_only;
        let hits_of = whole_text.then(|| (Rc::clone(&self.query), self.revision, self.paragraphs));
        if hits_of != self.hits_of {
            self.hits = match hits_of {
                Some(_) => Rc::new(TextHits::find(
                    &self.text,
                    &query,
                    &self.index,
                    self.paragraphs,
                )),
                None => Rc::default(),
            };
            self.hits_of = hits_of;
            self.search_at = None;
        }
        let settings = Settings {
            folded: &self.folded,
            paragraphs: self.paragraphs,
            key_sentences: self.key_sentences,
            query: &query,
            hits: whole_text.then_some((&*self.hits, &*self.text)),
            selected: self.selected.as_deref(),
        };
        self.view = Rc::new(View::build(&self.index, &settings, &self.view));
    }

    fn next_serial(&mut self) -> u64 {
        self.serial += 1;
        self.serial
    }

    /// Whether the page is dark: the reader's choice, else the system's.
    pub fn is_dark(&self) -> bool {
        self.theme
            .map_or(self.system_dark, |theme| theme == Theme::Dark)
    }

    /// Whether 引语 and 术语 list the quotations of this parse.
    pub fn quotes_listed(&self) -> bool {
        self.listed
    }

    /// Whether the search is filtering the tree.
    pub fn searching(&self) -> bool {
        !self.query.trim().is_empty()
    }
}

impl AppState {
    /// The state after `action`: the same `Rc` when nothing changed, so
    /// Yew skips the render (the app's `Reducible` calls this).
    pub fn reduced(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = AppState::clone(&self);
        if next.apply(action) {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// The first state: a share link's text if the page was opened with one
/// (`incoming`, as [`crate::share::read_fragment`] reads the address);
/// otherwise the text saved on this machine (the sample on a first
/// visit), with the reason a damaged link could not be read.
pub fn initial_state(
    incoming: Option<Result<(String, Option<SharedView>), ShareError>>,
    saved: impl FnOnce() -> Option<String>,
    prefs: Prefs,
) -> AppState {
    let saved = || {
        let text: Rc<str> = Rc::from(saved().unwrap_or_else(|| crate::SAMPLE_SPEECH.to_string()));
        let mut state = AppState::new(Rc::clone(&text), prefs);
        state.sample = &*text == crate::SAMPLE_SPEECH;
        state
    };
    match incoming {
        Some(Ok((text, view))) => AppState::from_link(Rc::from(text), view, prefs),
        Some(Err(error)) => {
            let mut state = saved();
            state.transfer.problem = Some(Rc::from(error.message()));
            state
        }
        None => saved(),
    }
}
