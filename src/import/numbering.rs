//! Word's automatic numbering (`word/numbering.xml`), rendered the way
//! Word shows it, so that an automatically numbered heading reaches the
//! parser as `一、标题` rather than `标题`.
//!
//! A paragraph names a list (`w:numId`) and a level (`w:ilvl`, 0–8). The
//! list (`w:num`) points to a definition (`w:abstractNum`) whose level says
//! where counting starts (`w:start`), how a number is written
//! (`w:numFmt`: `decimal`, `chineseCounting`, …) and the pattern
//! (`w:lvlText`: `%1、` `（%1）` `%1.%2`). Counting follows Word: lists
//! that share a definition share their counters unless a list overrides a
//! start (`w:lvlOverride/w:startOverride`), and a level restarts after any
//! paragraph of a higher level.

use std::collections::HashMap;

use super::xml::{attr, Event, Reader};

const LEVELS: usize = 9;

/// Longest number rendered: Word's own are a few dozen bytes, and a
/// pattern of thousands of placeholders in a damaged or hostile file must
/// not make every paragraph megabytes long.
const MAX_NUMBER_BYTES: usize = 256;

/// One level of a list definition.
#[derive(Clone, Debug, Default)]
struct Level {
    start: u32,
    format: String,
    pattern: String,
    /// `w:isLgl`: every number in the pattern is written in decimal.
    legal: bool,
    /// `w:suff`: what follows the number: `tab` (default), `space`, `nothing`.
    suffix: String,
    /// `w:pStyle`: the paragraph style linked to this level.
    style: Option<String>,
}

/// The number last given at each level; `None` before the first and
/// after a restart.
type Counters = [Option<u32>; LEVELS];

#[derive(Clone, Debug, Default)]
struct Definition {
    levels: [Level; LEVELS],
    /// `w:numStyleLink`: the definition is that of the list named by this
    /// numbering style.
    style_link: Option<String>,
    /// Shared by the lists that use this definition without overrides.
    counters: Counters,
}

#[derive(Clone, Debug, Default)]
struct List {
    definition: String,
    /// `w:startOverride` per level.
    start_overrides: [Option<u32>; LEVELS],
    /// Used instead of the definition's when the list overrides a start.
    counters: Counters,
}

/// The lists of a document and their counters as paragraphs are numbered.
#[derive(Debug, Default)]
pub struct Numbering {
    definitions: HashMap<String, Definition>,
    lists: HashMap<String, List>,
}

/// A number ready to put before a paragraph's text.
#[derive(Debug, PartialEq, Eq)]
pub struct Rendered {
    pub number: String,
    /// What stands between the number and the text.
    pub separator: &'static str,
}

