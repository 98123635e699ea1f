//! Who is quoted: the speaker named in the clause right before a quotation.
//!
//! The lead-in is read backwards from the opening mark: first the
//! punctuation touching the mark (`：`, `，` or none), then the clause back to
//! the previous clause boundary (`，。；：！？`, a line start, the enclosing
//! quotation's mark, or [`CLAUSE_WINDOW`] chars, whichever comes first). The
//! clause must end with a speech verb (`指出`, `说过`, `所说的` …); what stands
//! before the verb is the subject. The speaker is the head of the subject:
//! connectives, time phrases and epithets are stripped from its front
//! (`正如`, `早在一九六七年`, `伟大领袖`), and it is cut before the first
//! adverbial or prepositional word (`在`, `曾经`, `一再`, `深刻`,
//! `一针见血地` …). What is left must look like a name or title: 2–12 chars
//! of Chinese (or Latin) letters, no pronoun, no generic "people say" word
//! (`有人`, `古人`, `俗话`).
//!
//! The word lists are space-separated strings so that they stay compact.

use std::collections::HashMap;

use super::MAX_GAP;
use crate::parse::text::is_ideograph;

/// How far back a lead-in clause is read. Real ones are shorter
/// (毛主席在一九七五年七月的两次重要谈话中尖锐指出 is 22 chars); a clause
/// that does not end within this window is not a lead-in.
const CLAUSE_WINDOW: usize = 48;
/// How many chars, spacing and stepped-over quotations included, reading
/// one clause may look at. Keeps the work per quotation bounded whatever
/// the spacing.
const CLAUSE_STEPS: usize = 4 * CLAUSE_WINDOW;

/// Longest speaker kept.
const MAX_SPEAKER_CHARS: usize = 12;
/// Longest speaker borrowed from the clause before (毛主席还以…为例，尖锐指出：),
/// where a looser match would pick up any subject.
const MAX_BORROWED_SPEAKER_CHARS: usize = 6;
/// At most this many chars before a book that speaks (正如《决定》指出).
const MAX_BOOK_LEAD_CHARS: usize = 4;

/// Verbs after `所` that introduce a quotation even with no punctuation
/// before the mark (毛主席所说的“…”).
const ATTRIBUTIVE_VERBS: &str =
    "所说 所讲 所指出 所说明 所言 所云 所强调 所写 所教导 所告诫 所论述";
/// Speech verbs: they introduce a quotation when followed by `：` or `，`.
const SPEECH_VERBS: &str =
    "说 说过 说道 讲 讲过 讲道 指出 指出过 强调 强调过 写道 认为 告诫 教导 有云 有言 曰 云 谈到 谈道 告诉我 \
    告诉我们";
/// Speech verbs that introduce a quotation with no mark before it
/// (任正非曾明确说过“…”, 鲁迅写道“…”): said before, or written.
const UNMARKED_SPEECH_VERBS: &str = "说过 讲过 指出过 强调过 说道 讲道 写道";
/// Verbs that introduce a quotation only before a colon (毛主席就提出：“…”),
/// because without one they usually take a slogan as object (提出了“…”).
const REPORTING_VERBS: &str =
    "指示 批示 提出 要求 号召 宣布 宣告 表示 警告 提醒 嘱咐 批评 勉励 题词 问 答 回答 \
    写信 说明 论述 阐述 回忆 感叹 斥责 反问 寄语 倡导 批判 解释 总结 概括";
