//! What an exported file is called: `纲目-<title>.<ext>`, with what tells
//! documents of one title apart when the text says it.
//!
//! Every provincial report is a 政府工作报告, every leader's speech a
//! 讲话: named after the title alone, their downloads overwrite each
//! other. So a title that does not already say it is followed by what the
//! front matter does:
//!
//! * the **place** of the meeting (——2024年1月23日在**广东省**第十四届
//!   人民代表大会…), unless the title holds it;
//! * the **speaker** (习近平; 国务院总理**李克强**; 自治区人民政府主席
//!   **包钢**; ——**任正非**在…; 这是**毛泽东**在…), unless the title holds
//!   it or a year;
//! * the **date** of the dateline ([`Document::dateline`]: 2024年1月23日,
//!   一九四四年九月八日, 2026-02-12) as written, unless the title holds a
//!   year.
//!
//! A title with a year (2024年广东省政府工作报告) already names its
//! document. Each piece is made safe for every common file system and the
//! pieces are joined with `-`.

use super::file::Format;
use crate::model::{has_year, Document, NodeKind};

/// Longest title kept in a file name, in chars.
const MAX_TITLE_CHARS: usize = 40;
/// Longest place kept (广西壮族自治区, 新疆维吾尔自治区伊犁哈萨克自治州).
const MAX_PLACE_CHARS: usize = 16;
/// Names of people read from the front matter: two to four Chinese chars.
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=4;

/// Offices that stand before a speaker's name (国务院总理李克强, 广东省省长
/// 王伟中), longest first where one ends another.
const OFFICES: [&str; 31] = [
    "总书记",
    "书记",
    "副主席",
    "主席",
    "副总理",
    "总理",
    "委员长",
    "秘书长",
    "省长",
    "市长",
    "县长",
    "区长",
    "州长",
    "旗长",
    "盟长",
    "部长",
    "厅长",
    "局长",
    "主任",
    "院长",
    "检察长",
    "董事长",
    "总经理",
    "总裁",
    "校长",
    "会长",
    "理事长",
    "行长",
    "司令员",
    "政委",
    "首席执行官",
];

/// Place words that end the name of a province, city or county.
const PLACE_ENDS: [&str; 11] = [
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "县",
    "区",
    "州",
    "盟",
    "旗",
];

/// `纲目-<title>[-<place>][-<speaker>][-<date>].<ext>`, or `纲目.<ext>` when
/// there is nothing to name it by. The title is cut at
/// [`MAX_TITLE_CHARS`] chars; every piece is made safe for every common
/// file system: characters that Windows, macOS or Linux forbid or treat
/// specially (`\ / : * ? " < > |`), controls and line breaks become
/// nothing or one space, runs of spaces one, leading and trailing dots
/// and spaces are dropped.
pub fn file_name(doc: &Document, format: Format) -> String {
    let title = doc.title.as_deref().unwrap_or("");
    let dated = has_year(title);
    let place = place(doc).filter(|place| !title.contains(place));
    let speaker = speaker(doc).filter(|name| !dated && !title.contains(name));
    let date = doc.dateline().and_then(date).filter(|_| !dated);
    let pieces: Vec<String> = [
        sanitise(title, MAX_TITLE_CHARS),
        place.map_or_else(String::new, |place| sanitise(place, MAX_PLACE_CHARS)),
        speaker.map_or_else(String::new, |name| sanitise(name, *NAME_CHARS.end())),
        date.map_or_else(String::new, |date| sanitise(date, MAX_TITLE_CHARS)),
    ]
    .into_iter()
    .filter(|piece| !piece.is_empty())
    .collect();
    if pieces.is_empty() {
        format!("纲目.{}", format.extension())
    } else {
        format!("纲目-{}.{}", pieces.join("-"), format.extension())
    }
}

