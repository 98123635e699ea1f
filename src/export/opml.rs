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
//! One `<outline>` per node an export holds ([`super::contents`]: the
//! rows of the app's tree, plain paragraphs only with 显示段落), nested as
//! in the document; its `text` is the label as written followed by the
//! heading. The title is `<head><title>` (mind maps make it the central
//! topic) and 未命名 when the document has none. Quotations are not
//! exported. No dates, so the output is deterministic.

use super::contents::{Contents, Item, Options};
use super::{escape_into, label_and_heading};
use crate::model::Document;

pub fn opml(doc: &Document, options: Options) -> String {
    let contents = Contents::new(doc, options);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>",
    );
    escape_into(&mut out, contents.title.unwrap_or("未命名"));
    out.push_str("</title>\n  </head>\n  <body>\n");
    write_items(&mut out, &contents.items, 2);
    out.push_str("  </body>\n</opml>\n");
    out
}

fn write_items(out: &mut String, items: &[Item], depth: usize) {
    let indent = "  ".repeat(depth);
    for item in items {
        out.push_str(&indent);
        out.push_str("<outline text=\"");
        escape_into(out, &label_and_heading(item.node));
        out.push('"');
        if let Some(key) = item.key {
            // `_note`: the note under a row, as outliners read it.
            out.push_str(" _note=\"");
            escape_into(out, key);
            out.push('"');
        }
        if item.children.is_empty() {
            out.push_str("/>\n");
        } else {
            out.push_str(">\n");
            write_items(out, &item.children, depth + 1);
            out.push_str(&indent);
            out.push_str("</outline>\n");
        }
    }
}
