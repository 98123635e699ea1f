//! Numbering markers: what they look like and what they count.
//!
//! The grammar, at the start of a paragraph (or, for series markers, of a
//! clause inside one):
//!
//! ```text
//! cn_comma     = numeral ("、" | "．" | ".")          一、  (not 一、二线: the next numeral counts on)
//! cn_space     = numeral ("　"|" ") text               一　目前形势… 一 目前形势…
//! cn_paren     = ("（"|"(") numeral ("）"|")")        （一） (一) （一○）
//! part_word    = "第" numeral ("部分"|"编"|"章"|"节")   第一部分 第二章 第三节
//! arabic_dot   = digits ("."|"．") not-digit          1. １．
//! arabic_comma = digits "、" not-digit                1、
//! arabic_paren = ("（"|"(")? digits ("）"|")") | ⑴…⒇  （1） (1) 1） （１）
//! arabic_space = digits (" "|"　") CJK not a unit     1 党的领导机关… (GB/T 1.1: 1 范围)
//! circled      = ①…⑳
//! yao          = numeral "要" not-numeral             一要
//! shi          = numeral ("是"|"曰") not-numeral      一是 一曰
//! ordinal      = "第" numeral ("条"|"点"|"篇"|"项"|"个问题"|"个方面"|"是")? ("，"|"、"|"："|",")?
//!                                                     (第一是…: the subject of 是, no label)
//!              | "第" numeral ("个"|"种") noun{1,3} ("，"|"："|"是")  第一个特点， 第二种终点，
//!                                                     第一个根据地是… (not 第一个五年计划)
//!              | ("首先"|"其次"|"再次"|"最后") ("，"|"、"|"："|",")
//!              | "其" numeral ("，"|"、"|"："|"是")       其一，… 其二是… (not 其一生)
//!              | numeral "，" not-numeral             一，…二，… (一，二，三 is a count)
//!              | "【" ordinal "】"                     【第一条】 (a charter's article)
//!              | "第" numeral noun? ("和"|"与"|"及"|"、") "第"? numeral noun? punct?
//!                                                     第三点和第四点， 第三、四点 (two members
//!                                                     as one: no label, counts for both)
//! article      = ordinal with 条/條, then a blank or the line's end, or
//!                spaced as law databases print it, or bracketed
//!                                                     第一条　… 第 1 條… 【第一条】…
//! decimal      = digits ("." digits)+ (blank | CJK not a unit)  5.1 5.1.1 6.10 (GB/T 1.1)
//! latin        = [a-zA-Z] (")"|"）"|"."|"．"|"、") not-letter  a) b. A、
//! stem         = 甲…癸 ("、"|"．"|"　"|" ") not-stem   甲　少数不服从多数 乙、… (not 甲、乙双方)
//! numeral      = 一…九十九, or positional 一○ 一二○
//! ```
//!
//! Recognising a marker says nothing yet about whether it is structure:
//! the tree builder accepts it only where it counts on from its siblings.

use super::text::{
    chinese_numeral, clean, decimal_digit, is_blank, is_chinese_numeral_char, is_ideograph,
    is_sentence_end,
};

/// The visual family of a marker. Markers of one family and layout form
/// one level of the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    CnComma,
    CnSpace,
    CnParen,
    PartWord,
    ArabicDot,
    ArabicComma,
    ArabicParen,
    Circled,
    Yao,
    Shi,
    Ordinal,
    /// Decimal section numbers of standards and plans, by depth: 5.1,
    /// 5.1.1, 5.1.1.1 (and deeper) — GB/T 1.1's numbering of clauses.
    Decimal2,
    Decimal3,
    Decimal4,
    /// Lettered items: a) b) / a. b. and A. B. / A、 B、.
    LatinLower,
    LatinUpper,
    /// A number and a blank, no punctuation: `1 党的领导机关…` (古田会议决议),
    /// GB/T 1.1's chapters `1 范围`.
    ArabicSpace,
    /// The heavenly stems 甲 乙 丙 … 癸 counting heads: `甲　少数不服从多数。`
    Stem,
}

/// How many families there are: tables by family are arrays of this
/// length, indexed by `Family as usize`.
pub(crate) const FAMILIES: usize = Family::Stem as usize + 1;

impl Family {
    /// Every family, in declaration order: `ALL[f as usize] == f`.
    pub(crate) const ALL: [Family; FAMILIES] = [
        Family::CnComma,
        Family::CnSpace,
        Family::CnParen,
        Family::PartWord,
        Family::ArabicDot,
        Family::ArabicComma,
        Family::ArabicParen,
        Family::Circled,
        Family::Yao,
        Family::Shi,
        Family::Ordinal,
        Family::Decimal2,
        Family::Decimal3,
        Family::Decimal4,
        Family::LatinLower,
        Family::LatinUpper,
        Family::ArabicSpace,
        Family::Stem,
    ];

    /// Series markers enumerate tasks inside running text; the others head
    /// parts and sections.
    pub(crate) fn is_series(self) -> bool {
        matches!(self, Family::Yao | Family::Shi | Family::Ordinal)
    }
}

/// `value` of 最后 (last): it closes a 首先/其次 series of any length.
pub(crate) const LAST: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    pub family: Family,
    pub value: u32,
    /// Byte length of the label as written, punctuation included.
    pub len: usize,
    /// Written with positional numerals (一○, 一二○): paragraph numbering.
    pub positional: bool,
    /// Which counted noun an ordinal names (第一条, 第一篇), 0 for none: 第一条
    /// inside 第三篇 is a level of its own.
    pub noun: u8,
    /// Members after the first that one marker names: 1 for 第三点和第四点
    /// (two points said as one), 0 for every other marker.
    pub more: u32,
}