/// Nouns for someone's words that introduce a quotation after `X的` and
/// before a colon (贯彻毛主席的指示：“…”), or a comma when counted
/// (华罗庚的一句话，“…”).
const SPEECH_NOUNS: &str = "指示 教导 话 论述 名言 讲话 教诲 批示 遗训 格言 观点";
/// What may follow a noun for someone's words: a judgement of them
/// (斯大林的话说得对：“…”).
const JUDGEMENTS: &str = "说得对 说得好 说得很对 说得很好 讲得对 讲得好 讲得很对 讲得很好";
/// Measure words counting someone's words (华罗庚的一句话, 任正非的另一个观点).
const COUNTED_WORDS: &str = "一句 这句 那句 一段 这段 另一个 一个 这个";
/// Verbs whose object is someone's words (我年轻时就知道华罗庚的一句话):
/// the speaker follows the last of them.
/// A cleft (最值得体会的是任正非的另一个观点) ends its subject with 的是.
const KNOWING_VERBS: &str = "知道 记得 记住 想起 想到 听到 听过 读到 读过 引用 借用 重温 的是";
/// Comparisons after which the speaker follows, wherever they stand in the
/// subject (事实正如毛泽东主席…所说的).
const COMPARISONS: &str = "正如 正像 正象 就像 就象 诚如 如同 恰如";
/// Words stripped from the front of a subject: connectives, time words,
/// epithets, and verbs that take an attributive speaker as object
/// (实行张春桥所说的“…”).
const LEADING_WORDS: &str = "象 像 如 早在 当年 去年 今年 前年 最近 后来 当时 那时 曾经 此前 过去 \
    我们的 伟大领袖 伟大导师 革命导师 伟大的 敬爱的 这就是 这正是 这也是 也就是 正是 就是 这是 即 \
    例如 比如 另外 同时 所以 因此 因而 但是 但 而且 而 并且 然而 可是 对此 为此 于是 当然 还 又 也 \
    都 并 我国 我党 古代 著名 进一步 实行 克服 按照 遵照 根据 依照 贯彻 落实 牢记 做到 坚持 实现 达到 \
    成为 引用 借用 重温 学习 领会 践行 发扬 了";
/// Words that end the name inside a subject: the adverbials and
/// prepositions between a speaker and the verb. Single chars end it only
/// after its first char, so that a surname like 曾 survives.
const NAME_ENDERS: &str =
    "在 曾 就 又 还 也 都 对 给 早 把 从 以 即 却 便 亦 并 一再 早就 早已 历来 \
    多次 反复 一贯 一直 深刻 明确 尖锐 严厉 郑重 一针见血 谆谆 当面 针对 生前 当时 那时 后来 再次 \
    始终 专门 特别 进一步 亲自 首次 总是 经常 关于 认真 语重心长 意味深长 精辟 生动 形象 鲜明 严肃 \
    坚定 高度 充分 这样 同样 说 讲 指出 强调 认为 告诫 教导 批评 写 提出 指示 批示 要求 号召 所";
/// Titles that end a speaker's name (习近平总书记, 毛主席); used to cut an
/// adverb of unknown length before `地` (毛主席一针见血地指出).
const TITLES: &str =
    "主席 总书记 书记 同志 总理 委员长 主任 部长 省长 市长 先生 女士 教授 院士 导师 \
    总统 首相 董事长 总裁 将军 元帅 司令";
/// Starts of subjects that are not a named speaker: pronouns, "people",
/// proverbs, documents, and adverbials that stand before 说 (老实说, 通常所说的).
const GENERIC_STARTS: &str = "有 他 她 它 我 你 您 咱 人 大家 古人 前人 先人 俗 老话 常言 古语 古话 谚语 \
    民谚 别人 群众 老百姓 文章 报告 文件 决议 决定 宪法 党章 书 上面 下面 前面 后面 在 对 从 把 被 \
    就 将 为 因 如果 假如 只 不 没 要 应 该 可 能 会 需 必 老实 具体 简单 严格 一般 总体 反过来 确切 \
    准确 换言 坦白 坦率 听 据 再 通常 平常 平时 大体 常";
/// Chars a name never holds: particles, demonstratives, measure words.
const NOT_IN_NAMES: &[char] = &[
    '的', '是', '了', '着', '这', '那', '么', '个', '些', '们', '吗', '呢', '吧', '啊', '所', '其',
    '此', '何', '话', '地', '得',
];
/// Last chars of locative phrases (大体上, 会议中), never of a name.
const NOT_AT_NAME_END: &[char] = &['上', '中', '下', '里', '时', '后', '前', '内', '外', '间'];

