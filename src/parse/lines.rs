//! From physical lines to logical paragraphs.
//!
//! Pasted text comes in three shapes, and the paragraph a reader sees is
//! different in each:
//!
//! * **blank-separated** (Wikisource, Word, most web pages): paragraphs are
//!   runs of lines between blank lines; lines inside a run are pieces of one
//!   paragraph (links and bold spans on lines of their own, quotations split
//!   over lines). A run still splits before an indented line, a Markdown
//!   heading, or a numbered line that follows a finished sentence.
//! * **line per paragraph** (plain text, the sample speech): every line is a
//!   paragraph, unless it plainly goes on (it ends with an opening quotation
//!   mark, a comma, or is a bare enumerator such as `一、` or `第一，`).
//! * **wrapped** (copies from PDF): lines are broken at a fixed width, so
//!   lines join unless the previous one ends a sentence.
//!
//! A line holding only invisible characters (zero-width spaces) is not a
//! blank line: web pages leave them in the middle of sentences.

use super::marker;
use super::text::{
    is_blank, is_clause_break, is_ideograph, is_invisible, is_paragraph_end, is_sentence_end,
};

/// One physical line, with its content range (indentation, Markdown
/// decoration and trailing spaces excluded) as byte offsets.
#[derive(Clone, Debug)]
struct Line {
    start: usize,
    end: usize,
    indented: bool,
    md_heading: Option<u8>,
    blockquote: bool,
    /// Only whitespace.
    blank: bool,
    /// Only invisible characters (and whitespace), but not empty.
    invisible: bool,
}

/// A logical paragraph: byte range of its content in the source, and what
/// its layout said about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub indented: bool,
    /// `#` count of a Markdown heading line.
    pub md_heading: Option<u8>,
    /// A Markdown block quote (`> …`), used by web pages for editor's notes.
    pub blockquote: bool,
    /// Followed by a blank line (or the end of the text).
    pub blank_after: bool,
    /// Preceded by a blank line (or the start of the text).
    pub blank_before: bool,
    /// Made of one physical line.
    pub single_line: bool,
    /// Opens with a marker that stood alone on its line (`一、` / its
    /// text on the next line): a style of its own, whatever separated it
    /// from its text (a line break, `　　`, emphasis).
    pub bare_marker: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    BlankSeparated,
    LinePerParagraph,
    /// With the wrapping width in chars (of lines' content), and, when
    /// lines were wrapped exactly (nearly every full physical line has just
    /// as many chars, as when a program wrapped them), that physical width:
    /// then any shorter line was not wrapped.
    Wrapped(usize, Option<usize>),
}

/// Splits `text` into paragraphs.
pub(crate) fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines = split_lines(text);
    let layout = detect_layout(text, &lines);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut previous: Option<&Line> = None;
    let mut blank_pending = true;
    // The value of the marker that last opened a paragraph, by family.
    let mut opened = [None::<u32>; marker::FAMILIES];
    let lead_marker = |line: &Line| {
        let line_text = &text[line.start..line.end];
        marker::marker_at(&line_text[marker::skip_emphasis(line_text)..])
    };
    for line in &lines {
        if line.blank {
            blank_pending = true;
            if let Some(last) = out.last_mut() {
                last.blank_after = true;
            }
            previous = None;
            continue;
        }
        if line.invisible {
            continue;
        }
        let lead = lead_marker(line);
        let counts_on =
            lead.is_some_and(|m| m.value > 1 && opened[m.family as usize] == Some(m.value - 1));
        let join = match (previous, out.last()) {
            (Some(prev), Some(current)) => continues(text, layout, prev, line, current, counts_on),
            _ => false,
        };
        if !join {
            if let Some(m) = lead {
                opened[m.family as usize] = Some(m.value);
            }
        }
        match out.last_mut() {
            Some(current) if join => {
                current.bare_marker |= current.single_line
                    && marker::is_bare_marker(&text[current.start..current.end]);
                current.end = line.end;
                current.single_line = false;
            }
            _ => out.push(Paragraph {
                start: line.start,
                end: line.end,
                indented: line.indented,
                md_heading: line.md_heading,
                blockquote: line.blockquote,
                blank_after: false,
                blank_before: blank_pending,
                single_line: true,
                bare_marker: false,
            }),
        }
        blank_pending = false;
        previous = Some(line);
    }
    if let Some(last) = out.last_mut() {
        last.blank_after = true;
    }
    merge_bare_markers(text, out)
}

/// A bare enumerator (`一、` alone) takes the next paragraph as its content
/// even across blank lines.
fn merge_bare_markers(text: &str, paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        match out.last_mut() {
            Some(last)
                if last.single_line && marker::is_bare_marker(&text[last.start..last.end]) =>
            {
                last.end = paragraph.end;
                last.single_line = false;
                last.bare_marker = true;
                last.blank_after = paragraph.blank_after;
            }
            _ => out.push(paragraph),
        }
    }
    out
}

/// Bytes of a paragraph [`continues_inline_series`] looks back over.
const SERIES_LOOKBACK: usize = 1500;