impl Marker {
    /// The last value the marker names: `value`, or more when it names
    /// several members at once (第三点和第四点 → 4).
    pub(crate) fn through(self) -> u32 {
        self.value.saturating_add(self.more)
    }

    /// The marker is words of its sentence rather than a label (GB/T
    /// 15834 序次语 are set off by 、 or ，): two members said as one
    /// (第三点和第四点，…), or an ordinal that is the subject of its sentence
    /// (第一是日本方面). Its member has no label, and its heading says it.
    pub(crate) fn unlabeled(self) -> bool {
        self.more > 0
            || (self.noun > 0 && ORDINAL_NOUNS.get(usize::from(self.noun - 1)) == Some(&"是"))
    }
}

/// The marker at the start of `s`, if any. Leading Markdown emphasis
/// (`**`) is not skipped here; see [`skip_emphasis`].
pub(crate) fn marker_at(s: &str) -> Option<Marker> {
    let first = s.chars().next()?;
    match first {
        '（' | '(' => paren_marker(s),
        '第' => ordinal_marker(s),
        // 【第一条】 (articles of a charter, as in 华为基本法).
        '【' => {
            let inner = &s['【'.len_utf8()..];
            if !inner.starts_with('第') {
                return None;
            }
            let marker = ordinal_marker(inner).filter(|m| m.noun > 0)?;
            inner[marker.len..].starts_with('】').then(|| Marker {
                len: marker.len + '【'.len_utf8() + '】'.len_utf8(),
                ..marker
            })
        }
        '首' | '其' | '再' | '最' => sequence_word(s),
        '①'..='⑳' => Some(Marker {
            family: Family::Circled,
            value: first as u32 - '①' as u32 + 1,
            len: first.len_utf8(),
            positional: false,
            noun: 0,
            more: 0,
        }),
        '⑴'..='⒇' => Some(Marker {
            family: Family::ArabicParen,
            value: first as u32 - '⑴' as u32 + 1,
            len: first.len_utf8(),
            positional: false,
            noun: 0,
            more: 0,
        }),
        c if decimal_digit(c).is_some() => arabic_marker(s).or_else(|| decimal_marker(s)),
        c if c.is_ascii_alphabetic() => latin_marker(s),
        c if is_chinese_numeral_char(c) => numeral_marker(s),
        c if stem_value(c).is_some() => stem_marker(s),
        _ => None,
    }
}

/// Whether a marker can start with `c`: a cheap test before [`marker_at`].
pub(crate) fn may_start_marker(c: char) -> bool {
    let code = c as u32;
    // Most chars of a text are CJK ideographs, of which only those of
    // CJK_STARTS can start a marker: the set of their low seven bits turns
    // most others away with one test.
    if (0x4E00..=0x9FFF).contains(&code) && CJK_LOW_BITS & (1 << (code & 127)) == 0 {
        return false;
    }
    may_start_marker_plainly(c)
}

/// [`may_start_marker`] without the shortcut.
fn may_start_marker_plainly(c: char) -> bool {
    matches!(c, '（' | '(' | '【' | '第' | '首' | '其' | '再' | '最' | '①'..='⑳' | '⑴'..='⒇')
        || c.is_ascii_alphabetic()
        || decimal_digit(c).is_some()
        || is_chinese_numeral_char(c)
        || stem_value(c).is_some()
}

/// The CJK ideographs a marker can start with: 第 首 其 再 最, the
/// Chinese numerals and the heavenly stems.
const CJK_STARTS: [char; 26] = [
    '第', '首', '其', '再', '最', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十',
    '甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸',
];

/// The heavenly stems in order, which count heads as 一 二 三 do.
const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];

/// 甲 → 1 … 癸 → 10.
fn stem_value(c: char) -> Option<u32> {
    STEMS.iter().position(|&s| s == c).map(|i| i as u32 + 1)
}

/// Bit `n` is set when some char of [`CJK_STARTS`] has `n` as its low seven
/// bits.
const CJK_LOW_BITS: u128 = {
    let mut bits = 0;
    let mut at = 0;
    while at < CJK_STARTS.len() {
        bits |= 1 << (CJK_STARTS[at] as u32 & 127);
        at += 1;
    }
    bits
};

/// Skips leading `*` (Markdown emphasis) so `**一、标题**` is seen as `一、`,
/// and the speaker of minutes before a numbered point, so
/// `广州代表处助理 潘少钦：第一个，…` is seen as `第一个，`.
pub(crate) fn skip_emphasis(s: &str) -> usize {
    let stars = s.len() - s.trim_start_matches('*').len();
    stars + minutes_speaker(&s[stars..]).unwrap_or(0)
}

/// The chars of a post and of a name that [`minutes_speaker`] takes.
const MINUTES_POST: std::ops::RangeInclusive<usize> = 2..=MINUTES_POST_MAX;
pub(crate) const MINUTES_POST_MAX: usize = 16;
/// A name of two or three characters, as most Chinese names are: four
/// (指导思想：) is more often a lead-in.
const MINUTES_NAME: std::ops::RangeInclusive<usize> = 2..=3;

