//! A compact binary form of a [`Document`] (without its diagnostics), for
//! the web app's analysis worker to hand a parse to the page: much smaller
//! and quicker to read than JSON, and without serde's `Deserialize` code,
//! which would cost the page's wasm about 70 KB gzipped.
//!
//! Numbers are LEB128 varints; strings are a length and UTF-8 bytes; an
//! option is a 0/1 byte before its value; nodes are written depth first,
//! each followed by its children. [`decode`] checks everything and returns
//! `None` for bytes it did not write.

use crate::{Document, KeySentence, Node, NodeKind, Quote, QuoteKind, Span};

const KINDS: [NodeKind; 10] = NodeKind::ALL;
const QUOTE_KINDS: [QuoteKind; 3] = [QuoteKind::Attributed, QuoteKind::Saying, QuoteKind::Term];
/// Deeper trees than this are refused (the parser's are a few levels).
const MAX_DEPTH: usize = 200;

/// `document` as bytes; its diagnostics are left out.
pub fn encode(document: &Document) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * document.quotes.len() + 256);
    number(&mut out, document.chars);
    option(&mut out, document.title.as_deref());
    number(&mut out, document.nodes.len());
    for node in &document.nodes {
        encode_node(&mut out, node);
    }
    number(&mut out, document.quotes.len());
    for quote in &document.quotes {
        let kind = QUOTE_KINDS.iter().position(|&kind| kind == quote.kind);
        out.push(kind.unwrap_or(0) as u8);
        string(&mut out, &quote.text);
        option(&mut out, quote.speaker.as_deref());
        span(&mut out, quote.span);
    }
    out
}

fn encode_node(out: &mut Vec<u8>, node: &Node) {
    let kind = KINDS.iter().position(|&kind| kind == node.kind);
    out.push(kind.unwrap_or(0) as u8);
    option(out, node.label.as_deref());
    string(out, &node.heading);
    option(out, node.key.as_ref().map(|key| key.text.as_str()));
    if let Some(key) = &node.key {
        span(out, key.span);
    }
    span(out, node.span);
    number(out, node.children.len());
    for child in &node.children {
        encode_node(out, child);
    }
}

fn number(out: &mut Vec<u8>, mut value: usize) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn string(out: &mut Vec<u8>, text: &str) {
    number(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

fn option(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => {
            out.push(1);
            string(out, text);
        }
        None => out.push(0),
    }
}

fn span(out: &mut Vec<u8>, span: Span) {
    number(out, span.start);
    number(out, span.end);
}

/// The document that [`encode`] wrote as `bytes`, or `None` if they are
/// not such bytes.
pub fn decode(bytes: &[u8]) -> Option<Document> {
    let mut reader = Reader { bytes, at: 0 };
    let chars = reader.number()?;
    let title = reader.option()?;
    let count = reader.count()?;
    let nodes = (0..count)
        .map(|_| reader.node(0))
        .collect::<Option<Vec<_>>>()?;
    let count = reader.count()?;
    let quotes = (0..count)
        .map(|_| {
            Some(Quote {
                kind: *QUOTE_KINDS.get(usize::from(reader.byte()?))?,
                text: reader.string()?,
                speaker: reader.option()?,
                span: reader.span()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    (reader.at == bytes.len()).then_some(Document {
        title,
        nodes,
        quotes,
        diagnostics: Vec::new(),
        chars,
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn number(&mut self) -> Option<usize> {
        let mut value = 0usize;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    }

    /// A count of items that each take at least a byte: never more than
    /// the bytes left, so a bad count cannot make a huge allocation.
    fn count(&mut self) -> Option<usize> {
        let count = self.number()?;
        (count <= self.bytes.len() - self.at).then_some(count)
    }

    fn string(&mut self) -> Option<String> {
        let len = self.number()?;
        let end = self.at.checked_add(len)?;
        let text = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(text.to_string())
    }

    fn option(&mut self) -> Option<Option<String>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }

    fn span(&mut self) -> Option<Span> {
        let (start, end) = (self.number()?, self.number()?);
        (start <= end).then_some(Span { start, end })
    }

    fn node(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let kind = *KINDS.get(usize::from(self.byte()?))?;
        let label = self.option()?;
        let heading = self.string()?;
        let key = match self.option()? {
            Some(text) => Some(KeySentence {
                text,
                span: self.span()?,
            }),
            None => None,
        };
        let span = self.span()?;
        let count = self.count()?;
        let children = (0..count)
            .map(|_| self.node(depth + 1))
            .collect::<Option<Vec<_>>>()?;
        Some(Node {
            kind,
            label,
            heading,
            key,
            span,
            children,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_corpus_document_comes_back_the_same() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "txt") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let document = Document {
                    diagnostics: Vec::new(),
                    ..crate::parse(&text)
                };
                assert_eq!(
                    decode(&encode(&document)).as_ref(),
                    Some(&document),
                    "{path:?}"
                );
                seen += 1;
            }
        }
        assert!(seen > 10, "read {seen} corpus documents");
    }

    #[test]
    fn bytes_it_did_not_write_are_refused() {
        let bytes = encode(&crate::parse("同志们：\n一、甲\n“乙”说。\n二、丙\n"));
        assert!(decode(&bytes).is_some());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        assert!(decode(&[bytes.clone(), vec![0]].concat()).is_none());
        assert!(decode(&[0xff; 20]).is_none());
        assert!(decode(&[0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f]).is_none());
    }
}
