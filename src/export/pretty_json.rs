//! The document as pretty-printed JSON, written by hand.
//!
//! The output is byte for byte what `serde_json::to_string_pretty` gives
//! for the model's serde form (two-space indents, `"key": value`, empty
//! lists as `[]`, spans as two-element arrays, `diagnostics` left out when
//! empty); the tests compare the two on the whole corpus. Why by hand:
//! serde_json's serialiser with its error and I/O machinery costs the web
//! app about 4 KB gzipped, for one of its export formats.

use crate::model::{Diagnostic, DiagnosticKind, Document, Node, Quote, QuoteKind, Span};

/// The JSON of `doc`, without a final newline.
pub(super) fn document(doc: &Document) -> String {
    let mut json = Json {
        out: String::with_capacity(256 + 160 * doc.nodes.len()),
    };
    json.out.push('{');
    json.key(0, "title", true);
    json.optional_string(doc.title.as_deref());
    json.key(0, "nodes", false);
    json.list(&doc.nodes, 1, Json::node);
    json.key(0, "quotes", false);
    json.list(&doc.quotes, 1, Json::quote);
    if !doc.diagnostics.is_empty() {
        json.key(0, "diagnostics", false);
        json.list(&doc.diagnostics, 1, Json::diagnostic);
    }
    json.key(0, "chars", false);
    json.number(doc.chars);
    json.close(0, '}');
    json.out
}

struct Json {
    out: String,
}

impl Json {
    /// A line break and `depth` indents.
    fn indent(&mut self, depth: usize) {
        self.out.push('\n');
        for _ in 0..depth {
            self.out.push_str("  ");
        }
    }

    /// `"name": ` of an object at `depth`, after a comma unless `first`.
    fn key(&mut self, depth: usize, name: &str, first: bool) {
        if !first {
            self.out.push(',');
        }
        self.indent(depth + 1);
        self.string(name);
        self.out.push_str(": ");
    }

    /// Ends an object or list at `depth` with `bracket` on its own line.
    fn close(&mut self, depth: usize, bracket: char) {
        self.indent(depth);
        self.out.push(bracket);
    }

    /// `[ … ]` at `depth`, or `[]`.
    fn list<T>(&mut self, items: &[T], depth: usize, item: fn(&mut Json, &T, usize)) {
        self.out.push('[');
        if items.is_empty() {
            self.out.push(']');
            return;
        }
        for (at, value) in items.iter().enumerate() {
            if at > 0 {
                self.out.push(',');
            }
            self.indent(depth + 1);
            item(self, value, depth + 1);
        }
        self.close(depth, ']');
    }

    fn node(&mut self, node: &Node, depth: usize) {
        self.out.push('{');
        self.key(depth, "kind", true);
        self.string(node.kind.as_str());
        self.key(depth, "label", false);
        self.optional_string(node.label.as_deref());
        self.key(depth, "heading", false);
        self.string(&node.heading);
        self.key(depth, "key", false);
        match &node.key {
            Some(key) => {
                self.out.push('{');
                self.key(depth + 1, "text", true);
                self.string(&key.text);
                self.key(depth + 1, "span", false);
                self.span(key.span, depth + 2);
                self.close(depth + 1, '}');
            }
            None => self.out.push_str("null"),
        }
        self.key(depth, "span", false);
        self.span(node.span, depth + 1);
        self.key(depth, "children", false);
        self.list(&node.children, depth + 1, Json::node);
        self.close(depth, '}');
    }

    fn quote(&mut self, quote: &Quote, depth: usize) {
        self.out.push('{');
        self.key(depth, "kind", true);
        self.string(match quote.kind {
            QuoteKind::Attributed => "attributed",
            QuoteKind::Saying => "saying",
            QuoteKind::Term => "term",
        });
        self.key(depth, "text", false);
        self.string(&quote.text);
        self.key(depth, "speaker", false);
        self.optional_string(quote.speaker.as_deref());
        self.key(depth, "span", false);
        self.span(quote.span, depth + 1);
        self.close(depth, '}');
    }

    fn diagnostic(&mut self, diagnostic: &Diagnostic, depth: usize) {
        self.out.push('{');
        self.key(depth, "kind", true);
        self.string(match diagnostic.kind {
            DiagnosticKind::UnclosedQuote => "unclosed_quote",
            DiagnosticKind::UnopenedQuote => "unopened_quote",
            DiagnosticKind::SeriesGap => "series_gap",
            DiagnosticKind::EmptyText => "empty_text",
        });
        self.key(depth, "span", false);
        self.span(diagnostic.span, depth + 1);
        self.close(depth, '}');
    }

    fn span(&mut self, span: Span, depth: usize) {
        self.list(&[span.start, span.end], depth, |json, &n, _| json.number(n));
    }

    fn number(&mut self, n: usize) {
        self.out.push_str(&n.to_string());
    }

    fn optional_string(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.out.push_str("null"),
        }
    }

    /// A JSON string, escaped as serde_json escapes: `"` `\` and the C0
    /// controls, short forms where JSON has them.
    fn string(&mut self, text: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                '\u{0}'..='\u{1f}' => {
                    let byte = c as usize;
                    self.out.push_str("\\u00");
                    self.out.push(HEX[byte >> 4] as char);
                    self.out.push(HEX[byte & 0xf] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NodeKind;

    fn serde(doc: &Document) -> String {
        serde_json::to_string_pretty(doc).expect("a Document serialises")
    }

    #[test]
    fn matches_serde_json_on_the_sample() {
        let doc = crate::parse(crate::SAMPLE_SPEECH);
        assert_eq!(document(&doc), serde(&doc));
    }

    #[test]
    fn matches_serde_json_on_odd_documents() {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        let doc = Document {
            title: Some(format!("\"引号\" \\ {every_control}\u{7f}\u{2028}😀")),
            nodes: vec![Node {
                kind: NodeKind::Part,
                label: None,
                heading: String::new(),
                key: Some(crate::model::KeySentence {
                    text: "\u{1}要句".into(),
                    span: Span::new(0, 0),
                }),
                span: Span::new(0, 0),
                children: vec![],
            }],
            quotes: vec![],
            diagnostics: vec![Diagnostic {
                kind: DiagnosticKind::SeriesGap,
                span: Span::new(3, 4),
            }],
            chars: 0,
        };
        assert_eq!(document(&doc), serde(&doc));
        assert_eq!(document(&Document::default()), serde(&Document::default()));
        let text = "他说：“好\n一、甲\n一要乙。三要丙。";
        let doc = crate::parse(text);
        assert!(!doc.diagnostics.is_empty());
        assert_eq!(document(&doc), serde(&doc));
    }
}