/// The length of a speaker in minutes at the start of `s` when a marker
/// follows (see [`minutes_speaker_len`]). A lead-in without the space
/// (`总体要求：一是…`) announces an inline series instead and is kept.
fn minutes_speaker(s: &str) -> Option<usize> {
    minutes_speaker_len(s).filter(|&after| marker_at(&s[after..]).is_some())
}

/// The length of a speaker in minutes at the start of `s`: a post and a
/// name parted by one space, then a colon (`广州代表处代表 孙福友：`,
/// `广州代表处CFO 张国强：`).
pub(crate) fn minutes_speaker_len(s: &str) -> Option<usize> {
    for (post, (at, c)) in s.char_indices().take(MINUTES_POST_MAX + 1).enumerate() {
        if matches!(c, ' ' | '　') && post >= *MINUTES_POST.start() {
            let name = minutes_name_len(&s[at + c.len_utf8()..])?;
            return Some(at + c.len_utf8() + name);
        }
        if !(is_ideograph(c) || c.is_ascii_alphanumeric()) {
            return None;
        }
    }
    None
}

/// The length of a name and its colon at the start of `s` (`孙福友：`): the
/// part of a speaker in minutes after the space.
pub(crate) fn minutes_name_len(s: &str) -> Option<usize> {
    let (at, colon) = s
        .char_indices()
        .find(|&(_, c)| !is_ideograph(c))
        .filter(|&(_, c)| matches!(c, '：' | ':'))?;
    MINUTES_NAME
        .contains(&s[..at].chars().count())
        .then_some(at + colon.len_utf8())
}

/// An appendix head after the body (GB/T 9704 附件): `附件`, `附件1`,
/// `附件二`, `附录A`, alone or followed by a separator and a title
/// (`附件：名词解释`, `附件2 关于…的说明`). Returns the label's byte length
/// (the word and its number) and the title, which may be empty. `附件所载…`
/// (the word in a sentence) is not one.
pub(crate) fn appendix_at(s: &str) -> Option<(usize, &str)> {
    let (label, title) = appendix_label(s)?;
    let title = title.trim_end_matches(is_blank);
    if title.contains(is_sentence_end) || title.chars().count() > MAX_APPENDIX_TITLE {
        return None;
    }
    Some((label, title))
}

/// The label of an appendix head at the start of `s` (see [`appendix_at`])
/// and what follows its separator, however long.
pub(crate) fn appendix_label(s: &str) -> Option<(usize, &str)> {
    let word = ["附件", "附录"]
        .into_iter()
        .find(|word| s.starts_with(word))?;
    let after_word = &s[word.len()..];
    let number = after_word
        .char_indices()
        .find(|&(_, c)| {
            !(decimal_digit(c).is_some() || is_chinese_numeral_char(c) || c.is_ascii_uppercase())
        })
        .map_or(after_word.len(), |(at, _)| at);
    // 附录A but not 附录ABC: one letter, or numerals only.
    let digits = &after_word[..number];
    if digits.chars().any(|c| c.is_ascii_uppercase()) && digits.chars().count() > 1 {
        return None;
    }
    let label = word.len() + number;
    let rest = &s[label..];
    let title = rest
        .trim_start_matches(|c: char| is_blank(c) || matches!(c, '：' | ':' | '、' | '.' | '．'));
    let separated = title.len() < rest.len();
    if !title.is_empty() && number == 0 && !separated {
        return None;
    }
    Some((label, title))
}

/// Whether a counted 第N条 is a law's article: written `第一条　…`, `第1条 …`
/// or alone on its line (a blank or the line's end after the label), or
/// with blanks inside its label as law databases print it (`第 1 條`,
/// whatever follows: a one-line paste runs the text on), or in brackets
/// as a charter labels it (`【第一条】`) — not
/// `第一条罪状是…` or `第一条，…` in a speech. `label` is the label as
/// written, `after` the text after it.
pub(crate) fn is_article(marker: Marker, label: &str, after: &str) -> bool {
    let article_noun = |noun: &str| noun == "条" || noun == "條";
    let noun = marker
        .noun
        .checked_sub(1)
        .and_then(|i| ORDINAL_NOUNS.get(usize::from(i)));
    let label = label.trim_end_matches(is_blank);
    // 【第一条】: a charter's article in brackets, whatever follows.
    let spaced = label.contains(is_blank) || (label.starts_with('【') && label.ends_with('】'));
    // **第 1 條** alone: the emphasis closing the label is looked through.
    noun.is_some_and(|noun| article_noun(noun))
        && (spaced
            || after
                .trim_start_matches('*')
                .chars()
                .next()
                .is_none_or(|c| is_blank(c) || c == '\n' || c == '\r' || c == '】'))
}

/// Chars an appendix title may have on its head line.
const MAX_APPENDIX_TITLE: usize = 40;

/// Whether the line starts with any marker.
pub(crate) fn starts_with_marker(s: &str) -> bool {
    let s = &s[skip_emphasis(s)..];
    marker_at(s).is_some()
}

/// Whether the line holds a marker and nothing else (`一、`, `第一，`).
pub(crate) fn is_bare_marker(s: &str) -> bool {
    let s = &s[skip_emphasis(s)..];
    marker_at(s).is_some_and(|m| {
        s[m.len..]
            .trim_matches(|c| is_blank(c) || c == '*')
            .is_empty()
    })
}

