//! The outline as OPML 2.0, which outliners and mind-map programs import
//! (XMind, Workflowy, Dynalist, Logseq, OmniOutliner).
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <opml version="2.0">
//!   <head>
//!     <title>在全市…动员大会上的讲话</title>
//!   </head>
//!   <body>
//!     <outline text="同志们："/>
//!     <outline text="一、深刻认识…">
//!       <outline text="必须充分认识到"/>
//!     </outline>
//!   </body>
//! </opml>
//! ```
//!
//! One `<outline>` per node that the 提纲 lists: parts, sections, tasks,
//! points, and the preamble and closing, nested as in the document; its
//! `text` is the label as written followed by the heading. Plain
//! paragraphs, front and back matter are left out — an outliner shows
//! every outline as a topic, and a speech's hundreds of paragraphs would
//! bury its structure; a structural node inside a left-out node takes its
//! place. The title is `<head><title>` (mind maps make it the central
//! topic) and 未命名 when the document has none. Quotations are not
//! exported. No dates, so the output is deterministic.

use crate::model::{Document, Node, NodeKind};

use super::{escape_into, label_and_heading};

/// Whether a node becomes an `<outline>`.
fn is_exported(node: &Node) -> bool {
    node.kind.is_structural() || matches!(node.kind, NodeKind::Preamble | NodeKind::Closing)
}

pub fn opml(doc: &Document) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>",
    );
    escape_into(&mut out, doc.title.as_deref().unwrap_or("未命名"));
    out.push_str("</title>\n  </head>\n  <body>\n");
    write_nodes(&mut out, &doc.nodes, 2);
    out.push_str("  </body>\n</opml>\n");
    out
}

fn write_nodes(out: &mut String, nodes: &[Node], depth: usize) {
    for node in nodes {
        if !is_exported(node) {
            write_nodes(out, &node.children, depth);
            continue;
        }
        let indent = "  ".repeat(depth);
        out.push_str(&indent);
        out.push_str("<outline text=\"");
        escape_into(out, &label_and_heading(node));
        out.push('"');
        if node.children.iter().any(has_exported) {
            out.push_str(">\n");
            write_nodes(out, &node.children, depth + 1);
            out.push_str(&indent);
            out.push_str("</outline>\n");
        } else {
            out.push_str("/>\n");
        }
    }
}

/// Whether the node or one of its descendants is exported.
fn has_exported(node: &Node) -> bool {
    is_exported(node) || node.children.iter().any(has_exported)
}
