//! Quotations: finds every “…” ‘…’ 「…」 『…』 in a text and says what sort
//! each one is.
//!
//! # Grammar
//!
//! ```text
//! quotation  = open words close           (the same pair: “” ‘’ 「」 『』)
//! words      = { char | quotation | line break | repeated open }
//! ```
//!
//! - Quotations nest (‘…’ inside “…”); each one is reported, the inner ones
//!   after their outer one, in the order of their opening marks. Nesting
//!   deeper than six levels is read as plain text.
//! - A quotation may run over line breaks (Wikisource splits `毛主席说：“` /
//!   `她` / `（指江青）` / `”` over four lines) but not over a blank line,
//!   that is a line holding only spaces. A line holding a zero-width char is
//!   not blank: such lines break sentences in the middle in some scrapes.
//! - A quotation spanning paragraphs may repeat its opening mark at the
//!   start of each paragraph and close only at the end. A paragraph that
//!   starts with the opening mark of the one open quotation, after a
//!   paragraph ending in `。！？…：`, continues it; the repeated mark is not
//!   part of the words.
//! - An opening mark not closed before a blank line, before 1,500 chars of
//!   one paragraph, or before the end gives an
//!   [`DiagnosticKind::UnclosedQuote`] at the mark and no quotation: a guess
//!   at where it should have ended would be junk. A closing mark with no
//!   opening one gives [`DiagnosticKind::UnopenedQuote`], except a `’`
//!   between Latin letters, which is an apostrophe.
//! - A quotation with no words (“”) mentions the marks rather than
//!   quoting, and is skipped.
//! - ASCII `"` is not read: it is as often an inch sign or HTML as a quote.
//!
//! The words of a quotation are the chars between its marks without line
//! breaks, zero-width chars, no-break spaces, Markdown `**`, or the
//! indentation and trailing spaces of its lines. Spans count chars of the
//! text as given, end exclusive, and include the marks.
//!
//! # Classification
//!
//! - [`QuoteKind::Attributed`]: the clause before the mark names a speaker
//!   and ends in a speech verb (习近平总书记深刻指出：“…”, 正如毛主席所说，“…”,
//!   列宁所说的“…”); see the `speaker` module. A quotation that is not a term
//!   and follows an attributed one with nothing but spacing between
//!   (`…”“…”`, or the next paragraph) has the same speaker.
//! - [`QuoteKind::Term`]: otherwise, at most 12 chars with no sentence
//!   punctuation (“一把手”, “不忘初心、牢记使命”), or a list of short
//!   phrases joined by 、 of at most 40 (“限定场所、分类管理、单位负责…”).
//! - [`QuoteKind::Saying`]: any other (“善除害者察其本，善理疾者绝其源。”).
//!
//! Work is linear in the text: each char is looked at once when pairing
//! marks, copied into the words of at most six quotations, and each
//! lead-in is read back over a bounded window.

mod speaker;

use std::collections::{HashMap, VecDeque};

use crate::model::{Diagnostic, DiagnosticKind, Quote, QuoteKind, Span};

/// Longest run, in chars, of one paragraph of a quotation before its
/// opening mark is taken to be unclosed. The longest real quotation in the
/// corpus is a party resolution quoted whole (971 chars, file 17).
const MAX_QUOTE_CHARS: usize = 1500;
/// Deepest nesting followed. Bounds the copying of words (each char is
/// copied into at most this many quotations) on adversarial input.
const MAX_DEPTH: usize = 6;
/// Most spacing read back from a mark to what introduces it (a paragraph
/// break with indentation). Bounds the backward reading.
const MAX_GAP: usize = 32;
/// Longest quotation that can be a term.
const MAX_TERM_CHARS: usize = 12;
/// A term listing phrases with 、 may reach this many chars, each phrase at
/// most [`MAX_LISTED_PHRASE_CHARS`].
const MAX_LISTED_TERM_CHARS: usize = 40;
const MAX_LISTED_PHRASE_CHARS: usize = 6;

