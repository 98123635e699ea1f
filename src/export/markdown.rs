//! The document as Markdown (CommonMark). It holds what every export
//! holds ([`super::contents`]: the rows of the app's tree, its quotation
//! groups):
//!
//! * the title as `#`;
//! * parts as `##`, and the numbered levels below them (sections, points,
//!   appendices) as `###` and `####`;
//! * tasks, and anything deeper, as list items, nested by level;
//! * front matter, the preamble, the closing, back matter and (with
//!   显示段落) plain paragraphs as lines of text where a heading could
//!   stand, their children as list items below them; as list items inside
//!   a list;
//! * 引语 after the outline: per group (a speaker, then 未署名引文) a `###`
//!   and its quotations as block quotes, each once (` ×n` after one
//!   quoted n times); 术语: each term with its count.
//!
//! Text is escaped so that it reads as written: `*` `_` `#` `[` `<` …
//! are backslash-escaped, never markup.

use std::fmt::Write;

use crate::model::{Document, NodeKind};

use super::contents::{Contents, Item, Options};
use super::label_and_heading;
use super::quotations::Quotations;

/// Structural levels that become headings (`##` to `####`); deeper ones
/// are list items.
const HEADING_LEVELS: usize = 3;

pub fn markdown(doc: &Document, options: Options) -> String {
    let contents = Contents::new(doc, options);
    let mut out = String::new();
    if let Some(title) = contents.title {
        let _ = writeln!(out, "# {}", escape(title));
    }
    for item in &contents.items {
        write_item(&mut out, item, Place::Heading(0));
    }
    write_quotations(&mut out, &contents.quotations);
    super::without_controls(out)
}

/// Where a node goes: among headings at a structural depth, or a list
/// item at an indent.
#[derive(Clone, Copy)]
enum Place {
    Heading(usize),
    List(usize),
}

fn write_item(out: &mut String, item: &Item, place: Place) {
    let node = item.node;
    let line = escape(&label_and_heading(node));
    let children = match place {
        Place::Heading(_) if !node.kind.is_structural() => {
            // A line of text between headings: a paragraph of its own.
            blank_line(out);
            let _ = writeln!(out, "{line}");
            out.push('\n');
            Place::List(0)
        }
        Place::Heading(depth) if depth < HEADING_LEVELS && node.kind != NodeKind::Task => {
            blank_line(out);
            let _ = writeln!(out, "{} {line}", "#".repeat(depth + 2));
            out.push('\n');
            Place::Heading(depth + 1)
        }
        Place::Heading(_) => {
            let _ = writeln!(out, "- {line}");
            Place::List(1)
        }
        Place::List(indent) => {
            let _ = writeln!(out, "{}- {line}", "  ".repeat(indent));
            Place::List(indent + 1)
        }
    };
    if let Some(key) = item.key {
        match (place, children) {
            // Under a heading or a line of text: a paragraph.
            (Place::Heading(_), Place::Heading(_) | Place::List(0)) => {
                let _ = writeln!(out, "{}\n", escape(key));
            }
            // Under a list item: a line of it, in italics.
            (_, Place::List(indent)) => {
                let _ = writeln!(out, "{}*{}*", "  ".repeat(indent), escape(key));
            }
            (Place::List(_), Place::Heading(_)) => {}
        }
    }
    for child in &item.children {
        write_item(out, child, children);
    }
}

/// Ends the output with an empty line (unless it is empty).
fn blank_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn write_quotations(out: &mut String, quotations: &Quotations) {
    if quotations.has_quotes() {
        blank_line(out);
        out.push_str("## 引语\n");
        for group in &quotations.groups {
            let _ = writeln!(out, "\n### {}\n", escape(group.name()));
            for quote in &group.quotes {
                let times = match quote.spans.len() {
                    1 => String::new(),
                    times => format!(" ×{times}"),
                };
                let _ = writeln!(out, "> {}{times}\n", escape(quote.text));
            }
        }
    }
    if !quotations.terms.is_empty() {
        blank_line(out);
        out.push_str("## 术语\n\n");
        for term in &quotations.terms {
            let _ = writeln!(out, "- “{}” ×{}", escape(term.text), term.spans.len());
        }
    }
}

/// Backslash-escapes the ASCII punctuation that can start markup inside a
/// line, and a `-` or `+` or `1.` `1)` that would start a list; line
/// breaks become spaces, since every exported item is one line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // An ordered list starts with up to nine digits, `.` or `)`, then a
    // space or the end of the line.
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let numbers_a_list = (1..=9).contains(&digits)
        && text[digits..].starts_with(['.', ')'])
        && text[digits + 1..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t');
    for (at, c) in text.char_indices() {
        match c {
            '.' | ')' if at == digits && numbers_a_list => {
                out.push('\\');
                out.push(c);
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' if at == 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("形成*项方案"), "形成\\*项方案");
        assert_eq!(escape("<b>_x_</b>"), "\\<b\\>\\_x\\_\\</b\\>");
        assert_eq!(escape("- a-b"), "\\- a-b");
        assert_eq!(escape("a\nb"), "a b");
        assert_eq!(escape("1. 总则"), "1\\. 总则");
        assert_eq!(escape("12)"), "12\\)");
        assert_eq!(escape("1.精读"), "1.精读");
        assert_eq!(escape("2024年"), "2024年");
    }
}
