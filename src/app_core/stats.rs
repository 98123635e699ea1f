//! The statistics line: how long the text is, what the outline holds, and
//! how long it takes to read and to deliver.

use crate::export::contents::Counts;
use crate::Document;

/// Silent reading speed of Chinese prose, in characters a minute.
const READING_PER_MINUTE: usize = 400;
/// Speaking speed of a delivered speech, in characters a minute.
const SPEAKING_PER_MINUTE: usize = 220;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Characters other than whitespace, as a word processor counts 字数.
    pub chars: usize,
    /// What the outline and its quotations hold, counted as every export
    /// counts it.
    pub counts: Counts,
}

impl Stats {
    pub fn new(text: &str, document: &Document) -> Self {
        Stats {
            chars: text.chars().filter(|c| !c.is_whitespace()).count(),
            counts: Counts::new(document),
        }
    }

    /// The same statistics with the quotations of `document` (the same
    /// text, its quotations found) counted.
    pub fn with_quotations_of(&self, document: &Document) -> Self {
        let quotations = Counts::quotations_in(document);
        Stats {
            counts: Counts {
                quotations,
                ..self.counts
            },
            ..self.clone()
        }
    }

    /// The pieces of the line, e.g. `["8131 字", "3 个部分", …, "讲话约 37 分钟"]`.
    pub fn pieces(&self) -> Vec<String> {
        let mut pieces = vec![format!("{} 字", self.chars)];
        pieces.extend(self.counts.pieces());
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
