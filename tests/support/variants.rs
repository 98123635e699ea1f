//! The same document laid out the ways users paste it, and a comparison of
//! two outlines that ignores layout (`tests/invariance.rs`).
//!
//! Each variant is made from the text alone, without knowing its outline,
//! except [`markdown`], which decorates the lines the as-found outline says
//! are headings (a Markdown copy marks exactly those).

use std::collections::HashMap;

use gangmu::{Document, Node};

use super::score::norm_text;

/// A layout of a document, as a user's copy would give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// Line breaks deleted (a web page or chat copy).
    OneLine,
    /// Every break turned into two full-width spaces (a web page whose
    /// paragraphs were indented).
    IdeographicSpaces,
    /// Every break turned into one space.
    Spaces,
    /// Paragraphs wrapped at a width, no blank lines (a PDF copy).
    Wrapped(usize),
    /// CRLF line ends (a Windows text file).
    Crlf,
    /// A byte-order mark first.
    Bom,
    /// `# ` before the title line, `**` around heading lines.
    Markdown,
    /// Web-page chrome lines before and after the text.
    WebChrome,
}

impl Variant {
    /// Every variant the invariance test runs.
    pub const ALL: [Variant; 13] = [
        Variant::OneLine,
        Variant::IdeographicSpaces,
        Variant::Spaces,
        Variant::Wrapped(20),
        Variant::Wrapped(24),
        Variant::Wrapped(28),
        Variant::Wrapped(32),
        Variant::Wrapped(36),
        Variant::Wrapped(40),
        Variant::Crlf,
        Variant::Bom,
        Variant::Markdown,
        Variant::WebChrome,
    ];

    /// A short column name for the table.
    pub fn name(self) -> String {
        match self {
            Variant::OneLine => "line".into(),
            Variant::IdeographicSpaces => "　　".into(),
            Variant::Spaces => "space".into(),
            Variant::Wrapped(width) => format!("w{width}"),
            Variant::Crlf => "crlf".into(),
            Variant::Bom => "bom".into(),
            Variant::Markdown => "md".into(),
            Variant::WebChrome => "web".into(),
        }
    }

    /// `text` laid out this way; `document` is its as-found parse.
    pub fn apply(self, text: &str, document: &Document) -> String {
        match self {
            Variant::OneLine => text.chars().filter(|c| !matches!(c, '\n' | '\r')).collect(),
            Variant::IdeographicSpaces => paragraphs(text).join("\u{3000}\u{3000}"),
            Variant::Spaces => paragraphs(text).join(" "),
            Variant::Wrapped(width) => wrapped(text, width),
            Variant::Crlf => text.replace("\r\n", "\n").replace('\n', "\r\n"),
            Variant::Bom => format!("\u{feff}{text}"),
            Variant::Markdown => markdown(text, document),
            Variant::WebChrome => format!("{WEB_HEADER}{text}{WEB_FOOTER}"),
        }
    }
}

/// Lines a news site puts before an article.
const WEB_HEADER: &str = "首页 > 新闻中心 > 要闻动态\n【字体：大 中 小】 打印本页 关闭窗口\n发布时间：2024-03-05 10:20 来源：本网综合 浏览次数：1024\n\n";
/// And after it.
const WEB_FOOTER: &str =
    "\n\n责任编辑：王晓明\n【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n";

/// The non-blank lines, trimmed of indentation.
pub fn paragraphs(text: &str) -> Vec<&str> {
    text.lines()
        .map(|line| line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}'))
        .filter(|line| !line.is_empty())
        .collect()
}

/// Every paragraph broken into lines of `width` chars.
pub fn wrapped(text: &str, width: usize) -> String {
    let mut lines = Vec::new();
    for paragraph in paragraphs(text) {
        let chars: Vec<char> = paragraph.chars().collect();
        lines.extend(
            chars
                .chunks(width)
                .map(|chunk| chunk.iter().collect::<String>()),
        );
    }
    lines.join("\n")
}

/// `# ` before the title's first line and `**…**` around every line that
/// is a heading of the as-found outline (a structural node's line holding
/// nothing but its label and heading).
fn markdown(text: &str, document: &Document) -> String {
    let mut starts: Vec<usize> = Vec::new();
    document.walk(|node, _| {
        if node.kind.is_structural() {
            starts.push(node.span.start);
        }
    });
    let title = document.title.as_deref().map(norm_text);
    let mut out = String::with_capacity(text.len() + 64);
    let mut offset = 0;
    let mut titled = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        let trimmed = body.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        let lead = body.chars().count()
            - body
                .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
                .chars()
                .count();
        let start = offset + lead;
        offset += line.chars().count();
        let norm = norm_text(trimmed);
        if !titled && !norm.is_empty() && title.as_deref().is_some_and(|t| t.starts_with(&norm)) {
            titled = true;
            out.push_str("# ");
            out.push_str(trimmed);
        } else if !trimmed.is_empty()
            && starts.contains(&start)
            && trimmed.chars().count() <= 40
            && !trimmed.contains('。')
        {
            out.push_str("**");
            out.push_str(trimmed);
            out.push_str("**");
        } else {
            out.push_str(body);
        }
        out.push_str(ending);
    }
    out
}

/// The structural outline as paths: each node is its ancestors' keys and
/// its own (kind, label, the first eight chars of its heading).
fn paths(document: &Document) -> Vec<String> {
    fn key(node: &Node) -> String {
        let label = node.label.as_deref().map(norm_text).unwrap_or_default();
        let mut heading = norm_text(&node.heading);
        if let Some(rest) = heading.strip_prefix(label.as_str()) {
            heading = rest.to_string();
        }
        let heading: String = heading.chars().take(8).collect();
        format!("{}:{label}{heading}", node.kind.as_str())
    }
    fn walk(nodes: &[Node], prefix: &str, out: &mut Vec<String>) {
        for node in nodes {
            if node.kind.is_structural() {
                let path = format!("{prefix}/{}", key(node));
                out.push(path.clone());
                walk(&node.children, &path, out);
            } else {
                walk(&node.children, prefix, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&document.nodes, "", &mut out);
    out
}

/// How far `actual`'s outline is from `expected`'s, as the F1 of their
/// node paths, and the paths that differ. A title that differs counts
/// as one miss and one extra.
pub fn compare(expected: &Document, actual: &Document) -> (f64, Vec<String>, Vec<String>) {
    let mut want = paths(expected);
    let mut got = paths(actual);
    let title = |d: &Document| {
        format!(
            "title:{}",
            d.title.as_deref().map(norm_text).unwrap_or_default()
        )
    };
    want.push(title(expected));
    got.push(title(actual));
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for path in &want {
        *counts.entry(path).or_default() += 1;
    }
    let mut hits = 0usize;
    let mut extras = Vec::new();
    for path in &got {
        match counts.get_mut(path.as_str()) {
            Some(count) if *count > 0 => {
                *count -= 1;
                hits += 1;
            }
            _ => extras.push(path.clone()),
        }
    }
    let mut misses = Vec::new();
    for path in &want {
        if let Some(count) = counts.get_mut(path.as_str()) {
            if *count > 0 {
                *count -= 1;
                misses.push(path.clone());
            }
        }
    }
    let f1 = if want.is_empty() && got.is_empty() {
        1.0
    } else {
        2.0 * hits as f64 / (want.len() + got.len()) as f64
    };
    (f1, misses, extras)
}
