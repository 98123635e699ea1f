//! Front and back matter: what comes before and after the body.
//!
//! Before the body: web-page chrome (下载 打印 【字号：…】), the title
//! (possibly over several lines), a subtitle (——在…上的讲话), the date, the
//! speaker, source lines, an editor's note, and the salutation (同志们：
//! 各位代表： 尊敬的…：). A document pasted as one line has all of these run
//! together before the salutation, and they are split there.
//!
//! After the body: notes (注释), licence boilerplate from Wikisource
//! (本作品…公有领域), and related links (相关报道：).

use super::lines::{last_meaningful_char, Paragraph};
use super::marker;
use super::text::{
    clean, clean_chars, clean_up_to, decimal_digit, is_blank, is_chinese_numeral_char,
};
use super::tree::{Block, PLAIN_HEADING};

/// Byte ranges of the document's frame and its body blocks.
#[derive(Debug, Default)]
pub(crate) struct Frame {
    pub title: Option<(usize, usize)>,
    pub front: Vec<(usize, usize)>,
    pub salutation: Option<(usize, usize)>,
    pub body: Vec<Block>,
    pub back: Option<(usize, usize)>,
}

/// How far into the text a salutation is looked for.
const SALUTATION_WINDOW: usize = 12;
/// Heading lines standing alone are at most this many chars.
const MAX_HEADING_LINE: usize = 30;

pub(crate) fn frame(text: &str, paragraphs: &[Paragraph]) -> Frame {
    let mut frame = Frame::default();
    let back_start = find_back(text, paragraphs);
    let body_paragraphs = &paragraphs[..back_start];
    if back_start < paragraphs.len() {
        let last = &paragraphs[paragraphs.len() - 1];
        frame.back = Some((paragraphs[back_start].start, last.end));
    }

    let (first_body, body_start) = match find_salutation(text, body_paragraphs) {
        Some((index, salutation, front_end)) => {
            collect_front(text, &body_paragraphs[..index], &mut frame, true);
            if let Some(end) = front_end {
                split_run_in_front(text, body_paragraphs[index].start, end, &mut frame);
            }
            frame.salutation = Some(salutation);
            (index, salutation.1)
        }
        None => {
            let count = collect_front(text, body_paragraphs, &mut frame, false);
            let start = body_paragraphs.get(count).map_or(text.len(), |p| p.start);
            match body_paragraphs.get(count).filter(|_| count == 0) {
                // 为人民服务（一九四四年九月八日）这是…: a document pasted as one
                // line, with no salutation, whose title runs into a date.
                Some(first) => match run_in_title_end(
                    &text[first.start.max(front_matter_end(text)).min(first.end)..first.end],
                ) {
                    Some(end) => {
                        let run = first.start.max(front_matter_end(text)).min(first.end);
                        split_run_in_front(text, first.start, run + end, &mut frame);
                        (0, run + end)
                    }
                    None => (count, start),
                },
                None => (count, start),
            }
        }
    };

    let body_start = body_start.max(front_matter_end(text));
    let body = &body_paragraphs[first_body.min(body_paragraphs.len())..];
    for (i, paragraph) in body.iter().enumerate() {
        let start = paragraph.start.max(body_start);
        let start = start
            + (text[start..paragraph.end].len()
                - text[start..paragraph.end]
                    .trim_start_matches(is_blank)
                    .len());
        if start >= paragraph.end {
            continue;
        }
        let previous = i.checked_sub(1).map(|j| &body[j]);
        let announces = paragraph
            .md_heading
            .is_none()
            .then(|| announced_list(text, paragraph, previous, body.get(i + 1)))
            .flatten();
        let heading_level = paragraph.md_heading.or_else(|| {
            (announces.is_some() || stands_as_heading(text, paragraph, previous, body.get(i + 1)))
                .then_some(PLAIN_HEADING)
        });
        frame.body.push(Block {
            start,
            end: paragraph.end,
            heading_level,
            announces,
            single_line: paragraph.single_line,
            bare_marker: paragraph.bare_marker,
        });
    }
    frame
}