impl Numbering {
    /// Reads `word/numbering.xml`. Missing or odd parts give fewer lists.
    pub fn read(xml: &str) -> Self {
        let mut numbering = Numbering::default();
        let mut definition: Option<(String, Definition)> = None;
        let mut list: Option<(String, List)> = None;
        let mut level: Option<usize> = None;
        let mut reader = Reader::new(xml);
        while let Some(event) = reader.next() {
            let (name, attrs) = match event {
                Event::Start { name, attrs, .. } => (name, attrs),
                Event::End { name } => {
                    match name {
                        "w:abstractNum" => {
                            if let Some((id, done)) = definition.take() {
                                numbering.definitions.insert(id, done);
                            }
                        }
                        "w:num" => {
                            if let Some((id, done)) = list.take() {
                                numbering.lists.insert(id, done);
                            }
                        }
                        "w:lvl" | "w:lvlOverride" => level = None,
                        _ => {}
                    }
                    continue;
                }
                _ => continue,
            };
            let val = || attr(attrs, "w:val").map(|v| v.into_owned());
            let ilvl = || {
                attr(attrs, "w:ilvl")
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|l| *l < LEVELS)
            };
            match name {
                "w:abstractNum" => {
                    let id = attr(attrs, "w:abstractNumId").unwrap_or_default();
                    definition = Some((id.into_owned(), Definition::default()));
                }
                "w:num" => {
                    let id = attr(attrs, "w:numId").unwrap_or_default();
                    list = Some((id.into_owned(), List::default()));
                }
                "w:abstractNumId" => {
                    if let (Some((_, list)), Some(id)) = (&mut list, val()) {
                        list.definition = id;
                    }
                }
                "w:lvlOverride" => level = ilvl(),
                "w:startOverride" => {
                    if let (Some((_, list)), Some(level)) = (&mut list, level) {
                        list.start_overrides[level] = val().and_then(|v| v.parse().ok());
                    }
                }
                // A whole level redefined inside a w:num is rare; its
                // content is not read.
                "w:lvl" if list.is_some() => reader.skip_element("w:lvl"),
                "w:lvl" => {
                    level = ilvl();
                    if let (Some((_, definition)), Some(level)) = (&mut definition, level) {
                        definition.levels[level] = Level {
                            start: 1,
                            ..Level::default()
                        };
                    }
                }
                "w:numStyleLink" => {
                    if let Some((_, definition)) = &mut definition {
                        definition.style_link = val();
                    }
                }
                _ => {
                    let Some((_, definition)) = &mut definition else {
                        continue;
                    };
                    let Some(level) = level.map(|l| &mut definition.levels[l]) else {
                        continue;
                    };
                    match name {
                        "w:start" => level.start = val().and_then(|v| v.parse().ok()).unwrap_or(1),
                        "w:numFmt" => level.format = val().unwrap_or_default(),
                        "w:lvlText" => level.pattern = val().unwrap_or_default(),
                        "w:isLgl" => level.legal = val().is_none_or(|v| v != "0" && v != "false"),
                        "w:suff" => level.suffix = val().unwrap_or_default(),
                        "w:pStyle" => level.style = val(),
                        _ => {}
                    }
                }
            }
        }
        numbering
    }

    /// The level of list `list_id` linked to paragraph style `style`, for a
    /// paragraph numbered through its style without a `w:ilvl` of its own.
    pub fn level_of_style(&self, list_id: &str, style: &str) -> Option<usize> {
        let id = self.definition_id(list_id, &|_| None)?;
        self.definitions
            .get(&id)?
            .levels
            .iter()
            .position(|level| level.style.as_deref() == Some(style))
    }

    /// The id of the definition of list `list_id`. `style_list` maps a
    /// numbering style to its list, for definitions that only link to a
    /// style.
    fn definition_id(
        &self,
        list_id: &str,
        style_list: &dyn Fn(&str) -> Option<String>,
    ) -> Option<String> {
        let id = &self.lists.get(list_id)?.definition;
        let linked = self
            .definitions
            .get(id)?
            .style_link
            .as_deref()
            .and_then(style_list)
            .and_then(|list| self.lists.get(&list))
            .map(|list| &list.definition)
            .filter(|linked| self.definitions.contains_key(*linked));
        Some(linked.unwrap_or(id).clone())
    }

    /// Counts a paragraph of list `list_id` at `level` and returns its
    /// number as Word shows it, or `None` for a bullet, an unnumbered
    /// level or an unknown list. `style_list` resolves numbering styles.
    pub fn next(
        &mut self,
        list_id: &str,
        level: usize,
        style_list: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Rendered> {
        if level >= LEVELS {
            return None;
        }
        let overrides = self.lists.get(list_id)?.start_overrides;
        let id = self.definition_id(list_id, style_list)?;
        let first = overrides[level].unwrap_or(self.definitions.get(&id)?.levels[level].start);
        let counters = if overrides.iter().any(Option::is_some) {
            &mut self.lists.get_mut(list_id)?.counters
        } else {
            &mut self.definitions.get_mut(&id)?.counters
        };
        counters[level] = Some(counters[level].map_or(first, |n| n.saturating_add(1)));
        for deeper in &mut counters[level + 1..] {
            *deeper = None;
        }
        let counters = *counters;
        let definition = self.definitions.get(&id)?;
        let start = |l: usize| overrides[l].unwrap_or(definition.levels[l].start);
        let this = &definition.levels[level];
        if matches!(this.format.as_str(), "bullet" | "none") || this.pattern.is_empty() {
            return None;
        }
        let mut number = String::new();
        let mut chars = this.pattern.chars().peekable();
        while let Some(c) = chars.next() {
            if number.len() >= MAX_NUMBER_BYTES {
                break;
            }
            let placeholder = chars.peek().and_then(|d| d.to_digit(10));
            match placeholder {
                Some(digit @ 1..=9) if c == '%' => {
                    chars.next();
                    let l = digit as usize - 1;
                    let n = counters[l].unwrap_or_else(|| start(l));
                    let format = if this.legal {
                        "decimal"
                    } else {
                        definition.levels[l].format.as_str()
                    };
                    number.push_str(&format_number(n, format));
                }
                _ => number.push(c),
            }
        }
        let separator = match this.suffix.as_str() {
            "nothing" => "",
            _ => separator_after(&number),
        };
        Some(Rendered { number, separator })
    }
}