/// Whether `line` continues the paragraph `current`, whose last line is `prev`.
///
/// `counts_on`: the line opens with a marker numbered one more than the
/// marker of its family that last opened a paragraph ((十五)… / (十六)…).
fn continues(
    text: &str,
    layout: Layout,
    prev: &Line,
    line: &Line,
    current: &Paragraph,
    counts_on: bool,
) -> bool {
    let prev_text = &text[prev.start..prev.end];
    let line_text = &text[line.start..line.end];
    if line.md_heading.is_some() || prev.md_heading.is_some() {
        return false;
    }
    // A quote's wrapped lines after its first drop the `>` (Markdown's
    // lazy continuation); a `>` line starts a quote of its own.
    let lazy = matches!(layout, Layout::Wrapped(..)) && prev.blockquote && !line.blockquote;
    if line.blockquote != prev.blockquote && !lazy {
        return false;
    }
    // An HTML comment (`<!-- INFO END -->` in Markdown copies) is markup of
    // its own, whatever its length.
    if prev_text.ends_with("-->") || line_text.starts_with("<!--") {
        return false;
    }
    // So is an HTML tag wrapped over lines (`<img src="…` / `…">`): it ends
    // with its `>`.
    if text[current.start..].starts_with('<') && prev_text.trim_end_matches(is_blank).ends_with('>')
    {
        return false;
    }
    // A bare enumerator (`一、`, `第一，` alone on its line) takes the next line
    // as its content.
    if current.single_line && marker::is_bare_marker(prev_text) {
        return true;
    }
    let prev_last = last_meaningful_char(prev_text);
    let must_continue = matches!(
        prev_last,
        Some('“' | '‘' | '「' | '『' | '（' | '(' | '，' | '、')
    );
    if must_continue {
        return true;
    }
    let line_starts_marker = marker::starts_with_marker(line_text);
    let prev_ends = prev_last.is_some_and(is_paragraph_end);
    match layout {
        Layout::LinePerParagraph => {
            // A closing mark alone, or a line starting with one, finishes
            // the previous line's quotation.
            line_text.starts_with(['”', '’', '」', '』'])
        }
        Layout::BlankSeparated => {
            if line.indented && (prev_ends || prev.indented) {
                return false;
            }
            if line_starts_marker && (prev_ends || looks_like_heading(prev_text)) {
                return false;
            }
            // A short unpunctuated heading line at the start of a run stands
            // on its own when the run goes on with indented body text.
            !(current.single_line && !prev_ends && line.indented && looks_like_heading(prev_text))
        }
        // A line well short of the wrapping width was not wrapped: it ends
        // its paragraph (a title, a heading, a paragraph's last line).
        Layout::Wrapped(width, exact) => {
            let short_of_width = |s: &str| s.chars().count() * 5 < width * 4;
            let prev_chars = prev_text.chars().count();
            let short = short_of_width(prev_text);
            // A numbered heading alone on its line may reach near the width
            // (一、…的重要性 at 23 of 28 chars); what follows it starts the
            // next paragraph. A full line, or one holding a
            // sentence, was wrapped (…要严格按照县委县政府的统 / 一要求).
            // So may one a char short of the width, when the line after it
            // opens its first child (一　…的过渡期中 / （一）我们赞助…).
            let first_child = || {
                let (Some(head), Some(next)) = (
                    marker::marker_at(&prev_text[marker::skip_emphasis(prev_text)..]),
                    marker::marker_at(&line_text[marker::skip_emphasis(line_text)..]),
                ) else {
                    return false;
                };
                next.value == 1 && next.family != head.family
            };
            let after_heading = current.single_line
                && looks_like_heading(prev_text)
                && !prev_text.contains(is_sentence_end)
                && if line_starts_marker {
                    prev_chars * 10 < width * 9 || (prev_chars < width && first_child())
                } else {
                    // Before unnumbered text, a heading has fewer chars still
                    // (二　在党内在全国均须反对投降主义 at 16 of 20).
                    prev_chars * 5 <= width * 4
                };
            // After a sentence's end, a short line with no punctuation of
            // its own is a heading (附件, 2026年自治区民生实事), not the
            // paragraph's tail (…整改一处、销号一处①).
            let short_heading = prev_ends
                && short_of_width(line_text)
                && line_text.chars().all(|c| !is_note_or_punctuation(c));
            // A counter closing a sentence closes its paragraph
            // (…也有害于个人。这是第一种。), however long the line.
            let counted = prev_ends && marker::trailing_counter(prev_text).is_some();
            // A series word after a full line ending in 。 goes on an
            // enumeration begun inside the paragraph (…。首先，要指出…失败。
            // / 其次，要指出…): the line was wrapped there.
            let series_runs_on = !short
                && prev_ends
                && line_starts_marker
                && continues_inline_series(&text[current.start..prev.end], line_text);
            // A full line ending in 。 was usually wrapped there too.
            // A marker counting on from the last that opened a paragraph
            // opens one too, after a line with no sentence end (在党内，反对
            // 投降主义 / （十六）…): wrapping seldom falls just before one.
            // A quote's lazy lines (see above) end at the first line short
            // of the width that ends a sentence: what follows the quote
            // has no `>` to tell it apart.
            let quote_ends =
                current.blockquote && !line.blockquote && prev_ends && prev_chars < width;
            // A sentence's end on a line a tenth short of the width ends the
            // paragraph too: wrapping would have filled the line
            // (…的战略性成效。 at 16 of 20 / 必须清醒认识到，…).
            let ends_short = prev_ends && prev_chars * 10 < width * 9;
            // Wrapped exactly, a line short of the width was not wrapped,
            // however it ends (一、…的重要意义 at 19 of 20). Physical lines
            // are measured: a quote's `>` and a blank the wrapping left at
            // the end (…讲话。␠ / 新华社记者…) filled theirs.
            let unwrapped = exact.is_some_and(|physical| physically_shorter(text, prev, physical));
            !(short
                || counted
                || ends_short
                || unwrapped
                || quote_ends
                || (counts_on && line_starts_marker)
                || line.indented
                || line_text.starts_with("——")
                || (prev_ends && line_starts_marker && !series_runs_on)
                || after_heading
                || short_heading)
        }
    }
}

