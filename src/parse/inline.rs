//! Enumerators inside a paragraph: 一是…，二是…；三是… and 第一，…。第二，…,
//! and in a document pasted as one line also headings (一、…) after a
//! sentence end.
//!
//! A marker counts only at the start of a clause (after ，；：。！？, a photo
//! credit such as 新华社记者 鞠鹏/摄, or a connective such as 然而), and only
//! as part of a run counting 1, 2, 3… in the paragraph, or on from the
//! paragraph's own opening marker. A run inside one sentence whose members
//! are mere words (第一是大壹贰叁肆，第二是小一二三四) is a list, not an
//! outline. All of it is linear in the paragraph's length.

use std::collections::HashMap;

use super::marker::{self, Family, Marker, FAMILIES, LAST};
use super::text::{is_blank, is_clause_break, is_invisible, is_sentence_end};

/// Members of an inline series shorter than this, on average, enumerate
/// words inside a sentence.
const MIN_MEMBER_CHARS: usize = 20;
/// The same for 一要 and 一是 series, which are tasks even when terse.
const MIN_TASK_CHARS: usize = 8;
/// Words that may stand between a clause break and an inline marker
/// (然而第二，…), or after the condition it completes (如果…，则一，…).
const CONNECTIVES: [&str; 8] = ["然而", "但是", "同时", "此外", "另外", "而且", "那么", "则"];

/// Series markers (and, in a collapsed document, heading markers) that
/// start a clause inside `body`, after its first char. Byte offsets into
/// `body`. Only runs that count up from one (or on from a marker at the
/// paragraph's start) are kept; the tree's own checks follow. In a law's
/// article (`article`), bracketed items listed inside one sentence
/// (…措施：（一）…；（二）…) are its 项, not a list of words.
pub(crate) fn inline_markers(body: &str, collapsed: bool, article: bool) -> Vec<(usize, Marker)> {
    // Bytes, not chars: no UTF-8 decoding for the common one-line body.
    if !body.bytes().any(|byte| byte == b'\n' || byte == b'\r') {
        return scan_inline(body, collapsed, article);
    }
    // A paragraph joined from broken lines (PDF copies) may have a line
    // break inside a marker (一\n是): scan a copy without the breaks and
    // map positions back. `origin[i]` is the body offset of joined byte i.
    let mut joined = String::with_capacity(body.len());
    let mut origin = Vec::with_capacity(body.len());
    let mut at_line_start = false;
    for (pos, c) in body.char_indices() {
        if matches!(c, '\n' | '\r') {
            at_line_start = true;
            continue;
        }
        if is_invisible(c) || (at_line_start && is_blank(c)) {
            continue;
        }
        at_line_start = false;
        origin.extend(pos..pos + c.len_utf8());
        joined.push(c);
    }
    scan_inline(&joined, collapsed, article)
        .into_iter()
        .map(|(pos, mut marker)| {
            let start = origin[pos];
            let end = origin[pos + marker.len - 1] + 1;
            marker.len = end - start;
            (start, marker)
        })
        .collect()
}

/// Whether `body[..pos]` ends with a connective (然而，但是…) that starts
/// a clause.
fn after_connective(body: &str, pos: usize) -> bool {
    CONNECTIVES.iter().any(|word| {
        body[..pos]
            .strip_suffix(word)
            .is_some_and(|before| before.chars().next_back().is_none_or(is_clause_break))
    })
}