/// Splits off a run of Chinese numeral chars (at most 4) at the start.
fn numeral_prefix(s: &str) -> (&str, &str) {
    let end = s
        .char_indices()
        .take_while(|&(i, c)| i < 12 && is_chinese_numeral_char(c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    s.split_at(end)
}

fn digit_prefix(s: &str) -> Option<(u32, &str)> {
    digits_at_most(s, 999).filter(|&(value, _)| value > 0)
}

/// Digits (ASCII or full-width) at the start, as a number of at most
/// `max` (zero too).
fn digits_at_most(s: &str, max: u32) -> Option<(u32, &str)> {
    let mut value = 0u32;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let Some(digit) = decimal_digit(c) else {
            break;
        };
        value = value.saturating_mul(10).saturating_add(digit);
        end = i + c.len_utf8();
    }
    (end > 0 && value <= max).then(|| (value, &s[end..]))
}

/// The digits of `第N条` (`第1000条`, `第 1225 條`: Taiwan's 民法 has 1 225
/// articles, printed so by law databases): 1 to 9 999, where an item
/// number ([`digit_prefix`]) stops at 999. A counted noun must follow
/// (the caller's check), so a year (第2026) is never one.
fn article_number(s: &str) -> Option<(u32, &str)> {
    digits_at_most(s, 9999).filter(|&(value, _)| value > 0)
}

fn numeral_marker(s: &str) -> Option<Marker> {
    let (numeral, rest) = numeral_prefix(s);
    let (value, positional) = chinese_numeral(numeral)?;
    let mut rest_chars = rest.chars();
    let next = rest_chars.next()?;
    let after = rest_chars.next();
    let numeral_follows = after.is_some_and(is_chinese_numeral_char);
    let counts_on = after.is_some_and(|c| {
        chinese_numeral(c.encode_utf8(&mut [0; 4])).is_some_and(|(next, _)| next == value + 1)
    });
    let (family, punct_len) = match next {
        // 一、二线城市 and 一、二、三等奖 count on: a range, not a heading;
        // 一、五年来的成就 does not.
        '、' | '．' if !counts_on => (Family::CnComma, next.len_utf8()),
        '.' if after.is_none_or(|c| decimal_digit(c).is_none()) => (Family::CnComma, 1),
        '\u{3000}' if after.is_some_and(|c| !is_blank(c)) => (Family::CnSpace, next.len_utf8()),
        // 一 目前形势…: the same with the space a copy turned half-width.
        ' ' if after
            .is_some_and(|c| !c.is_ascii() && !is_blank(c) && !is_chinese_numeral_char(c)) =>
        {
            (Family::CnSpace, 1)
        }
        '要' if !numeral_follows && value <= 20 => (Family::Yao, next.len_utf8()),
        // 一曰… is the classical 一是 (谨陈救国大计十端：一曰全国讨汪…).
        '是' | '曰' if !numeral_follows && value <= 20 => (Family::Shi, next.len_utf8()),
        // 一，…二，… — 第一， without its 第 (older texts: 星星之火，可以燎原,
        // 古田会议决议); 一，二，三 counts words and is no marker.
        '，' if !numeral_follows && value <= 20 => (Family::Ordinal, next.len_utf8()),
        _ => return None,
    };
    Some(Marker {
        family,
        value,
        len: numeral.len() + punct_len,
        positional,
        noun: 0,
        more: 0,
    })
}

fn paren_marker(s: &str) -> Option<Marker> {
    let open = s.chars().next()?.len_utf8();
    let inner = &s[open..];
    let (numeral, rest) = numeral_prefix(inner);
    let (family, value, positional, rest) = if numeral.is_empty() {
        let (value, rest) = digit_prefix(inner)?;
        (Family::ArabicParen, value, false, rest)
    } else {
        let (value, positional) = chinese_numeral(numeral)?;
        (Family::CnParen, value, positional, rest)
    };
    let close = rest.chars().next().filter(|c| matches!(c, '）' | ')'))?;
    Some(Marker {
        family,
        value,
        len: s.len() - rest.len() + close.len_utf8(),
        positional,
        noun: 0,
        more: 0,
    })
}

fn arabic_marker(s: &str) -> Option<Marker> {
    let (value, rest) = digit_prefix(s)?;
    let mut rest_chars = rest.chars();
    let next = rest_chars.next()?;
    let after = rest_chars.next();
    let digit_follows = after.is_some_and(|c| decimal_digit(c).is_some());
    let family = match next {
        '.' | '．' if !digit_follows => Family::ArabicDot,
        '、' if !digit_follows => Family::ArabicComma,
        '）' | ')' => Family::ArabicParen,
        // 1 党的领导机关…: a blank, then words — not an amount (3 个, 5 年).
        ' ' | '\u{3000}' if after.is_some_and(|c| !c.is_ascii() && !is_blank(c) && !is_unit(c)) => {
            Family::ArabicSpace
        }
        _ => return None,
    };
    Some(Marker {
        family,
        value,
        len: s.len() - rest.len() + next.len_utf8(),
        positional: false,
        noun: 0,
        more: 0,
    })
}

/// Counted nouns after 第N. The legislative and planning levels 编 章 节
/// (GB/T 9704's 编/章/节/条/款/项/目) and 部分 head parts; the others count
/// points of a series. Each noun is a level of its own.
/// `5.1`, `5.1.1　`, `6.10本标准…`: two to four or more numbers joined by
/// dots (ASCII or full-width), then a blank or a CJK char that is not a
/// unit (`1.5亿元` is an amount, not a clause).
fn decimal_marker(s: &str) -> Option<Marker> {
    let mut parts = 0usize;
    let mut rest = s;
    let (value, end) = loop {
        let (number, after) = digit_prefix_any(rest)?;
        parts += 1;
        let end = s.len() - after.len();
        match after.chars().next() {
            Some(dot @ ('.' | '．'))
                if after[dot.len_utf8()..].starts_with(|c| decimal_digit(c).is_some()) =>
            {
                rest = &after[dot.len_utf8()..];
            }
            _ => break (number, end),
        }
    };
    if parts < 2 || value == 0 {
        return None;
    }
    let next = s[end..].chars().next()?;
    let follows = (is_blank(next) && next != '\n' && next != '\r')
        || (!next.is_ascii() && !is_unit(next) && !is_blank(next));
    if !follows {
        return None;
    }
    let family = match parts {
        2 => Family::Decimal2,
        3 => Family::Decimal3,
        _ => Family::Decimal4,
    };
    Some(Marker {
        family,
        value,
        len: end,
        positional: false,
        noun: 0,
        more: 0,
    })
}

/// Whether a number followed by `c` is an amount (1.5亿, 3 个, 5 年), not
/// a clause or item number.
fn is_unit(c: char) -> bool {
    "亿万千百%％倍元年月日时个分秒度米克吨项次多余名人位岁届号期".contains(c)
}

/// `甲　…`, `乙、…`: a heavenly stem, a separator, then words that do not
/// go on with another stem (甲、乙双方 names two parties).
fn stem_marker(s: &str) -> Option<Marker> {
    let mut chars = s.chars();
    let stem = chars.next()?;
    let value = stem_value(stem)?;
    let punct = chars.next()?;
    let after = chars.next()?;
    let ok = match punct {
        '、' | '．' => stem_value(after).is_none(),
        '\u{3000}' | ' ' => !after.is_ascii() && !is_blank(after) && stem_value(after).is_none(),
        _ => false,
    };
    ok.then(|| Marker {
        family: Family::Stem,
        value,
        len: stem.len_utf8() + punct.len_utf8(),
        positional: false,
        noun: 0,
        more: 0,
    })
}

/// Digits (ASCII or full-width) at the start, zero allowed.
fn digit_prefix_any(s: &str) -> Option<(u32, &str)> {
    digits_at_most(s, 999)
}

/// `a)` `b）` `a.` `A.` `A、`: one ASCII letter, its punctuation, then no
/// other letter (`e.g.` and English words are not items) — except after a
/// parenthesis, which no word has inside it: `a)IIo以上烧烫伤…` (an item
/// opening with a Roman numeral, GB/T 1.1).
fn latin_marker(s: &str) -> Option<Marker> {
    let mut chars = s.chars();
    let letter = chars.next()?;
    let punct = chars.next()?;
    let after = chars.next();
    let parenthesis = matches!(punct, ')' | '）');
    if !(parenthesis || matches!(punct, '.' | '．' | '、'))
        || after.is_none_or(|c| c.is_ascii_alphanumeric() && !parenthesis)
    {
        return None;
    }
    let family = if letter.is_ascii_lowercase() {
        Family::LatinLower
    } else {
        Family::LatinUpper
    };
    Some(Marker {
        family,
        value: u32::from(letter.to_ascii_lowercase() as u8 - b'a') + 1,
        len: 1 + punct.len_utf8(),
        positional: false,
        noun: 0,
        more: 0,
    })
}

const ORDINAL_NOUNS: [&str; 19] = [
    "部分",
    "个问题",
    "个方面",
    // 第一件 (湖南农民运动考察报告's fourteen deeds), 第一方面.
    "件",
    "方面",
    "条",
    "点",
    "篇",
    "项",
    "是",
    "章",
    "节",
    "编",
    // The same in traditional characters.
    "個問題",
    "個方面",
    "條",
    "點",
    "節",
    "編",
];

fn ordinal_marker(s: &str) -> Option<Marker> {
    let inner = &s['第'.len_utf8()..];
    let (numeral, rest) = numeral_prefix(inner);
    let (value, rest) = match chinese_numeral(numeral) {
        Some((_, true)) => return None,
        Some((value, false)) => (value, rest),
        // 第1条, 第 2 條 (Taiwan's laws): Arabic digits before a counted
        // noun, spaced or not.
        None => {
            let (value, rest) = article_number(inner.trim_start_matches(' '))?;
            let rest = rest.trim_start_matches(' ');
            if !ORDINAL_NOUNS.iter().any(|noun| rest.starts_with(noun)) {
                return None;
            }
            (value, rest)
        }
    };
    let positional = false;
    if let Some(marker) = counted_noun_marker(s, rest, value) {
        return Some(marker);
    }
    let mut noun_index = ORDINAL_NOUNS.iter().position(|noun| rest.starts_with(noun));
    let mut after_noun = &rest[noun_index.map_or(0, |i| ORDINAL_NOUNS[i].len())..];
    let mut more = 0;
    if let Some((through, second_noun, after)) = joined_ordinal(after_noun, value, noun_index) {
        more = through - value;
        noun_index = second_noun;
        after_noun = after;
    }
    let noun = noun_index.map(|i| &ORDINAL_NOUNS[i]);
    let punct = after_noun
        .chars()
        .next()
        .filter(|c| matches!(c, '，' | '、' | '：' | ',' | ':'));
    let family = match noun {
        Some(&("部分" | "章" | "节" | "编" | "節" | "編")) => Family::PartWord,
        // 第一条罪状是： — a counted noun may be followed by more words.
        Some(_) => Family::Ordinal,
        None if punct.is_some() => Family::Ordinal,
        None => return None,
    };
    let len = s.len() - after_noun.len() + punct.map_or(0, char::len_utf8);
    Some(Marker {
        family,
        value,
        len,
        positional,
        noun: noun_index.map_or(0, |i| i as u8 + 1),
        more,
    })
}

/// Measure words that count any short noun after them: 第一个特点，
/// 第二种终点， 第一个根据地是….
const COUNTED_MEASURES: [char; 3] = ['个', '种', '個'];
/// At most this many chars of the noun a measure word counts.
const MAX_COUNTED_NOUN: usize = 3;

/// `第` numeral, a measure word and a short noun, then `，` `：` or the
/// copula `是` (第一个特点，中国是… / 第二个特点是敌人的强大): the label
/// names the noun, and `是` stays in the heading, as after 第一个问题. Not
/// 第一个五年计划 (a longer noun) nor 第一个人 inside a clause (no mark or
/// 是 after it). `s` is the whole text, `rest` what follows the numeral.
fn counted_noun_marker(s: &str, rest: &str, value: u32) -> Option<Marker> {
    let measure = rest
        .chars()
        .next()
        .filter(|c| COUNTED_MEASURES.contains(c))?;
    // The counted nouns of ORDINAL_NOUNS (个问题, 个方面) keep their own.
    if ORDINAL_NOUNS.iter().any(|noun| rest.starts_with(noun)) {
        return None;
    }
    let after_measure = &rest[measure.len_utf8()..];
    let (noun_len, stop) = after_measure
        .char_indices()
        .take(MAX_COUNTED_NOUN + 1)
        .find(|(_, c)| !(is_cjk_noun_char(*c)))?;
    // 第一个，我感觉… (a bare 第一个, said in a speech or minutes) counts too.
    if !matches!(stop, '，' | '：' | ',' | ':') && (noun_len == 0 || stop != '是') {
        return None;
    }
    let punct = if stop == '是' { 0 } else { stop.len_utf8() };
    let len = s.len() - after_measure.len() + noun_len + punct;
    Some(Marker {
        family: Family::Ordinal,
        value,
        len,
        positional: false,
        noun: COUNTED_NOUN_ID
            + COUNTED_MEASURES
                .iter()
                .position(|&m| m == measure)
                .unwrap_or(0) as u8,
        more: 0,
    })
}

/// The noun ids of [`COUNTED_MEASURES`], after those of ORDINAL_NOUNS.
const COUNTED_NOUN_ID: u8 = ORDINAL_NOUNS.len() as u8 + 1;

/// A char of a counted noun: an ideograph that is no numeral, copula or
/// particle.
fn is_cjk_noun_char(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
        && !is_chinese_numeral_char(c)
        && !matches!(c, '是' | '的' | '了' | '在' | '和' | '与')
}

/// A second ordinal joined to the first, which names two members as one:
/// `和第四点` after 第三点, `、四点` after 第三 (第三、四点). Only the next
/// few values, with the first's counted noun or, after a bare numeral, its
/// own. Returns the second's value, its noun and what follows it.
fn joined_ordinal(s: &str, value: u32, noun: Option<usize>) -> Option<(u32, Option<usize>, &str)> {
    let rest = ["和", "与", "及", "、"]
        .into_iter()
        .find_map(|word| s.strip_prefix(word))?;
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let (numeral, rest) = numeral_prefix(rest);
    let (through, false) = chinese_numeral(numeral)? else {
        return None;
    };
    if through <= value || through - value > 9 {
        return None;
    }
    let second = ORDINAL_NOUNS.iter().position(|n| rest.starts_with(n));
    let noun = match (noun, second) {
        (Some(first), Some(second)) if first == second => Some(first),
        (None, second) => second,
        _ => return None,
    };
    Some((
        through,
        noun,
        &rest[noun.map_or(0, |i| ORDINAL_NOUNS[i].len())..],
    ))
}

/// Counted nouns a trailing counter names: 种 (反对自由主义's eleven
/// kinds of liberalism), 类, 点, 条, 项, 件, 方面, 个.
const TRAILING_NOUNS: [&str; 8] = ["种", "类", "点", "条", "项", "件", "方面", "个"];
/// What may come before a trailing counter: 这是第一种。 此为第二类。
const TRAILING_LEADS: [&str; 7] = ["这就是", "这便是", "这是", "此是", "此为", "是为", "此乃"];

/// A counter closing a paragraph as its own last sentence — `…。这是第一种。`,
/// `…。此其一也。` — which numbers the paragraph it ends: its value, the
/// label as written (第一种, 其一) and its form (the counted noun, or 其),
/// which a list keeps. The counter must follow a sentence of the
/// paragraph; a paragraph that is nothing but a counter is not one.
pub(crate) fn trailing_counter(paragraph: &str) -> Option<(u32, String, &'static str)> {
    // Bytes of the last sentence looked at: 这就是第十一种, with the line
    // breaks and emphasis a copy may leave inside it, fits easily.
    const MAX_BYTES: usize = 96;
    let body = paragraph.trim_end_matches(|c: char| is_blank(c) || c == '*');
    let body = body.strip_suffix(['。', '！', '!'])?;
    let (before, end) = body
        .char_indices()
        .rev()
        .take_while(|&(i, _)| body.len() - i <= MAX_BYTES)
        .find(|&(_, c)| is_sentence_end(c) || matches!(c, '；' | ';'))?;
    let sentence = clean(&body[before + end.len_utf8()..]);
    let sentence = sentence.strip_suffix('也').unwrap_or(&sentence);
    if let Some(numeral) = sentence.strip_prefix("此其") {
        let (value, positional) = chinese_numeral(numeral)?;
        return (!positional).then(|| (value, sentence["此".len()..].to_string(), "其"));
    }
    let label = TRAILING_LEADS
        .iter()
        .find_map(|lead| sentence.strip_prefix(lead))
        .unwrap_or(sentence);
    let (numeral, noun) = numeral_prefix(label.strip_prefix('第')?);
    let noun = TRAILING_NOUNS.iter().find(|&&n| n == noun)?;
    match chinese_numeral(numeral)? {
        (value, false) => Some((value, label.to_string(), noun)),
        (_, true) => None,
    }
}

fn sequence_word(s: &str) -> Option<Marker> {
    if let Some(marker) = qi_marker(s) {
        return Some(marker);
    }
    let words = [("首先", 1), ("其次", 2), ("再次", 3), ("最后", LAST)];
    let (word, value) = words.iter().find(|(word, _)| s.starts_with(word))?;
    let rest = &s[word.len()..];
    let punct = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '，' | '、' | '：' | ',' | ':'))?;
    Some(Marker {
        family: Family::Ordinal,
        value: *value,
        len: word.len() + punct.len_utf8(),
        positional: false,
        noun: 0,
        more: 0,
    })
}

