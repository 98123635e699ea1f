//! The document model: what [`crate::parse`] returns and what every view,
//! exporter and the command line consume.
//!
//! Its serde JSON form is the project's exchange format (see
//! `docs/FORMAT.md`). Field names are part of that contract.

use serde::{Deserialize, Serialize};

/// A range of the original text in Unicode scalar values (`char`s), end
/// exclusive. Serialised as a two-element array `[start, end]`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely within `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the char offset `offset` lies in `[start, end)`.
    pub fn contains_offset(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

impl From<[usize; 2]> for Span {
    fn from([start, end]: [usize; 2]) -> Self {
        Span { start, end }
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> Self {
        [span.start, span.end]
    }
}

/// A parsed speech or report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The title as one line (a title broken over lines is joined).
    pub title: Option<String>,
    /// Top-level nodes in document order.
    pub nodes: Vec<Node>,
    /// Every quotation in document order.
    pub quotes: Vec<Quote>,
    /// Doubtful spots the parser noticed. Parsing never fails; it reports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
    /// Length of the source text in chars.
    #[serde(default)]
    pub chars: usize,
}

/// What role a node plays in the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// Front matter: subtitle, date, speaker, source lines.
    Front,
    /// The salutation and opening before the first part.
    Preamble,
    /// A top-level division (一、 第一部分, an unnumbered section head).
    Part,
    /// A numbered sub-level ((一) 1. (1) …).
    Section,
    /// A member of an enumerated series (一要 一是 第一， 首先，…).
    Task,
    /// An unnumbered parallel paragraph opening with the same phrase as its
    /// siblings (必须充分认识到 / 必须清醒认识到 …).
    Point,
    /// A plain paragraph; its heading is its first sentence.
    Paragraph,
    /// The closing words after the last part.
    Closing,
    /// An appendix after the body (附件1, 附录A): a top-level node of its
    /// own, holding what it numbers afresh.
    Appendix,
    /// Trailing matter: notes, licence boilerplate, related links.
    Back,
}

impl NodeKind {
    /// Every kind, in the order above.
    pub const ALL: [NodeKind; 10] = [
        NodeKind::Front,
        NodeKind::Preamble,
        NodeKind::Part,
        NodeKind::Section,
        NodeKind::Task,
        NodeKind::Point,
        NodeKind::Paragraph,
        NodeKind::Closing,
        NodeKind::Appendix,
        NodeKind::Back,
    ];

    /// The Chinese name shown to users.
    pub fn display_name(self) -> &'static str {
        match self {
            NodeKind::Front => "题注",
            NodeKind::Preamble => "开头",
            NodeKind::Part => "部分",
            NodeKind::Section => "小节",
            NodeKind::Task => "要点",
            NodeKind::Point => "论点",
            NodeKind::Paragraph => "段落",
            NodeKind::Closing => "结语",
            NodeKind::Appendix => "附件",
            NodeKind::Back => "附注",
        }
    }

    /// The kind's name in the JSON form (`part`, `task` …), also used as a
    /// CSS class suffix by the views.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Front => "front",
            NodeKind::Preamble => "preamble",
            NodeKind::Part => "part",
            NodeKind::Section => "section",
            NodeKind::Task => "task",
            NodeKind::Point => "point",
            NodeKind::Paragraph => "paragraph",
            NodeKind::Closing => "closing",
            NodeKind::Appendix => "appendix",
            NodeKind::Back => "back",
        }
    }

    /// Whether an unlabelled node of this kind shows its kind (开头, 结语 …)
    /// beside its heading; paragraphs and points read fine without one.
    pub fn has_badge(self) -> bool {
        matches!(
            self,
            NodeKind::Front | NodeKind::Preamble | NodeKind::Closing | NodeKind::Back
        )
    }

    /// Whether the node is part of the numbered/structural outline rather
    /// than plain running text.
    pub fn is_structural(self) -> bool {
        matches!(
            self,
            NodeKind::Part
                | NodeKind::Section
                | NodeKind::Task
                | NodeKind::Point
                | NodeKind::Appendix
        )
    }
}

/// One node of the outline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub kind: NodeKind,
    /// The numbering marker exactly as written (一、 （一） 1. 一要 第一，…).
    pub label: Option<String>,
    /// The heading without its label: a run-in heading cut at the first
    /// 。！？ or ：, or the whole line when it stands on its own line.
    pub heading: String,
    /// The first sentence of the node's paragraph, when it says more than
    /// the heading (a point headed by its opening phrase 必须充分认识到, a
    /// heading clipped or cut at its colon); `None` when the heading is
    /// already the whole sentence, as a heading on a line of its own is.
    pub key: Option<KeySentence>,
    /// The node's whole extent in the source, children included.
    pub span: Span,
    pub children: Vec<Node>,
}