/// Index of the first paragraph of back matter (`paragraphs.len()` if none).
fn find_back(text: &str, paragraphs: &[Paragraph]) -> usize {
    // Back matter is in the second half (by paragraphs, so that line
    // endings do not count).
    let half = paragraphs.len() / 2;
    paragraphs
        .iter()
        .enumerate()
        .position(|(i, p)| {
            if i < half && paragraphs.len() > 4 {
                return false;
            }
            // Enough to tell the words below, and whether it is only them.
            let content: String = clean_chars(&text[p.start..p.end])
                .filter(|c| !is_blank(*c))
                .take(16)
                .collect();
            is_note_start(&content)
                || content == "注释"
                || content == "Publicdomain"
                || content.starts_with("本作品")
                || content.starts_with("相关报道")
                || content.starts_with("责任编辑")
                || content.starts_with("【责任编辑")
                || content.starts_with("（责任编辑")
                || content.starts_with("编辑：")
                || content.starts_with("【打印")
                || content.starts_with("扫一扫")
        })
        .unwrap_or(paragraphs.len())
}

/// Finds the salutation: the paragraph index, its byte range, and, when it
/// stands inside a paragraph after run-in front matter, where that front
/// matter ends.
fn find_salutation(
    text: &str,
    paragraphs: &[Paragraph],
) -> Option<(usize, (usize, usize), Option<usize>)> {
    for (index, paragraph) in paragraphs.iter().take(SALUTATION_WINDOW).enumerate() {
        let body = &text[paragraph.start..paragraph.end];
        if let Some(len) = salutation_len(body) {
            return Some((index, (paragraph.start, paragraph.start + len), None));
        }
        // A document pasted as one line: 标题（日期）讲话人同志们：…
        for word in ["同志们：", "各位代表：", "同志们！"] {
            if let Some(pos) = body.find(word) {
                let before = &body[..pos];
                if before.chars().count() <= 200 && before.matches('。').count() <= 2 {
                    let start = paragraph.start + pos;
                    return Some((index, (start, start + word.len()), Some(start)));
                }
            }
        }
    }
    None
}

/// Byte length of a salutation at the start of `s` (through its colon).
fn salutation_len(s: &str) -> Option<usize> {
    const OPENERS: [&str; 11] = [
        "同志们",
        "各位代表",
        "各位委员",
        "各位",
        "尊敬的",
        "亲爱的",
        "女士们",
        "朋友们",
        "同学们",
        "老师们",
        "同胞们",
    ];
    if !OPENERS.iter().any(|opener| s.starts_with(opener)) {
        return None;
    }
    // Within 60 chars of text: line breaks and spacing do not count, so a
    // salutation is the same however the lines were broken (CRLF, a PDF's
    // wrapping, indentation).
    s.char_indices()
        .filter(|&(_, c)| !is_blank(c))
        .take(60)
        .find_map(|(pos, c)| match c {
            '：' | ':' | '！' | '!' => Some(Some(pos + c.len_utf8())),
            '。' | '？' => Some(None),
            _ => None,
        })
        .flatten()
}

/// Sorts leading paragraphs into title and front matter. With `all`, every
/// paragraph given is front matter; otherwise it stops at the first one
/// that reads as body text and returns how many it took.
fn collect_front(text: &str, paragraphs: &[Paragraph], frame: &mut Frame, all: bool) -> usize {
    let mut taken = 0;
    let metadata_end = front_matter_end(text);
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if paragraph.end <= metadata_end {
            taken = i + 1;
            continue;
        }
        let content = clean(&text[paragraph.start..paragraph.end]);
        // 发布时间：… 来源：… above the title is the page's, not the speech's.
        let meta_above_title = frame.title.is_none() && is_page_meta(&content);
        if is_chrome(&content) || meta_above_title {
            taken = i + 1;
            continue;
        }
        let range = (paragraph.start, paragraph.end);
        // 法規名稱：中華民國憲法增修條文 — a database record names the title.
        if frame.title.is_none() {
            if let Some(title) = named_title(&text[range.0..range.1]) {
                frame.title = Some((range.1 - title.len(), range.1));
                taken = i + 1;
                continue;
            }
        }
        let title_like = frame.title.is_none() && taken == i && is_title_like(&content, paragraph);
        if title_like
            && (all
                || paragraph.md_heading == Some(1)
                || followed_by_front(text, paragraphs, i)
                || (i == 0 && names_a_document(&content) && followed_by_part(text, paragraphs, i))
                || (i == 0 && ends_in_date(&text[range.0..range.1]).is_some()))
        {
            // 为人民服务（一九四四年九月八日）: a title line ending in its date.
            match ends_in_date(&text[range.0..range.1]) {
                Some(open) => {
                    frame.title = Some((range.0, range.0 + open));
                    frame.front.push((range.0 + open, range.1));
                }
                None => frame.title = Some(range),
            }
        } else if let Some(title) = frame.title.filter(|_| continues_title(text, paragraphs, i)) {
            // 在全市…专项行动 / 动员大会上的讲话: a title broken over lines.
            frame.title = Some((title.0, paragraph.end));
        } else if all || (frame.title.is_some() && is_front_line(&content, paragraph)) {
            frame.front.push(range);
        } else {
            return taken;
        }
        taken = i + 1;
    }
    taken
}

