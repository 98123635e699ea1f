//! Just enough XML to read the parts of a .docx: a pull reader of start
//! tags, end tags and text, with attribute look-up and entity decoding.
//!
//! It checks nothing (no well-formedness, no namespaces: names are the
//! qualified names as written, `w:p`), resolves no DTD, and never fails:
//! damaged markup yields fewer or odder events, not an error or a panic.
//! Comments, processing instructions and `<!DOCTYPE …>` are skipped;
//! CDATA sections are text.

use std::borrow::Cow;

/// One piece of the markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event<'a> {
    /// `<name attrs>`, or `<name attrs/>` when `empty`.
    Start {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    /// `</name>`.
    End { name: &'a str },
    /// Character data between tags, still escaped (see [`unescape`]).
    Text(&'a str),
    /// The content of a CDATA section, to be taken literally.
    CData(&'a str),
}

/// Reads events from the start of `xml` to its end.
pub struct Reader<'a> {
    rest: &'a str,
}

impl<'a> Reader<'a> {
    pub fn new(xml: &'a str) -> Self {
        Reader { rest: xml }
    }

    /// Skips everything up to and including the end tag that closes the
    /// element whose start tag was just read (of the same name, counting
    /// nested ones).
    pub fn skip_element(&mut self, name: &str) {
        let mut depth = 1usize;
        for event in self.by_ref() {
            match event {
                Event::Start {
                    name: inner,
                    empty: false,
                    ..
                } if inner == name => depth += 1,
                Event::End { name: inner } if inner == name => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Moves past `end` (the closing delimiter of a construct), or to the
    /// end of the input when it never comes.
    fn skip_past(&mut self, end: &str) -> &'a str {
        match self.rest.find(end) {
            Some(at) => {
                let (inside, after) = (&self.rest[..at], &self.rest[at + end.len()..]);
                self.rest = after;
                inside
            }
            None => {
                let inside = self.rest;
                self.rest = "";
                inside
            }
        }
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        loop {
            if self.rest.is_empty() {
                return None;
            }
            if !self.rest.starts_with('<') {
                let end = self.rest.find('<').unwrap_or(self.rest.len());
                let text = &self.rest[..end];
                self.rest = &self.rest[end..];
                return Some(Event::Text(text));
            }
            if let Some(after) = self.rest.strip_prefix("<![CDATA[") {
                self.rest = after;
                return Some(Event::CData(self.skip_past("]]>")));
            }
            if let Some(after) = self.rest.strip_prefix("<!--") {
                self.rest = after;
                self.skip_past("-->");
                continue;
            }
            if self.rest.starts_with("<?") {
                self.skip_past("?>");
                continue;
            }
            if self.rest.starts_with("<!") {
                // <!DOCTYPE …>: an internal subset's brackets are not
                // tracked; .docx parts have none.
                self.skip_past(">");
                continue;
            }
            let tag = tag_end(self.rest);
            let inside = &self.rest[1..tag.inner_end];
            self.rest = &self.rest[tag.after..];
            if let Some(name) = inside.strip_prefix('/') {
                return Some(Event::End { name: name.trim() });
            }
            let (inside, empty) = match inside.strip_suffix('/') {
                Some(inside) => (inside, true),
                None => (inside, false),
            };
            let name_end = inside
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(inside.len());
            let (name, attrs) = inside.split_at(name_end);
            if name.is_empty() {
                continue;
            }
            return Some(Event::Start { name, attrs, empty });
        }
    }
}

struct TagEnd {
    /// Byte offset of the closing `>` (or the end of the input).
    inner_end: usize,
    /// Byte offset just past it.
    after: usize,
}

/// Where the tag starting at `tag[0] == '<'` ends: the first `>` outside
/// quoted attribute values (a value may contain `>`).
fn tag_end(tag: &str) -> TagEnd {
    let mut quote = None;
    for (at, byte) in tag.bytes().enumerate().skip(1) {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if open == byte => quote = None,
            (None, b'>') => {
                return TagEnd {
                    inner_end: at,
                    after: at + 1,
                }
            }
            _ => {}
        }
    }
    TagEnd {
        inner_end: tag.len(),
        after: tag.len(),
    }
}

/// The value of attribute `name` (qualified, e.g. `w:val`) in a start
/// tag's attribute text, unescaped.
pub fn attr<'a>(attrs: &'a str, name: &str) -> Option<Cow<'a, str>> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let value_and_more = &after[1..];
        let close = value_and_more.find(quote)?;
        let value = &value_and_more[..close];
        if key == name {
            return Some(unescape(value));
        }
        rest = &value_and_more[close + 1..];
    }
}

