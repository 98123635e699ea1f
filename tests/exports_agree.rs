#![cfg(not(target_arch = "wasm32"))]
//! Every format of 导出 holds what the app shows (issue 13, item 13): the
//! same nodes in the same order and nesting — the rows of the app's tree,
//! with or without 显示段落 —, the same quotation groups under the same
//! names, and the same counts. Each format is read back (the XML ones with
//! an XML parser) and compared with the app's state for the same text.

mod support;

use std::rc::Rc;

use gangmu::app_core::state::{Action, AppState, Prefs};
use gangmu::export::file::TextFormat;
use gangmu::export::{label_gap, Options};

/// The sample speech; a provincial report with front matter, a preamble,
/// a closing, an appendix and back matter; a report with no title that
/// quotes a saying twice.
const DOCUMENTS: [&str; 3] = [
    "00_seed_city-mobilisation-speech",
    "15_gwr2026_neimenggu_web-boilerplate-yiyao",
    "08_cpc11-1977_political-report_split-quotes",
];

/// A row of an outline: its depth (1 at the top) and its label and heading.
type Line = (usize, String);

/// What a reader sees of a document, in the app or in a file.
#[derive(Debug, Default, PartialEq)]
struct Seen {
    rows: Vec<Line>,
    /// Each group of 引语: its name and its quotations' words, with how
    /// many times each is quoted.
    groups: Vec<(String, Vec<(String, usize)>)>,
    /// Each term of 术语 with its count.
    terms: Vec<(String, usize)>,
    /// The counts of the statistics line (部分, 要点, 引语 …), as shown.
    counts: Vec<String>,
}

/// The app's state for `text`, its quotations listed.
fn app_state(text: &str, paragraphs: bool) -> Rc<AppState> {
    let prefs = Prefs {
        paragraphs,
        ..Prefs::default()
    };
    Rc::new(AppState::new(Rc::from(text), prefs)).reduced(Action::ShowQuotes)
}

/// What the app shows: the tree's rows (nothing folded), 引语, 术语 and the
/// counts of the statistics line (without 字数 and the times).
fn in_app(state: &AppState) -> Seen {
    let rows = state
        .view
        .visible()
        .iter()
        .map(|visible| {
            let row = &visible.row;
            let label = row.label.as_deref().unwrap_or("");
            (
                row.level,
                format!("{label}{}{}", label_gap(label), row.heading),
            )
        })
        .collect();
    let quotes = &state.quotes;
    let groups = quotes
        .groups
        .iter()
        .map(|group| {
            let quotes = group
                .quotes
                .iter()
                .map(|quote| (quote.text.to_string(), quote.spans.len()))
                .collect();
            (group.name().to_string(), quotes)
        })
        .collect();
    let terms = quotes
        .terms
        .iter()
        .map(|term| (term.text.to_string(), term.spans.len()))
        .collect();
    let counts = state
        .stats
        .pieces()
        .into_iter()
        .filter(|piece| piece.contains("个") || piece.contains("处"))
        .collect();
    Seen {
        rows,
        groups,
        terms,
        counts,
    }
}

fn render(format: TextFormat, text: &str, paragraphs: bool) -> String {
    let doc = gangmu::parse(text);
    format.render(
        &doc,
        text,
        Options {
            paragraphs,
            ..Default::default()
        },
    )
}

/// The 提纲: a byte order mark, the title, a blank line, then a line per
/// row, indented two U+3000 per level (CRLF line ends, which `lines`
/// takes off).
fn in_outline(file: &str, title: Option<&str>) -> Seen {
    let file = file.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut lines = file.lines();
    if let Some(title) = title {
        assert_eq!(lines.next(), Some(title));
        assert_eq!(lines.next(), Some(""));
    }
    let rows = lines
        .map(|line| {
            let text = line.trim_start_matches('\u{3000}');
            let indent = line.chars().count() - text.chars().count();
            assert_eq!(indent % 2, 0, "{line}");
            (indent / 2 + 1, text.to_string())
        })
        .collect();
    Seen {
        rows,
        ..Seen::default()
    }
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        out.push(if c == '\\' {
            chars.next().unwrap_or(c)
        } else {
            c
        });
    }
    out
}