fn scan_inline(body: &str, collapsed: bool, article: bool) -> Vec<(usize, Marker)> {
    let mut found: Vec<(usize, Marker, bool)> = Vec::new();
    let quoted = quoted_spans(body);
    let mut quote = quoted.iter().peekable();
    for (pos, c) in body.char_indices() {
        // Most chars start no marker: skip them before looking back.
        if pos == 0 || !marker::may_start_marker(c) {
            continue;
        }
        // Numbering inside a quotation (a letter or rules quoted whole:
        // “…（一）…（二）…”) is the quoted text's, not this document's.
        while quote.next_if(|&&(_, end)| end <= pos).is_some() {}
        if quote.peek().is_some_and(|&&(start, _)| start < pos) {
            continue;
        }
        // 。**第一点，…: emphasis opening the clause is looked through.
        let mut back = body[..pos].chars().rev().skip_while(|&c| c == '*');
        let (previous, before_previous) = (back.next(), back.next());
        // A photo credit glued into the text (新华社记者 鞠鹏/摄) ends a clause.
        let after_credit = before_previous == Some('/') && previous == Some('摄');
        let at_sentence_start = previous.is_some_and(is_sentence_end) || after_credit;
        let after_colon = matches!(previous, Some('：' | ':'));
        let after_break = previous.is_some_and(is_clause_break);
        let at_clause_start = after_break || after_credit || after_connective(body, pos);
        if !(at_clause_start || (c == '（' && collapsed)) {
            continue;
        }
        let Some(marker) = marker::marker_at(&body[pos..]) else {
            continue;
        };
        let ok = match marker.family {
            // （一二○） inside a paragraph numbers paragraphs run together;
            // （一○） after （九） is a list's tenth item.
            _ if marker.positional => marker.value == 10,
            family if family.is_series() => true,
            // Bracketed and circled items run on inside a paragraph:
            // （1）…；（2）…。
            // (Circled numbers inside a paragraph are note markers.)
            Family::CnParen | Family::ArabicParen => true,
            Family::Circled | Family::LatinLower | Family::LatinUpper => false,
            // In a document pasted as one line, headings follow a sentence
            // end, and list items may follow a colon.
            // A law's items (一、…；二、…) follow its article's colon.
            _ => (collapsed || article) && (at_sentence_start || after_colon),
        };
        // 最后，第四，: the explicit number that follows is the member.
        let last_before_number =
            marker.value == LAST && marker::starts_with_marker(&body[pos + marker.len..]);
        if ok && !last_before_number {
            found.push((pos, marker, at_sentence_start));
        }
    }
    keep_sequences(found, body, article)
}

/// The byte ranges of `body` inside balanced quotation marks (“…” 「…」
/// 『…』; one range for a quotation and those nested in it), in order. A
/// mark that is never closed quotes nothing, so a stray “ cannot hide the
/// rest of the paragraph. Each kind of mark pairs on its own stack: linear
/// whatever the marks.
fn quoted_spans(body: &str) -> Vec<(usize, usize)> {
    const OPENERS: [char; 3] = ['“', '「', '『'];
    const CLOSERS: [char; 3] = ['”', '」', '』'];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut open: [Vec<usize>; 3] = Default::default();
    for (pos, c) in body.char_indices() {
        if let Some(kind) = OPENERS.iter().position(|&o| o == c) {
            open[kind].push(pos);
            continue;
        }
        let Some(kind) = CLOSERS.iter().position(|&o| o == c) else {
            continue;
        };
        // A close mark that matches no open one is a stray: ignored.
        let Some(start) = open[kind].pop() else {
            continue;
        };
        // The quotations nested in this one are inside its range.
        while spans.last().is_some_and(|&(inner, _)| inner > start) {
            spans.pop();
        }
        spans.push((start, pos));
    }
    spans
}

