//! Text to [`Document`]. TEMPORARY STUB: recognises `一、` parts and
//! `一要` tasks at line starts only, so the app can be built against the
//! real API while the structure engine is written.

use crate::model::{Document, Node, NodeKind, Span};

/// Parses a speech or report. Never panics, never fails.
pub fn parse(text: &str) -> Document {
    let mut nodes: Vec<Node> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let len = line.chars().count();
        let content = line.trim();
        let span = Span::new(offset, offset + len);
        offset += len;
        let numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
        let mut chars = content.chars();
        let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
            continue;
        };
        if !numerals.contains(&first) {
            continue;
        }
        let rest: String = chars.collect();
        if second == '、' {
            nodes.push(Node {
                kind: NodeKind::Part,
                label: Some(format!("{first}、")),
                heading: rest,
                span,
                children: Vec::new(),
            });
        } else if second == '要' {
            let heading = rest.split('。').next().unwrap_or("").to_string();
            let task = Node {
                kind: NodeKind::Task,
                label: Some(format!("{first}要")),
                heading,
                span,
                children: Vec::new(),
            };
            match nodes.last_mut() {
                Some(part) => {
                    part.span.end = span.end;
                    part.children.push(task);
                }
                None => nodes.push(task),
            }
        }
    }
    Document {
        title: None,
        nodes,
        quotes: Vec::new(),
        diagnostics: Vec::new(),
        chars: offset,
    }
}
