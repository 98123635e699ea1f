//! The outline as indented plain text (提纲).
//!
//! Structural nodes (parts, sections, tasks, points) are listed with their
//! labels and headings, two full-width spaces of indent per level; plain
//! paragraphs are left out unless `paragraphs` is set (the debugging dump
//! used by the snapshot tests shows everything, with kinds and spans).

use std::fmt::Write;

use crate::model::{Document, Node, NodeKind};

/// The 提纲 a reader would paste into a document.
pub fn outline(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(title) = &doc.title {
        let _ = writeln!(out, "{title}");
        out.push('\n');
    }
    for node in &doc.nodes {
        write_outline(&mut out, node, 0);
    }
    super::without_controls(out)
}

fn write_outline(out: &mut String, node: &Node, depth: usize) {
    let shown = node.kind.is_structural();
    if shown {
        let indent = "\u{3000}\u{3000}".repeat(depth);
        let label = node.label.as_deref().unwrap_or("");
        let gap = super::label_gap(label);
        let _ = writeln!(out, "{indent}{label}{gap}{}", node.heading);
    }
    let child_depth = if shown { depth + 1 } else { depth };
    for child in &node.children {
        write_outline(out, child, child_depth);
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

/// Whether a node is listed in the outline.
pub fn is_listed(node: &Node) -> bool {
    node.kind.is_structural() || node.kind == NodeKind::Closing
}