/// Finds every quotation in `text`, in document order (by opening mark).
///
/// Never panics; problems with the marks are returned as diagnostics,
/// sorted by position.
pub fn find_quotes(text: &str) -> (Vec<Quote>, Vec<Diagnostic>) {
    // Random access by char index makes the backward reading of lead-ins
    // simple; the copy costs four bytes a char, once.
    let chars: Vec<char> = text.chars().collect();
    let Pairing {
        pairs,
        repeated_marks,
        mut diagnostics,
    } = pair_marks(&chars);
    // Unstable, the kind breaking ties: as deterministic as a stable sort,
    // and the page carries no second copy of the stable one.
    diagnostics.sort_unstable_by_key(|diagnostic| (diagnostic.span, diagnostic.kind as u8));

    let opener_of: HashMap<usize, usize> = pairs.iter().map(|p| (p.close, p.open)).collect();
    // The attributed quotations by their closing mark, as indices into
    // `quotes` (a map of one type with `opener_of`: each is code in the page).
    let mut attributed_by_close: HashMap<usize, usize> = HashMap::new();
    let mut quotes = Vec::with_capacity(pairs.len());
    for pair in &pairs {
        let words = words(&chars, pair, &repeated_marks);
        if words.is_empty() {
            continue;
        }
        let floor = pair.parent.map_or(0, |parent| parent + 1);
        // A term right after a quotation (…。”“四人帮”的问题) is rarely
        // more of the same speech, so only sentences continue one.
        let is_term = is_term(&words);
        let speaker = speaker::speaker_before(&chars, pair.open, floor, &opener_of).or_else(|| {
            let continued =
                continued_speaker(&chars, pair.open, floor, &attributed_by_close, &quotes);
            // “剿匪经年，耗费百万”（鲁涤平）: the source cited after the words.
            let cited = || speaker::speaker_in_brackets_after(&chars, pair.close);
            continued.or_else(cited).filter(|_| !is_term)
        });
        let kind = match (&speaker, is_term) {
            (Some(_), _) => QuoteKind::Attributed,
            (None, true) => QuoteKind::Term,
            (None, false) => QuoteKind::Saying,
        };
        if speaker.is_some() {
            attributed_by_close.insert(pair.close, quotes.len());
        }
        quotes.push(Quote {
            kind,
            text: words,
            speaker,
            span: Span::new(pair.open, pair.close + 1),
        });
    }
    (quotes, diagnostics)
}

/// A pair of matching marks, as char indices.
#[derive(Clone, Copy, Debug)]
struct Pair {
    open: usize,
    close: usize,
    /// The opening mark of the enclosing quotation.
    parent: Option<usize>,
}

/// The outcome of pairing the marks.
struct Pairing {
    /// In order of the opening mark.
    pairs: Vec<Pair>,
    /// Opening marks repeated at the start of a continued paragraph, in
    /// order; they are not part of the words.
    repeated_marks: Vec<usize>,
    diagnostics: Vec<Diagnostic>,
}

/// A quotation whose closing mark has not been seen yet.
struct OpenQuote {
    mark: char,
    at: usize,
    /// The opening mark of the enclosing quotation.
    parent: Option<usize>,
    /// Where its current paragraph began, for the length bound.
    paragraph_start: usize,
    /// Its place in the output, reserved when it opened so that pairs come
    /// out in order of their opening marks without sorting.
    slot: usize,
}