/// Whether `line` opens with a series marker (其次，二是 第二，) whose
/// predecessor opens a sentence inside `paragraph` — not its start, which
/// would make the series one of paragraphs, nor a clause after a comma
/// (要做这件事，第一是…), which is weaker evidence than a break. Looks at
/// the paragraph's last [`SERIES_LOOKBACK`] bytes only: a paragraph's
/// lines cost no more than their own length.
fn continues_inline_series(paragraph: &str, line: &str) -> bool {
    let Some(next) = marker::marker_at(&line[marker::skip_emphasis(line)..]) else {
        return false;
    };
    if !next.family.is_series() || next.value < 2 {
        return false;
    }
    let mut from = paragraph.len().saturating_sub(SERIES_LOOKBACK);
    while !paragraph.is_char_boundary(from) {
        from += 1;
    }
    let tail = &paragraph[from..];
    let mut previous = paragraph[..from].chars().next_back();
    tail.char_indices().any(|(pos, c)| {
        let sentence_start = (from + pos) > 0 && previous.is_some_and(is_sentence_end);
        previous = Some(c);
        sentence_start
            && marker::may_start_marker(c)
            && marker::marker_at(&tail[pos..]).is_some_and(|m| {
                m.family == next.family
                    && (m.value.checked_add(1) == Some(next.value)
                        || (next.value == marker::LAST && m.value >= 1))
            })
    })
}

/// Punctuation and note marks (①, [1], 〔1〕), which a heading line such as
/// 附件 does not hold.
fn is_note_or_punctuation(c: char) -> bool {
    is_paragraph_end(c) || matches!(c, '，' | '、' | ',' | '"' | '[' | ']' | '〔' | '①'..='⑳')
}

fn looks_like_heading(s: &str) -> bool {
    let chars = s.chars().filter(|c| !is_blank(*c) && *c != '*').count();
    chars <= 40 && marker::starts_with_marker(s)
}

/// The last char that is not whitespace or Markdown emphasis.
pub(crate) fn last_meaningful_char(s: &str) -> Option<char> {
    s.chars().rev().find(|&c| !is_blank(c) && c != '*')
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    while start <= text.len() {
        let end = memchr_line_end(bytes, start);
        // A `# ` title longer than any title swallowed the text after it.
        let long_title = end - start > MAX_TITLE_LINE && bytes[start] == b'#';
        if end - start > COLLAPSED_LINE || long_title {
            split_collapsed(text, start, end, &mut lines);
        } else {
            lines.push(read_line(text, start, end));
        }
        if end >= text.len() {
            break;
        }
        // Step over \n, \r or \r\n.
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
    }
    lines
}

/// Bytes of the longest Markdown title line read as one line.
const MAX_TITLE_LINE: usize = 300;
/// A physical line longer than this (bytes) may be several paragraphs
/// pasted without their line breaks.
const COLLAPSED_LINE: usize = 900;
/// Single spaces between paragraphs are told from spaces inside them by
/// their number: at least one for this many sentence ends (paragraphs of
/// speeches and reports hold a few sentences each).
const SENTENCES_PER_SEPARATOR: usize = 10;

