//! Every change to the state, and how the reducer carries it out.

use std::rc::Rc;

use super::{AppState, Command, Tab, Theme, TransferAction, TreeFocus};
use crate::app_core::outline::{KeySet, NodeKey};
use crate::app_core::text_offsets::utf16_to_char;
use crate::app_core::tree_keys::{self, Outcome, TreeKey};
use crate::{Document, NodeKind, Span};

/// How long after a key type-ahead starts over (ms).
const TYPE_AHEAD_PAUSE: f64 = 800.0;

pub enum Action {
    /// The text has settled (typing paused, no input method composing).
    SetText(Rc<str>),
    /// The analysis worker's answer to the analysis command `serial`
    /// (`None`: it failed, parse here).
    Analyzed {
        serial: u64,
        document: Option<Document>,
    },
    /// The analysis worker broke down (a panic, out of memory) on the
    /// analysis command `serial`: keep the text, say so; a new worker
    /// takes the next one.
    AnalysisFailed {
        serial: u64,
    },
    /// 清空: empty the text, keeping it for 撤销.
    Clear,
    /// 撤销: bring back the text 清空 removed.
    UndoClear,
    DismissUndo,
    /// The textarea now holds this many UTF-16 units (at every input).
    SourceLength(u32),
    /// The textarea now holds a run no line can break in, too long to lay
    /// out without freezing the page (`wrapping::RUN_SHOWN_MAX`): hide it
    /// until 显示原文, as a text too long to show.
    HideSource,
    /// 显示原文: show a textarea hidden for its length.
    ShowSource,
    /// The outline of a parse is drawn: find its quotations, if they are
    /// not yet, and let 引语 and 术语 catch up.
    ShowQuotes,
    /// Replace the text with the built-in sample.
    LoadSample,
    /// Fold an open node or open a folded one.
    Toggle(NodeKey),
    /// A row was clicked: select it, fold or open it, show it in the source.
    Choose(NodeKey),
    /// A row was tapped where one pane shows at a time (a phone): as
    /// [`Action::Choose`], and a row without children opens 原文 at its
    /// passage, as a quotation does (a row with children folds or opens).
    Tap(NodeKey),
    /// A row got the focus: select it and show it in the source.
    Focus(NodeKey),
    /// A key of the tree view pattern pressed in the tree.
    TreeKey(TreeKey),
    /// A printable character typed in the tree, at `now` ms.
    TypeAhead {
        typed: String,
        now: f64,
    },
    ExpandAll,
    CollapseAll,
    /// Show levels 1 to `n`, fold the rest.
    ExpandToLevel(usize),
    ShowParagraphs(bool),
    /// 显示要句: show each row's key sentence under its heading.
    ShowKeySentences(bool),
    SetQuery(Rc<str>),
    /// 仅搜标题: search the labels and headings only, or the whole text.
    SearchHeadingsOnly(bool),
    /// Enter (or Shift+Enter) in the search box: show the next (or the
    /// previous) place of the words in 原文, and select its row.
    SearchStep {
        back: bool,
    },
    /// The textarea's selection moved (UTF-16 offsets).
    SourceCaret {
        start: u32,
        end: u32,
    },
    /// A quotation was chosen in 引语: show it in the source.
    RevealQuote(Span),
    /// A term was chosen in 术语: show its next occurrence.
    NextTerm(Rc<str>),
    SetTab(Tab),
    SetTheme(Theme),
    /// The system's theme changed (`prefers-color-scheme`).
    SystemTheme {
        dark: bool,
    },
    /// Printing begins (`whole`: with 打印时全部展开, so the whole outline,
    /// whatever the search) or ends (`false`). The print stylesheet
    /// unfolds folded rows by itself; only rows a search leaves out need
    /// the view rebuilt.
    Printing {
        whole: bool,
    },
    /// 分享, 打开 and share links (`transfer.rs`).
    Transfer(TransferAction),
}

impl Action {
    /// Whether carrying out this action may parse a text. The root
    /// component marks the start of the `gangmu:outline` measure before
    /// dispatching one, so the reducer needs no clock.
    pub fn may_parse(&self) -> bool {
        matches!(
            self,
            Action::SetText(_)
                | Action::Clear
                | Action::UndoClear
                | Action::LoadSample
                | Action::Analyzed { document: None, .. }
                | Action::Transfer(TransferAction::Open { .. } | TransferAction::TakeOtherTab)
        )
    }
}

impl Action {
    /// Whether this action replaces the text, keeping the one before for
    /// 撤销. The root component hands the reader's unsettled typing over
    /// first (as `SetText`), so that 撤销 brings back what 原文 held.
    pub fn replaces_text(&self) -> bool {
        matches!(
            self,
            Action::Clear
                | Action::LoadSample
                | Action::Transfer(TransferAction::Open { .. } | TransferAction::TakeOtherTab)
        )
    }
}

