//! Large texts: how big a text is parsed on the page, in the analysis
//! worker, or not at all.
//!
//! A text up to [`LARGE_TEXT`] bytes is parsed in the reducer, as it
//! always was (a few ms). A larger one becomes an analysis command: the
//! root component hands it to the worker (`dom::analyzer`), the 提纲 pane
//! shows 正在分析…, and the outline of the previous text stays until
//! [`Action::Analyzed`](super::Action::Analyzed) brings the document back.
//! A text over [`TEXT_LIMIT`] is not analysed at all: the pane says so, and
//! the previous text and outline (and what is saved) stay as they were.

use std::rc::Rc;

use super::{AppState, Command, Quoted};
use crate::app_core::wrapping::{longest_run, RUN_SHOWN_MAX};
use crate::Document;

/// Texts longer than this (bytes of UTF-8) are parsed in the worker, and
/// so are texts of over `wrapping::LINES_SHOWN_MAX` lines.
pub const LARGE_TEXT: usize = 1_000_000;

/// Texts longer than this (bytes of UTF-8, 20 MB) are refused.
pub const TEXT_LIMIT: usize = crate::import::MAX_TEXT_BYTES;
/// A textarea holding more than this many UTF-16 units is hidden: laying
/// out 3.4 million characters takes Chromium about a second in one frame
/// (half a million, about 130 ms).
pub const SOURCE_SHOWN_MAX: u32 = 500_000;

/// Said when the worker broke down on a text.
pub const ANALYSIS_FAILED: &str =
    "分析这段文字时程序出错，没能生成提纲。原文已保留并保存在本机；修改后会重新分析。";

impl AppState {
    /// Takes a new text from the reader: parses it now, sends it to the
    /// worker, or refuses it. Returns whether anything changed.
    pub(super) fn take_text(&mut self, text: Rc<str>) -> bool {
        if text.len() > TEXT_LIMIT {
            self.analysis = None;
            let size = Some(text.len());
            let changed = self.too_large != size;
            self.too_large = size;
            return changed;
        }
        let notice = self.too_large.take().is_some();
        if text == self.text {
            let pending = self.analysis.take().is_some();
            return notice || pending;
        }
        // Already on its way to the worker.
        if self
            .analysis
            .as_ref()
            .is_some_and(|analysis| analysis.value == text)
        {
            return notice;
        }
        if std::mem::take(&mut self.sample) {
            // The first edit of the untouched sample replaced it whole
            // (the textarea selected it all first): 撤销 brings it back.
            self.cleared = Some(Rc::clone(&self.text));
            self.transfer.undo_note = Some(Rc::from("已替换示例"));
        } else if !text.trim().is_empty() {
            self.cleared = None;
        }
        self.load(text);
        true
    }

    /// Parses `text` here if it is small, else starts its analysis.
    pub(super) fn load(&mut self, text: Rc<str>) {
        self.too_large = None;
        // So is a text of too many lines to show (or a line too long): a
        // parse costs about two microseconds a line beyond its bytes
        // (natively, 100 000 lines of （一） in 1 MB took 200 ms against 7
        // ms for 1 MB of prose; in the page three to four times that). A
        // speech has hundreds of lines; the 170 KB report wrapped at 28
        // chars, as from a PDF, some 2 000.
        let costly = crate::app_core::wrapping::too_many_or_long_lines(&text);
        if text.len() <= LARGE_TEXT && !costly {
            self.analysis = None;
            self.parse(text);
            return;
        }
        let serial = self.next_serial();
        self.analysis = Some(Command {
            serial,
            value: text,
        });
    }

    /// The worker's answer to analysis `serial`: the document, or `None`
    /// if the worker failed, in which case the text is parsed here. An
    /// answer to an analysis that a newer text replaced is ignored.
    pub(super) fn analyzed(&mut self, serial: u64, document: Option<Document>) -> bool {
        let Some(analysis) = self.analysis.take() else {
            return false;
        };
        if analysis.serial != serial {
            self.analysis = Some(analysis);
            return false;
        }
        match document {
            Some(document) => {
                let document = Rc::new(document);
                let quoted = Quoted::whole(Rc::clone(&analysis.value), Rc::clone(&document));
                self.adopt(analysis.value, document, quoted);
            }
            None => self.parse(analysis.value),
        }
        self.show_pending_view();
        true
    }

    /// The worker broke down on analysis `serial`: the text is taken (and
    /// so saved) with an empty outline, and the reader is told. Nothing of
    /// what they pasted is lost, and the page did not run the parse that
    /// broke the worker.
    pub(super) fn analysis_failed(&mut self, serial: u64) -> bool {
        let Some(analysis) = self.analysis.take() else {
            return false;
        };
        if analysis.serial != serial {
            self.analysis = Some(analysis);
            return false;
        }
        let document = Rc::new(Document::default());
        let quoted = Quoted::whole(Rc::clone(&analysis.value), Rc::clone(&document));
        self.adopt(analysis.value, document, quoted);
        self.transfer.problem = Some(Rc::from(ANALYSIS_FAILED));
        true
    }

    /// The textarea now holds `length` UTF-16 units: hide it if that is
    /// too long to lay out, before the browser tries.
    pub(super) fn source_length(&mut self, length: u32) -> bool {
        let hidden = length > SOURCE_SHOWN_MAX;
        let changed = hidden != self.source_hidden;
        self.source_hidden = hidden;
        changed
    }

    /// Hides the textarea if `text`, about to be written there, is too long.
    pub(super) fn hide_long_source(&mut self, text: &str) {
        let long = text.len() > SOURCE_SHOWN_MAX as usize;
        self.source_hidden = long && text.encode_utf16().count() > SOURCE_SHOWN_MAX as usize
            || longest_run(text, RUN_SHOWN_MAX) > RUN_SHOWN_MAX
            || crate::app_core::wrapping::too_many_or_long_lines(text);
    }

    /// The text the reader sees: the one being analysed, else the parsed one.
    pub fn current_text(&self) -> &Rc<str> {
        self.analysis
            .as_ref()
            .map_or(&self.text, |analysis| &analysis.value)
    }
}