/// A web page's meta line (发布时间：… 来源：…); `content` is cleaned.
fn is_page_meta(content: &str) -> bool {
    ["发布时间", "发布日期", "来源：", "时间："]
        .iter()
        .any(|key| content.starts_with(key))
}

/// Lines of chrome looked past for YAML front matter.
const MAX_CHROME_LINES: usize = 12;

/// YAML front matter is looked for in at most this many bytes (a copy
/// wrapped at 20 chars breaks its long URLs over dozens of lines).
const MAX_FRONT_MATTER_BYTES: usize = 8192;

/// Where YAML front matter ends (0 if there is none): `---`, then a
/// `key:` (an ASCII key), and within [`MAX_FRONT_MATTER_BYTES`] the
/// closing `---` (or a `...` line) — the metadata a static site's Markdown
/// file opens with (title: …, date: …, tags:), never the speech. Read
/// without regard to lines, so it is found however the text was re-laid
/// out: on one line, wrapped, with its breaks turned to spaces.
fn front_matter_end(text: &str) -> usize {
    // Past a web page's chrome and meta lines, which a scrape puts first.
    let mut skipped = 0;
    for line in text.split_inclusive('\n').take(MAX_CHROME_LINES) {
        let content = clean(line);
        if content.starts_with("---") || !(is_chrome(&content) || is_page_meta(&content)) {
            break;
        }
        skipped += line.len();
    }
    let body =
        text[skipped..].trim_start_matches(|c: char| c == '\u{FEFF}' || is_blank(c) || c == '\n');
    let skipped = text.len() - body.len();
    let Some(rest) = body.strip_prefix("---") else {
        return 0;
    };
    // The key may follow with no break at all: a copy that deleted them.
    let after = rest.trim_start_matches(|c: char| is_blank(c) || c == '\n');
    let key_len = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-')))
        .unwrap_or(after.len());
    if key_len == 0 || !after[key_len..].starts_with(':') {
        return 0;
    }
    // The closing rule, even run into its neighbours (…"---# 标题).
    let from = body.len() - after.len();
    let window = &body[from..body.floor_char_boundary(from + MAX_FRONT_MATTER_BYTES)];
    window
        .find("---")
        .or_else(|| window.find("\n...").map(|at| at + 1))
        .map_or(0, |at| skipped + from + at + 3)
}

/// Words a title ends with; a title line without one, followed directly
/// by a line that has one, was broken in two.
const TITLE_ENDINGS: [&str; 20] = [
    "讲话", "报告", "发言", "致辞", "讲稿", "党课", "演讲", "总结", "意见", "方案", "纲要", "决定",
    "条例", "办法", "规定", "章程", "规划", "通知", "纪要", "细则",
];

fn continues_title(text: &str, paragraphs: &[Paragraph], i: usize) -> bool {
    let (Some(previous), Some(paragraph)) =
        (i.checked_sub(1).map(|j| &paragraphs[j]), paragraphs.get(i))
    else {
        return false;
    };
    let before = clean(&text[previous.start..previous.end]);
    let content = clean(&text[paragraph.start..paragraph.end]);
    let ends_title = |s: &str| TITLE_ENDINGS.iter().any(|ending| s.ends_with(ending));
    !previous.blank_after
        && before.chars().count() + content.chars().count() <= 80
        && !ends_title(&before)
        && ends_title(&content)
        && is_title_like(&content, paragraph)
}

/// A line ending as document titles do (…条例, …的讲话).
fn names_a_document(content: &str) -> bool {
    content.chars().count() <= 40 && TITLE_ENDINGS.iter().any(|ending| content.ends_with(ending))
}

/// The next paragraph opens a part (第一章, 一、): the line before it heads
/// the whole document.
fn followed_by_part(text: &str, paragraphs: &[Paragraph], i: usize) -> bool {
    paragraphs.get(i + 1).is_some_and(|next| {
        let body = &text[next.start..next.end];
        marker::marker_at(&body[marker::skip_emphasis(body)..])
            .is_some_and(|m| !m.family.is_series())
    })
}

