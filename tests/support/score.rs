//! A faithful Rust port of `tests/tools/outline_score.py`: scores an
//! outline (the project's JSON, as a [`serde_json::Value`]) against a
//! hand-made expectation (`tests/corpus/*.expected.json`).
//!
//! It works on JSON values rather than on [`gangmu::Document`] so that it
//! sees exactly what the Python scorer sees, and `tests/corpus.rs` checks
//! that the two print the same lines. Keep them in step: a change to one is
//! a change to both.
//!
//! What is scored, as in the Python:
//! * **structure**: expected labeled nodes are matched, in order, against
//!   the actual labeled nodes at the same level, looking through unlabeled
//!   containers (`labeled`); a match needs equal normalised labels and
//!   matching headings (`head_match`). An expected node without a label is
//!   optional: a matching head anywhere below counts as a hit, no match
//!   costs nothing. Unmatched actual labeled nodes are false positives.
//! * **quotes**: recall of expected quotes, matched by kind, the first six
//!   chars of the normalised text, and for attributed quotes a speaker that
//!   contains or is contained in the expected one;
//! * **terms**: recall of expected terms among the actual `term` quotes;
//! * **title**: the first ten normalised chars of the expected title occur
//!   in the actual one, or both have none.

use std::collections::HashSet;
use std::fmt::Write;

use serde_json::Value;

/// Python's `str.maketrans("０１２３４５６７８９（）．，、：；", "0123456789().,,:;")`.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '（' => '(',
        '）' => ')',
        '．' => '.',
        '，' | '、' => ',',
        '：' => ':',
        '；' => ';',
        c => c,
    }
}

/// Python's `\s` on `str` patterns: Rust's `char::is_whitespace` plus the
/// information separators U+001C–U+001F, which Python counts as space.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `SPACE = re.compile(r"[\s\u200b\u00a0\u3000\ufeff*#>]+")`, one char.
fn is_space(c: char) -> bool {
    is_python_space(c)
        || matches!(
            c,
            '\u{200b}' | '\u{a0}' | '\u{3000}' | '\u{feff}' | '*' | '#' | '>'
        )
}

/// `norm_text`: spaces and markup removed, full-width forms made half-width.
pub fn norm_text(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_space(c))
        .map(half_width)
        .collect()
}

/// `norm_label`: [`norm_text`] with `,.:;、` stripped at both ends.
pub fn norm_label(s: &str) -> String {
    norm_text(s)
        .trim_matches(|c| matches!(c, ',' | '.' | ':' | ';' | '、'))
        .to_string()
}

/// The first `n` chars (Python's `s[:n]`).
fn prefix(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(at, _)| &s[..at])
}

/// `d.get(key)` as a string; `None` for a missing key or a non-string.
fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// A node's label if it is truthy in Python (present and not empty).
fn label(node: &Value) -> Option<&str> {
    text(node, "label").filter(|label| !label.is_empty())
}

/// Python's f-string rendering of `d.get('label')`: the string, or `None`.
fn label_display(node: &Value) -> String {
    match node.get("label") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => "None".to_string(),
        Some(other) => other.to_string(),
    }
}

