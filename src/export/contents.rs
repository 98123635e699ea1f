//! What an export holds: one definition for every format, and the same as
//! what the app shows.
//!
//! * **The nodes** are the rows of the app's tree, unfolded: every node in
//!   document order and nesting — front matter, the salutation and
//!   preamble, parts, sections, tasks, points, the closing, appendices,
//!   back matter — except plain paragraphs unless [`Options::paragraphs`]
//!   (显示段落) is set; a paragraph left out takes its subtree with it, as
//!   in the tree. [`Options::shows`] is the rule, and the app's view
//!   uses it too.
//! * **The quotations** are grouped as 引语 lists them: by speaker, then
//!   未署名引文; the terms as 术语 lists them ([`Quotations`]).
//! * **The counts** are the statistics line's ([`Counts`]): parts,
//!   sections, 要点 (the tasks and the points the tree shows under them:
//!   一要…, 必须…), and the places quotations are quoted, quoted terms
//!   aside.
//!
//! Each format decides only how to write these down; none chooses nodes,
//! groups or counts of its own.

use crate::model::{Document, Node, NodeKind, QuoteKind};

use super::quotations::Quotations;

/// The reader's choices that shape an export, as they shape the app's
/// tree. The default is the app's: paragraphs hidden.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Whether plain paragraphs are listed (显示段落).
    pub paragraphs: bool,
    /// Whether each node's key sentence is written under its heading
    /// (显示要句).
    pub key_sentences: bool,
}

impl Options {
    /// Whether a node of `kind` is listed (with its subtree): the app's
    /// tree and every export ask this.
    pub fn shows(self, kind: NodeKind) -> bool {
        self.paragraphs || kind != NodeKind::Paragraph
    }
}

/// A listed node and its listed children.
#[derive(Debug)]
pub struct Item<'a> {
    pub node: &'a Node,
    /// The node's key sentence, when [`Options::key_sentences`] asks for
    /// it and the node has one.
    pub key: Option<&'a str>,
    pub children: Vec<Item<'a>>,
}

/// Everything an export writes down.
#[derive(Debug)]
pub struct Contents<'a> {
    pub title: Option<&'a str>,
    /// The top-level listed nodes.
    pub items: Vec<Item<'a>>,
    pub quotations: Quotations<'a>,
    pub counts: Counts,
}

impl<'a> Contents<'a> {
    pub fn new(doc: &'a Document, options: Options) -> Self {
        Contents {
            title: doc.title.as_deref(),
            items: items(&doc.nodes, options),
            quotations: Quotations::gather(doc),
            counts: Counts::new(doc),
        }
    }
}

fn items(nodes: &[Node], options: Options) -> Vec<Item<'_>> {
    nodes
        .iter()
        .filter(|node| options.shows(node.kind))
        .map(|node| Item {
            node,
            key: options
                .key_sentences
                .then(|| node.key.as_ref().map(|key| key.text.as_str()))
                .flatten(),
            children: items(&node.children, options),
        })
        .collect()
}

/// What the statistics line counts of the outline and its quotations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub parts: usize,
    pub sections: usize,
    /// 要点: tasks (一要…) and points (必须充分认识到…), the rows the tree
    /// shows below a part or section.
    pub points: usize,
    /// Attributed quotations and sayings, each place one is quoted;
    /// quoted terms are not counted.
    pub quotations: usize,
}

impl Counts {
    pub fn new(doc: &Document) -> Self {
        Counts {
            parts: doc.count(NodeKind::Part),
            sections: doc.count(NodeKind::Section),
            points: doc.count(NodeKind::Task) + doc.count(NodeKind::Point),
            quotations: Counts::quotations_in(doc),
        }
    }

    /// The attributed quotations and sayings of `doc`.
    pub fn quotations_in(doc: &Document) -> usize {
        doc.quotes
            .iter()
            .filter(|quote| quote.kind != QuoteKind::Term)
            .count()
    }

    /// The counts that are not zero, as the statistics line says them:
    /// `["3 个部分", "13 个要点", "2 处引语"]`.
    pub fn pieces(&self) -> Vec<String> {
        let nodes = [
            (self.parts, "部分"),
            (self.sections, "小节"),
            (self.points, "要点"),
        ];
        let mut pieces: Vec<String> = nodes
            .iter()
            .filter(|(count, _)| *count > 0)
            .map(|(count, name)| format!("{count} 个{name}"))
            .collect();
        if self.quotations > 0 {
            pieces.push(format!("{} 处引语", self.quotations));
        }
        pieces
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_listed_only_when_asked_for() {
        let doc = crate::parse(crate::SAMPLE_SPEECH);
        let count = |items: &[Item]| {
            fn go(items: &[Item], count: &mut usize) {
                for item in items {
                    *count += 1;
                    go(&item.children, count);
                }
            }
            let mut count = 0;
            go(items, &mut count);
            count
        };
        let hidden = Contents::new(&doc, Options::default());
        let shown = Contents::new(
            &doc,
            Options {
                paragraphs: true,
                ..Default::default()
            },
        );
        let mut all = 0;
        doc.walk(|_, _| all += 1);
        assert_eq!(count(&shown.items), all);
        assert_eq!(count(&hidden.items), all - doc.count(NodeKind::Paragraph));
        assert_eq!(hidden.items[0].node.kind, NodeKind::Preamble);
        assert_eq!(
            hidden.counts.pieces(),
            ["3 个部分", "13 个要点", "2 处引语"]
        );
    }
}
