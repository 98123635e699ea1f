//! The outline as indented plain text (提纲).
//!
//! The nodes an export holds ([`super::contents`]: what the app's tree
//! shows) with their labels and headings, two full-width spaces of indent
//! per level. The debugging dump used by the snapshot tests shows every
//! node, with kinds and spans.

use std::fmt::Write;

use super::contents::{Contents, Item, Options};
use crate::model::Document;

/// The 提纲 a reader would paste into a document.
pub fn outline(doc: &Document, options: Options) -> String {
    let contents = Contents::new(doc, options);
    let mut out = String::new();
    if let Some(title) = contents.title {
        let _ = writeln!(out, "{title}");
        out.push('\n');
    }
    write_items(&mut out, &contents.items, 0);
    super::without_controls(out)
}

fn write_items(out: &mut String, items: &[Item], depth: usize) {
    let indent = "\u{3000}\u{3000}".repeat(depth);
    for item in items {
        let _ = writeln!(out, "{indent}{}", super::label_and_heading(item.node));
        if let Some(key) = item.key {
            // A sentence, not a child heading: it ends as one.
            let _ = writeln!(out, "{indent}\u{3000}\u{3000}{key}。");
        }
        write_items(out, &item.children, depth + 1);
    }
}

/// Every node with its kind, label, heading and span, one per line,
/// indented by depth; then the quotations. Meant for review in a diff.
pub fn dump(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "title: {}", doc.title.as_deref().unwrap_or("-"));
    doc.walk(|node, depth| {
        let indent = "  ".repeat(depth);
        let label = node.label.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "{indent}{:?} {}..{} {label}{}",
            node.kind, node.span.start, node.span.end, node.heading
        );
    });
    let _ = writeln!(out, "quotes:");
    for quote in &doc.quotes {
        let speaker = quote
            .speaker
            .as_deref()
            .map(|s| format!(" [{s}]"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {:?}{speaker} {}..{} {}",
            quote.kind,
            quote.span.start,
            quote.span.end,
            short(&quote.text, 30)
        );
    }
    for diagnostic in &doc.diagnostics {
        let _ = writeln!(
            out,
            "diagnostic: {:?} {}..{}",
            diagnostic.kind, diagnostic.span.start, diagnostic.span.end
        );
    }
    super::without_controls(out)
}

fn short(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((pos, _)) => format!("{}…", &s[..pos]),
        None => s.to_string(),
    }
}