fn followed_by_front(text: &str, paragraphs: &[Paragraph], i: usize) -> bool {
    paragraphs.get(i + 1).is_some_and(|next| {
        let content = clean(&text[next.start..next.end]);
        is_front_line(&content, next) || salutation_len(&content).is_some()
    })
}

/// Splits front matter run into one line with the body: title, then
/// subtitle, date, speaker. `start..end` is the run-in front text.
fn split_run_in_front(text: &str, start: usize, end: usize, frame: &mut Frame) {
    let start = start.max(front_matter_end(text)).min(end);
    let start = start + chrome_prefix_len(&text[start..end]);
    let run = &text[start..end];
    let date = find_date(run);
    // The title ends at a subtitle dash, a date, or a sentence end.
    let title_end = [run.find("——"), date.map(|(open, _)| open), run.find('。')]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(run.len());
    if !run[..title_end].trim_matches(is_blank).is_empty() {
        frame.title = Some((start, start + title_end));
    }
    let mut cuts = vec![title_end];
    if let Some((open, close)) = date.filter(|(open, _)| *open >= title_end) {
        cuts.extend([open, close]);
    }
    cuts.push(run.len());
    cuts.dedup();
    for pair in cuts.windows(2) {
        if pair[0] < pair[1] && !run[pair[0]..pair[1]].trim_matches(is_blank).is_empty() {
            frame.front.push((start + pair[0], start + pair[1]));
        }
    }
}

/// Where the title and its date end in a long first paragraph that starts
/// `标题（日期）…`: the date must come within the first 60 chars, after a
/// title-like run.
fn run_in_title_end(paragraph: &str) -> Option<usize> {
    const MIN_PARAGRAPH: usize = 300;
    const MAX_TITLE: usize = 60;
    if paragraph.chars().count() < MIN_PARAGRAPH {
        return None;
    }
    let head_end = paragraph
        .char_indices()
        .nth(MAX_TITLE + 20)
        .map_or(paragraph.len(), |(at, _)| at);
    let (open, close) = find_date(&paragraph[..head_end])?;
    let title = clean(&paragraph[..open]);
    let title_like = (2..=MAX_TITLE).contains(&title.chars().count())
        && !title.contains(['。', '！', '？', '，', '：'])
        && !marker::starts_with_marker(&title);
    title_like.then_some(close)
}

/// The title a record line gives (`法規名稱：…`, `标题：…`), if it is one.
fn named_title(line: &str) -> Option<&str> {
    const KEYS: [&str; 6] = [
        "法規名稱",
        "法规名称",
        "标题",
        "標題",
        "文件名称",
        "文件名稱",
    ];
    let key = KEYS.iter().find(|key| line.starts_with(*key))?;
    let title = line[key.len()..].strip_prefix(['：', ':'])?;
    let title = title.trim_matches(is_blank);
    (2..=80).contains(&title.chars().count()).then_some(title)
}

/// Where the bracketed date a line ends with opens, after some text
/// (为人民服务（一九四四年九月八日）).
fn ends_in_date(line: &str) -> Option<usize> {
    find_date(line)
        .filter(|&(open, close)| open > 0 && line[close..].chars().all(is_blank))
        .map(|(open, _)| open)
}

/// A date in brackets: （2020年1月8日）. Byte range in `run`.
fn find_date(run: &str) -> Option<(usize, usize)> {
    let open = run.find(['（', '('])?;
    let (at, mark) = run[open..]
        .char_indices()
        .find(|(_, c)| matches!(c, '）' | ')'))?;
    let close = open + at + mark.len_utf8();
    is_date(&run[open..close]).then_some((open, close))
}

/// Web-page chrome at the start of a run (下载打印全屏收藏【字号：加大还原减小】).
fn chrome_prefix_len(run: &str) -> usize {
    let mut rest = run.trim_start_matches(is_blank);
    loop {
        if let Some(word) = CHROME_WORDS.iter().find(|word| rest.starts_with(*word)) {
            rest = rest[word.len()..].trim_start_matches(is_blank);
        } else if rest.starts_with('【') && rest[..rest.find('】').unwrap_or(0)].contains("字号")
        {
            let close = rest.find('】').unwrap_or(0) + '】'.len_utf8();
            rest = rest[close..].trim_start_matches(is_blank);
        } else {
            return run.len() - rest.len();
        }
    }
}

