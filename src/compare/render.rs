//! A comparison written out: as plain text (the CLI's default), Markdown,
//! or HTML — a whole page, or the fragment the web app shows in 对比.
//!
//! In text a row is marked `+` 新增, `-` 删去, `~` 改写 or a space for 不变,
//! indented two spaces a level; a reworded heading is written in its new
//! wording with the change marked as `wdiff` marks it, `[-删去的-]{+新增的+}`,
//! and its old line after `←`. Markdown marks the change with ~~strike~~
//! and **bold**; HTML with `<del>` and `<ins>`, the old and new outlines
//! side by side in a table.

use super::{Change, Comparison, Entry, Piece, Side, TermCount};
use crate::export::{escape_into, without_controls};

/// The deepest level the HTML indents further (`d0` to `d8`).
const DEPTHS_STYLED: usize = 8;

/// How many terms each list of the text and Markdown forms shows.
pub const TERMS_SHOWN: usize = 30;

/// `对比：旧标题 → 新标题` (one title when both are the same).
pub(crate) fn title_line(comparison: &Comparison) -> String {
    let old = comparison.old_title.as_deref().unwrap_or("（无标题）");
    let new = comparison.new_title.as_deref().unwrap_or("（无标题）");
    if old == new {
        format!("对比：{new}")
    } else {
        format!("对比：{old} → {new}")
    }
}