/// Splits a long line at the separators its paragraphs were left with
/// when their line breaks were removed, and reads each piece as a line:
///
/// * a run of two or more blanks inside the line (`　　`, a tab, two
///   spaces) is a paragraph's indentation: always a break;
/// * a single space between two non-ASCII chars is a break when such
///   spaces are frequent (every break of a copy turned into one space);
///   a few are only spaces (新华社记者 鞠鹏/摄).
///
/// A text whose paragraphs ran together with no separator at all is left
/// whole; `tree` finds the markers inside it.
fn split_collapsed(text: &str, start: usize, end: usize, lines: &mut Vec<Line>) {
    let line = &text[start..end];
    let lead = line.len() - line.trim_start_matches(is_blank).len();
    let mut wide = Vec::new();
    let mut narrow = Vec::new();
    let mut narrow_markup = Vec::new();
    let mut sentence_ends = 0usize;
    let mut previous: Option<char> = None;
    let mut chars = line[lead..].char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !(c == ' ' || c == '\u{3000}' || c == '\t') {
            sentence_ends += usize::from(is_sentence_end(c));
            previous = Some(c);
            continue;
        }
        let run_start = lead + at;
        let mut count = 1;
        while let Some(&(_, next)) = chars.peek() {
            if next == ' ' || next == '\u{3000}' || next == '\t' {
                count += 1;
                chars.next();
            } else {
                break;
            }
        }
        let next = chars.peek().copied();
        // …是这样的： 1、在华北… / …建议： (一)货币政策…: a marker in ASCII
        // (digits, half-width brackets) after a space starts a piece as a
        // CJK char does.
        let digit_marker = |(after, n): (usize, char)| {
            n.is_ascii()
                && marker::may_start_marker(n)
                && marker::marker_at(&line[lead + after..]).is_some()
        };
        // So does a Markdown quote mark before CJK text (…日 >【导读】…).
        let quote_mark = |(after, n): (usize, char)| {
            n == '>'
                && line[lead + after + 1..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_ascii())
        };
        // Markdown emphasis (。** 第一点) and a tag's end (…md"> 1999年)
        // are looked through — but a space beside them may be inside a
        // paragraph (…超过IBM。** 所以…), so such spaces are breaks only
        // when the plain ones show the copy's breaks became spaces.
        let emphasis = |(after, n): (usize, char)| {
            n == '*'
                && line[lead + after..]
                    .trim_start_matches('*')
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_ascii())
        };
        // No paragraph starts with a comma (任命** ，我…).
        let starts_piece = |n: char| !n.is_ascii() && !is_clause_break(n);
        let plain = previous.is_some_and(|p| !p.is_ascii())
            && next.is_some_and(|(after, n)| {
                starts_piece(n) || n == '#' || digit_marker((after, n)) || quote_mark((after, n))
            });
        let beside_markup = previous.is_some_and(|p| !p.is_ascii() || p == '*' || p == '>')
            && next.is_some_and(|(after, n)| starts_piece(n) || emphasis((after, n)));
        let splits = |run_start: usize| {
            next.is_some_and(quote_mark)
                || (!in_photo_credit(&line[..run_start], &line[run_start + 1..])
                    && !after_label(line, run_start)
                    && !in_minutes_speaker(line, run_start))
        };
        if count >= 2 || c == '\t' {
            wide.push(run_start);
        } else if c == ' ' && plain && splits(run_start) {
            narrow.push(run_start);
        } else if c == ' ' && beside_markup && splits(run_start) {
            narrow_markup.push(run_start);
        }
        previous = Some(c);
    }
    let dense = narrow.len() >= 3 && narrow.len() * SENTENCES_PER_SEPARATOR >= sentence_ends;
    let mut breaks = wide;
    if dense {
        breaks.extend(narrow);
        breaks.extend(narrow_markup);
    }
    // `# 标题2017年9月1日…<!-- INFO END -->第一条…`: a Markdown title and
    // HTML comments are lines of their own.
    breaks.extend(collapsed_title_end(&line[lead..]).map(|end| lead + end));
    let mut from = 0;
    while let Some(open) = line[from..].find('<').map(|at| from + at) {
        let Some(len) = html_markup_len(&line[open..]) else {
            from = open + 1;
            continue;
        };
        let close = open + len;
        breaks.extend(
            [open, close]
                .into_iter()
                .filter(|&at| at > 0 && at < line.len()),
        );
        from = close;
    }
    // …1999年4月17日>【导读】…: a Markdown quote mark after a sentence or a
    // date starts a line.
    let mut previous = None;
    for (at, c) in line.char_indices() {
        if c == '>' && previous.is_some_and(|p: char| is_paragraph_end(p) || p == '日') {
            breaks.push(at);
        }
        previous = Some(c);
    }
    // …起施行。附件：名词解释: an appendix head after a sentence starts a
    // line.
    let mut from = 0;
    while let Some(at) = line[from..].find('附').map(|at| from + at) {
        let after_sentence = line[..at].chars().next_back().is_some_and(is_sentence_end);
        if after_sentence && marker::appendix_label(&line[at..]).is_some() {
            breaks.push(at);
        }
        from = at + '附'.len_utf8();
    }
    // …第五次会议通过第一条 为了…: an adoption record runs into the first
    // article or chapter.
    for verb in ["通过", "修订", "修正", "公布", "施行"] {
        let mut from = 0;
        while let Some(at) = line[from..].find(verb).map(|at| from + at + verb.len()) {
            let after = line[at..].trim_start_matches(['）', ')']);
            let opens = marker::marker_at(after).is_some_and(|m| m.value == 1 && m.noun > 0);
            if opens {
                breaks.push(line.len() - after.len());
            }
            from = at;
        }
    }
    breaks.sort_unstable();
    let law = law_breaks(line, &breaks);
    breaks.extend(law);
    breaks.sort_unstable();
    // …请予审议。（一）一九五七年经济战线上的胜利　　一九五七年是…: a heading
    // line that was not indented ran on from the paragraph before; it
    // starts after that paragraph's last sentence.
    let heads: Vec<usize> = std::iter::once(0)
        .chain(breaks.iter().copied())
        .zip(breaks.iter().copied())
        .filter_map(|(from, to)| {
            let piece = &line[from..to];
            let head = match run_on_heading(piece) {
                Some(at) => from + at,
                None if is_short_heading(piece) => from,
                None => return None,
            };
            let second = second_heading(line[head..to].trim_start_matches(is_blank));
            let skipped = line[head..to].len() - line[head..to].trim_start_matches(is_blank).len();
            Some([
                (head > from).then_some(head),
                second.map(|at| head + skipped + at),
            ])
        })
        .flatten()
        .flatten()
        .collect();
    breaks.extend(heads);
    breaks.sort_unstable();
    // Two breaks with only blanks between (a title's end before `　　`)
    // are one.
    breaks.dedup_by(|later, earlier| line[*earlier..*later].chars().all(is_blank));
    // 注　　释, 结　　论: a word spaced out letter by letter is not split.
    let piece_chars = |from: usize, to: usize| {
        line[from..to]
            .trim_matches(|c| c == ' ' || c == '\u{3000}' || c == '\t')
            .chars()
            .count()
    };
    let bounds: Vec<usize> = std::iter::once(0)
        .chain(breaks.iter().copied())
        .chain(std::iter::once(line.len()))
        .collect();
    let breaks: Vec<usize> = (1..bounds.len() - 1)
        .filter(|&i| {
            piece_chars(bounds[i - 1], bounds[i]) > 1 && piece_chars(bounds[i], bounds[i + 1]) > 1
        })
        .map(|i| bounds[i])
        .collect();
    // Each piece after a break starts a paragraph, as an indented line
    // does: it never runs on from the piece before.
    let piece = |from: usize, to: usize| Line {
        indented: from > start,
        ..read_line(text, from, to)
    };
    let mut from = start;
    for at in breaks {
        let at = start + at;
        if at > from {
            lines.push(piece(from, at));
        }
        from = at;
    }
    lines.push(piece(from, end));
}

