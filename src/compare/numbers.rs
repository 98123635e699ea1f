//! Figures that changed under headings that match: `国内生产总值增长6.5%左右`
//! last year, `增长5%左右` this year.
//!
//! A figure is a number written in digits (ASCII or full width, with its
//! decimal point, a range `4.5%—5%` `3～5`, a percent sign) and the units
//! and qualifiers after it (万亿元, 万人, 个百分点, 左右, 以上 …). What it
//! measures is named by the ideographs just before it — up to
//! [`KEY_CHARS`] of them, at least two: `居民消费价格涨幅3%左右` is
//! `价格涨幅`'s figure. Years (`2016年`), months and days are not figures.
//!
//! For each pair of matched nodes, the text that is their own (before,
//! between and after their structural children) is searched in both
//! texts; a measure named in both with a different figure is a change. A
//! measure named more than once is paired in order.

use serde::Serialize;

use crate::model::Node;

use super::align::{structural_children, Row};
use super::similarity::normal_char;
use super::Side;

/// How many ideographs before a figure name what it measures.
pub const KEY_CHARS: usize = 6;

/// Units and qualifiers that belong to a figure, longest first where one
/// begins another.
const UNITS: [&str; 44] = [
    "个百分点",
    "百分点",
    "万亿元",
    "亿元",
    "万元",
    "千元",
    "美元",
    "元",
    "万亿",
    "亿",
    "万",
    "千",
    "百",
    "平方公里",
    "平方米",
    "立方米",
    "公里",
    "千米",
    "千瓦时",
    "千瓦",
    "公顷",
    "万吨",
    "吨",
    "公斤",
    "斤",
    "亩",
    "人次",
    "万人",
    "人",
    "户",
    "个",
    "项",
    "家",
    "所",
    "座",
    "台",
    "套",
    "辆",
    "倍",
    "岁",
    "左右",
    "以上",
    "以内",
    "以下",
];

/// A figure that changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NumberChange {
    /// What it measures, as written before the figure in the new text.
    pub measure: String,
    pub old: String,
    pub new: String,
    /// The clauses that hold the figure (between two of `，；。：`).
    pub old_clause: String,
    pub new_clause: String,
    /// The matched node the figure is under, in the new text.
    pub node: Side,
}

/// One figure found.
#[derive(Clone, Debug, PartialEq)]
struct Figure {
    measure: String,
    value: String,
    clause: String,
}

/// The changed figures under every matched pair of rows.
pub fn changes(rows: &[Row], old_text: &str, new_text: &str) -> Vec<NumberChange> {
    let (old_chars, new_chars): (Vec<char>, Vec<char>) =
        (old_text.chars().collect(), new_text.chars().collect());
    let mut changes = Vec::new();
    for row in rows {
        let (Some(old), Some(new)) = (row.old, row.new) else {
            continue;
        };
        let old_figures = figures(&own_text(old, &old_chars));
        let new_figures = figures(&own_text(new, &new_chars));
        let mut taken = vec![false; old_figures.len()];
        for figure in &new_figures {
            let found = old_figures
                .iter()
                .enumerate()
                .find(|(at, f)| !taken[*at] && same_measure(&f.measure, &figure.measure));
            let Some((at, before)) = found else {
                continue;
            };
            taken[at] = true;
            if normal_value(&before.value) != normal_value(&figure.value) {
                changes.push(NumberChange {
                    measure: figure.measure.clone(),
                    old: before.value.clone(),
                    new: figure.value.clone(),
                    old_clause: before.clause.clone(),
                    new_clause: figure.clause.clone(),
                    node: Side::of(new),
                });
            }
        }
    }
    changes
}

/// Two names of a measure are one when the shorter ends the longer and
/// is at least two ideographs (`生产总值增长`, `总值增长`).
fn same_measure(a: &str, b: &str) -> bool {
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    short.chars().count() >= 2 && long.ends_with(short)
}

fn normal_value(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '％' => '%',
            '．' => '.',
            '－' | '–' | '~' | '～' | '至' | '到' => '—',
            c => normal_char(c).unwrap_or(c),
        })
        .collect()
}

/// The node's own text: its span less those of its structural children,
/// the pieces joined by line breaks.
fn own_text(node: &Node, chars: &[char]) -> Vec<char> {
    let end = node.span.end.min(chars.len());
    let mut own = Vec::new();
    let mut at = node.span.start.min(end);
    for child in structural_children(node) {
        let start = child.span.start.clamp(at, end);
        own.extend_from_slice(&chars[at..start]);
        own.push('\n');
        at = child.span.end.clamp(at, end);
    }
    own.extend_from_slice(&chars[at..end]);
    own
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '；' | '。' | '：' | '！' | '？' | '\n' | ',' | ';'
    )
}