/// What to put between a number and its text so the parser reads the
/// number as a label: nothing after Chinese punctuation (`一、` `（一）`),
/// a space after ASCII punctuation (`1.`), an ideographic space after a
/// bare numeral (`一`, as in `一　总则`).
fn separator_after(number: &str) -> &'static str {
    match number.chars().last() {
        None => "",
        Some(c) if c.is_ascii_punctuation() => " ",
        Some(c) if c.is_ascii_alphanumeric() => " ",
        Some('、' | '．' | '）' | '」' | '】' | '〕' | '，' | '：' | '。') => "",
        Some(c) if ('\u{2460}'..='\u{24FF}').contains(&c) => "",
        Some(_) => "\u{3000}",
    }
}

/// `n` written in Word's number format `format`. Unknown formats, and
/// numbers past a format's range, are decimal.
pub fn format_number(n: u32, format: &str) -> String {
    let from = |table: &[char]| {
        n.checked_sub(1)
            .and_then(|i| table.get(i as usize))
            .map(|c| c.to_string())
    };
    let shifted = |first: u32, count: u32| {
        (1..=count)
            .contains(&n)
            .then(|| char::from_u32(first + n - 1))
            .flatten()
            .map(String::from)
    };
    let written = match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting" => chinese(n, &SIMPLE),
        "chineseLegalSimplified" => chinese(n, &CAPITAL),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => Some(
            n.to_string()
                .bytes()
                .map(|d| SIMPLE.digits[usize::from(d - b'0')])
                .collect(),
        ),
        "ideographTraditional" => {
            from(&['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'])
        }
        "ideographZodiac" => from(&[
            '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
        ]),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => shifted(0x2460, 20),
        "decimalEnclosedParen" => shifted(0x2474, 20),
        "decimalEnclosedFullstop" => shifted(0x2488, 20),
        "decimalFullWidth" | "decimalFullWidth2" => Some(
            n.to_string()
                .chars()
                .filter_map(|d| char::from_u32(u32::from(d) - u32::from('0') + 0xFF10))
                .collect(),
        ),
        "decimalZero" => Some(format!("{n:02}")),
        "lowerLetter" | "upperLetter" => letters(n, format == "upperLetter"),
        "lowerRoman" | "upperRoman" => roman(n, format == "upperRoman"),
        _ => None,
    };
    written.unwrap_or_else(|| n.to_string())
}

struct Numerals {
    /// 〇 一 二 …: digit by digit (`ideographDigital`: 一〇五).
    digits: [char; 10],
    /// 零, the zero inside a counted number (一百零五).
    zero: char,
    /// 十 百 千.
    units: [char; 3],
    /// Whether 10–19 drop the leading 一 (十一, not 一十一).
    short_teens: bool,
}

const SIMPLE: Numerals = Numerals {
    digits: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    zero: '零',
    units: ['十', '百', '千'],
    short_teens: true,
};

const CAPITAL: Numerals = Numerals {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    zero: '零',
    units: ['拾', '佰', '仟'],
    short_teens: false,
};

