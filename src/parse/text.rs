//! Character classes and offset bookkeeping shared by the parser's passes.
//!
//! The parser works on byte offsets into the text as given (so it can slice
//! without copying) and converts to char offsets only when it builds the
//! document, through [`CharIndex`].

/// Converts byte offsets to char offsets in O(1) after one linear pass.
///
/// It stores the char count at every 64-byte checkpoint; a lookup counts the
/// chars that start between the checkpoint and the offset (at most 64 bytes).
/// A full byte→char table would cost four bytes per input byte, which
/// matters for a 10 MB paste inside WebAssembly.
pub(crate) struct CharIndex<'a> {
    bytes: &'a [u8],
    checkpoints: Vec<u32>,
}

const STRIDE: usize = 64;

impl<'a> CharIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count: u32 = 0;
        for block in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            // A block's count fits: it is at most STRIDE.
            count += count_char_starts(block) as u32;
        }
        if bytes.len().is_multiple_of(STRIDE) {
            checkpoints.push(count);
        }
        CharIndex { bytes, checkpoints }
    }

    /// The char offset of byte offset `byte` (which should be a char
    /// boundary; otherwise the char containing it is counted as before it).
    pub(crate) fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        let block = byte / STRIDE;
        let base = self.checkpoints[block] as usize;
        base + count_char_starts(&self.bytes[block * STRIDE..byte])
    }

    /// Total chars in the text.
    pub(crate) fn total(&self) -> usize {
        self.char_offset(self.bytes.len())
    }
}

fn is_char_start(byte: u8) -> bool {
    // UTF-8 continuation bytes are 0b10xx_xxxx.
    (byte as i8) >= -0x40
}

/// How many chars start in `bytes`: the bytes that are not UTF-8
/// continuation bytes, counted eight at a time.
fn count_char_starts(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    let mut continuations = 0;
    for word in words {
        let mut eight = [0; 8];
        eight.copy_from_slice(word);
        let word = u64::from_le_bytes(eight);
        // Bit 7 set and bit 6 clear, byte by byte (the shift moves each
        // byte's bit 6 to its own bit 7).
        continuations += (word & !(word << 1) & HIGH_BITS).count_ones() as usize;
    }
    bytes.len() - tail.len() - continuations
        + tail.iter().filter(|&&byte| is_char_start(byte)).count()
}

/// Invisible characters that web pages and Word leave in text: zero-width
/// space and joiners, the byte-order mark, soft hyphen, word joiner.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Whitespace including full-width (U+3000) and no-break spaces, plus the
/// invisible characters above.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{3000}' || is_invisible(c)
}

/// A CJK unified ideograph (a Chinese character), extensions included.
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{3134F}' | '\u{F900}'..='\u{FAFF}')
}

/// Characters that end a sentence.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…')
}

/// Characters after which a paragraph may plausibly end: sentence ends,
/// colons and semicolons, and the closing marks that follow them.
pub(crate) fn is_paragraph_end(c: char) -> bool {
    is_sentence_end(c)
        || matches!(
            c,
            '：' | ':' | '；' | ';' | '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '〕'
        )
}

/// Clause boundaries before which an inline enumerator may start
/// (一是…，二是…；三是…).
pub(crate) fn is_clause_break(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '；' | ';' | '：' | ':')
}

/// The value of a Chinese numeral (一 … 九十九, and the positional form
/// 一○ 一二○ used for paragraph numbers), or `None`. The second value says
/// whether the positional form was used.
pub(crate) fn chinese_numeral(s: &str) -> Option<(u32, bool)> {
    let digits: Vec<u32> = s.chars().map(chinese_digit).collect::<Option<_>>()?;
    let has_ten = s.contains('十');
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    if !has_ten {
        if digits.len() == 1 {
            return (digits[0] > 0).then_some((digits[0], false));
        }
        // Positional: 一○ = 10, 一二○ = 120. The first digit is not zero.
        if digits[0] == 0 {
            return None;
        }
        let value = digits.iter().fold(0, |acc, d| acc * 10 + d);
        return Some((value, true));
    }
    // 十 = 10, 十二 = 12, 二十 = 20, 二十九 = 29.
    let chars: Vec<char> = s.chars().collect();
    let value = match chars.as_slice() {
        ['十'] => 10,
        ['十', unit] => 10 + chinese_digit(*unit).filter(|&d| d > 0)?,
        [tens, '十'] => chinese_digit(*tens).filter(|&d| d > 1)? * 10,
        [tens, '十', unit] => {
            chinese_digit(*tens).filter(|&d| d > 1)? * 10
                + chinese_digit(*unit).filter(|&d| d > 0)?
        }
        _ => return None,
    };
    Some((value, false))
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '○' | '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some()
}