/// Decodes the five predefined entities and character references. An
/// unknown or malformed reference is kept as written; a reference to a
/// char that cannot exist becomes U+FFFD.
pub fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let entity = rest[1..]
            .find(';')
            .filter(|end| *end <= 10)
            .map(|end| &rest[1..1 + end]);
        let decoded = entity.and_then(|entity| {
            let char = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let code = if let Some(hex) = entity.strip_prefix("#x") {
                        u32::from_str_radix(hex, 16).ok()?
                    } else {
                        entity.strip_prefix('#')?.parse().ok()?
                    };
                    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
                }
            };
            Some((char, entity.len() + 2))
        });
        match decoded {
            Some((char, length)) => {
                out.push(char);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> Vec<Event<'_>> {
        Reader::new(xml).collect()
    }

    #[test]
    fn tags_text_and_empty_elements() {
        let xml = r#"<?xml version="1.0"?><!-- c --><w:p a="1"><w:t xml:space="preserve"> x </w:t><w:tab/></w:p>"#;
        assert_eq!(
            events(xml),
            vec![
                Event::Start {
                    name: "w:p",
                    attrs: r#" a="1""#,
                    empty: false
                },
                Event::Start {
                    name: "w:t",
                    attrs: r#" xml:space="preserve""#,
                    empty: false
                },
                Event::Text(" x "),
                Event::End { name: "w:t" },
                Event::Start {
                    name: "w:tab",
                    attrs: "",
                    empty: true
                },
                Event::End { name: "w:p" },
            ]
        );
    }

    #[test]
    fn greater_than_inside_an_attribute_value() {
        let xml = r#"<a b="x>y" c='1'/>z"#;
        let all = events(xml);
        assert_eq!(all.len(), 2);
        if let Event::Start { attrs, .. } = all[0] {
            assert_eq!(attr(attrs, "b").as_deref(), Some("x>y"));
            assert_eq!(attr(attrs, "c").as_deref(), Some("1"));
            assert_eq!(attr(attrs, "d"), None);
        }
        assert_eq!(all[1], Event::Text("z"));
    }

    #[test]
    fn entities() {
        assert_eq!(
            unescape("a &amp; &lt;b&gt; &#20013;&#x6587; &quot;&apos;"),
            "a & <b> 中文 \"'"
        );
        assert_eq!(
            unescape("&bogus; & &#xD800; &#99999999999;"),
            "&bogus; & \u{FFFD} &#99999999999;"
        );
        assert_eq!(unescape("&"), "&");
    }

    #[test]
    fn damaged_markup_ends_quietly() {
        for xml in [
            "<",
            "<a",
            "<a b=\"",
            "<!--",
            "<![CDATA[x",
            "</",
            "<>",
            "< >",
            "<?x",
            "&#",
        ] {
            let _ = events(xml);
        }
        assert_eq!(events("<![CDATA[<x>]]>"), vec![Event::CData("<x>")]);
    }

    #[test]
    fn skip_element_counts_nesting() {
        let mut reader = Reader::new("<a><a/><a>x</a></a><b/>");
        assert!(matches!(
            reader.next(),
            Some(Event::Start { name: "a", .. })
        ));
        reader.skip_element("a");
        assert!(matches!(
            reader.next(),
            Some(Event::Start { name: "b", .. })
        ));
    }
}