/// Markdown: the rows' texts in order (headings, list items and lines of
/// text before `## 引语`), the groups under `## 引语`, the terms under
/// `## 术语`. Its levels are headings and lists, so only the order of the
/// rows is compared (depth 0).
fn in_markdown(file: &str, title: Option<&str>) -> Seen {
    let mut lines = file.lines().filter(|line| !line.is_empty());
    if let Some(title) = title {
        assert_eq!(lines.next(), Some(format!("# {title}").as_str()));
    }
    let mut seen = Seen::default();
    let mut section = "";
    for line in lines {
        if line == "## 引语" || line == "## 术语" {
            section = line;
            continue;
        }
        match section {
            "" => {
                let text = line.trim_start_matches('#').trim_start();
                let text = text.trim_start().strip_prefix("- ").unwrap_or(text);
                seen.rows.push((0, unescape(text)));
            }
            "## 引语" => {
                if let Some(name) = line.strip_prefix("### ") {
                    seen.groups.push((unescape(name), Vec::new()));
                } else {
                    let quote = line.strip_prefix("> ").expect("a block quote");
                    let group = seen.groups.last_mut().expect("a group heading first");
                    group.1.push(times(&unescape(quote)));
                }
            }
            _ => {
                let item = line.strip_prefix("- “").expect("a term item");
                let (term, count) = item.rsplit_once("” ×").expect("a count");
                seen.terms
                    .push((unescape(term), count.parse().expect("a number")));
            }
        }
    }
    seen
}

/// A listed quotation's words and the `×n` after them (1 without).
fn times(line: &str) -> (String, usize) {
    match line.rsplit_once(" ×") {
        Some((words, times)) if times.parse::<usize>().is_ok() => {
            (words.to_string(), times.parse().unwrap_or(1))
        }
        _ => (line.to_string(), 1),
    }
}

fn xml(file: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(file, options).expect("well-formed XML")
}

/// OPML: the `<outline>` tree.
fn in_opml(file: &str) -> Seen {
    fn walk(parent: roxmltree::Node, depth: usize, rows: &mut Vec<Line>) {
        for outline in parent.children().filter(|n| n.has_tag_name("outline")) {
            let text = outline.attribute("text").expect("text").to_string();
            rows.push((depth, text));
            walk(outline, depth + 1, rows);
        }
    }
    let doc = xml(file);
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name("body"))
        .expect("a body");
    let mut seen = Seen::default();
    walk(body, 1, &mut seen.rows);
    seen
}

fn has_class(node: &roxmltree::Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|classes| classes.split(' ').any(|c| c == class))
}

/// The text of an element, without what its `<small>` children say.
fn own_text(node: roxmltree::Node) -> String {
    node.children()
        .filter(|child| !child.has_tag_name("small"))
        .flat_map(|child| child.descendants().filter(|n| n.is_text()))
        .filter_map(|n| n.text())
        .collect::<String>()
        .trim()
        .to_string()
}

/// HTML: the outline list (each row's label, gap and heading, without its
/// child count and kind badge), 引语, 术语 and the summary line.
fn in_html(file: &str) -> Seen {
    fn walk(list: roxmltree::Node, depth: usize, rows: &mut Vec<Line>) {
        for item in list.children().filter(|n| n.has_tag_name("li")) {
            let (text, nested) = support::html_item::html_item(item);
            rows.push((depth, text));
            if let Some(nested) = nested {
                walk(nested, depth + 1, rows);
            }
        }
    }
    let doc = xml(file);
    let mut seen = Seen::default();
    let tree = doc
        .descendants()
        .find(|n| n.has_tag_name("ul") && has_class(n, "tree"))
        .expect("the outline list");
    walk(tree, 1, &mut seen.rows);
    if let Some(quotes) = doc
        .descendants()
        .find(|n| n.has_tag_name("section") && has_class(n, "quotes"))
    {
        for n in quotes.children().filter(|n| n.is_element()) {
            if n.has_tag_name("h3") {
                seen.groups.push((own_text(n), Vec::new()));
            } else if n.has_tag_name("blockquote") {
                let group = seen.groups.last_mut().expect("a group heading first");
                let words = n.first_element_child().expect("a <p>");
                let words: String = words
                    .descendants()
                    .filter(|n| n.is_text())
                    .filter_map(|n| n.text())
                    .collect();
                group.1.push(times(&words));
            }
        }
    }
    for item in doc
        .descendants()
        .filter(|n| n.has_tag_name("ul") && has_class(n, "terms"))
        .flat_map(|list| list.children().filter(|n| n.has_tag_name("li")))
    {
        let term = own_text(item);
        let term = term.trim_start_matches('“').trim_end_matches('”');
        let count = item
            .children()
            .find(|n| n.has_tag_name("small"))
            .and_then(|small| small.text())
            .and_then(|count| count.trim_start_matches('×').parse().ok())
            .expect("a count");
        seen.terms.push((term.to_string(), count));
    }
    let summary = doc
        .descendants()
        .find(|n| has_class(n, "summary"))
        .and_then(|n| n.text())
        .unwrap_or("");
    seen.counts = summary
        .split(" · ")
        .filter(|piece| !piece.is_empty())
        .map(str::to_string)
        .collect();
    seen
}