/// The value of an ASCII or full-width decimal digit.
pub(crate) fn decimal_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Removes line breaks, invisible characters, indentation and Markdown
/// emphasis from a slice of the source, for headings and quotations.
pub(crate) fn clean(s: &str) -> String {
    let mut out = cleaned(s);
    out.truncate(out.trim_end_matches(is_blank).len());
    out
}

/// The chars of [`clean_chars`] as a string, built by copying the runs of
/// `s` between the chars it drops rather than char by char (a heading is
/// mostly one run).
pub(crate) fn cleaned(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // The run of kept chars not yet copied.
    let (mut start, mut end) = (0, 0);
    for (pos, c) in CleanCharIndices::new(s) {
        if pos != end {
            out.push_str(&s[start..end]);
            start = pos;
        }
        end = pos + c.len_utf8();
    }
    out.push_str(&s[start..end]);
    out
}

/// [`clean`] of `s` if that has at most `max_chars` chars (`true`), else
/// its first `max_chars` chars (`false`). Stops reading `s` there, so that
/// a check of a paragraph's start does not clean all of it.
pub(crate) fn clean_up_to(s: &str, max_chars: usize) -> (String, bool) {
    // At most `max_chars` chars of four bytes: no growing as chars come.
    let mut out = String::with_capacity(s.len().min(max_chars.saturating_mul(4)));
    let mut count = 0;
    for c in clean_chars(s) {
        if count < max_chars {
            out.push(c);
            count += 1;
        } else if !is_blank(c) {
            // Trimming the end cannot bring it back under the limit.
            return (out, false);
        }
    }
    out.truncate(out.trim_end_matches(is_blank).len());
    (out, true)
}

/// `clip(&clean(s), max_chars)`, reading no more of `s` than it needs.
pub(crate) fn clean_clipped(s: &str, max_chars: usize) -> String {
    match clean_up_to(s, max_chars) {
        (whole, true) => whole,
        (mut head, false) => {
            head.push('…');
            head
        }
    }
}

/// The chars of [`clean`], before the end is trimmed.
pub(crate) fn clean_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    CleanCharIndices::new(s).map(|(_, c)| c)
}

/// The chars [`clean`] keeps, with their byte offsets in the source: the
/// one statement of what cleaning drops.
struct CleanCharIndices<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    at_line_start: bool,
}

impl<'a> CleanCharIndices<'a> {
    fn new(s: &'a str) -> Self {
        CleanCharIndices {
            chars: s.char_indices().peekable(),
            at_line_start: true,
        }
    }
}

impl Iterator for CleanCharIndices<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        loop {
            let (pos, c) = self.chars.next()?;
            match c {
                '\n' | '\r' => self.at_line_start = true,
                c if is_invisible(c) => {}
                c if self.at_line_start && is_blank(c) => {}
                '*' if self.chars.peek().is_some_and(|&(_, next)| next == '*') => {
                    self.chars.next();
                }
                c => {
                    self.at_line_start = false;
                    return Some((pos, c));
                }
            }
        }
    }
}

/// Longest heading kept, in chars.
pub(crate) const MAX_HEADING: usize = 80;

/// The heading of a run-in paragraph: its text up to the first 。！？：；
/// outside quotation marks, cleaned and clipped.
pub(crate) fn first_clause(s: &str) -> String {
    heading_until(s, |c| {
        is_sentence_end(c) || matches!(c, '：' | '；' | ':' | ';')
    })
}

/// A paragraph's first sentence (up to the first 。！？ outside quotation
/// marks), cleaned and clipped: the heading of a paragraph numbered at its
/// end (`…。这是第一种。`), whose clauses run on past `；`.
pub(crate) fn first_sentence(s: &str) -> String {
    heading_until(s, is_sentence_end)
}

/// The heading of an item whose marker opens its paragraph: its first
/// clause (see [`first_clause`]) — but all of it, up to its 。 or ：, when
/// the item is one sentence. An item listing alternatives
/// (`a)脑挫（裂）伤；颅内出血；慢性颅内血肿。`, GB/T 1.1) is headed by all of
/// them: nothing else in it would say what it is.
pub(crate) fn item_heading(s: &str) -> String {
    let sentence_end = |c| is_sentence_end(c) || matches!(c, '：' | ':');
    let one_sentence = end_outside_quotes(s, sentence_end).is_some_and(|(end, c)| {
        s[end + c.len_utf8()..]
            .chars()
            .all(|c| is_blank(c) || c == '*' || c == '\n' || c == '\r')
    });
    if one_sentence {
        heading_until(s, sentence_end)
    } else {
        first_clause(s)
    }
}

