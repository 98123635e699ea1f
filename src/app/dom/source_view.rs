//! Showing a span of the source: select it in the textarea, paint it, and
//! scroll the textarea so that it is in view.
//!
//! A textarea cannot say where its text is laid out, and an unfocused one
//! does not show its selection. So a *backdrop* sits exactly behind it: a
//! `<div>` with the same box, font and wrapping, holding the same text in
//! transparent ink. A DOM `Range` over the backdrop's text gives the
//! span's position (for scrolling) and, through the CSS Custom Highlight
//! API, a visible mark behind the textarea's own text.
//!
//! The backdrop gets the text lazily, on the first reveal after a parse,
//! so typing never pays for laying it out.

use wasm_bindgen::JsCast;
use web_sys::{FocusOptions, HtmlElement, HtmlTextAreaElement, Range};

use super::highlight;
use crate::app_core::state::SourceReveal;
use crate::app_core::wrapping;

/// Where the revealed line lands: this fraction of the textarea's height
/// from its top, so some text before it stays in view.
const LINE_AT: f64 = 0.25;

/// Selects, paints and scrolls to `reveal` in `textarea`, whose text as
/// last parsed is `text` (revision `revision`).
pub fn reveal(
    textarea: &HtmlTextAreaElement,
    backdrop: &HtmlElement,
    text: &str,
    revision: u64,
    reveal: SourceReveal,
) {
    if reveal.focus {
        let options = FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = textarea.focus_with_options(&options);
    }
    let _ = textarea.set_selection_range(reveal.start, reveal.end);

    let revision = revision.to_string();
    if backdrop.get_attribute("data-revision").as_deref() != Some(&revision) {
        backdrop.set_text_content(Some(text));
        let _ = backdrop.set_attribute("data-revision", &revision);
    }
    let Some(range) = range_of(backdrop, reveal.start, reveal.end) else {
        return;
    };
    highlight::show(&range);

    // Client rects are relative to the viewport; the span's distance from
    // the top of the backdrop's content is what the textarea scrolls by.
    let top = range.get_bounding_client_rect().top() - backdrop.get_bounding_client_rect().top()
        + f64::from(backdrop.scroll_top());
    let height = f64::from(textarea.client_height());
    let target = (top - height * LINE_AT).max(0.0);
    textarea.set_scroll_top(target as i32);
    follow_scroll(textarea, backdrop);
}

/// A range over the backdrop's text from `start` to `end` (UTF-16 units),
/// clamped to the text it holds.
fn range_of(backdrop: &HtmlElement, start: u32, end: u32) -> Option<Range> {
    let node = backdrop.first_child()?;
    let length = node.dyn_ref::<web_sys::Text>()?.length();
    let range = web_sys::window()?.document()?.create_range().ok()?;
    range.set_start(&node, start.min(length)).ok()?;
    range.set_end(&node, end.min(length)).ok()?;
    Some(range)
}

/// Keeps the backdrop scrolled with the textarea.
pub fn follow_scroll(textarea: &HtmlTextAreaElement, backdrop: &HtmlElement) {
    backdrop.set_scroll_top(textarea.scroll_top());
    backdrop.set_scroll_left(textarea.scroll_left());
}

/// Lays `text` out unwrapped when it has a run the browser cannot break
/// (`data-unwrapped` on the 原文 box; see `app_core::wrapping`), before
/// the browser lays it out. Returns whether the text is too costly to lay
/// out at all: a run over [`wrapping::RUN_SHOWN_MAX`], or too many or too
/// long lines ([`wrapping::too_many_or_long_lines`]).
pub fn set_wrapping(source_box: &yew::NodeRef, text: &str) -> bool {
    let run = wrapping::longest_run(text, wrapping::RUN_SHOWN_MAX);
    if let Some(source_box) = source_box.cast::<web_sys::Element>() {
        let _ = if run > wrapping::RUN_MAX {
            source_box.set_attribute("data-unwrapped", "")
        } else {
            source_box.remove_attribute("data-unwrapped")
        };
    }
    run > wrapping::RUN_SHOWN_MAX || wrapping::too_many_or_long_lines(text)
}

/// Removes the paint, e.g. once the reader edits the text.
pub fn clear() {
    highlight::clear();
}