/// The counts of each change: `新增 3 · 删去 2 · 改写 5 · 不变 10`.
pub fn summary(comparison: &Comparison) -> String {
    Change::ALL
        .iter()
        .map(|&change| format!("{} {}", change.name(), comparison.count(change)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn shown_side(entry: &Entry) -> &Side {
    match (&entry.new, &entry.old) {
        (Some(side), _) | (None, Some(side)) => side,
        (None, None) => unreachable!("an entry has a side"),
    }
}

/// The terms lists, each with its heading: (heading, terms, which count).
pub(crate) fn term_lists(comparison: &Comparison) -> [(&'static str, &[TermCount]); 3] {
    [
        ("新提法（只见于新稿）", &comparison.terms.appeared),
        ("不再出现（只见于旧稿）", &comparison.terms.vanished),
        ("使用次数有变", &comparison.terms.changed),
    ]
}

/// A term with its count, or its counts in the two texts.
pub(crate) fn term_text(term: &TermCount) -> String {
    match (term.old, term.new) {
        (0, n) => format!("“{}” ×{n}", term.text),
        (n, 0) => format!("“{}” ×{n}", term.text),
        (old, new) => format!("“{}” {old} → {new}", term.text),
    }
}

pub fn text(comparison: &Comparison) -> String {
    let mut out = String::new();
    out.push_str(&title_line(comparison));
    out.push('\n');
    out.push_str(&summary(comparison));
    out.push_str("\n\n提纲（+ 新增　- 删去　~ 改写）\n");
    for entry in &comparison.entries {
        let mark = match entry.change {
            Change::Added => '+',
            Change::Removed => '-',
            Change::Reworded => '~',
            Change::Same => ' ',
        };
        out.push(mark);
        out.push(' ');
        out.push_str(&"  ".repeat(entry.depth));
        if entry.change == Change::Reworded {
            let side = shown_side(entry);
            let label = side.label.as_deref().unwrap_or("");
            out.push_str(label);
            out.push_str(crate::export::label_gap(label));
            for piece in &entry.words {
                match piece {
                    Piece::Kept(text) => out.push_str(text),
                    Piece::Removed(text) => {
                        out.push_str("[-");
                        out.push_str(text);
                        out.push_str("-]");
                    }
                    Piece::Added(text) => {
                        out.push_str("{+");
                        out.push_str(text);
                        out.push_str("+}");
                    }
                }
            }
        } else {
            out.push_str(&shown_side(entry).line());
        }
        if let (Change::Reworded | Change::Same, Some(old), Some(new)) =
            (entry.change, &entry.old, &entry.new)
        {
            if entry.moved || old.label != new.label {
                out.push_str("　← ");
                out.push_str(&old.line());
            }
        }
        out.push('\n');
    }
    for (heading, terms) in term_lists(comparison) {
        if terms.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(heading);
        out.push('\n');
        for term in terms.iter().take(TERMS_SHOWN) {
            out.push_str("  ");
            out.push_str(&term_text(term));
            out.push('\n');
        }
        if terms.len() > TERMS_SHOWN {
            out.push_str(&format!("  …共 {} 个\n", terms.len()));
        }
    }
    if !comparison.numbers.is_empty() {
        out.push_str("\n数字有变（标题相同或相近之处）\n");
        for change in &comparison.numbers {
            out.push_str(&format!(
                "  {}：{} → {}（{}）\n",
                change.measure,
                change.old,
                change.new,
                change.node.line()
            ));
        }
    }
    without_controls(out)
}

/// Markdown special characters escaped, so a heading reads as written.
fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn markdown(comparison: &Comparison) -> String {
    let mut out = String::new();
    out.push_str("# ");
    out.push_str(&markdown_escape(&title_line(comparison)));
    out.push_str("\n\n");
    out.push_str(&summary(comparison));
    out.push_str("\n\n## 提纲\n\n");
    for entry in &comparison.entries {
        out.push_str(&"  ".repeat(entry.depth));
        out.push_str("- **");
        out.push_str(entry.change.name());
        out.push_str("** ");
        let side = shown_side(entry);
        match entry.change {
            Change::Reworded => {
                let label = side.label.as_deref().unwrap_or("");
                out.push_str(&markdown_escape(label));
                out.push_str(crate::export::label_gap(label));
                for piece in &entry.words {
                    match piece {
                        Piece::Kept(text) => out.push_str(&markdown_escape(text)),
                        Piece::Removed(text) => {
                            out.push_str("~~");
                            out.push_str(&markdown_escape(text));
                            out.push_str("~~");
                        }
                        Piece::Added(text) => {
                            out.push_str("**");
                            out.push_str(&markdown_escape(text));
                            out.push_str("**");
                        }
                    }
                }
            }
            Change::Removed => {
                out.push_str("~~");
                out.push_str(&markdown_escape(&side.line()));
                out.push_str("~~");
            }
            Change::Added | Change::Same => out.push_str(&markdown_escape(&side.line())),
        }
        if let (Some(old), Some(new)) = (&entry.old, &entry.new) {
            if entry.moved || old.label != new.label {
                out.push_str("（原为 ");
                out.push_str(&markdown_escape(&old.line()));
                out.push('）');
            }
        }
        out.push('\n');
    }
    for (heading, terms) in term_lists(comparison) {
        if terms.is_empty() {
            continue;
        }
        out.push_str("\n## ");
        out.push_str(heading);
        out.push_str("\n\n");
        for term in terms.iter().take(TERMS_SHOWN) {
            out.push_str("- ");
            out.push_str(&markdown_escape(&term_text(term)));
            out.push('\n');
        }
        if terms.len() > TERMS_SHOWN {
            out.push_str(&format!("- …共 {} 个\n", terms.len()));
        }
    }
    if !comparison.numbers.is_empty() {
        out.push_str("\n## 数字有变\n\n| 指标 | 旧稿 | 新稿 | 所在标题 |\n|---|---|---|---|\n");
        for change in &comparison.numbers {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                markdown_escape(&change.measure),
                markdown_escape(&change.old),
                markdown_escape(&change.new),
                markdown_escape(&change.node.line())
            ));
        }
    }
    without_controls(out)
}

const STYLE: &str = r#"
:root { --font: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
  --bg: #fff; --text: #1f2328; --muted: #656d76; --line: #e3e0d8; --add: #e6f4ea; --del: #fbe9e7;
  --add-text: #1a6b34; --del-text: #a8352a; color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --bg: #16181c; --text: #e6e3dc; --muted: #9aa1aa;
  --line: #30343b; --add: #17301f; --del: #3a1f1c; --add-text: #8fd6a3; --del-text: #ec8b7c; } }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 3rem; background: var(--bg);
  color: var(--text); font-family: var(--font); line-height: 1.6; }
"#;

/// The comparison's own style sheet: also what the web app's 对比 panel
/// uses for the fragment.
pub const FRAGMENT_STYLE: &str = r#"
.cmp-summary { color: var(--muted, #656d76); }
table.cmp { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.cmp th, table.cmp td { border-bottom: 1px solid var(--line, #e3e0d8); padding: .25rem .5rem;
  vertical-align: top; text-align: left; }
table.cmp th.change-col { width: 3.5em; }
table.cmp .change { font-size: .8rem; white-space: nowrap; }
tr.cmp-added td.new, tr.cmp-added .change { background: var(--add, #e6f4ea); }
tr.cmp-removed td.old, tr.cmp-removed .change { background: var(--del, #fbe9e7); }
tr.cmp-reworded .change { background: #fff4cc; color: #5c4400; }
tr.cmp-same { color: var(--muted, #656d76); }
.cmp ins { background: var(--add, #e6f4ea); color: var(--add-text, #1a6b34); text-decoration: none; }
.cmp del { background: var(--del, #fbe9e7); color: var(--del-text, #a8352a); }
.cmp .moved { font-size: .8rem; color: var(--muted, #656d76); margin-left: .4em; }
table.cmp td.d1 { padding-left: 2em; } table.cmp td.d2 { padding-left: 3.5em; }
table.cmp td.d3 { padding-left: 5em; } table.cmp td.d4 { padding-left: 6.5em; }
table.cmp td.d5 { padding-left: 8em; } table.cmp td.d6 { padding-left: 9.5em; }
table.cmp td.d7 { padding-left: 11em; } table.cmp td.d8 { padding-left: 12.5em; }
ul.cmp-terms { columns: 2 14rem; }
@media print { tr { break-inside: avoid; } }
"#;

/// The comparison as an HTML fragment: a summary, the table of aligned
/// outlines, the terms and the figures. Every piece of text is escaped.
pub fn html_fragment(comparison: &Comparison) -> String {
    let mut out = String::new();
    out.push_str("<p class=\"cmp-summary\">");
    escape_into(&mut out, &summary(comparison));
    out.push_str(
        "</p>\n<table class=\"cmp\">\n<thead><tr><th class=\"change-col\">变化</th><th>旧稿",
    );
    write_title(&mut out, comparison.old_title.as_deref());
    out.push_str("</th><th>新稿");
    write_title(&mut out, comparison.new_title.as_deref());
    out.push_str("</th></tr></thead>\n<tbody>\n");
    for entry in &comparison.entries {
        // A class, not a style attribute: the app's CSP forbids those.
        let depth = entry.depth.min(DEPTHS_STYLED);
        out.push_str(&format!(
            "<tr class=\"cmp-{}\"><td class=\"change\">{}</td>",
            entry.change.as_str(),
            entry.change.name()
        ));
        out.push_str(&format!(
            "<td class=\"old d{depth}\"{}>",
            span_data(&entry.old)
        ));
        if let Some(old) = &entry.old {
            write_side(&mut out, old, &entry.words, false);
        }
        out.push_str(&format!(
            "</td><td class=\"new d{depth}\"{}>",
            span_data(&entry.new)
        ));
        if let Some(new) = &entry.new {
            write_side(&mut out, new, &entry.words, true);
            if entry.moved {
                out.push_str("<span class=\"moved\">（位置有变）</span>");
            }
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    for (heading, terms) in term_lists(comparison) {
        if terms.is_empty() {
            continue;
        }
        out.push_str("<h3>");
        out.push_str(heading);
        out.push_str("</h3>\n<ul class=\"cmp-terms\">\n");
        for term in terms {
            out.push_str("<li>");
            escape_into(&mut out, &term_text(term));
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    if !comparison.numbers.is_empty() {
        out.push_str("<h3>数字有变</h3>\n<table class=\"cmp cmp-numbers\">\n<thead><tr><th>旧稿</th><th>新稿</th><th>所在标题</th></tr></thead>\n<tbody>\n");
        for change in &comparison.numbers {
            out.push_str("<tr><td>");
            write_clause(&mut out, &change.old_clause, &change.old, "del");
            out.push_str("</td><td>");
            write_clause(&mut out, &change.new_clause, &change.new, "ins");
            out.push_str("</td><td>");
            escape_into(&mut out, &change.node.line());
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out
}

/// Where a side stands in its text (char offsets), for the app to show
/// the passage: ` data-span="start-end"`, nothing for an empty side.
fn span_data(side: &Option<Side>) -> String {
    side.as_ref().map_or_else(String::new, |side| {
        format!(" data-span=\"{}-{}\"", side.span.start, side.span.end)
    })
}

fn write_title(out: &mut String, title: Option<&str>) {
    if let Some(title) = title {
        out.push('：');
        escape_into(out, title);
    }
}

/// A clause with its figure marked.
fn write_clause(out: &mut String, clause: &str, figure: &str, tag: &str) {
    match clause.find(figure) {
        Some(at) => {
            escape_into(out, &clause[..at]);
            out.push_str(&format!("<{tag}>"));
            escape_into(out, figure);
            out.push_str(&format!("</{tag}>"));
            escape_into(out, &clause[at + figure.len()..]);
        }
        None => escape_into(out, clause),
    }
}

/// One side of a row; for 改写, its words with the changes marked
/// (`<del>` on the old side, `<ins>` on the new).
fn write_side(out: &mut String, side: &Side, words: &[Piece], is_new: bool) {
    if let Some(label) = &side.label {
        escape_into(out, label);
        out.push_str(crate::export::label_gap(label));
    }
    if words.is_empty() {
        escape_into(out, &side.heading);
        return;
    }
    for piece in words {
        match (piece, is_new) {
            (Piece::Kept(text), _) => escape_into(out, text),
            (Piece::Removed(text), false) => {
                out.push_str("<del>");
                escape_into(out, text);
                out.push_str("</del>");
            }
            (Piece::Added(text), true) => {
                out.push_str("<ins>");
                escape_into(out, text);
                out.push_str("</ins>");
            }
            _ => {}
        }
    }
}

/// The comparison as a whole HTML page, with no script and nothing from
/// elsewhere.
pub fn html(comparison: &Comparison) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\" />\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    out.push_str("<meta name=\"generator\" content=\"纲目 gangmu\" />\n<title>");
    escape_into(&mut out, &title_line(comparison));
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str(FRAGMENT_STYLE);
    out.push_str("</style>\n</head>\n<body>\n<h1>");
    escape_into(&mut out, &title_line(comparison));
    out.push_str("</h1>\n");
    out.push_str(&html_fragment(comparison));
    out.push_str("<footer class=\"cmp-summary\">由 纲目 生成</footer>\n</body>\n</html>\n");
    out
}