/// The first char of `s` outside quotation marks for which `is_end` holds,
/// with its byte offset.
fn end_outside_quotes(s: &str, is_end: impl Fn(char) -> bool) -> Option<(usize, char)> {
    let mut depth = 0i32;
    for (pos, c) in s.char_indices() {
        match c {
            '“' | '‘' | '「' | '『' => depth += 1,
            '”' | '’' | '」' | '』' => depth = (depth - 1).max(0),
            c if depth == 0 && is_end(c) => return Some((pos, c)),
            _ => {}
        }
    }
    None
}

fn heading_until(s: &str, is_end: impl Fn(char) -> bool) -> String {
    // Cleaning drops no quotation mark and no clause end, so the clause
    // ends where it ends in `s`: clean only what comes before.
    let end = end_outside_quotes(s, is_end).map(|(end, _)| end);
    let cleaned = match end {
        Some(end) => cleaned(&s[..end]),
        None => clean(s),
    };
    // A member cut at the next member (一是扩大投资，二是…) keeps no comma,
    // and a heading no footnote mark (…像个瘪三⑻).
    let heading = cleaned.trim_end_matches(|c| matches!(c, '，' | '、' | ',' | ' ' | '⑴'..='⒇'));
    clip(heading, MAX_HEADING)
}

/// The key sentence of a node whose own text is `own` and whose heading is
/// `heading`: where the heading starts in `own` (after the label, a dash,
/// Markdown marks) up to the first 。！？ outside quotation marks, as byte
/// offsets into `own` and the cleaned text; `None` when that is the
/// heading itself. A sentence longer than [`KeySentence::MAX_CHARS`] is
/// cut after its last clause before that (or there). Reads at most a few
/// hundred chars of `own`, so a paragraph of any length costs the same.
///
/// [`KeySentence::MAX_CHARS`]: crate::model::KeySentence::MAX_CHARS
pub(crate) fn key_sentence(own: &str, heading: &str) -> Option<(usize, usize, String)> {
    const LOOK_FOR_HEADING: usize = 40;
    let max = crate::model::KeySentence::MAX_CHARS;
    let first: Vec<char> = heading.chars().take(4).collect();
    if first.is_empty() {
        return None;
    }
    // The heading's first chars among the first kept chars of `own`.
    let kept: Vec<(usize, char)> = CleanCharIndices::new(own)
        .take(LOOK_FOR_HEADING + first.len())
        .collect();
    let start = (0..kept.len().min(LOOK_FOR_HEADING))
        .find(|&at| {
            kept[at..].len() >= first.len()
                && kept[at..].iter().zip(&first).all(|((_, c), f)| c == f)
        })
        .map(|at| kept[at].0)?;
    let rest = &own[start..];
    let mut depth = 0i32;
    let mut end = rest.len();
    let mut last_clause = None;
    for (count, (pos, c)) in rest.char_indices().enumerate() {
        if count == max {
            end = last_clause.unwrap_or(pos);
            break;
        }
        match c {
            '“' | '‘' | '「' | '『' => depth += 1,
            '”' | '’' | '」' | '』' => depth = (depth - 1).max(0),
            c if depth == 0 && is_sentence_end(c) => {
                end = pos;
                break;
            }
            '，' | '；' | '：' | ',' | ';' if depth == 0 => last_clause = Some(pos),
            _ => {}
        }
    }
    let text = cleaned(&rest[..end]);
    let text = text
        .trim_end_matches(|c: char| is_blank(c) || matches!(c, '，' | '、' | ',' | '；' | '：'));
    // The span ends after the last char kept: the text is a prefix of the
    // chars cleaning keeps.
    let end = CleanCharIndices::new(&rest[..end])
        .take(text.chars().count())
        .last()
        .map_or(0, |(pos, c)| pos + c.len_utf8());
    let end = start + end;
    // Only a sentence that says more than the heading: not the heading
    // again, nor the salutation 同志们 of the heading 同志们：.
    (!heading.starts_with(text)).then(|| (start, end, text.to_string()))
}