const CHROME_WORDS: [&str; 10] = [
    "下载", "打印", "全屏", "收藏", "分享", "加大", "还原", "减小", "关闭", "返回",
];

fn is_chrome(content: &str) -> bool {
    let chars = content.chars().count();
    chars == 0
        || content.starts_with('<')
        || content.contains("字号")
        // A Markdown rule (--- *** ___) or a plain-text one (=====).
        || (chars >= 3 && content.chars().all(|c| matches!(c, '-' | '*' | '_' | '=')))
        || is_page_furniture(content)
        || (chars <= 2 && !content.chars().all(|c| c.is_alphanumeric()))
        || [
            "下载", "打印", "全屏", "收藏", "分享", "加大", "还原", "减小", "关闭", "返回",
        ]
        .contains(&content)
}

/// A news site's navigation and tool lines (首页 > 新闻中心, 【字体：大 中
/// 小】, 打印本页 关闭窗口, 浏览次数, 扫一扫): never part of the speech.
/// `content` is cleaned (no spaces).
fn is_page_furniture(content: &str) -> bool {
    let breadcrumb = [
        "首页",
        "当前位置",
        "您的位置",
        "您当前的位置",
        "当前所在位置",
        "位置：",
    ]
    .iter()
    .any(|start| content.starts_with(start))
        && content.contains(['>', '＞', '»', '›', '→']);
    breadcrumb
        || [
            "字体：",
            "字体:",
            "【字体",
            "打印本页",
            "关闭窗口",
            "浏览次数",
            "阅读次数",
            "扫一扫",
            "分享到：",
        ]
        .iter()
        .any(|word| content.contains(word))
}

fn is_title_like(content: &str, paragraph: &Paragraph) -> bool {
    let chars = content.chars().count();
    (2..=80).contains(&chars)
        && paragraph.md_heading.is_none_or(|level| level == 1)
        && !paragraph.blockquote
        && !content.ends_with(['。', '；', '，', '：'])
        && !content.starts_with("——")
        && !is_date(content)
        && !marker::starts_with_marker(content)
        && salutation_len(content).is_none()
}

/// Subtitle, date, speaker, source lines, editor's notes.
fn is_front_line(content: &str, paragraph: &Paragraph) -> bool {
    let chars = content.chars().count();
    // `## 问题的提起`: a Markdown section heading starts the body.
    if paragraph.md_heading.is_some_and(|level| level > 1) {
        return false;
    }
    // A quoted editor's note is short: a quote mark that runs to the end
    // of a one-line paste holds the speech.
    (paragraph.blockquote && chars <= MAX_NOTE)
        || content.starts_with("——")
        || content.starts_with("—— ")
        || is_date(content)
        || (chars <= MAX_NOTE
            && ["来源", "时间", "作者", "发布", "编辑", "【导读】", "导读"]
                .iter()
                .any(|key| content.starts_with(key)))
        || is_adoption_record(content)
        // 法規網址：https://…, 原文链接：http://…
        || (chars <= MAX_NOTE && content.contains("://") && !content.contains('。'))
        || (content.starts_with("这是") && chars <= 300 && content.ends_with('。'))
        || content.ends_with('摄')
        || (chars <= 20
            && last_meaningful_char(content)
                .is_some_and(|c| !c.is_ascii_punctuation() && !"。！？；：，".contains(c))
            && !marker::starts_with_marker(content))
}

/// How a law or rule records its making under the title: `1982年12月10日
/// 第五届全国人民代表大会第五次会议通过`, `（2024年3月11日…修订）`, a date
/// opening the line and a verb of enactment closing it.
fn is_adoption_record(content: &str) -> bool {
    const VERBS: [&str; 9] = [
        "通过", "修正", "修订", "公布", "施行", "发布", "批准", "颁布", "印发",
    ];
    let inner = content.trim_matches(|c| matches!(c, '（' | '）' | '(' | ')') || is_blank(c));
    let Some(day) = inner.find('日') else {
        return false;
    };
    inner.chars().count() <= 120
        && day <= 24
        && is_date(&inner[..day + '日'.len_utf8()])
        && VERBS.iter().any(|verb| inner.ends_with(verb))
}

/// Chars of the longest editor's note taken as front matter.
const MAX_NOTE: usize = 300;

