//! The document as Markdown: the title as `#`, parts and sections as
//! headings down to `####`, deeper levels and tasks as nested list items,
//! quotations as block quotes.

use std::fmt::Write;

use crate::model::{Document, Node, QuoteKind};

pub fn markdown(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(title) = &doc.title {
        let _ = writeln!(out, "# {title}\n");
    }
    for node in &doc.nodes {
        write_node(&mut out, node, 0);
    }
    let attributed: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Term)
        .collect();
    if !attributed.is_empty() {
        let _ = writeln!(out, "\n## 引语\n");
        for quote in attributed {
            match &quote.speaker {
                Some(speaker) => {
                    let _ = writeln!(out, "> {}\n>\n> —— {speaker}\n", quote.text);
                }
                None => {
                    let _ = writeln!(out, "> {}\n", quote.text);
                }
            }
        }
    }
    out
}

/// `level` counts structural ancestors: 0 and 1 become `##`/`###`, deeper
/// levels list items.
fn write_node(out: &mut String, node: &Node, level: usize) {
    if !node.kind.is_structural() {
        for child in &node.children {
            write_node(out, child, level);
        }
        return;
    }
    let label = node.label.as_deref().unwrap_or("");
    if level < 3 && node.kind != crate::NodeKind::Task {
        let hashes = "#".repeat(level + 2);
        let _ = writeln!(out, "\n{hashes} {label}{}\n", node.heading);
    } else {
        let indent = "  ".repeat(level.saturating_sub(3).min(level));
        let _ = writeln!(out, "{indent}- {label}{}", node.heading);
    }
    for child in &node.children {
        write_node(out, child, level + 1);
    }
}