impl AppState {
    /// Carries out `action`; returns whether anything changed.
    pub(super) fn apply(&mut self, action: Action) -> bool {
        match action {
            Action::SetText(text) => return self.take_text(text),
            Action::Analyzed { serial, document } => return self.analyzed(serial, document),
            Action::AnalysisFailed { serial } => return self.analysis_failed(serial),
            Action::Clear => {
                if self.current_text().is_empty() {
                    return false;
                }
                self.cleared = Some(Rc::clone(self.current_text()));
                self.transfer.undo_note = None;
                self.write_source(Rc::from(""));
                self.tab = Tab::Source;
            }
            Action::UndoClear => {
                let Some(text) = self.cleared.take() else {
                    return false;
                };
                self.write_source(text);
            }
            Action::SourceLength(length) => return self.source_length(length),
            Action::ShowSource => return std::mem::take(&mut self.source_hidden),
            Action::HideSource => return !std::mem::replace(&mut self.source_hidden, true),
            Action::ShowQuotes => return self.show_quotes(),
            Action::DismissUndo => return self.cleared.take().is_some(),
            Action::LoadSample => {
                self.cleared = None;
                self.write_source(Rc::from(crate::SAMPLE_SPEECH));
                self.sample = true;
                self.tab = Tab::Outline;
            }
            Action::Toggle(key) => self.toggle(&key),
            Action::Choose(key) => {
                self.choose(&key);
            }
            Action::Tap(key) => {
                if !self.choose(&key) {
                    self.tab = Tab::Source;
                }
            }
            Action::Focus(key) => {
                if !self.select(key) {
                    return false;
                }
                self.reveal_selected_in_source(false);
            }
            Action::TreeKey(key) => return self.press(&key),
            Action::TypeAhead { typed, now } => {
                let (buffer, last) = &mut self.typed;
                if now - *last > TYPE_AHEAD_PAUSE {
                    buffer.clear();
                }
                buffer.push_str(&typed);
                *last = now;
                let selected = self.selected.as_deref();
                let mut found = tree_keys::type_ahead(&self.view, selected, buffer);
                // What was typed before may have been a miss: start over.
                if found.is_none() && *buffer != typed {
                    *buffer = typed;
                    found = tree_keys::type_ahead(&self.view, selected, buffer);
                }
                if let Some(key) = found {
                    self.move_to(key);
                }
            }
            Action::ExpandAll => {
                if self.folded.is_empty() {
                    return false;
                }
                self.folded = Rc::default();
                self.refresh_view();
            }
            Action::CollapseAll => return self.fold_from_depth(1),
            Action::ExpandToLevel(level) => return self.fold_from_depth(level.max(1)),
            Action::ShowParagraphs(shown) => {
                if shown == self.paragraphs {
                    return false;
                }
                self.paragraphs = shown;
                // A paragraph that is hidden hands the selection to its parent.
                let index = Rc::clone(&self.index);
                let selected = self.selected.as_deref().and_then(|key| index.entry(key));
                if let Some(entry) = selected.filter(|entry| entry.kind == NodeKind::Paragraph) {
                    if !shown {
                        self.selected = entry
                            .parent
                            .map(|at| NodeKey::clone(&index.entries[at].key));
                    }
                }
                self.refresh_view();
            }
            Action::ShowKeySentences(shown) => {
                if shown == self.key_sentences {
                    return false;
                }
                self.key_sentences = shown;
                self.refresh_view();
            }
            Action::SearchHeadingsOnly(only) => {
                if only == self.headings_only {
                    return false;
                }
                self.headings_only = only;
                self.refresh_view();
            }
            Action::SearchStep { back } => {
                let count = self.hits.spans.len();
                if count == 0 {
                    return false;
                }
                let next = match self.search_at {
                    Some(at) if back => (at + count - 1) % count,
                    Some(at) => (at + 1) % count,
                    None if back => count - 1,
                    None => 0,
                };
                let span = self.hits.spans[next];
                self.show_span(span);
                self.search_at = Some(next);
            }
            Action::SetQuery(query) => {
                if query == self.query {
                    return false;
                }
                self.query = query;
                // Printing is over (a browser that never said afterprint).
                self.printing_whole = false;
                self.refresh_view();
            }
            Action::SourceCaret { start, end } => {
                // The selection this app last made in the textarea, heard
                // back (its `select` event comes later, after a fold may
                // have moved the selection to an ancestor): not the reader's.
                let echo = self.source_reveal.as_ref().is_some_and(|reveal| {
                    (reveal.value.start, reveal.value.end) == (start, end) && start < end
                });
                if echo {
                    return false;
                }
                let start = utf16_to_char(&self.text, start);
                let end = utf16_to_char(&self.text, end).max(start);
                let span = self
                    .selected
                    .as_deref()
                    .and_then(|key| self.index.entry(key));
                // The selection this app just made for the selected node.
                if span.is_some_and(|entry| entry.span == Span { start, end }) {
                    return false;
                }
                return self.select_at(start, end, TreeFocus::Never);
            }
            // 引语 and 术语 list the previous text's quotations until they
            // catch up (ShowQuotes): their spans are not this text's.
            Action::RevealQuote(_) | Action::NextTerm(_) if !self.quotes_listed() => {
                return false;
            }
            Action::RevealQuote(span) => {
                self.term = None;
                self.show_span(span);
            }
            Action::NextTerm(text) => {
                let Some(term) = self.quotes.terms.iter().find(|term| term.text == text) else {
                    return false;
                };
                let next = match &self.term {
                    Some((current, at)) if *current == text => (at + 1) % term.spans.len().max(1),
                    _ => 0,
                };
                let Some(&span) = term.spans.get(next) else {
                    return false;
                };
                self.term = Some((text, next));
                self.show_span(span);
            }
            Action::SetTab(tab) => {
                if tab == self.tab {
                    return false;
                }
                self.tab = tab;
                // A pane that was hidden could not scroll; ask again now.
                match tab {
                    Tab::Source => self.repeat_source_reveal(),
                    Tab::Outline => self.reveal_in_tree(TreeFocus::Never),
                    Tab::Quotes => {}
                }
            }
            Action::SetTheme(theme) => {
                if self.theme == Some(theme) {
                    return false;
                }
                self.theme = Some(theme);
            }
            Action::SystemTheme { dark } => {
                if self.system_dark == dark {
                    return false;
                }
                self.system_dark = dark;
            }
            Action::Printing { whole } => {
                // Only a search hides rows that the print stylesheet
                // cannot unfold.
                if self.printing_whole == whole || !self.searching() {
                    return false;
                }
                self.printing_whole = whole;
                self.refresh_view();
            }
            Action::Transfer(action) => return self.apply_transfer(action),
        }
        true
    }

