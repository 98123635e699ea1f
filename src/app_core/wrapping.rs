//! Whether a text can be wrapped by the browser without freezing the page.
//!
//! Chromium wraps a "word" longer than the line (`overflow-wrap:
//! break-word`, which the 原文 textarea and its backdrop need for long
//! Latin words and links) in time that grows with the square of its
//! length: a paste of 8 000 `“` — one unbreakable run, as a line may not
//! break after an opening mark — held the page for 8 s, 50 000 got the
//! renderer killed. A text with such a run is laid out unwrapped
//! (`overflow-wrap: normal`: the run overflows and the textarea scrolls
//! sideways), which is linear. Chinese text has a break opportunity at
//! nearly every ideograph, so it never comes near [`RUN_MAX`].

/// Chars of a run without a break opportunity beyond which the text is
/// laid out unwrapped. A 400-char run still wraps in about a millisecond.
pub const RUN_MAX: usize = 400;

/// Chars of such a run beyond which the textarea is not laid out at all
/// until 显示原文, as a text too long to show: unwrapped, one line of
/// 50 000 `“` still takes Chromium 1.6 s to lay out (10 000: under 0.1 s).
pub const RUN_SHOWN_MAX: usize = 10_000;

/// Lines beyond which the textarea is not laid out until 显示原文:
/// Chromium took 1.7–4.2 s, in one frame, to lay out 110 000–170 000
/// short lines of 1 MB (（一） / 形势和任务 / 一、 on every line).
pub const LINES_SHOWN_MAX: usize = 30_000;

/// Chars of one line beyond which the same holds: one 1 MB line of quoted
/// terms took 11.8 s, and its layout time grows faster than its length
/// (100 KB 0.19 s, 200 KB 0.77 s, 400 KB 2.2 s).
pub const LINE_SHOWN_MAX: usize = 100_000;

/// Whether `text` has more lines than [`LINES_SHOWN_MAX`] or a line longer
/// than [`LINE_SHOWN_MAX`] chars: too costly for the browser to lay out
/// in the textarea. Linear, and stops as soon as it knows.
pub fn too_many_or_long_lines(text: &str) -> bool {
    // Bytes bound chars from above: a text this short is never too costly.
    if text.len() <= LINE_SHOWN_MAX && text.len() <= LINES_SHOWN_MAX {
        return false;
    }
    let mut lines = 0;
    for line in text.split('\n') {
        lines += 1;
        if lines > LINES_SHOWN_MAX
            || (line.len() > LINE_SHOWN_MAX && line.chars().count() > LINE_SHOWN_MAX)
        {
            return true;
        }
    }
    false
}

/// Whether `text` has a run of more than [`RUN_MAX`] chars with no
/// break opportunity (see [`longest_run`]).
pub fn has_long_run(text: &str) -> bool {
    longest_run(text, RUN_MAX) > RUN_MAX
}

/// The longest run of chars with no break opportunity — no white space
/// and no CJK ideograph, kana or Hangul (each of which a line may break
/// beside, in most pairs) — or the first longer than `enough`. Linear.
pub fn longest_run(text: &str, enough: usize) -> usize {
    let (mut run, mut longest) = (0, 0);
    for c in text.chars() {
        if c.is_whitespace() || breaks_beside(c) {
            run = 0;
        } else {
            run += 1;
            longest = longest.max(run);
            if longest > enough {
                break;
            }
        }
    }
    longest
}

/// CJK ideographs, kana and Hangul syllables: line break class ID (and
/// H2/H3), which allow a break on either side of most neighbours.
fn breaks_beside(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}