/// The words of a space-separated list.
fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.split_ascii_whitespace()
}

/// What stands between a lead-in clause and the opening mark.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Lead {
    Colon,
    Comma,
    /// The clause runs into the mark (所说的“…”).
    Nothing,
}

/// A clause read backwards from a position.
struct Clause {
    /// The clause with ignorable chars removed; a quotation inside it
    /// (毛主席在“…”一文中说) is replaced by one `“`.
    text: String,
    /// Index of the boundary char before the clause, if it is punctuation.
    boundary_at: Option<usize>,
    boundary: Option<char>,
}

/// The speaker named in the lead-in of the quotation opening at `open`.
/// `floor` is the first index the lead-in may use (just inside an
/// enclosing quotation); `opener_of` maps closing marks to opening marks so
/// that a clause containing a quotation is read whole.
pub(super) fn speaker_before(
    chars: &[char],
    open: usize,
    floor: usize,
    opener_of: &HashMap<usize, usize>,
) -> Option<String> {
    let end = super::gap_start(chars, open, floor);
    let lead = match chars.get(end.checked_sub(1)?) {
        Some('：' | ':') if end > floor => Lead::Colon,
        Some('，' | ',') if end > floor => Lead::Comma,
        _ => Lead::Nothing,
    };
    let clause_end = if lead == Lead::Nothing { end } else { end - 1 };
    let clause = clause_before(chars, clause_end, floor, opener_of)?;
    if let Some(speaker) = attribute(chars, &clause, lead, floor, opener_of) {
        return Some(speaker);
    }
    // 毛主席说：社会主义革命，“…”: the quotation begins inside the speech.
    let short = clause.text.chars().count() <= MAX_SPEAKER_CHARS;
    if lead == Lead::Comma && short && matches!(clause.boundary, Some('：' | ':')) {
        let previous = clause_before(chars, clause.boundary_at?, floor, opener_of)?;
        return attribute(chars, &previous, Lead::Colon, floor, opener_of);
    }
    None
}

/// Most chars of a speaker named in brackets after the words.
const MAX_BRACKETED_SPEAKER_CHARS: usize = 4;

/// A speaker named in brackets right after the closing mark, as a source
/// is cited (“剿匪经年，耗费百万”（鲁涤平）): two to four chars of a name.
pub(super) fn speaker_in_brackets_after(chars: &[char], close: usize) -> Option<String> {
    let open = close + 1;
    if !matches!(chars.get(open), Some('（' | '(')) {
        return None;
    }
    let inner: String = chars[open + 1..]
        .iter()
        .take(MAX_BRACKETED_SPEAKER_CHARS + 1)
        .take_while(|&&c| !matches!(c, '）' | ')'))
        .collect();
    let length = inner.chars().count();
    let closed = matches!(chars.get(open + 1 + length), Some('）' | ')'));
    let name = closed
        && length <= MAX_BRACKETED_SPEAKER_CHARS
        && inner.chars().all(is_ideograph)
        && is_plausible_name(&inner);
    name.then_some(inner)
}

/// The speaker of a lead-in clause that ends in a speech verb.
fn attribute(
    chars: &[char],
    clause: &Clause,
    lead: Lead,
    floor: usize,
    opener_of: &HashMap<usize, usize>,
) -> Option<String> {
    let subject = verb_subject(&clause.text, lead)?;
    if let Some(book) = book_title(subject) {
        return Some(book.to_string());
    }
    let head = head_of(subject);
    if is_plausible_name(head) || is_role_of_a_place(head) {
        return Some(head.to_string());
    }
    // 鲁迅曾经批评过这种人，他说：“…”: a pronoun names the subject of the
    // clause before.
    if matches!(subject, "他" | "她") && clause.boundary.is_some() {
        let previous = clause_before(chars, clause.boundary_at?, floor, opener_of)?;
        let head = head_of(&previous.text);
        if head.chars().count() <= MAX_BORROWED_SPEAKER_CHARS && is_plausible_name(head) {
            return Some(head.to_string());
        }
    }
    // 毛主席还以…为例，尖锐指出：“…”: the verb's clause holds only adverbs,
    // the name opens the clause before.
    if head.is_empty() && matches!(clause.boundary, Some('，' | ',')) {
        let previous = clause_before(chars, clause.boundary_at?, floor, opener_of)?;
        let (end, by_word) = name_end(&previous.text);
        let head = &previous.text[..end];
        let short = head.chars().count() <= MAX_BORROWED_SPEAKER_CHARS;
        if by_word && short && is_plausible_name(head) {
            return Some(head.to_string());
        }
    }
    None
}