/// A date line: （一九四四年九月八日）, 1999年4月17日, 2026-02-12.
fn is_date(content: &str) -> bool {
    let inner = content.trim_matches(|c| matches!(c, '（' | '）' | '(' | ')') || is_blank(c));
    let chars = inner.chars().count();
    if chars == 0 || chars > 24 || !inner.contains('年') && !inner.contains('-') {
        return false;
    }
    inner.chars().all(|c| {
        decimal_digit(c).is_some()
            || is_chinese_numeral_char(c)
            || matches!(c, '年' | '月' | '日' | '-' | '.' | '—' | '至' | '、' | ' ')
    })
}

/// A short unnumbered line between paragraphs that heads what follows
/// (形势和任务, “十四五”时期发展成就和2025年工作回顾, 附件).
fn stands_as_heading(
    text: &str,
    paragraph: &Paragraph,
    previous: Option<&Paragraph>,
    next: Option<&Paragraph>,
) -> bool {
    if !paragraph.single_line {
        return false;
    }
    let (content, short) = clean_up_to(&text[paragraph.start..paragraph.end], MAX_HEADING_LINE);
    if !short {
        return false;
    }
    let chars = content.chars().count();
    let Some(last) = last_meaningful_char(&content) else {
        return false;
    };
    let unpunctuated = last.is_alphanumeric() || matches!(last, '”' | '》');
    let previous_ends = previous.is_none_or(|p| {
        last_meaningful_char(&text[p.start..p.end]).is_some_and(super::text::is_paragraph_end)
    });
    // What follows is text, not another such line.
    let next_longer = next.is_some_and(|n| match clean_up_to(&text[n.start..n.end], chars) {
        (_, false) => true,
        (next, true) => last_meaningful_char(&next).is_some_and(super::text::is_paragraph_end),
    });
    (2..=MAX_HEADING_LINE).contains(&chars)
        && unpunctuated
        && previous_ends
        && next_longer
        // 5 程度分级: a chapter number of GB/T 1.1 that does not count on
        // from an earlier one still heads what follows.
        && marker::marker_at(&content[marker::skip_emphasis(&content)..]).is_none_or(|m| m.family == marker::Family::ArabicSpace)
        && !content.starts_with('—')
}

/// Most chars of a head line announcing a list ([`announced_list`]).
const MAX_ANNOUNCING_HEAD: usize = 15;
/// Words that make a line ending in a colon a lead-in sentence
/// (任务是： 包括： 有如下各种表现： 遵守下列规定： 加强以下几个方面的工作：),
/// not a head.
const LEAD_IN_WORDS: [&str; 7] = ["是", "为", "如下", "下列", "以下", "包括", "如次"];

/// A short line ending in a colon that names what the list after it is
/// (单纯军事观点的来源： / 纠正的方法： then （一）…, 古田会议决议): a head
/// of that list, as a heading line is of its paragraphs. The list must
/// start at one on the next paragraph; a clause (…，其表现如下：) or a
/// sentence leading into the list (任务是：) is no head. Returns the family
/// of the list's markers.
fn announced_list(
    text: &str,
    paragraph: &Paragraph,
    previous: Option<&Paragraph>,
    next: Option<&Paragraph>,
) -> Option<marker::Family> {
    if !paragraph.single_line {
        return None;
    }
    let (content, short) = clean_up_to(
        &text[paragraph.start..paragraph.end],
        MAX_ANNOUNCING_HEAD + 1,
    );
    let content = content.trim_end_matches(|c: char| is_blank(c) || c == '*');
    let named = content.strip_suffix(['：', ':'])?;
    let previous_ends = previous.is_none_or(|p| {
        last_meaningful_char(&text[p.start..p.end]).is_some_and(super::text::is_paragraph_end)
    });
    let a_name = (2..=MAX_ANNOUNCING_HEAD).contains(&named.chars().count())
        && !named
            .contains(|c: char| super::text::is_clause_break(c) || matches!(c, '、' | '“' | '”'))
        && !LEAD_IN_WORDS.iter().any(|word| named.contains(word))
        && !marker::starts_with_marker(named);
    if !(short && previous_ends && a_name) {
        return None;
    }
    let next = next?;
    let next = &text[next.start..next.end];
    let list = marker::marker_at(&next[marker::skip_emphasis(next)..])?;
    (list.value == 1 && !list.positional).then_some(list.family)
}

/// The first of a run of endnotes: ①…, 〔1〕…, [1]….
fn is_note_start(content: &str) -> bool {
    content.starts_with('①') || content.starts_with("〔1〕") || content.starts_with("[1]")
}