/// Most chars of a caption in brackets over a charter's article
/// (（员工）【第二条】…, see [`law_breaks`]).
const MAX_CAPTION: usize = 12;

/// Most chars of a chapter heading or a title that a law's article ran
/// on from (see [`law_breaks`]).
const MAX_LAW_HEAD: usize = 40;

/// Where a law pasted as one line starts its lines again: a Markdown
/// heading mark (`## 第一章`) inside the line; a chapter (第一章 总则) or an
/// article (第一条 …, 第 1 條…) after a sentence end; and an article after
/// the short unpunctuated text it ran on from — a chapter heading (第二章
/// 行政公益诉讼第二十八条 …) or the title repeated (…组织法第一条 …).
/// `breaks` are the line's other breaks, ascending.
fn law_breaks(line: &str, breaks: &[usize]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut last_break = 0;
    let mut other = breaks.iter().copied().peekable();
    let mut previous: Option<char> = None;
    for (at, c) in line.char_indices() {
        while let Some(b) = other.next_if(|&b| b <= at) {
            last_break = last_break.max(b);
        }
        let prev = previous.replace(c);
        if c == '#' && prev.is_some_and(|p| p != '#' && !p.is_ascii_alphanumeric()) {
            let hashes = line[at..].len() - line[at..].trim_start_matches('#').len();
            if hashes <= 6 && line[at + hashes..].starts_with([' ', '\u{3000}']) {
                found.push(at);
                last_break = at;
            }
            continue;
        }
        // 《…第一条》, （第一条）: a label inside brackets stays whole — but
        // 【第一条】 is how a charter labels its articles, and starts a line.
        let opened = prev.is_some_and(|p| matches!(p, '【' | '〔' | '[' | '（' | '(' | '“' | '《'));
        if c != '第' || at == 0 {
            continue;
        }
        let Some(marker) = marker::marker_at(&line[at..]) else {
            continue;
        };
        let after = &line[at + marker.len..];
        if opened {
            let bracketed = prev == Some('【') && after.starts_with('】');
            let start = at - '【'.len_utf8();
            if bracketed && start > 0 && marker::is_article(marker, "", "") {
                // …激活状态。（员工）【第二条】: the caption in brackets over an
                // article is a line of its own too.
                let before = &line[..start];
                let caption = before
                    .strip_suffix(['）', ')'])
                    .and_then(|inner| inner.rfind(['（', '(']).map(|open| (open, inner)))
                    .filter(|&(open, inner)| {
                        let inner = &inner[open..];
                        let inner = inner.trim_start_matches(['（', '(']);
                        open > 0
                            && inner.chars().count() <= MAX_CAPTION
                            && !inner
                                .chars()
                                .any(|c| is_paragraph_end(c) || matches!(c, '，' | '、'))
                    })
                    .map(|(open, _)| open);
                found.extend(caption);
                found.push(start);
                last_break = start;
            }
            continue;
        }
        let article = marker::is_article(marker, &line[at..at + marker.len], after);
        let chapter = marker.family == marker::Family::PartWord && after.starts_with(is_blank);
        if !(article || chapter) {
            continue;
        }
        let after_sentence = prev.is_some_and(|p| is_sentence_end(p) || matches!(p, '：' | '；'));
        let head = line[last_break..at].trim_matches(|c: char| is_blank(c) || c == '#');
        // A chapter's heading may list with 、 (第四章 案件管辖、法律适用和程序);
        // a title is no list.
        let chapter_head =
            marker::marker_at(head).is_some_and(|m| m.family == marker::Family::PartWord);
        let short_head = head.chars().count() >= 2
            && head.chars().count() <= MAX_LAW_HEAD
            && !head
                .chars()
                .any(|c| is_paragraph_end(c) || c == '，' || (c == '、' && !chapter_head));
        let after_head = article && short_head && (marker.value == 1 || chapter_head);
        if after_sentence || after_head {
            found.push(at);
            last_break = at;
        }
    }
    found
}

/// Most chars of a numbered heading that ran on from the paragraph before
/// it (see [`run_on_heading`]).
const MAX_RUN_ON_HEADING: usize = 60;

/// Where a numbered heading starts that closes `piece` (the text before a
/// paragraph break of a collapsed line): after the piece's last sentence
/// end (or colon, semicolon), a marker whose rest, up to the break, is
/// short and holds no sentence end. `None` if the piece does not end so.
fn run_on_heading(piece: &str) -> Option<usize> {
    let piece = piece.trim_end_matches(is_blank);
    let tail_start = piece
        .char_indices()
        .rev()
        .take(MAX_RUN_ON_HEADING + 1)
        .find(|&(_, c)| is_sentence_end(c) || matches!(c, '：' | ':' | '；' | ';'))
        .map(|(at, c)| at + c.len_utf8())?;
    let mut tail = &piece[tail_start..];
    // 。”一、…: the quotation closing the sentence stays with it.
    let closing = tail.len() - tail.trim_start_matches(['”', '’', '」', '』']).len();
    tail = &tail[closing..];
    let head = tail_start + closing;
    if head == 0 || tail.is_empty() || tail.chars().count() > MAX_RUN_ON_HEADING {
        return None;
    }
    let marker = marker::marker_at(&tail[marker::skip_emphasis(tail)..])?;
    let heading_marker = !marker.positional && marker.family != marker::Family::Circled;
    let has_heading = tail.len() > marker.len;
    (heading_marker && has_heading).then_some(head)
}