/// A book or document that speaks (《总理遗嘱》有云：“…”, 正如《决定》中
/// 指出：“…”): its name without the marks, when the subject ends with it
/// and at most [`MAX_BOOK_LEAD_CHARS`] chars stand before it.
fn book_title(subject: &str) -> Option<&str> {
    let subject = subject.strip_suffix(['中', '里', '上']).unwrap_or(subject);
    let inner = subject.strip_suffix('》')?;
    let open = inner.rfind('《')?;
    let (lead, name) = (&inner[..open], &inner[open + '《'.len_utf8()..]);
    let length = name.chars().count();
    let plausible = (1..=2 * MAX_SPEAKER_CHARS).contains(&length)
        && !name.contains(['《', '》'])
        && lead.chars().count() <= MAX_BOOK_LEAD_CHARS
        && !lead.contains(is_sentence_mark);
    plausible.then_some(name)
}

fn is_sentence_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':')
}

/// Reads the clause ending before `end` back to its boundary. `None` when
/// no boundary is found within [`CLAUSE_WINDOW`].
fn clause_before(
    chars: &[char],
    end: usize,
    floor: usize,
    opener_of: &HashMap<usize, usize>,
) -> Option<Clause> {
    let mut reversed = Vec::new();
    let mut at = end;
    let mut boundary = None;
    let mut steps = 0;
    while at > floor {
        let index = at - 1;
        let c = chars[index];
        steps += 1;
        if reversed.len() >= CLAUSE_WINDOW || steps > CLAUSE_STEPS {
            return None;
        }
        if matches!(
            c,
            '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?'
        ) {
            boundary = Some((index, c));
            break;
        }
        if c == '\n' {
            if !is_soft_break(chars, index) {
                break;
            }
            at = index;
            continue;
        }
        // A quotation inside the clause (毛主席在“…”一文中说) is stepped
        // over; one ending in a full stop ended the sentence before.
        // (Only closing marks are keys: the others skip the lookup.)
        let quote_open = super::is_closing(c)
            .then(|| opener_of.get(&index))
            .flatten()
            .filter(|&&open| open >= floor);
        if let Some(&quote_open) = quote_open {
            if ends_sentence(&chars[quote_open..index]) {
                break;
            }
            reversed.push('“');
            at = quote_open;
            continue;
        }
        if super::is_opening(c) || super::is_closing(c) {
            break;
        }
        if !super::is_spacing(c) {
            reversed.push(c);
        }
        at = index;
    }
    Some(Clause {
        text: reversed.iter().rev().collect(),
        boundary_at: boundary.map(|(index, _)| index),
        boundary: boundary.map(|(_, c)| c),
    })
}

/// Whether quoted words end with a full stop (before any spacing).
fn ends_sentence(words: &[char]) -> bool {
    words
        .iter()
        .rev()
        .take(MAX_GAP)
        .find(|&&c| !super::is_spacing(c))
        .is_some_and(|&c| matches!(c, '。' | '！' | '？' | '…' | '!' | '?'))
}

