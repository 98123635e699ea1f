//! The document as Markdown (CommonMark):
//!
//! * the title as `#`;
//! * parts as `##`, and the numbered levels below them (sections, points)
//!   as `###` and `####`;
//! * tasks, and anything deeper, as list items, nested by level;
//! * plain paragraphs, the preamble, the closing, front and back matter
//!   are left out (a structural node inside one takes its place), as in
//!   the 提纲;
//! * 引语 after the outline: attributed quotations as block quotes grouped
//!   under their speaker, then sayings; 术语: each term with its count.
//!
//! Text is escaped so that it reads as written: `*` `_` `#` `[` `<` …
//! are backslash-escaped, never markup.

use std::fmt::Write;

use crate::model::{Document, Node, NodeKind};

use super::label_and_heading;
use super::quotations::Quotations;

/// Structural levels that become headings (`##` to `####`); deeper ones
/// are list items.
const HEADING_LEVELS: usize = 3;

pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(title) = &doc.title {
        let _ = writeln!(out, "# {}", escape(title));
    }
    for node in &doc.nodes {
        write_node(&mut out, node, Place::Heading(0));
    }
    write_quotations(&mut out, &Quotations::gather(doc));
    super::without_controls(out)
}

/// Where a node goes: a heading at a structural depth, or a list item at
/// an indent.
#[derive(Clone, Copy)]
enum Place {
    Heading(usize),
    List(usize),
}

fn write_node(out: &mut String, node: &Node, place: Place) {
    if !node.kind.is_structural() {
        for child in &node.children {
            write_node(out, child, place);
        }
        return;
    }
    let line = escape(&label_and_heading(node));
    let children = match place {
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
    for child in &node.children {
        write_node(out, child, children);
    }
}

/// Ends the output with an empty line (unless it is empty).
fn blank_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn write_quotations(out: &mut String, quotations: &Quotations) {
    if !quotations.attributed.is_empty() || !quotations.sayings.is_empty() {
        blank_line(out);
        out.push_str("## 引语\n");
        for (speaker, quotes) in &quotations.attributed {
            let _ = writeln!(out, "\n### {}\n", escape(speaker));
            for quote in quotes {
                let _ = writeln!(out, "> {}\n", escape(&quote.text));
            }
        }
        if !quotations.sayings.is_empty() {
            out.push_str("\n### 名言与警句\n\n");
            for quote in &quotations.sayings {
                let _ = writeln!(out, "> {}\n", escape(&quote.text));
            }
        }
    }
    if !quotations.terms.is_empty() {
        blank_line(out);
        out.push_str("## 术语\n\n");
        for (term, count) in &quotations.terms {
            let _ = writeln!(out, "- “{}” ×{count}", escape(term));
        }
    }
}

/// Backslash-escapes the ASCII punctuation that can start markup inside a
/// line, and a `-` or `+` that would start a list; line breaks become
/// spaces, since every exported item is one line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match c {
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
    }
}