/// Whether `piece` is one short line with no sentence end.
fn is_short_heading(piece: &str) -> bool {
    let piece = piece.trim_matches(is_blank);
    !piece.contains(is_sentence_end) && piece.chars().count() <= MAX_RUN_ON_HEADING
}

/// Where, inside a numbered heading line (`三、若干问题（一）关于工业的问题`),
/// a second heading numbered one in brackets starts: two heading lines
/// that ran together, as [`run_on_heading`] finds them.
fn second_heading(heading: &str) -> Option<usize> {
    let first = marker::marker_at(heading)?;
    // After a chapter's or part's heading (第一章 总则一、…) the first item of
    // the next level may be numbered without brackets too.
    let part = first.family == marker::Family::PartWord;
    heading[first.len..]
        .char_indices()
        .filter(|&(_, c)| c == '（' || c == '(' || (part && marker::may_start_marker(c)))
        .map(|(at, _)| first.len + at)
        .find(|&at| {
            marker::marker_at(&heading[at..]).is_some_and(|second| {
                second.value == 1
                    && second.family != first.family
                    && heading.len() > at + second.len
            })
        })
}

/// Where a Markdown title opening a collapsed line (`# 中华人民共和国国歌法
/// 2017年9月1日…`) ends: before the first date, HTML comment or marker
/// numbered one, within [`MAX_COLLAPSED_TITLE`] chars. `None` if the line
/// does not open with `#`.
fn collapsed_title_end(line: &str) -> Option<usize> {
    let title = line.trim_start_matches('#');
    if title.len() == line.len() || !title.starts_with([' ', '\u{3000}']) {
        return None;
    }
    let offset = line.len() - title.len();
    let mut seen = 0;
    for (at, c) in title.char_indices() {
        if seen > MAX_COLLAPSED_TITLE {
            return None;
        }
        let rest = &title[at..];
        seen += usize::from(!is_blank(c));
        if seen <= 2 {
            continue;
        }
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        let date = (digits == 4 && rest[4..].starts_with('年'))
            || (matches!(c, '（' | '(')
                && rest[c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()));
        let opens_part =
            marker::marker_at(rest).is_some_and(|m| m.value == 1 && !m.family.is_series());
        if date || opens_part || html_markup_len(rest).is_some() {
            return Some(offset + at);
        }
    }
    None
}

/// Byte length of the HTML comment (`<!-- … -->`) or tag (`<img …>`) that
/// `s` starts with.
fn html_markup_len(s: &str) -> Option<usize> {
    if s.starts_with("<!--") {
        return Some(s.find("-->").map_or(s.len(), |at| at + 3));
    }
    let tag = s.strip_prefix('<')?;
    if !tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let close = s.find('>')?;
    // A tag is short and holds no sentence (its attributes may name a
    // Chinese file).
    (close < 600 && !tag[..close - 1].contains(['<', '。', '，'])).then_some(close + 1)
}

/// Chars within which a collapsed line's Markdown title must end.
const MAX_COLLAPSED_TITLE: usize = 80;

/// Whether the space at `at` in `line` follows a marker that opens its
/// clause (`…。第二条` before `第二条 国歌是…`), or is inside one (`二 在党内…`,
/// a numeral and its space): the space after a label is no break.
fn after_label(line: &str, at: usize) -> bool {
    let before = &line[..at];
    const MAX_LABEL_CHARS: usize = 12;
    let clause_start = match before
        .char_indices()
        .rev()
        .take(MAX_LABEL_CHARS)
        .find(|&(_, c)| is_sentence_end(c) || c == '：' || is_blank(c))
    {
        Some((at, c)) => at + c.len_utf8(),
        None if before.chars().count() <= MAX_LABEL_CHARS => 0,
        None => return false,
    };
    // 第一章 总则第一条 为了…: the label may end a heading it ran on from.
    let clause = &before[clause_start..];
    let label_ends = clause
        .char_indices()
        .any(|(at, _)| marker::is_bare_marker(&clause[at..]));
    let spans = marker::marker_at(&line[clause_start..]).is_some_and(|m| clause_start + m.len > at);
    label_ends || spans || ends_with_day(before)
}

/// Whether `s` ends with a day of a date (`1982年12月10日`): the space after
/// it in an adoption record (`…日 第五届…通过`) is no break.
fn ends_with_day(s: &str) -> bool {
    let Some(rest) = s.strip_suffix('日') else {
        return false;
    };
    let digits = |s: &str| s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let day = digits(rest);
    let Some(rest) = rest[..rest.len() - day].strip_suffix('月') else {
        return false;
    };
    let month = digits(rest);
    (1..=2).contains(&day) && (1..=2).contains(&month) && rest[..rest.len() - month].ends_with('年')
}

/// Whether a space sits in a photo credit (新华社记者 鞠鹏/摄), which web
/// pages glue into the text.
/// Whether the space at `at` in `line` parts the post from the name of a
/// speaker in minutes (`广州代表处代表 孙福友：`), which a copy that turned
/// its breaks into spaces must not split.
fn in_minutes_speaker(line: &str, at: usize) -> bool {
    line[..at]
        .chars()
        .next_back()
        .is_some_and(|c| is_ideograph(c) || c.is_ascii_alphanumeric())
        && marker::minutes_name_len(&line[at + 1..]).is_some()
}