/// The subject before the speech verb that ends `clause`, if it ends in one.
fn verb_subject(clause: &str, lead: Lead) -> Option<&str> {
    // 所说的“…” / 说的“…”: an attributive 的 after the verb.
    let (body, attributive) = match clause.strip_suffix('的') {
        Some(body) => (body, true),
        None => (clause.strip_suffix('了').unwrap_or(clause), false),
    };
    let ends_with_any = |text: &str, verbs: &'static str| -> Option<usize> {
        words(verbs)
            .find(|verb| text.ends_with(verb))
            .map(|verb| text.len() - verb.len())
    };
    if let Some(cut) = ends_with_any(body, ATTRIBUTIVE_VERBS) {
        return Some(&body[..cut]);
    }
    if lead != Lead::Nothing || attributive {
        if let Some(cut) = ends_with_any(body, SPEECH_VERBS) {
            return Some(&body[..cut]);
        }
    }
    // 任正非曾明确说过“…”: a verb of having said, or of writing, takes
    // the words as its object with no mark before them.
    if let Some(cut) = ends_with_any(body, UNMARKED_SPEECH_VERBS) {
        return Some(&body[..cut]);
    }
    // 毛主席的指示：“…”, 斯大林的话说得对：“…”, 华罗庚的一句话，“…”: a
    // noun for words, after the speaker and 的.
    let judged = ends_with_any(body, JUDGEMENTS).map_or(body, |cut| &body[..cut]);
    if let Some(cut) = ends_with_any(judged, SPEECH_NOUNS) {
        let counted = ends_with_any(&judged[..cut], COUNTED_WORDS);
        let before = &judged[..counted.unwrap_or(cut)];
        let introduces = lead == Lead::Colon || (lead == Lead::Comma && counted.is_some());
        if let Some(speaker) = before.strip_suffix('的').filter(|_| introduces) {
            let after_verb = words(KNOWING_VERBS)
                .filter_map(|verb| speaker.rfind(verb).map(|at| at + verb.len()))
                .max();
            return Some(&speaker[after_verb.unwrap_or(0)..]);
        }
    }
    if lead != Lead::Colon {
        return None;
    }
    if let Some(cut) = ends_with_any(body, REPORTING_VERBS) {
        return Some(&body[..cut]);
    }
    // 教导我们：“…” / 批评王洪文：“…”: a short object after the verb.
    let object_starts = body.char_indices().rev().take(3).map(|(at, _)| at);
    for object_at in object_starts {
        let (before, object) = body.split_at(object_at);
        if object.contains(['的', '是', '了']) {
            break;
        }
        let verb = ends_with_any(before, SPEECH_VERBS).or(ends_with_any(before, REPORTING_VERBS));
        if let Some(cut) = verb {
            return Some(&before[..cut]);
        }
    }
    None
}

/// The name at the head of a subject: leading time phrases and
/// connectives stripped, cut before the first adverbial.
fn head_of(subject: &str) -> &str {
    // 有个文学家叫做司马迁的说过: the name follows 叫做.
    let named = ["叫做", "叫作", "名叫"]
        .iter()
        .filter_map(|marker| {
            subject
                .rfind(marker)
                .map(|at| &subject[at + marker.len()..])
        })
        .next();
    let mut rest = named.unwrap_or(subject);
    if let Some(after) = words(COMPARISONS)
        .filter_map(|word| rest.rfind(word).map(|at| at + word.len()))
        .max()
    {
        rest = &rest[after..];
    }
    'strip: loop {
        if let Some(after) = strip_date(rest) {
            rest = after;
            continue;
        }
        for word in words(LEADING_WORDS) {
            if let Some(after) = rest.strip_prefix(word) {
                rest = after;
                continue 'strip;
            }
        }
        break;
    }
    let (end, _) = name_end(rest);
    let head = &rest[..end];
    head.strip_suffix('的').unwrap_or(head)
}