fn children(node: &Value) -> &[Value] {
    node.get("children")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// `labeled`: labeled descendants, looking through unlabeled containers.
fn labeled(children_of: &[Value]) -> Vec<&Value> {
    let mut out = Vec::new();
    for child in children_of {
        if label(child).is_some() {
            out.push(child);
        } else {
            out.extend(labeled(children(child)));
        }
    }
    out
}

/// `unlabeled_heads`: every node, descending only into unlabeled ones.
fn unlabeled_heads(children_of: &[Value]) -> Vec<&Value> {
    let mut out = Vec::new();
    for child in children_of {
        out.push(child);
        if label(child).is_none() {
            out.extend(unlabeled_heads(children(child)));
        }
    }
    out
}

/// `heading_of`: the normalised heading, without the label if it repeats it.
fn heading_of(node: &Value) -> String {
    let heading = norm_text(text(node, "heading").unwrap_or(""));
    let label = norm_text(text(node, "label").unwrap_or(""));
    if !label.is_empty() {
        if let Some(rest) = heading.strip_prefix(label.as_str()) {
            return rest.to_string();
        }
    }
    heading
}

/// `head_match`: the actual heading starts with the first eight chars of the
/// expected one, or holds them (if at least four) within its first 40.
fn head_match(expected: &str, actual: &str) -> bool {
    let expected = norm_text(expected);
    let key = prefix(&expected, 8);
    actual.starts_with(key) || (key.chars().count() >= 4 && prefix(actual, 40).contains(key))
}

/// The result of scoring one document.
#[derive(Debug, Default)]
pub struct Report {
    /// The expected file's `doc` field.
    pub doc: String,
    pub true_positives: usize,
    pub false_negatives: usize,
    pub false_positives: usize,
    /// Expected labeled nodes not found, as paths (`/一、/二要…`).
    pub misses: Vec<String>,
    /// Actual labeled nodes not expected, as paths.
    pub extras: Vec<String>,
    pub quote_recall: f64,
    /// Expected quotes not found, as `kind:text`.
    pub quote_misses: Vec<String>,
    pub term_recall: f64,
    /// Expected terms not found (the Python does not print these).
    pub term_misses: Vec<String>,
    pub title_ok: bool,
    pub expected_title: Option<String>,
    pub actual_title: Option<String>,
}

impl Report {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// The Python's last line: `doc P= R= F1= quotes= terms= title=`.
    pub fn summary(&self) -> String {
        format!(
            "{} P={:.2} R={:.2} F1={:.2} quotes={:.2} terms={:.2} title={}",
            self.doc,
            self.precision(),
            self.recall(),
            self.f1(),
            self.quote_recall,
            self.term_recall,
            if self.title_ok { "ok" } else { "no" }
        )
    }

    /// Exactly what `outline_score.py EXPECTED ACTUAL --verbose` prints.
    pub fn verbose(&self) -> String {
        let mut out = String::new();
        for miss in &self.misses {
            let _ = writeln!(out, "  miss  {miss}");
        }
        for extra in &self.extras {
            let _ = writeln!(out, "  extra {extra}");
        }
        for miss in &self.quote_misses {
            let _ = writeln!(out, "  quote-miss {miss}");
        }
        let _ = writeln!(
            out,
            "  title expected {} got {}",
            python_repr(self.expected_title.as_deref()),
            python_repr(self.actual_title.as_deref())
        );
        let _ = writeln!(out, "{}", self.summary());
        out
    }

    /// [`Self::verbose`] plus the term misses, for failure messages.
    pub fn explain(&self) -> String {
        let mut out = self.verbose();
        for term in &self.term_misses {
            let _ = writeln!(out, "  term-miss {term}");
        }
        out
    }
}

/// Python's `repr()` of an optional string, for the chars that occur in
/// titles: quotes, backslashes, control and invisible chars are escaped.
fn python_repr(value: Option<&str>) -> String {
    let Some(s) = value else {
        return "None".to_string();
    };
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_unprintable(c) => {
                let code = c as u32;
                let _ = match code {
                    0..=0xff => write!(out, "\\x{code:02x}"),
                    0x100..=0xffff => write!(out, "\\u{code:04x}"),
                    _ => write!(out, "\\U{code:08x}"),
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Chars Python's `str.isprintable()` rejects, for those likely in text:
/// controls, separators other than the ASCII space, and format chars.
fn is_unprintable(c: char) -> bool {
    c.is_control()
        || (c != ' ' && c.is_whitespace())
        || matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{e000}'..='\u{f8ff}'
        )
}

#[derive(Default)]
struct Tally {
    true_positives: usize,
    false_negatives: usize,
    false_positives: usize,
    misses: Vec<String>,
    extras: Vec<String>,
}

/// Whether a node is part of the outline (not a plain paragraph, front
/// matter and the like): strict scoring matches unnumbered heads only
/// against these.
fn is_structural(node: &Value) -> bool {
    matches!(
        text(node, "kind"),
        Some("part" | "section" | "task" | "point" | "appendix")
    )
}

/// `compare`: matches the expected list against the actual children.
/// `strict`: an expected unnumbered head must be found too (as a
/// structural node), or it is a miss.
fn compare(
    expected: &[Value],
    actual_children: &[Value],
    tally: &mut Tally,
    path: &str,
    strict: bool,
) {
    let actual = labeled(actual_children);
    let mut used: HashSet<usize> = HashSet::new();
    let mut from = 0;
    for want in expected {
        let want_heading = text(want, "heading").unwrap_or("");
        let want_label = norm_label(text(want, "label").unwrap_or(""));
        if want_label.is_empty() {
            // An optional unlabeled head: look anywhere below.
            let found = unlabeled_heads(actual_children).iter().any(|node| {
                (!strict || is_structural(node)) && head_match(want_heading, &heading_of(node))
            });
            if found {
                tally.true_positives += 1;
            } else if strict {
                tally.false_negatives += 1;
                tally
                    .misses
                    .push(format!("{path}/None{}", prefix(want_heading, 12)));
            }
            continue;
        }
        let found = (from..actual.len()).find(|&i| {
            !used.contains(&i)
                && norm_label(text(actual[i], "label").unwrap_or("")) == want_label
                && head_match(want_heading, &heading_of(actual[i]))
        });
        let Some(found) = found else {
            tally.false_negatives += 1;
            tally.misses.push(format!(
                "{path}/{}{}",
                label_display(want),
                prefix(want_heading, 12)
            ));
            continue;
        };
        used.insert(found);
        from = found + 1;
        tally.true_positives += 1;
        if let Some(want_children) = want.get("children") {
            let want_children = want_children.as_array().map_or(&[][..], Vec::as_slice);
            let child_path = format!("{path}/{}", label_display(want));
            compare(
                want_children,
                children(actual[found]),
                tally,
                &child_path,
                strict,
            );
        }
    }
    for (i, node) in actual.iter().enumerate() {
        if !used.contains(&i) {
            tally.false_positives += 1;
            tally.extras.push(format!(
                "{path}/{}{}",
                label_display(node),
                prefix(&heading_of(node), 12)
            ));
        }
    }
}

/// Scores `actual` (a document as JSON) against `expected` (an
/// `*.expected.json`).
pub fn score(expected: &Value, actual: &Value) -> Report {
    score_as(expected, actual, false)
}

/// [`score`], strictly (issue 11): an expected unnumbered head that is not
/// found as a structural node is a miss, and the title must match whole
/// (normalised). Stricter than the shared Python scorer, which this
/// module otherwise follows.
pub fn score_strict(expected: &Value, actual: &Value) -> Report {
    score_as(expected, actual, true)
}

fn score_as(expected: &Value, actual: &Value, strict: bool) -> Report {
    let mut tally = Tally::default();
    let expected_outline = expected
        .get("outline")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let actual_nodes = actual
        .get("nodes")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    compare(expected_outline, actual_nodes, &mut tally, "", strict);

    let quotes = actual
        .get("quotes")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let expected_quotes = expected
        .get("quotes")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let mut quote_misses = Vec::new();
    for want in expected_quotes {
        let kind = text(want, "kind").unwrap_or("");
        let want_text = text(want, "text").unwrap_or("");
        let key = norm_text(want_text);
        let key = prefix(&key, 6);
        let hit = quotes.iter().any(|quote| {
            if text(quote, "kind") != Some(kind) {
                return false;
            }
            if !norm_text(text(quote, "text").unwrap_or("")).starts_with(key) {
                return false;
            }
            if kind == "attributed" {
                let speaker = text(want, "speaker").unwrap_or("");
                let actual_speaker = text(quote, "speaker").unwrap_or("");
                return !speaker.is_empty()
                    && !actual_speaker.is_empty()
                    && (actual_speaker.contains(speaker) || speaker.contains(actual_speaker));
            }
            true
        });
        if !hit {
            quote_misses.push(format!("{kind}:{}", prefix(want_text, 8)));
        }
    }
    let quote_recall = ratio(
        expected_quotes.len() - quote_misses.len(),
        expected_quotes.len(),
    );

    let terms: HashSet<String> = quotes
        .iter()
        .filter(|quote| text(quote, "kind") == Some("term"))
        .map(|quote| norm_text(text(quote, "text").unwrap_or("")))
        .collect();
    let expected_terms: Vec<&str> = expected
        .get("terms")
        .and_then(Value::as_array)
        .map_or(Vec::new(), |terms| {
            terms.iter().filter_map(Value::as_str).collect()
        });
    let term_misses: Vec<String> = expected_terms
        .iter()
        .filter(|term| !terms.contains(&norm_text(term)))
        .map(|term| term.to_string())
        .collect();
    let term_recall = ratio(
        expected_terms.len() - term_misses.len(),
        expected_terms.len(),
    );

    let expected_title = text(expected, "title").map(str::to_string);
    let actual_title = text(actual, "title").map(str::to_string);
    let title_ok = match (&expected_title, &actual_title) {
        (None, actual) => actual.as_deref().is_none_or(str::is_empty),
        (Some(want), Some(got)) if strict => norm_text(got) == norm_text(want),
        (Some(want), Some(got)) if !got.is_empty() => {
            norm_text(got).contains(prefix(&norm_text(want), 10))
        }
        (Some(_), _) => false,
    };

    Report {
        doc: text(expected, "doc").unwrap_or("").to_string(),
        true_positives: tally.true_positives,
        false_negatives: tally.false_negatives,
        false_positives: tally.false_positives,
        misses: tally.misses,
        extras: tally.extras,
        quote_recall,
        quote_misses,
        term_recall,
        term_misses,
        title_ok,
        expected_title,
        actual_title,
    }
}

/// `hits / total`, or 1.0 when nothing was expected.
fn ratio(hits: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        hits as f64 / total as f64
    }
}
