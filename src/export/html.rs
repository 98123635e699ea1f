//! The structured view as one self-contained HTML page: readable offline,
//! with no script and no external resource, foldable with `<details>`,
//! printable.
//!
//! * Under the title, the counts of the app's statistics line (部分, 小节,
//!   要点, 引语).
//! * The outline lists the nodes an export holds ([`super::contents`]:
//!   the rows of the app's tree, plain paragraphs only with 显示段落): a
//!   node with children is `<details open><summary>label heading
//!   (n)</summary>` over a list of them, with n the number of children
//!   listed; a leaf is a plain `<li>`. All start open, so the page prints
//!   whole as it is; a reader folds what they do not need.
//! * 引语: per group (a speaker, then 未署名引文) its quotations, each
//!   once, `×n` when quoted n times; 术语: each term with its count.
//! * 原文: the text itself, a paragraph per line, folded.
//! * Inline CSS with a CJK font stack, a dark scheme, and a print
//!   stylesheet that hides the fold markers and, where the browser
//!   supports `::details-content` (Chromium 131+), prints folded outline
//!   nodes open too.
//!
//! Every piece of the text is escaped, so the page is also well-formed
//! XML (checked by the tests with an XML parser). There is no date in it:
//! the same document gives the same bytes.

use crate::model::{Document, Node};

use super::contents::{Contents, Item, Options};
use super::escape_into;
use super::quotations::{Listed, Quotations};

const STYLE: &str = r#"
:root {
  --font: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", system-ui, sans-serif;
  --font-serif: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
  --bg: #ffffff; --text: #1f2328; --muted: #656d76; --line: #e3e0d8; --accent: #a8352a;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #16181c; --text: #e6e3dc; --muted: #9aa1aa; --line: #30343b; --accent: #ec8b7c; }
}
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1.25rem 3rem; background: var(--bg);
  color: var(--text); font-family: var(--font); font-size: 16px; line-height: 1.7; }
h1 { font-family: var(--font-serif); font-size: 1.6rem; line-height: 1.4; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
.summary, .hint, small, footer { color: var(--muted); }
.hint { font-size: .9rem; margin: 0 0 .75rem; }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 1.4rem; }
ul.tree { padding-left: 0; }
ul.tree ul { border-left: 1px solid var(--line); margin-left: .35rem; padding-left: 1.1rem; }
ul.tree li { margin: .2rem 0; }
ul.tree li.leaf { padding-left: 1.1em; }
summary { cursor: pointer; }
.key { margin: .1em 0 .3em 1.1em; color: var(--muted); font-size: .92em; }
summary:hover .heading { text-decoration: underline; text-decoration-color: var(--line); }
.label { color: var(--accent); font-weight: 600; margin-right: .15em; }
.node-part > details > summary { font-weight: 600; font-size: 1.05rem; }
.node-paragraph { color: var(--muted); }
.kind { font-size: .8rem; color: var(--muted); border: 1px solid var(--line); border-radius: 4px;
  padding: 0 .3em; margin-left: .4em; }
blockquote { margin: .5rem 0; padding: .1rem 0 .1rem 1rem; border-left: 3px solid var(--line);
  font-family: var(--font-serif); }