/// Pairs opening and closing marks in one pass.
fn pair_marks(chars: &[char]) -> Pairing {
    let mut open: VecDeque<OpenQuote> = VecDeque::new();
    let mut slots: Vec<Option<Pair>> = Vec::new();
    let mut repeated_marks = Vec::new();
    let mut diagnostics = Vec::new();
    // Opening marks read as text because the nesting was too deep; as many
    // closing marks are read as text too.
    let mut too_deep = 0usize;
    let mut seen_on_line = false;
    let mut zero_width_on_line = false;
    let mut blank_line_passed = false;
    let mut last_visible: Option<char> = None;

    for (index, &c) in chars.iter().enumerate() {
        if c == '\n' {
            if !seen_on_line && !zero_width_on_line {
                blank_line_passed = true;
            }
            seen_on_line = false;
            zero_width_on_line = false;
            continue;
        }
        if is_zero_width(c) {
            zero_width_on_line = true;
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let first_on_line = !seen_on_line;
        seen_on_line = true;

        while let Some(oldest) = open.front() {
            if index - oldest.paragraph_start <= MAX_QUOTE_CHARS {
                break;
            }
            diagnostics.push(unclosed(oldest));
            open.pop_front();
        }
        if first_on_line && !open.is_empty() {
            let continues = open.len() == 1
                && too_deep == 0
                && open[0].mark == c
                && last_visible.is_some_and(|last| "。！？…：!?".contains(last));
            if continues {
                repeated_marks.push(index);
                open[0].paragraph_start = index;
                blank_line_passed = false;
                last_visible = Some(c);
                continue;
            }
            if blank_line_passed {
                diagnostics.extend(open.drain(..).map(|quote| unclosed(&quote)));
            }
        }
        if open.is_empty() {
            // Deep marks beyond the bound belonged to quotations now given up.
            too_deep = 0;
        }
        blank_line_passed = false;
        last_visible = Some(c);

        if is_opening(c) {
            if open.len() >= MAX_DEPTH {
                too_deep += 1;
                continue;
            }
            // The pair is filled in when the quotation closes and stays
            // empty if it never does.
            open.push_back(OpenQuote {
                mark: c,
                at: index,
                parent: open.back().map(|quote| quote.at),
                paragraph_start: index,
                slot: slots.len(),
            });
            slots.push(None);
        } else if let Some(opener) = opener_for(c) {
            if too_deep > 0 {
                too_deep -= 1;
                continue;
            }
            let Some(position) = open.iter().rposition(|quote| quote.mark == opener) else {
                if !is_apostrophe(chars, index) {
                    diagnostics.push(Diagnostic {
                        kind: DiagnosticKind::UnopenedQuote,
                        span: Span::new(index, index + 1),
                    });
                }
                continue;
            };
            // Marks opened inside this quotation and never closed.
            diagnostics.extend(open.drain(position + 1..).map(|quote| unclosed(&quote)));
            if let Some(quote) = open.pop_back() {
                slots[quote.slot] = Some(Pair {
                    open: quote.at,
                    close: index,
                    parent: quote.parent,
                });
            }
        }
    }
    diagnostics.extend(open.drain(..).map(|quote| unclosed(&quote)));
    Pairing {
        pairs: slots.into_iter().flatten().collect(),
        repeated_marks,
        diagnostics,
    }
}

fn unclosed(quote: &OpenQuote) -> Diagnostic {
    Diagnostic {
        kind: DiagnosticKind::UnclosedQuote,
        span: Span::new(quote.at, quote.at + 1),
    }
}

/// The words of a quotation: the chars between its marks, with line
/// breaks, invisible chars, Markdown bold and line indentation dropped.
fn words(chars: &[char], pair: &Pair, repeated_marks: &[usize]) -> String {
    let first_repeated = repeated_marks.partition_point(|&at| at <= pair.open);
    let mut repeated = repeated_marks[first_repeated..].iter().peekable();
    let mut words = String::new();
    let mut at_line_start = false;
    let mut after_line_break = false;
    let mut index = pair.open + 1;
    while index < pair.close {
        let c = chars[index];
        let is_repeated_mark = repeated.next_if_eq(&&index).is_some();
        if is_repeated_mark || is_zero_width(c) || is_no_break_space(c) {
            // dropped
        } else if c == '\n' || c == '\r' {
            words.truncate(words.trim_end().len());
            at_line_start = true;
            after_line_break = true;
        } else if c.is_whitespace() && at_line_start {
            // indentation
        } else if c == '*' && index + 1 < pair.close && chars[index + 1] == '*' {
            index += 1;
        } else {
            // Latin words broken over lines keep a space between them.
            let joins_latin = words.ends_with(|last: char| last.is_ascii_alphanumeric())
                && c.is_ascii_alphanumeric();
            if after_line_break && joins_latin {
                words.push(' ');
            }
            words.push(c);
            at_line_start = false;
            after_line_break = false;
        }
        index += 1;
    }
    words.trim().to_string()
}

/// The speaker of an attributed quotation that ends right before `open`
/// with only spacing between (`毛主席说：“…”“…”`, or the next paragraph).
fn continued_speaker(
    chars: &[char],
    open: usize,
    floor: usize,
    attributed_by_close: &HashMap<usize, usize>,
    quotes: &[Quote],
) -> Option<String> {
    let before = gap_start(chars, open, floor).checked_sub(1)?;
    let &quote = attributed_by_close.get(&before)?;
    quotes[quote].speaker.clone()
}

/// Where the spacing before `open` starts: spaces, line breaks, zero-width
/// chars and Markdown `*` (**毛主席说：**“…”) are stepped over, for at most
/// [`MAX_GAP`] chars and never below `floor`.
fn gap_start(chars: &[char], open: usize, floor: usize) -> usize {
    let limit = open.saturating_sub(MAX_GAP).max(floor);
    let mut at = open;
    while at > limit && is_spacing(chars[at - 1]) {
        at -= 1;
    }
    at
}

fn is_spacing(c: char) -> bool {
    c.is_whitespace() || is_zero_width(c) || c == '*'
}

/// Whether the words read as a term rather than a sentence.
fn is_term(words: &str) -> bool {
    let chars = words.chars().count();
    // A principle of short phrases in a row (限定场所、分类管理、单位负责、公众
    // 参与、综合治理) is one term however many phrases it lists.
    let listed_phrases = chars <= MAX_LISTED_TERM_CHARS
        && words.contains('、')
        && words
            .split('、')
            .all(|phrase| (1..=MAX_LISTED_PHRASE_CHARS).contains(&phrase.chars().count()));
    (chars <= MAX_TERM_CHARS || listed_phrases)
        && !words.contains(['。', '！', '？', '；', '，', '：', '!', '?', ';', ','])
        && !is_classical_line(words, chars)
}

/// Most chars of a short classical line told by its words alone.
const MAX_CLASSICAL_LINE_CHARS: usize = 10;

/// A short classical line, a saying rather than a term: one that ends in a
/// classical particle (逝者如斯夫, 学而时习之 aside) or compares with 如 or
/// 若 inside it (治大国如烹小鲜). Four-char idioms (一如既往) stay terms.
fn is_classical_line(words: &str, chars: usize) -> bool {
    let inner_comparison = words
        .char_indices()
        .any(|(at, c)| matches!(c, '如' | '若') && at > 0 && at + c.len_utf8() < words.len());
    (5..=MAX_CLASSICAL_LINE_CHARS).contains(&chars)
        && (words.ends_with(['也', '矣', '焉', '哉', '乎', '夫']) || inner_comparison)
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『')
}

fn is_closing(c: char) -> bool {
    opener_for(c).is_some()
}

/// The opening mark a closing mark matches.
fn opener_for(closing: char) -> Option<char> {
    match closing {
        '”' => Some('“'),
        '’' => Some('‘'),
        '」' => Some('「'),
        '』' => Some('『'),
        _ => None,
    }
}

/// `’` between Latin letters (it’s, don’t) is an apostrophe, not a mark.
fn is_apostrophe(chars: &[char], index: usize) -> bool {
    let letter_at = |at: Option<usize>| {
        at.and_then(|at| chars.get(at))
            .is_some_and(|c| c.is_ascii_alphabetic())
    };
    chars[index] == '’' && letter_at(index.checked_sub(1)) && letter_at(Some(index + 1))
}

fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_no_break_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}')
}

#[cfg(test)]
mod tests;