/// A node's key sentence (要句): sliced from the source like a heading —
/// its label left out, line breaks, invisible chars and Markdown emphasis
/// removed — up to the first 。！？ outside quotation marks, which it does
/// not include. A sentence that runs on past [`KeySentence::MAX_CHARS`]
/// is cut at its last clause end before it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySentence {
    pub text: String,
    /// Where it stands in the source, in chars.
    pub span: Span,
}

impl KeySentence {
    /// The longest key sentence, in chars.
    pub const MAX_CHARS: usize = 200;
}

impl Node {
    /// Visits this node and its descendants depth first, in document order.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Node, usize)) {
        fn go<'a>(node: &'a Node, depth: usize, visit: &mut impl FnMut(&'a Node, usize)) {
            visit(node, depth);
            for child in &node.children {
                go(child, depth + 1, visit);
            }
        }
        go(self, 0, visit);
    }
}

impl Document {
    /// Visits every node depth first, in document order, with its depth
    /// (0 = top level).
    pub fn walk<'a>(&'a self, mut visit: impl FnMut(&'a Node, usize)) {
        for node in &self.nodes {
            node.walk(&mut visit);
        }
    }

    /// Counts nodes of a kind anywhere in the tree.
    pub fn count(&self, kind: NodeKind) -> usize {
        let mut count = 0;
        self.walk(|node, _| count += usize::from(node.kind == kind));
        count
    }

    /// The line of the front matter that dates the text — （2020年1月8日）,
    /// ——2017年3月5日在…会议上, 时间：2026-02-12 — as written, if there is
    /// one: the first top-level `front` node whose heading holds a year
    /// (four digits or four Chinese numerals before 年, or `YYYY-`).
    pub fn dateline(&self) -> Option<&str> {
        self.nodes
            .iter()
            .filter(|node| node.kind == NodeKind::Front)
            .map(|node| node.heading.as_str())
            .find(|heading| has_year(heading))
    }
}

/// Whether `text` has four year digits followed by 年 or `-`.
pub(crate) fn has_year(text: &str) -> bool {
    let is_digit = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇○零一二三四五六七八九".contains(c)
    };
    let mut run = 0;
    for c in text.chars() {
        if run >= 4 && (c == '年' || c == '-') {
            return true;
        }
        run = if is_digit(c) { run + 1 } else { 0 };
    }
    false
}

/// What sort of quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A named speaker is quoted (习近平总书记指出：“…”).
    Attributed,
    /// A whole sentence quoted without a speaker (a classical line, a proverb).
    Saying,
    /// A short quoted expression or slogan (“一把手”, “四个意识”).
    Term,
}

/// One quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// The words inside the marks, with line breaks and markup removed.
    pub text: String,
    /// The speaker as written, for attributed quotations.
    pub speaker: Option<String>,
    /// The quotation including its marks.
    pub span: Span,
}

/// A doubtful spot found while parsing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// A quotation mark that is never closed.
    UnclosedQuote,
    /// A closing quotation mark with no opening one.
    UnopenedQuote,
    /// A numbered series that skips a number (一要, 三要).
    SeriesGap,
    /// The text is empty or only whitespace.
    EmptyText,
}

impl DiagnosticKind {
    /// A message for users, in Chinese.
    pub fn message(self) -> &'static str {
        match self {
            DiagnosticKind::UnclosedQuote => "引号未闭合",
            DiagnosticKind::UnopenedQuote => "多余的后引号",
            DiagnosticKind::SeriesGap => "序号不连续",
            DiagnosticKind::EmptyText => "文本为空",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_match_the_json_form() {
        for kind in NodeKind::ALL {
            let json = serde_json::to_string(&kind).expect("a kind serialises");
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }

    #[test]
    fn dateline_is_the_dated_front_line() {
        let doc = crate::parse("为人民服务\n（一九四四年九月八日）\n这是一篇讲演。\n\n我们的共产党和共产党所领导的八路军。\n");
        assert_eq!(doc.dateline(), Some("（一九四四年九月八日）"));
        assert_eq!(crate::parse(crate::SAMPLE_SPEECH).dateline(), None);
        assert!(has_year("时间：2026-02-12"));
        assert!(has_year("——２０１７年３月５日"));
        assert!(!has_year("第十二届全国人民代表大会"));
        assert!(!has_year("123年"));
    }
}