fn in_photo_credit(before: &str, after: &str) -> bool {
    before.ends_with("记者")
        || after
            .chars()
            .take(12)
            .take_while(|&c| c != ' ')
            .any(|c| c == '摄')
}

fn memchr_line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(bytes.len(), |i| from + i)
}

fn read_line(text: &str, start: usize, end: usize) -> Line {
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start_matches(is_blank).len();
    let indented = raw[..lead].contains(['\u{3000}', '\t']) || raw[..lead].starts_with("  ");
    let mut content_start = start + lead;
    let content_end = start + raw.trim_end_matches(is_blank).len();
    let mut md_heading = None;
    let mut blockquote = false;
    if content_start < content_end {
        let body = &text[content_start..content_end];
        let hashes = body.len() - body.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && body[hashes..].starts_with([' ', '\u{3000}']) {
            md_heading = Some(hashes as u8);
            content_start += hashes;
        } else if body.starts_with('>') {
            blockquote = true;
            content_start += 1;
        }
        let rest = &text[content_start..content_end];
        content_start += rest.len() - rest.trim_start_matches(is_blank).len();
    }
    let content = &text[content_start.min(content_end)..content_end];
    // An HTML comment or tag alone (`<!-- INFO END -->`, `<img …>`) shows
    // nothing.
    let comment = content.starts_with('<') && html_markup_len(content) == Some(content.len());
    let blank = comment || raw.chars().all(|c| is_blank(c) && !is_invisible(c));
    let invisible = !blank && content.chars().all(is_blank);
    Line {
        start: content_start.min(content_end),
        end: content_end,
        indented,
        md_heading,
        blockquote,
        blank: blank || (content.is_empty() && !invisible && md_heading.is_none()),
        invisible,
    }
}

fn detect_layout(text: &str, lines: &[Line]) -> Layout {
    let mut content_lines = 0usize;
    let mut followed_by_blank = 0usize;
    let mut long_lines = 0usize;
    let mut long_unfinished = 0usize;
    for (i, line) in lines.iter().enumerate() {
        if line.blank || line.invisible {
            continue;
        }
        content_lines += 1;
        // The last line is followed by the end of the text, which says
        // nothing about the layout.
        let last = lines[i + 1..]
            .iter()
            .all(|next| next.blank || next.invisible);
        if !last && lines.get(i + 1).is_some_and(|next| next.blank) {
            followed_by_blank += 1;
        }
        let content = &text[line.start..line.end];
        if content.chars().count() >= 15 {
            long_lines += 1;
            if !last_meaningful_char(content).is_some_and(is_paragraph_end) {
                long_unfinished += 1;
            }
        }
    }
    if content_lines > 1 && followed_by_blank * 10 >= content_lines * 3 {
        Layout::BlankSeparated
    } else if long_lines >= 4 && long_unfinished * 10 >= long_lines * 4 {
        let (width, exact) = wrap_width(text, lines);
        Layout::Wrapped(width, exact)
    } else {
        Layout::LinePerParagraph
    }
}

/// The width lines were wrapped at: the length most long lines reach
/// (the 80th percentile of line lengths); and the physical width, if nine
/// in ten of the physical lines within a tenth of it have exactly that
/// length (see [`Layout::Wrapped`]).
fn wrap_width(text: &str, lines: &[Line]) -> (usize, Option<usize>) {
    let percentile = |mut lengths: Vec<usize>| {
        lengths.sort_unstable();
        let width = lengths.get(lengths.len() * 4 / 5).copied().unwrap_or(0);
        (width, lengths)
    };
    let visible = || lines.iter().filter(|line| !line.blank && !line.invisible);
    let (width, _) = percentile(
        visible()
            .map(|line| text[line.start..line.end].chars().count())
            .collect(),
    );
    // Physical lines straight from the text: a line split into pieces
    // (`split_collapsed`) is one.
    let (physical, lengths) = percentile(
        text.split(['\n', '\r'])
            .filter(|line| !line.chars().all(is_blank))
            .map(|line| line.chars().count())
            .collect(),
    );
    let near = lengths.iter().filter(|&&n| n * 10 >= physical * 9).count();
    let exactly = lengths.iter().filter(|&&n| n == physical).count();
    (
        width,
        (near > 0 && exactly * 10 >= near * 9).then_some(physical),
    )
}