pub(crate) fn clip(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((pos, _)) => format!("{}…", &s[..pos]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_naive_count() {
        let text = "一、abc\n（二）𠀀 x".repeat(20);
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(index.char_offset(byte), text[..byte].chars().count());
        }
        assert_eq!(index.total(), text.chars().count());
    }

    #[test]
    fn char_starts_are_counted_as_one_by_one() {
        let text = "一、ab\n（二）𠀀 xé".repeat(5);
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for end in start..bytes.len().min(start + 40) {
                let slice = &bytes[start..end];
                let one_by_one = slice.iter().filter(|&&byte| is_char_start(byte)).count();
                assert_eq!(count_char_starts(slice), one_by_one, "{start}..{end}");
            }
        }
    }

    #[test]
    fn numerals() {
        assert_eq!(chinese_numeral("一"), Some((1, false)));
        assert_eq!(chinese_numeral("十"), Some((10, false)));
        assert_eq!(chinese_numeral("十二"), Some((12, false)));
        assert_eq!(chinese_numeral("二十九"), Some((29, false)));
        assert_eq!(chinese_numeral("一○"), Some((10, true)));
        assert_eq!(chinese_numeral("一二○"), Some((120, true)));
        assert_eq!(chinese_numeral("一十"), None);
        assert_eq!(chinese_numeral("○"), None);
        assert_eq!(chinese_numeral("好"), None);
    }

    /// Every string up to four chars from an alphabet of what cleaning
    /// and clause cutting look at, then longer ones from a fixed sequence.
    fn small_strings() -> Vec<String> {
        const ALPHABET: [char; 16] = [
            '好', 'a', '\n', '\r', ' ', '　', '\t', '\u{A0}', '*', '\u{200B}', '，', '。', '：',
            '“', '”', '‘',
        ];
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..4 {
            last = last
                .iter()
                .flat_map(|s| ALPHABET.iter().map(move |&c| format!("{s}{c}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        let mut seed = 0x2545_f491_u32;
        for _ in 0..3000 {
            let len = (seed % 40) as usize;
            let s = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    ALPHABET[seed as usize % ALPHABET.len()]
                })
                .collect();
            all.push(s);
        }
        all
    }

    #[test]
    fn bounded_cleaning_agrees_with_cleaning_all() {
        for s in small_strings() {
            let full = clean(&s);
            for max in 0..6 {
                let expected = if full.chars().count() <= max {
                    (full.clone(), true)
                } else {
                    (full.chars().take(max).collect(), false)
                };
                assert_eq!(clean_up_to(&s, max), expected, "{s:?}, {max}");
                assert_eq!(clean_clipped(&s, max), clip(&full, max), "{s:?}, {max}");
            }
        }
    }

    #[test]
    fn first_clause_agrees_with_cutting_the_cleaned_text() {
        // The first clause of all of `s` cleaned, as first_clause was first
        // written.
        fn cut_after_cleaning(s: &str) -> String {
            let cleaned = clean(s);
            let mut depth = 0i32;
            let mut end = cleaned.len();
            for (pos, c) in cleaned.char_indices() {
                match c {
                    '“' | '‘' | '「' | '『' => depth += 1,
                    '”' | '’' | '」' | '』' => depth = (depth - 1).max(0),
                    c if depth == 0
                        && (is_sentence_end(c) || matches!(c, '：' | '；' | ':' | ';')) =>
                    {
                        end = pos;
                        break;
                    }
                    _ => {}
                }
            }
            clip(
                cleaned[..end].trim_end_matches(['，', '、', ',', ' ']),
                MAX_HEADING,
            )
        }
        for s in small_strings() {
            assert_eq!(first_clause(&s), cut_after_cleaning(&s), "{s:?}");
        }
    }

    #[test]
    fn an_item_of_one_sentence_is_headed_by_all_of_it() {
        // GB/T 1.1's items list alternatives between ；: all of them.
        assert_eq!(
            item_heading("脑挫（裂）伤；颅内出血；慢性颅内血肿。\n"),
            "脑挫（裂）伤；颅内出血；慢性颅内血肿"
        );
        // An item of several sentences keeps its first clause.
        assert_eq!(
            item_heading("坚持稳中求进；统筹发展和安全。经济运行总体平稳。"),
            "坚持稳中求进"
        );
        // A lead-in ends at its colon; an item with no sentence end keeps
        // its first clause.
        assert_eq!(
            item_heading("下列机构应当悬挂：一；二。"),
            "下列机构应当悬挂"
        );
        assert_eq!(item_heading("宣读起诉书；"), "宣读起诉书");
    }

    #[test]
    fn cleaned_is_the_clean_chars() {
        for s in small_strings() {
            assert_eq!(cleaned(&s), clean_chars(&s).collect::<String>(), "{s:?}");
        }
    }

    #[test]
    fn clean_joins_lines_and_drops_markup() {
        assert_eq!(clean("推\n\u{200B}\n动**服务业**  "), "推动服务业");
        assert_eq!(clean("甲\n　　乙"), "甲乙");
    }
}