/// 1–9999 in Chinese numerals: 一 十 十一 二十 一百零五 一千零一十.
fn chinese(n: u32, numerals: &Numerals) -> Option<String> {
    if !(1..=9999).contains(&n) {
        return None;
    }
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero_pending = false;
    for (position, &digit) in digits.iter().enumerate() {
        let unit = match position {
            0 => Some(numerals.units[2]),
            1 => Some(numerals.units[1]),
            2 => Some(numerals.units[0]),
            _ => None,
        };
        if digit == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending {
            out.push(numerals.zero);
            zero_pending = false;
        }
        let teen = numerals.short_teens && position == 2 && digit == 1 && out.is_empty();
        if !teen {
            out.push(numerals.digits[digit as usize]);
        }
        out.extend(unit);
    }
    Some(out)
}

/// a … z, aa … zz, aaa …, as Word letters lists.
fn letters(n: u32, upper: bool) -> Option<String> {
    let index = n.checked_sub(1)?;
    let letter = char::from(b'a' + (index % 26) as u8);
    let letter = if upper {
        letter.to_ascii_uppercase()
    } else {
        letter
    };
    let repeat = (index / 26 + 1).min(64) as usize;
    Some(std::iter::repeat_n(letter, repeat).collect())
}

fn roman(n: u32, upper: bool) -> Option<String> {
    if !(1..4000).contains(&n) {
        return None;
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, letters) in TABLE {
        while rest >= value {
            out.push_str(letters);
            rest -= value;
        }
    }
    Some(if upper { out.to_ascii_uppercase() } else { out })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (9999, "九千九百九十九"),
        ];
        for (n, written) in cases {
            assert_eq!(format_number(n, "chineseCounting"), written, "{n}");
        }
        assert_eq!(format_number(11, "chineseLegalSimplified"), "壹拾壹");
        assert_eq!(format_number(0, "chineseCounting"), "0");
        assert_eq!(format_number(10000, "chineseCounting"), "10000");
    }

    #[test]
    fn other_formats() {
        assert_eq!(format_number(3, "decimal"), "3");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(21, "decimalEnclosedCircle"), "21");
        assert_eq!(format_number(2, "decimalEnclosedParen"), "⑵");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(105, "ideographDigital"), "一〇五");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(u32::MAX, "lowerLetter").len(), 64);
        assert_eq!(format_number(7, "somethingNew"), "7");
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="x">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/><w:isLgl/></w:lvl>
        <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    fn number(numbering: &mut Numbering, list: &str, level: usize) -> Option<String> {
        numbering
            .next(list, level, &|_| None)
            .map(|r| format!("{}{}", r.number, r.separator))
    }

    #[test]
    fn counts_restarts_and_patterns() {
        let mut numbering = Numbering::read(NUMBERING);
        let mut seen = Vec::new();
        for level in [0, 1, 1, 2, 2, 0, 1, 3] {
            seen.push(number(&mut numbering, "1", level));
        }
        let seen: Vec<_> = seen.iter().map(|s| s.as_deref().unwrap_or("-")).collect();
        assert_eq!(
            seen,
            [
                "一、",
                "（一）",
                "（二）",
                "1.2.1 ",
                "1.2.2 ",
                "二、",
                "（一）",
                "-"
            ]
        );
        // List 2 starts over at 五 with counters of its own.
        assert_eq!(number(&mut numbering, "2", 0).as_deref(), Some("五、"));
        assert_eq!(number(&mut numbering, "1", 0).as_deref(), Some("三、"));
        assert_eq!(number(&mut numbering, "9", 0), None);
        assert_eq!(number(&mut numbering, "1", 9), None);
    }

    /// A definition that only links to a numbering style takes the levels
    /// of the list that style names.
    #[test]
    fn style_links() {
        let xml = r#"<w:numbering>
          <w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="Outline"/></w:abstractNum>
          <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        </w:numbering>"#;
        let mut numbering = Numbering::read(xml);
        let style_list = |style: &str| (style == "Outline").then(|| "2".to_string());
        let mut next = || numbering.next("1", 0, &style_list).map(|r| r.number);
        assert_eq!(next().as_deref(), Some("I."));
        assert_eq!(next().as_deref(), Some("II."));
    }
}