blockquote p { margin: 0; }
ul.terms { padding-left: 1.2rem; columns: 2 14rem; }
.source > summary h2 { display: inline; border: 0; }
.source p { margin: .4rem 0; text-indent: 2em; }
footer { margin-top: 3rem; font-size: .85rem; text-align: center; }
@media print {
  :root { --text: #000; --muted: #444; --accent: #000; --line: #bbb; --bg: #fff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .hint { display: none; }
  summary { list-style: none; cursor: auto; }
  ul.tree li.leaf { padding-left: 0; }
  summary::-webkit-details-marker { display: none; }
  h2, h3 { break-after: avoid; }
  li, blockquote { break-inside: avoid; }
}
"#;

/// A second style sheet: a browser that does not know `::details-content`
/// drops the whole rule, so it stands alone.
const PRINT_OPEN: &str = "@media print { ul.tree details::details-content { content-visibility: visible; display: block; } }\n";

pub fn html(doc: &Document, text: &str, options: Options) -> String {
    let contents = Contents::new(doc, options);
    let mut out = String::with_capacity(text.len() * 2 + 8 * 1024);
    let title = contents.title.unwrap_or("提纲");
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\" />\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    out.push_str("<meta name=\"generator\" content=\"纲目 gangmu\" />\n<title>");
    escape_into(&mut out, title);
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str(PRINT_OPEN);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>");
    escape_into(&mut out, title);
    out.push_str("</h1>\n<p class=\"summary\">");
    out.push_str(&contents.counts.pieces().join(" · "));
    out.push_str("</p>\n</header>\n<main>\n");

    out.push_str("<section class=\"outline\">\n<h2>提纲</h2>\n");
    out.push_str("<p class=\"hint\">点击标题可折叠或展开；打印时提纲全部展开。</p>\n");
    out.push_str("<ul class=\"tree\">\n");
    for item in &contents.items {
        write_item(&mut out, item);
    }
    out.push_str("</ul>\n</section>\n");

    write_quotations(&mut out, &contents.quotations);
    write_source(&mut out, text);
    out.push_str("</main>\n<footer>由 纲目 生成</footer>\n</body>\n</html>\n");
    out
}

/// The label, heading and badge of a node (the content of its row).
fn write_row(out: &mut String, node: &Node) {
    if let Some(label) = &node.label {
        out.push_str("<span class=\"label\">");
        escape_into(out, label);
        out.push_str("</span>");
        out.push_str(super::label_gap(label));
    }
    out.push_str("<span class=\"heading\">");
    escape_into(out, &node.heading);
    out.push_str("</span>");
    if node.label.is_none() && node.kind.has_badge() {
        out.push_str("<span class=\"kind\">");
        out.push_str(node.kind.display_name());
        out.push_str("</span>");
    }
}

/// A key sentence, under its row.
fn write_key(out: &mut String, key: Option<&str>) {
    if let Some(key) = key {
        out.push_str("<p class=\"key\">");
        escape_into(out, key);
        out.push_str("</p>\n");
    }
}

fn write_item(out: &mut String, item: &Item) {
    let node = item.node;
    out.push_str("<li class=\"node node-");
    out.push_str(node.kind.as_str());
    if item.children.is_empty() {
        out.push_str(" leaf\">");
        write_row(out, node);
        write_key(out, item.key);
    } else {
        out.push_str("\"><details open=\"\"><summary>");
        write_row(out, node);
        out.push_str(&format!(
            " <small>({})</small></summary>\n",
            item.children.len()
        ));
        write_key(out, item.key);
        out.push_str("<ul>\n");
        for child in &item.children {
            write_item(out, child);
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</li>\n");
}

/// A quotation, with how many times it is quoted when more than once.
fn write_quote(out: &mut String, quote: &Listed) {
    out.push_str("<blockquote><p>");
    escape_into(out, quote.text);
    if quote.spans.len() > 1 {
        out.push_str(&format!(" <small>×{}</small>", quote.spans.len()));
    }
    out.push_str("</p></blockquote>\n");
}

fn write_quotations(out: &mut String, quotations: &Quotations) {
    if quotations.has_quotes() {
        out.push_str("<section class=\"quotes\">\n<h2>引语</h2>\n");
        for group in &quotations.groups {
            out.push_str("<h3>");
            escape_into(out, group.name());
            out.push_str(&format!(" <small>({})</small></h3>\n", group.quotes.len()));
            for quote in &group.quotes {
                write_quote(out, quote);
            }
        }
        out.push_str("</section>\n");
    }
    if !quotations.terms.is_empty() {
        out.push_str("<section class=\"terms\">\n<h2>术语</h2>\n<ul class=\"terms\">\n");
        for term in &quotations.terms {
            out.push_str("<li>“");
            escape_into(out, term.text);
            out.push_str(&format!("” <small>×{}</small></li>\n", term.spans.len()));
        }
        out.push_str("</ul>\n</section>\n");
    }
}

/// The text, folded: a `<p>` per non-blank line.
fn write_source(out: &mut String, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    out.push_str("<section>\n<details class=\"source\"><summary><h2>原文</h2></summary>\n");
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        out.push_str("<p>");
        escape_into(out, line);
        out.push_str("</p>\n");
    }
    out.push_str("</details>\n</section>\n");
}