    /// Replaces the text as a command to the textarea, and parses it.
    pub(super) fn write_source(&mut self, text: Rc<str>) {
        let serial = self.next_serial();
        self.source_write = Some(Command {
            serial,
            value: Rc::clone(&text),
        });
        self.selected = None;
        self.source_reveal = None;
        self.sample = false;
        self.hide_long_source(&text);
        self.load(text);
    }

    /// Selects the row of `key`, folds or opens it, and shows it in the
    /// source; returns whether it folded or opened.
    fn choose(&mut self, key: &NodeKey) -> bool {
        self.select(NodeKey::clone(key));
        let foldable = self
            .index
            .find(key)
            .is_some_and(|at| self.index.entries[at].has_children(at) && !self.searching());
        if foldable {
            self.toggle(key);
        }
        self.reveal_selected_in_source(false);
        foldable
    }

    /// Folds every node with children at `depth` or deeper, opens the rest.
    fn fold_from_depth(&mut self, depth: usize) -> bool {
        let folded: KeySet = self.index.foldable_from(depth).cloned().collect();
        if *self.folded == folded {
            return false;
        }
        self.folded = Rc::new(folded);
        self.refresh_view();
        self.keep_selection_shown();
        true
    }

    /// Carries out a key of the tree view pattern.
    fn press(&mut self, key: &TreeKey) -> bool {
        match tree_keys::press(&self.view, self.selected.as_deref(), key) {
            Outcome::Select(key) => self.move_to(key),
            Outcome::Toggle(key) => {
                self.select(NodeKey::clone(&key));
                self.toggle(&key);
                true
            }
            Outcome::Jump(key) => {
                self.select(key);
                self.tab = Tab::Source;
                self.reveal_selected_in_source(true);
                true
            }
            Outcome::Open(keys) => {
                let folded = Rc::make_mut(&mut self.folded);
                let opened = keys.iter().filter(|key| folded.remove(key)).count();
                self.refresh_view();
                opened > 0
            }
            Outcome::Nothing => false,
        }
    }

    /// Moves the selection (and the focus) to `key` with the keyboard.
    fn move_to(&mut self, key: NodeKey) -> bool {
        self.select(key);
        self.reveal_in_tree(TreeFocus::Always);
        self.reveal_selected_in_source(false);
        true
    }

    /// Shows a quotation's span in the source and its node in the tree.
    fn show_span(&mut self, span: Span) {
        self.tab = Tab::Source;
        self.select_at(span.start, span.start, TreeFocus::Never);
        self.reveal_span(span, false);
    }

    fn repeat_source_reveal(&mut self) {
        if let Some(reveal) = self.source_reveal.take() {
            let serial = self.next_serial();
            self.source_reveal = Some(Command {
                serial,
                value: reveal.value,
            });
        }
    }
}