/// Every figure in `text` with the measure it names.
fn figures(text: &[char]) -> Vec<Figure> {
    let mut figures = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let starts_number = is_digit(text[at])
            && (at == 0 || !(is_digit(text[at - 1]) || text[at - 1].is_ascii_alphabetic()));
        if !starts_number {
            at += 1;
            continue;
        }
        let start = at;
        at = number_end(text, at);
        let digits_end = at;
        at = units_end(text, at);
        let after = text.get(digits_end).copied();
        let is_date = matches!(
            after,
            Some('年' | '月' | '日' | '号' | '时' | '届' | '次' | '期')
        );
        let measure = measure_before(text, start);
        if is_date || measure.chars().count() < 2 {
            continue;
        }
        let clause_start = text[..start]
            .iter()
            .rposition(|&c| is_clause_end(c))
            .map_or(0, |p| p + 1);
        let clause_end = text[at..]
            .iter()
            .position(|&c| is_clause_end(c))
            .map_or(text.len(), |p| at + p);
        figures.push(Figure {
            measure,
            value: text[start..at].iter().collect(),
            clause: text[clause_start..clause_end].iter().collect(),
        });
    }
    figures
}

/// The end of the number at `at`: digits, a decimal point, a percent
/// sign, and a range to a second number.
fn number_end(text: &[char], mut at: usize) -> usize {
    loop {
        while at < text.len() && is_digit(text[at]) {
            at += 1;
        }
        let next = text.get(at).copied();
        let then_digit = text.get(at + 1).is_some_and(|&c| is_digit(c));
        match next {
            Some('.' | '．') if then_digit => at += 1,
            Some('%' | '％' | '‰') => {
                at += 1;
                if !range_follows(text, at) {
                    return at;
                }
                at += 1;
            }
            _ if range_follows(text, at) => at += 1,
            _ => return at,
        }
    }
}

fn range_follows(text: &[char], at: usize) -> bool {
    matches!(
        text.get(at),
        Some('—' | '－' | '-' | '–' | '~' | '～' | '至' | '到')
    ) && text.get(at + 1).is_some_and(|&c| is_digit(c))
}

/// The end of the units and qualifiers after a number.
fn units_end(text: &[char], mut at: usize) -> usize {
    'units: loop {
        for unit in UNITS {
            let len = unit.chars().count();
            if text.len() >= at + len && text[at..at + len].iter().copied().eq(unit.chars()) {
                at += len;
                continue 'units;
            }
        }
        return at;
    }
}

/// Up to [`KEY_CHARS`] ideographs just before `at`.
fn measure_before(text: &[char], at: usize) -> String {
    let start = text[..at]
        .iter()
        .rev()
        .take(KEY_CHARS)
        .take_while(|&&c| crate::parse::text::is_ideograph(c))
        .count();
    text[at - start..at].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, String)> {
        figures(&text.chars().collect::<Vec<_>>())
            .into_iter()
            .map(|f| (f.measure, f.value))
            .collect()
    }

    #[test]
    fn figures_with_their_measures() {
        assert_eq!(
            found("主要预期目标是：国内生产总值增长4.5%—5%，城镇新增就业1100万人以上，居民消费价格涨幅3％左右；2017年3月5日，赤字率拟按3%安排"),
            [
                ("国内生产总值增长".chars().skip(2).collect::<String>(), "4.5%—5%".into()),
                ("城镇新增就业".into(), "1100万人以上".into()),
                ("居民消费价格涨幅".chars().skip(2).collect(), "3％左右".into()),
                ("赤字率拟按".into(), "3%".into()),
            ]
        );
        assert_eq!(found("5G网络和R2D2，第12届"), []);
    }

    #[test]
    fn a_changed_target_under_a_matched_heading() {
        let old = "一、工作回顾\n过去一年很好。\n二、总体部署\n今年的主要预期目标是：国内生产总值增长6.5%左右，城镇新增就业1100万人以上。\n";
        let new = "一、工作回顾\n过去一年很好。\n二、总体部署\n今年的主要预期目标是：国内生产总值增长5%左右，城镇新增就业1100万人以上。\n";
        let numbers = crate::compare::compare(old, new).numbers;
        assert_eq!(numbers.len(), 1, "{numbers:?}");
        assert_eq!(
            (numbers[0].old.as_str(), numbers[0].new.as_str()),
            ("6.5%左右", "5%左右")
        );
        assert_eq!(numbers[0].new_clause, "国内生产总值增长5%左右");
        assert_eq!(numbers[0].node.heading, "总体部署");
    }
}