/// Byte length of the name at the start of `text`, and whether a word in
/// [`NAME_ENDERS`] ended it (rather than the text or an odd char).
fn name_end(text: &str) -> (usize, bool) {
    for (position, (at, c)) in text.char_indices().enumerate() {
        let rest = &text[at..];
        let ender = words(NAME_ENDERS)
            .any(|word| rest.starts_with(word) && (position >= 1 || word.chars().nth(1).is_some()));
        if ender || (position >= 1 && strip_date(rest).is_some()) {
            return (at, true);
        }
        if !is_name_char(c) {
            return (at, false);
        }
        // 一针见血地 / 严肃地: an adverb of any length ends at 地; the name
        // ends at a title before it, else two chars before it.
        if c == '地' && position >= 3 {
            let title_end = words(TITLES)
                .filter_map(|title| text[..at].find(title).map(|t| t + title.len()))
                .max();
            let two_before = text[..at].char_indices().rev().nth(1).map_or(0, |(b, _)| b);
            return (title_end.unwrap_or(two_before), true);
        }
    }
    (text.len(), false)
}

/// Strips a date or time at the start (一九七五年初, 十二月二十三日, 2011年).
fn strip_date(text: &str) -> Option<&str> {
    let digits_end = text
        .char_indices()
        .find(|&(_, c)| !is_numeral(c))
        .map_or(text.len(), |(at, _)| at);
    if digits_end == 0 {
        return None;
    }
    let mut rest = text[digits_end..]
        .strip_prefix(['多', '余'])
        .unwrap_or(&text[digits_end..]);
    rest = rest.strip_prefix(['年', '月', '日', '号'])?;
    for tail in [
        "以来", "以后", "以前", "前后", "上旬", "中旬", "下旬", "初", "底", "末", "中", "春", "夏",
        "秋", "冬", "间", "前", "后", "时",
    ] {
        if let Some(after) = rest.strip_prefix(tail) {
            return Some(after);
        }
    }
    Some(rest)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "〇○零一二三四五六七八九十百千两".contains(c)
}

/// Whether a cut-out head reads as a speaker's name or title.
fn is_plausible_name(head: &str) -> bool {
    let length = head.chars().count();
    (2..=MAX_SPEAKER_CHARS).contains(&length)
        && !head.contains(NOT_IN_NAMES)
        && !head.starts_with(is_numeral)
        && !head.starts_with(['、', '·', ' '])
        && !head.ends_with(['、', '·', ' '])
        && !head.ends_with(NOT_AT_NAME_END)
        && !words(GENERIC_STARTS).any(|word| head.starts_with(word))
}

/// A role or group named by where it is (湘乡的承审员, 长冈乡的群众): a
/// plausible start, one `的`, and after it a role of two to four chars.
fn is_role_of_a_place(head: &str) -> bool {
    let Some((place, role)) = head.split_once('的') else {
        return false;
    };
    let (place_chars, role_chars) = (place.chars().count(), role.chars().count());
    head.chars().count() <= MAX_SPEAKER_CHARS
        && (2..=6).contains(&place_chars)
        && (2..=4).contains(&role_chars)
        && place.chars().chain(role.chars()).all(is_ideograph)
        && !place.contains(NOT_IN_NAMES)
        && !role.contains(NOT_IN_NAMES)
        && !role.ends_with(NOT_AT_NAME_END)
        && !words(GENERIC_STARTS).any(|word| place.starts_with(word))
}

fn is_name_char(c: char) -> bool {
    is_ideograph(c) || c.is_ascii_alphabetic() || matches!(c, '、' | '·' | '•' | '‧' | '・' | ' ')
}

/// A line break next to a zero-width char is an artefact of the source
/// (a sentence broken by a line holding only U+200B), not a line start.
fn is_soft_break(chars: &[char], index: usize) -> bool {
    // \r\n is one break: look past the \r on either side.
    let before = index
        .checked_sub(1)
        .and_then(|i| chars[..i + 1].iter().rev().find(|&&c| c != '\r'));
    let after = chars
        .get(index + 1..)
        .and_then(|rest| rest.iter().find(|&&c| c != '\r'));
    // A line broken inside a word (PDF copies: 正如斯\n大林所说) joins.
    let mid_word = before
        .zip(after)
        .is_some_and(|(b, a)| b.is_alphanumeric() && a.is_alphanumeric());
    mid_word
        || [before, after]
            .into_iter()
            .flatten()
            .any(|&c| super::is_zero_width(c))
}