/// `其` and a numeral up to ten, then `，` `、` `：` or the copula `是`:
/// 其一，… 其二是… (the classical 第一, 第二). Not 其一生 nor 其二者.
fn qi_marker(s: &str) -> Option<Marker> {
    let rest = s.strip_prefix('其')?;
    let numeral = rest.chars().next()?;
    let (value, _) = chinese_numeral(numeral.encode_utf8(&mut [0; 4]))?;
    let after = &rest[numeral.len_utf8()..];
    let stop = after.chars().next()?;
    if value > 10 || !matches!(stop, '，' | '、' | '：' | ',' | ':' | '是') {
        return None;
    }
    let punct = if stop == '是' { 0 } else { stop.len_utf8() };
    Some(Marker {
        family: Family::Ordinal,
        value,
        len: s.len() - after.len() + punct,
        positional: false,
        noun: QI_NOUN_ID,
        more: 0,
    })
}

/// The noun id of 其一, 其二, after those of the counted measures: a form
/// of its own.
const QI_NOUN_ID: u8 = COUNTED_NOUN_ID + COUNTED_MEASURES.len() as u8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_families_are_listed_in_order() {
        for (i, family) in Family::ALL.iter().enumerate() {
            assert_eq!(*family as usize, i, "{family:?}");
        }
    }

    #[test]
    fn may_start_marker_admits_every_first_char_of_a_marker() {
        let endings = [
            "、",
            "是",
            "要",
            "，",
            ". ",
            "）",
            ")",
            "1）",
            "一）",
            "一，",
            "一部分",
            "先，",
            "次，",
            "后，",
            "　字",
            "、字",
        ];
        let mut text = String::new();
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            for ending in endings {
                text.clear();
                text.push(c);
                text.push_str(ending);
                assert!(
                    marker_at(&text).is_none() || may_start_marker(c),
                    "{text:?} is a marker, but may_start_marker({c:?}) is false"
                );
            }
        }
    }

    #[test]
    fn the_shortcut_turns_away_no_cjk_ideograph_that_may_start_a_marker() {
        for c in (0x4E00..=0x9FFF).filter_map(char::from_u32) {
            if may_start_marker_plainly(c) {
                assert!(CJK_STARTS.contains(&c), "{c:?} is missing from CJK_STARTS");
                assert!(may_start_marker(c), "{c:?}");
            }
        }
    }

    fn label(s: &str) -> Option<(&str, Family, u32)> {
        marker_at(s).map(|m| (&s[..m.len], m.family, m.value))
    }

    #[test]
    fn recognises_each_family() {
        assert_eq!(label("一、总体要求"), Some(("一、", Family::CnComma, 1)));
        // A numeral that does not count on starts the heading (not 一、二线).
        assert_eq!(
            label("一、五年来的成就"),
            Some(("一、", Family::CnComma, 1))
        );
        assert_eq!(label("十二、其他"), Some(("十二、", Family::CnComma, 12)));
        assert_eq!(label("一　目前形势"), Some(("一　", Family::CnSpace, 1)));
        assert_eq!(label("一 目前形势"), Some(("一 ", Family::CnSpace, 1)));
        assert_eq!(label("一 二 三"), None);
        assert_eq!(
            label("（三）加强领导"),
            Some(("（三）", Family::CnParen, 3))
        );
        assert_eq!(label("(三)加强领导"), Some(("(三)", Family::CnParen, 3)));
        assert_eq!(
            label("（一二○）段落"),
            Some(("（一二○）", Family::CnParen, 120))
        );
        assert_eq!(
            label("第二部分 任务"),
            Some(("第二部分", Family::PartWord, 2))
        );
        assert_eq!(label("第二章　总则"), Some(("第二章", Family::PartWord, 2)));
        assert_eq!(label("第三节 组织"), Some(("第三节", Family::PartWord, 3)));
        assert_eq!(label("第 12 條\n"), Some(("第 12 條", Family::Ordinal, 12)));
        // Articles past 999 in digits; five digits are no article.
        assert_eq!(
            label("第 1225 條"),
            Some(("第 1225 條", Family::Ordinal, 1225))
        );
        assert_eq!(
            label("第1000条　"),
            Some(("第1000条", Family::Ordinal, 1000))
        );
        assert_eq!(label("第10000条"), None);
        assert_eq!(label("第3章 總則"), Some(("第3章", Family::PartWord, 3)));
        assert_eq!(label("第 3 名"), None);
        assert_eq!(
            label("【第二条】认真负责"),
            Some(("【第二条】", Family::Ordinal, 2))
        );
        assert_eq!(label("【第二】"), None);
        assert_eq!(label("【导读】"), None);
        assert_eq!(label("5.1　颅脑"), Some(("5.1", Family::Decimal2, 1)));
        assert_eq!(
            label("5.1.2 重伤二级"),
            Some(("5.1.2", Family::Decimal3, 2))
        );
        assert_eq!(label("6.10本标准"), Some(("6.10", Family::Decimal2, 10)));
        assert_eq!(label("b)开放性"), Some(("b)", Family::LatinLower, 2)));
        assert_eq!(label("a)IIo以上"), Some(("a)", Family::LatinLower, 1)));
        assert_eq!(label("C．任务"), Some(("C．", Family::LatinUpper, 3)));
        assert_eq!(label("1.加强"), Some(("1.", Family::ArabicDot, 1)));
        assert_eq!(label("１０．加强"), Some(("１０．", Family::ArabicDot, 10)));
        assert_eq!(
            label("3、民族资产阶级"),
            Some(("3、", Family::ArabicComma, 3))
        );
        assert_eq!(
            label("（１０）项目"),
            Some(("（１０）", Family::ArabicParen, 10))
        );
        assert_eq!(label("2）项目"), Some(("2）", Family::ArabicParen, 2)));
        assert_eq!(label("②项目"), Some(("②", Family::Circled, 2)));
        assert_eq!(label("三要促进"), Some(("三要", Family::Yao, 3)));
        assert_eq!(label("二是加强"), Some(("二是", Family::Shi, 2)));
        assert_eq!(label("三曰厉行宪政"), Some(("三曰", Family::Shi, 3)));
        assert_eq!(label("其一，为敌"), Some(("其一，", Family::Ordinal, 1)));
        assert_eq!(
            label("其二是在一九三五年"),
            Some(("其二", Family::Ordinal, 2))
        );
        assert_eq!(
            label("第一个特点，中国"),
            Some(("第一个特点，", Family::Ordinal, 1))
        );
        assert_eq!(
            label("第二种终点，例如"),
            Some(("第二种终点，", Family::Ordinal, 2))
        );
        assert_eq!(
            label("第二个特点是敌人的强大"),
            Some(("第二个特点", Family::Ordinal, 2))
        );
        assert_eq!(label("第三，团结"), Some(("第三，", Family::Ordinal, 3)));
        assert_eq!(label("第四、关于"), Some(("第四、", Family::Ordinal, 4)));
        assert_eq!(
            label("第一条罪状是："),
            Some(("第一条", Family::Ordinal, 1))
        );
        assert_eq!(
            label("第一点，那些"),
            Some(("第一点，", Family::Ordinal, 1))
        );
        assert_eq!(
            label("第三个问题，好在"),
            Some(("第三个问题，", Family::Ordinal, 3))
        );
        assert_eq!(label("其次，要"), Some(("其次，", Family::Ordinal, 2)));
        assert_eq!(label("最后，要"), Some(("最后，", Family::Ordinal, LAST)));
        assert_eq!(
            label("1 党的领导机关"),
            Some(("1 ", Family::ArabicSpace, 1))
        );
        assert_eq!(label("1　范围"), Some(("1　", Family::ArabicSpace, 1)));
        assert_eq!(label("甲　少数不服从多数"), Some(("甲　", Family::Stem, 1)));
        assert_eq!(label("乙、非组织"), Some(("乙、", Family::Stem, 2)));
        // Two members said as one: the label covers both, `through` the
        // second.
        let merged = marker_at("第三点和第四点，就是").map(|m| (m.len, m.value, m.through()));
        assert_eq!(merged, Some(("第三点和第四点，".len(), 3, 4)));
        let merged = marker_at("第三、四点，就是").map(|m| (m.len, m.value, m.through()));
        assert_eq!(merged, Some(("第三、四点，".len(), 3, 4)));
        assert!(marker_at("第一是日本方面").is_some_and(Marker::unlabeled));
        assert!(!marker_at("第一，日本方面").is_some_and(Marker::unlabeled));
    }

    #[test]
    fn rejects_lookalikes() {
        for text in [
            "一、二线城市",
            "第一个五年计划，",
            "其一生",
            "其次要",
            "第一个人在会上发言",
            "二、三等奖",
            "第一次会议",
            "一是一、二是二",
            "1.5亿元",
            "2.5%",
            "e.g. 例如",
            "A股市场",
            "2016年",
            "统一要求",
            "首先要",
            "其实",
            "（注）",
            "一二三",
            "第一个",
            "3 个问题",
            "5 年来",
            "2 000万",
            "甲、乙双方",
            "甲方",
            "甲 乙 丙",
            "第一、二次会议",
        ] {
            assert_eq!(label(text).map(|l| l.0), None, "{text}");
        }
    }

    #[test]
    fn bare_markers() {
        assert!(is_bare_marker("一、"));
        assert!(is_bare_marker("第一，"));
        assert!(is_bare_marker("**（二）**"));
        assert!(!is_bare_marker("一、标题"));
    }
}