fn sanitise(piece: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in piece.chars().take(4 * max_chars) {
        match c {
            '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => {}
            c if c.is_control() || c.is_whitespace() => space = true,
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    let cut: String = out.chars().take(max_chars).collect();
    cut.trim_matches(|c: char| c == '.' || c == ' ').to_string()
}

/// The headings of the front matter (题注), in order.
fn front_lines(doc: &Document) -> impl Iterator<Item = &str> {
    doc.nodes
        .iter()
        .filter(|node| node.kind == NodeKind::Front)
        .map(|node| node.heading.as_str())
}

/// The place a front line says the meeting was held in: `在<place>第…`,
/// the place ending in a place word (在广东省第十四届…, 在内蒙古自治区第
/// 十四届…); not 在第十二届全国人民代表大会…, which names no place.
fn place(doc: &Document) -> Option<&str> {
    front_lines(doc).find_map(|line| {
        line.match_indices('在').find_map(|(at, _)| {
            let rest = &line[at + '在'.len_utf8()..];
            let place = &rest[..rest.find('第')?];
            let chars = place.chars().count();
            let ends_well = PLACE_ENDS.iter().any(|end| {
                place
                    .strip_suffix(end)
                    .is_some_and(|before| before.chars().count() >= 2)
            });
            let han = place.chars().all(is_han);
            (ends_well && han && chars <= MAX_PLACE_CHARS).then_some(place)
        })
    })
}

/// The speaker and the date the front matter gives, as file names use
/// them (文档库 lists them too).
pub fn speaker_and_date(doc: &Document) -> (Option<&str>, Option<&str>) {
    (speaker(doc), doc.dateline().and_then(date))
}

/// The speaker a front line names (see the module doc).
fn speaker(doc: &Document) -> Option<&str> {
    front_lines(doc).find_map(speaker_in)
}

fn speaker_in(line: &str) -> Option<&str> {
    let line = line.trim();
    if line.ends_with('摄') {
        // A photo credit: 本报记者 韩卿立 摄.
        return None;
    }
    // A name alone on its line (习近平): of two or three chars, since a
    // four-char line is as often a label (法規網址).
    if is_name(line) && line.chars().count() <= 3 {
        return Some(line);
    }
    // 自治区人民政府主席 包钢, 广东省省长　王伟中
    if let Some((office, name)) = line.rsplit_once(char::is_whitespace) {
        let office = office.trim_end();
        if is_name(name) && OFFICES.iter().any(|word| office.ends_with(word)) {
            return Some(name);
        }
    }
    // 国务院总理李克强
    if line.chars().count() <= 30 {
        for word in OFFICES {
            if let Some(at) = line.rfind(word) {
                let name = &line[at + word.len()..];
                if is_name(name) {
                    return Some(name);
                }
            }
        }
    }
    // ——任正非在…, 这是毛泽东在…的讲演。, 这是毛泽东给林彪的一封信, 作者：…
    let rest = ["——", "这是", "作者：", "作者:"]
        .iter()
        .find_map(|start| line.strip_prefix(start))?;
    let end = rest
        .char_indices()
        .find(|&(_, c)| !is_han(c) || is_numeral(c) || "在给于对同向".contains(c))
        .map_or(rest.len(), |(at, _)| at);
    let name = &rest[..end];
    let next = rest[end..].chars().next();
    let ends_well = next.is_none_or(|c| is_numeral(c) || "在给于对同向 　".contains(c));
    (is_name(name) && ends_well).then_some(name)
}

fn is_name(text: &str) -> bool {
    NAME_CHARS.contains(&text.chars().count()) && text.chars().all(is_han)
}

/// A CJK unified ideograph (a Chinese character).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

fn is_numeral(c: char) -> bool {
    "〇○零一二三四五六七八九十".contains(c)
}

/// The date in a dateline, as written: a year with its month (and day),
/// `2017年3月5日`, `一九四四年九月八日`, `一九四一年三月`, or `2026-02-12`.
/// A year alone (《2001年十大管理工作要点》) does not date the text.
fn date(line: &str) -> Option<&str> {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || is_numeral(c);
    let starts = line
        .char_indices()
        .filter(|&(at, c)| is_digit(c) && !line[..at].ends_with(is_digit));
    starts.map(|(at, _)| &line[at..]).find_map(|rest| {
        // The run of date chars from here: digits, 年 月 日 and `-`.
        let run_end = rest
            .char_indices()
            .find(|&(_, c)| !(is_digit(c) || matches!(c, '年' | '月' | '日' | '-')))
            .map_or(rest.len(), |(at, _)| at);
        let run = &rest[..run_end];
        let year_end = run
            .char_indices()
            .find(|&(_, c)| !is_digit(c))
            .map_or(run.len(), |(at, _)| at);
        if run[..year_end].chars().count() != 4 {
            return None;
        }
        if run[year_end..].starts_with('-') {
            let parts: Vec<&str> = run.split('-').collect();
            let iso = parts.len() == 3 && parts.iter().all(|part| !part.is_empty());
            return iso.then_some(run);
        }
        if !run[year_end..].starts_with('年') {
            return None;
        }
        let month = run.find('月')?;
        let end = match run[month..].find('日') {
            Some(day) => month + day + '日'.len_utf8(),
            None => month + '月'.len_utf8(),
        };
        Some(&run[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::file::TextFormat;

    /// A document with nothing but `title`.
    fn titled(title: Option<&str>) -> Document {
        Document {
            title: title.map(str::to_string),
            ..Document::default()
        }
    }

    #[test]
    fn names_files_after_the_title() {
        assert_eq!(
            file_name(&titled(Some("工作报告")), TextFormat::Opml.into()),
            "纲目-工作报告.opml"
        );
        assert_eq!(
            file_name(&titled(None), TextFormat::Json.into()),
            "纲目.json"
        );
        assert_eq!(
            file_name(&titled(Some(" ./: ")), TextFormat::Html.into()),
            "纲目.html"
        );
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name(
                &titled(Some("a/b\\c:d*e?f\"g<h>i|j\u{0}k")),
                TextFormat::Outline.into()
            ),
            "纲目-abcdefghij k.txt"
        );
        assert_eq!(
            file_name(
                &titled(Some("  在全市\n\t大会上的　讲话..  ")),
                TextFormat::Markdown.into()
            ),
            "纲目-在全市 大会上的 讲话.md"
        );
        let long = "长".repeat(100);
        assert_eq!(
            file_name(&titled(Some(&long)), TextFormat::Markdown.into()),
            format!("纲目-{}.md", "长".repeat(MAX_TITLE_CHARS))
        );
    }

    #[test]
    fn speakers_in_front_lines() {
        for (line, speaker) in [
            ("习近平", Some("习近平")),
            ("国务院总理李克强", Some("李克强")),
            ("自治区人民政府主席 包钢", Some("包钢")),
            ("广东省省长　王伟中", Some("王伟中")),
            (
                "——任正非在科以上干部大会上讲解《2001年十大管理工作要点》",
                Some("任正非"),
            ),
            (
                "这是毛泽东一九三七年十一月在延安中国共产党的活动分子会议上的报告提纲",
                Some("毛泽东"),
            ),
            ("这是毛泽东给林彪的一封信", Some("毛泽东")),
            ("法規網址", None),
            ("本报记者 韩卿立 摄", None),
            ("2022年1月1日 施行", None),
            ("来源：内蒙古日报", None),
            ("——2017年3月5日在第十二届全国人民代表大会第五次会议上", None),
            ("这是一篇讲演。", None),
            ("（一九四四年九月八日）", None),
        ] {
            assert_eq!(speaker_in(line), speaker, "{line}");
        }
    }

    #[test]
    fn dates_in_datelines() {
        for (line, day) in [
            (
                "——2017年3月5日在第十二届全国人民代表大会第五次会议上",
                Some("2017年3月5日"),
            ),
            ("（一九四四年九月八日）", Some("一九四四年九月八日")),
            ("（一九四一年三月、四月）", Some("一九四一年三月")),
            ("时间：2026-02-12", Some("2026-02-12")),
            (
                "2021年12月27日 最高人民法院审判委员会第1859次会议通过",
                Some("2021年12月27日"),
            ),
            (
                "——任正非在科以上干部大会上讲解《2001年十大管理工作要点》",
                None,
            ),
        ] {
            assert_eq!(date(line), day, "{line}");
        }
    }
}