/// The rows only, at depth 0: what an export without levels can be
/// compared on.
fn order(seen: &Seen) -> Vec<Line> {
    seen.rows
        .iter()
        .map(|(_, text)| (0, text.clone()))
        .collect()
}

/// Notes where `what` of `name` is not what the app shows.
fn differ<T: PartialEq + std::fmt::Debug>(
    wrong: &mut Vec<String>,
    name: &str,
    what: &str,
    file: T,
    app: T,
) {
    if file == app {
        return;
    }
    // The first line where their pretty forms part, with the one before.
    let (file, app) = (format!("{file:#?}"), format!("{app:#?}"));
    let (file, app): (Vec<&str>, Vec<&str>) = (file.lines().collect(), app.lines().collect());
    let at = (0..file.len().max(app.len()))
        .find(|&at| file.get(at) != app.get(at))
        .unwrap_or(0);
    let around = |lines: &[&str]| {
        lines[at.saturating_sub(2).min(lines.len())..(at + 1).min(lines.len())].join(" ")
    };
    wrong.push(format!(
        "{name}: {what}, at line {at}:\n  file: {}\n  app:  {}",
        around(&file),
        around(&app)
    ));
}

#[test]
fn every_format_holds_what_the_app_shows() {
    let mut wrong = Vec::new();
    for (name, paragraphs) in DOCUMENTS
        .into_iter()
        .flat_map(|name| [(name, false), (name, true)])
    {
        let text = support::corpus_text(name);
        let state = app_state(&text, paragraphs);
        let render = |format| render(format, &text, paragraphs);
        let name = &format!("{name} (显示段落 {paragraphs})");
        let app = in_app(&state);
        let title = state.document.title.as_deref();
        assert!(!app.rows.is_empty(), "{name}");
        if paragraphs {
            let hidden = in_app(&app_state(&text, false)).rows;
            assert!(app.rows.len() > hidden.len(), "{name}: paragraphs shown");
        }
        assert!(!app.groups.is_empty(), "{name}: quotations to compare");

        let outline = in_outline(&render(TextFormat::Outline), title);
        differ(&mut wrong, name, "提纲 (.txt)", &outline.rows, &app.rows);

        let opml = in_opml(&render(TextFormat::Opml));
        differ(&mut wrong, name, "OPML", &opml.rows, &app.rows);

        let html = in_html(&render(TextFormat::Html));
        differ(&mut wrong, name, "HTML outline", &html.rows, &app.rows);
        differ(&mut wrong, name, "HTML 引语", &html.groups, &app.groups);
        differ(&mut wrong, name, "HTML 术语", &html.terms, &app.terms);
        differ(&mut wrong, name, "HTML summary", &html.counts, &app.counts);

        let markdown = in_markdown(&render(TextFormat::Markdown), title);
        differ(&mut wrong, name, "Markdown", &markdown.rows, &order(&app));
        differ(
            &mut wrong,
            name,
            "Markdown 引语",
            &markdown.groups,
            &app.groups,
        );
        differ(
            &mut wrong,
            name,
            "Markdown 术语",
            &markdown.terms,
            &app.terms,
        );

        // The JSON is the whole model: the app's tree of it is the tree.
        let json: gangmu::Document = serde_json::from_str(&render(TextFormat::Json)).expect("JSON");
        differ(
            &mut wrong,
            name,
            "JSON",
            &json,
            state.quoted.document().as_ref(),
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
