//! The statistics line: how long the text is, what the outline holds, and
//! how long it takes to read and to deliver.

use crate::{Document, NodeKind, QuoteKind};

/// Silent reading speed of Chinese prose, in characters a minute.
const READING_PER_MINUTE: usize = 400;
/// Speaking speed of a delivered speech, in characters a minute.
const SPEAKING_PER_MINUTE: usize = 220;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Characters other than whitespace, as a word processor counts 字数.
    pub chars: usize,
    pub parts: usize,
    pub sections: usize,
    pub tasks: usize,
    /// Attributed quotations and sayings; quoted terms are not counted.
    pub quotes: usize,
}

impl Stats {
    pub fn new(text: &str, document: &Document) -> Self {
        Stats {
            chars: text.chars().filter(|c| !c.is_whitespace()).count(),
            parts: document.count(NodeKind::Part),
            sections: document.count(NodeKind::Section),
            tasks: document.count(NodeKind::Task),
            quotes: Stats::quotes_in(document),
        }
    }

    /// The attributed quotations and sayings of `document`.
    pub fn quotes_in(document: &Document) -> usize {
        document
            .quotes
            .iter()
            .filter(|quote| quote.kind != QuoteKind::Term)
            .count()
    }

    /// The pieces of the line, e.g. `["8131 字", "3 个部分", …, "讲话约 37 分钟"]`.
    pub fn pieces(&self) -> Vec<String> {
        let mut pieces = vec![format!("{} 字", self.chars)];
        for (count, kind) in [
            (self.parts, NodeKind::Part),
            (self.sections, NodeKind::Section),
            (self.tasks, NodeKind::Task),
        ] {
            if count > 0 {
                pieces.push(format!("{count} 个{}", kind.display_name()));
            }
        }
        if self.quotes > 0 {
            pieces.push(format!("{} 处引语", self.quotes));
        }
        if self.chars > 0 {
            pieces.push(format!("阅读{}", duration(self.chars, READING_PER_MINUTE)));
            pieces.push(format!("讲话{}", duration(self.chars, SPEAKING_PER_MINUTE)));
        }
        pieces
    }
}

/// "约 21 分钟", "约 1 小时 5 分钟", or "不到 1 分钟".
fn duration(chars: usize, per_minute: usize) -> String {
    let minutes = (chars + per_minute / 2) / per_minute;
    match minutes {
        0 => "不到 1 分钟".to_string(),
        1..=59 => format!("约 {minutes} 分钟"),
        _ if minutes.is_multiple_of(60) => format!("约 {} 小时", minutes / 60),
        _ => format!("约 {} 小时 {} 分钟", minutes / 60, minutes % 60),
    }
}