/// Whether the physical line that holds `line`, its marks and blanks
/// included, has fewer than `chars` chars. Reads at most that many chars
/// on either side of `line`, so that the pieces of a long line cost no
/// more than their own length.
fn physically_shorter(text: &str, line: &Line, chars: usize) -> bool {
    let is_break = |c: char| c == '\n' || c == '\r';
    let own = text[line.start..line.end].chars().take(chars).count();
    let before = text[..line.start]
        .chars()
        .rev()
        .take(chars + 1)
        .take_while(|&c| !is_break(c))
        .count();
    let after = text[line.end..]
        .chars()
        .take(chars + 1)
        .take_while(|&c| !is_break(c))
        .count();
    own + before + after < chars
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        paragraphs(text)
            .iter()
            .map(|p| text[p.start..p.end].to_string())
            .collect()
    }

    #[test]
    fn line_per_paragraph() {
        assert_eq!(
            texts("标题\n\n同志们：\n第一段。\n一、标题\n正文。\n"),
            ["标题", "同志们：", "第一段。", "一、标题", "正文。"]
        );
    }

    #[test]
    fn blank_separated_runs_join_pieces() {
        let text = "一、回顾\n\n\n过去一年，\n党的六中全会\n正式明确\n习近平\n总书记的核心地位。\n\n推\n\u{200B}\n动服务业。\n\n再一段。\n\n又一段。\n";
        let got = texts(text);
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[0], "一、回顾");
        assert!(got[1].starts_with("过去一年") && got[1].ends_with("地位。"));
        assert!(got[2].starts_with('推') && got[2].ends_with("服务业。"));
    }

    #[test]
    fn bare_enumerator_takes_next_line() {
        let text = "　　前文。\n\n　　\n第一，\n支援工业建设。\n\n　　\n第二，\n使粮食买卖稳定。\n";
        assert_eq!(texts(text)[1], "第一，\n支援工业建设。");
        assert_eq!(texts(text)[2], "第二，\n使粮食买卖稳定。");
    }

    #[test]
    fn wrapped_lines_join_until_sentence_end() {
        let text = "这是从PDF复制出来的文字，每一行都在固定宽度\n处断开，读者看到的是一整段话，我们需要把它\n们重新拼接起来才能正确分析结构和层次关系。\n二、第二部分的标题文字在这里出现并且很长\n下面是正文内容，同样在固定的宽度处被断开了\n";
        let got = texts(text);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    /// Lines of 28 chars, as in GB/T 9704 documents copied from a PDF.
    const WRAPPED_28: &str = "同志们：今天召开全县安全生产工作会议，主要任务是总结去年\n工作，部署今年任务。下面，我讲三点意见，请大家认真抓好贯\n彻落实，切实把各项工作做好，确保全县安全生产形势的稳定。\n附件\n一、提高站位，深刻认识做好安全生产工作的重要性\n（一）安全生产事关人民群众生命财产安全，是经济社会发展的\n底线和红线，我们必须牢牢守住，决不能有丝毫松懈。\n";

    #[test]
    fn wrapped_heading_near_the_width_stands_alone() {
        // 一、… is 23 of 28 chars: long enough to look wrapped, but the
        // marker on the next line starts a section.
        let got = texts(WRAPPED_28);
        assert!(
            got.iter()
                .any(|p| p == "一、提高站位，深刻认识做好安全生产工作的重要性"),
            "{got:?}"
        );
    }

    #[test]
    fn wrapped_numbered_paragraph_is_not_cut_at_a_marker_like_line_start() {
        // A full first line that ends mid-word (统 / 一要求) runs on, and so
        // does a short tail with punctuation of its own after a full line
        // ending in 。 (…整改一处、销号一处①).
        let text = "前面的一段话写在这里，用来确定这份文件折行的宽度，这一行\n在第二十八个字处断开，接着写完。\n（一）强化责任落实。各乡镇各部门要严格按照县委县政府的统\n一要求，压实属地管理责任，确保各项措施落到实处。\n（二）抓好隐患整改。对排查问题要建立台账，限期整改到位。\n做到发现一处、整改一处、销号一处①\n后面的一段话也写在这里，用来确定这份文件折行的宽度，这一\n行同样在第二十八个字处断开。\n";
        let got = texts(text);
        assert!(
            got.iter()
                .any(|p| p.starts_with("（一）") && p.ends_with("落到实处。")),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|p| p.starts_with("（二）") && p.ends_with("销号一处①")),
            "{got:?}"
        );
    }

    #[test]
    fn wrapped_line_closed_by_a_counter_ends_its_paragraph() {
        // 。结果是有害于团体，也有害于个人。这是第一种。 is 24 of 28 chars,
        // long enough to look wrapped; its counter closes the paragraph.
        let text = "因为是熟人、同乡、同学、知心朋友、亲爱者、老同事、老部下\n，明知不对，也不同他们作原则上的争论，任其下去，求得和平\n和亲热。或者轻描淡写地说一顿，不作彻底解决，保持一团和气\n。结果是有害于团体，也有害于个人。这是第一种。\n不负责任的背后批评，不是积极地向组织建议。当面不说，背后\n乱说；开会不说，会后乱说。心目中没有集体生活的原则，只有\n自由放任。这是第二种。\n";
        let got = texts(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].ends_with("这是第一种。"), "{got:?}");
    }

    #[test]
    fn wrapped_short_line_after_a_sentence_is_a_heading() {
        // 附件 follows a full line ending in 。, which would run on.
        let got = texts(WRAPPED_28);
        assert!(got.iter().any(|p| p == "附件"), "{got:?}");
    }

    #[test]
    fn markdown_heading_and_blockquote() {
        let text = "# 论持久战  \n（一九三八年五月）  \n  \n> 编者按。\n  \n## 问题的提起  \n\n　　（一）正文。  \n　　（二）正文。  \n";
        let paragraphs = paragraphs(text);
        let got: Vec<_> = paragraphs.iter().map(|p| &text[p.start..p.end]).collect();
        assert_eq!(
            got,
            [
                "论持久战",
                "（一九三八年五月）",
                "编者按。",
                "问题的提起",
                "（一）正文。",
                "（二）正文。"
            ]
        );
        assert_eq!(paragraphs[0].md_heading, Some(1));
        assert!(paragraphs[2].blockquote);
    }

    #[test]
    fn crlf_and_cr() {
        assert_eq!(texts("甲。\r\n乙。\r丙。"), ["甲。", "乙。", "丙。"]);
    }
}