/// Keeps markers that belong to a run counting 1, 2, 3… within the
/// paragraph, or that continue the paragraph's own opening marker — and
/// only runs whose members are clauses, not words: 第一是大壹贰叁肆，第二是
/// 小一二三四 lists things inside one sentence and is no outline.
fn keep_sequences(
    found: Vec<(usize, Marker, bool)>,
    body: &str,
    article: bool,
) -> Vec<(usize, Marker)> {
    let lead = marker::marker_at(&body[marker::skip_emphasis(body)..]);
    // Char offset of each candidate, in one pass (positions ascend).
    let mut char_at = Vec::with_capacity(found.len());
    let (mut byte, mut chars) = (0, 0);
    for (pos, _, _) in &found {
        chars += body[byte..*pos].chars().count();
        byte = *pos;
        char_at.push(chars);
    }
    // Whether a member numbered two of the same family comes later.
    let mut two_later = vec![false; found.len()];
    // Per family, indexed by `Family as usize`: arrays rather than hash
    // sets, each of which costs the web app's download its own code.
    let mut twos_seen = [false; FAMILIES];
    for (i, (_, marker, _)) in found.iter().enumerate().rev() {
        two_later[i] = twos_seen[marker.family as usize];
        if marker.value == 2 {
            twos_seen[marker.family as usize] = true;
        }
    }
    // The run each candidate belongs to (the index of its first member,
    // LEAD_RUN for a run the paragraph's opening marker starts), found
    // through the latest run member of each family and value.
    const LEAD_RUN: usize = usize::MAX;
    // Per family, by value (maps of one type with the parser's others:
    // each map type is code in the page).
    let mut latest: [HashMap<usize, usize>; FAMILIES] = std::array::from_fn(|_| HashMap::new());
    let mut latest_of_family: [Option<(usize, u32)>; FAMILIES] = [None; FAMILIES];
    if let Some(lead) = lead {
        latest[lead.family as usize].insert(lead.value as usize, LEAD_RUN);
        latest_of_family[lead.family as usize] = Some((LEAD_RUN, lead.value));
    }
    let mut run: Vec<Option<usize>> = vec![None; found.len()];
    for (i, (_, marker, _)) in found.iter().enumerate() {
        let previous = if marker.value == LAST {
            latest_of_family[marker.family as usize]
                .filter(|(_, value)| *value >= 2)
                .map(|(run, _)| run)
        } else {
            marker.value.checked_sub(1).and_then(|value| {
                latest[marker.family as usize]
                    .get(&(value as usize))
                    .copied()
            })
        };
        run[i] = previous.or((marker.value == 1 && two_later[i]).then_some(i));
        if let Some(r) = run[i] {
            latest[marker.family as usize].insert(marker.through() as usize, r);
            latest_of_family[marker.family as usize] = Some((r, marker.through()));
        }
    }
    // A run inside one sentence is a list, not an outline, when its members
    // are mere words, or when they are bracketed items (集中在：（1）…；（2）…).
    struct RunStats {
        family: Family,
        members: usize,
        first_char: usize,
        last_char: usize,
        in_one_sentence: bool,
    }
    // By the index of the run's first member.
    let mut stats: Vec<Option<RunStats>> = Vec::new();
    stats.resize_with(found.len(), || None);
    for (i, (_, marker, sentence_start)) in found.iter().enumerate() {
        let Some(r) = run[i].filter(|&r| r != LEAD_RUN) else {
            continue;
        };
        let entry = stats[r].get_or_insert(RunStats {
            family: marker.family,
            members: 0,
            first_char: char_at[i],
            last_char: char_at[i],
            in_one_sentence: true,
        });
        if entry.members > 0 && *sentence_start {
            entry.in_one_sentence = false;
        }
        entry.members += 1;
        entry.last_char = char_at[i];
    }
    let word_list: Vec<bool> = stats
        .iter()
        .map(|run| {
            let Some(run) = run else { return false };
            let mean = (run.last_char - run.first_char) / (run.members - 1).max(1);
            // 一是扩大投资，二是提振消费 is a real series even with short
            // members; 第一是…，第二是… lists things unless they are clauses.
            let min_chars = match run.family {
                Family::Yao | Family::Shi => MIN_TASK_CHARS,
                _ => MIN_MEMBER_CHARS,
            };
            let items = article
                && matches!(
                    run.family,
                    Family::CnParen | Family::ArabicParen | Family::CnComma
                );
            run.in_one_sentence && !items && (!run.family.is_series() || mean < min_chars)
        })
        .collect();
    found
        .into_iter()
        .zip(run)
        .filter_map(|((pos, marker, _), r)| {
            r.filter(|&r| r == LEAD_RUN || !word_list[r])
                .map(|_| (pos, marker))
        })
        .collect()
}
