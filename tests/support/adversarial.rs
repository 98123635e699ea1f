//! Inputs built to make the parser do more than linear work, each made by
//! repeating a unit until the text holds the bytes asked for.
//!
//! Used by `tests/linear.rs` (instruction counts of N and 4N bytes),
//! `benches/parse.rs` and `examples/throughput.rs` (time of N and 2N),
//! which include this file by path, so it may use only `std`.

/// One adversarial input: a name for reports and the unit it repeats.
#[derive(Clone, Copy, Debug)]
pub struct Adversarial {
    pub name: &'static str,
    /// What the input is made of, for the reader.
    pub what: &'static str,
    unit: Unit,
}

#[derive(Clone, Copy, Debug)]
enum Unit {
    /// The same text again and again.
    Repeat(&'static str),
    /// `（一）…（九十九）` on lines of their own, counting up and starting
    /// over after 九十九.
    CountingParens,
    /// `一是…二十是` clauses of one long line, counting up and starting over.
    CountingSeries,
}

impl Adversarial {
    /// The input, at least `bytes` long.
    pub fn input(&self, bytes: usize) -> String {
        let mut out = String::with_capacity(bytes + 64);
        let mut count = 0u32;
        while out.len() < bytes {
            match self.unit {
                Unit::Repeat(unit) => out.push_str(unit),
                Unit::CountingParens => {
                    out.push_str(&format!(
                        "（{}）加强领导，狠抓落实。\n",
                        numeral(count % 99 + 1)
                    ));
                }
                Unit::CountingSeries => {
                    out.push_str(&format!("{}是加强领导，", numeral(count % 20 + 1)));
                }
            }
            count += 1;
        }
        out
    }
}

/// 1 → 一, 12 → 十二, 99 → 九十九.
fn numeral(value: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match value {
        1..=9 => DIGITS[value as usize].to_string(),
        10..=19 => format!("十{}", DIGITS[(value % 10) as usize]),
        _ => format!(
            "{}十{}",
            DIGITS[(value / 10) as usize],
            DIGITS[(value % 10) as usize]
        ),
    }
}

/// Every adversarial input.
pub const ALL: &[Adversarial] = &[
    Adversarial {
        name: "yishi_one_line",
        what: "一是， again and again on one line",
        unit: Unit::Repeat("一是，"),
    },
    Adversarial {
        name: "yishi_ershi_one_line",
        what: "一是，二是， again and again on one line",
        unit: Unit::Repeat("一是，二是，"),
    },
    Adversarial {
        name: "counting_series",
        what: "一是…二十是 clauses counting up on one line",
        unit: Unit::CountingSeries,
    },
    Adversarial {
        name: "unclosed_quotes",
        what: "opening marks “ that never close",
        unit: Unit::Repeat("“"),
    },
    Adversarial {
        name: "unclosed_quotes_in_text",
        what: "text with an opening mark and no closing one in every sentence",
        unit: Unit::Repeat("他说：“我们要加强领导。"),
    },
    Adversarial {
        name: "nested_quotes",
        what: "opening marks “‘「『 nested ever deeper",
        unit: Unit::Repeat("“‘「『"),
    },
    Adversarial {
        name: "closing_quotes",
        what: "closing marks ” with no opening one",
        unit: Unit::Repeat("”"),
    },
    Adversarial {
        name: "terms",
        what: "short quoted terms after a speech verb",
        unit: Unit::Repeat("习近平总书记指出：“一把手”“两个维护”。"),
    },
    Adversarial {
        name: "paren_one_lines",
        what: "（一） alone on every line",
        unit: Unit::Repeat("（一）\n"),
    },
    Adversarial {
        name: "counting_paren_lines",
        what: "（一）…（九十九） headings counting up, line after line",
        unit: Unit::CountingParens,
    },
    Adversarial {
        name: "bare_markers",
        what: "bare 一、 and 第一， lines that take the next line",
        unit: Unit::Repeat("一、\n第一，\n"),
    },
    Adversarial {
        name: "paren_one_line",
        what: "（一） again and again on one line",
        unit: Unit::Repeat("（一）"),
    },
    Adversarial {
        name: "short_lines",
        what: "short unpunctuated lines that could be headings",
        unit: Unit::Repeat("形势和任务\n\n"),
    },
    Adversarial {
        name: "long_sentence",
        what: "one sentence with no punctuation at all",
        unit: Unit::Repeat("加强领导狠抓落实"),
    },
    Adversarial {
        name: "clauses",
        what: "clause breaks and connectives with no markers",
        unit: Unit::Repeat("然而，同时，此外，"),
    },
    Adversarial {
        name: "emphasis",
        what: "Markdown ** and # everywhere",
        unit: Unit::Repeat("**#*> "),
    },
    Adversarial {
        name: "blank_lines",
        what: "blank and zero-width lines",
        unit: Unit::Repeat("\n\u{200B}\n\u{3000}\n"),
    },
];
