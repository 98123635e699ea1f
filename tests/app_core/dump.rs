//! The state of the app as a text a person can review: what the reducer
//! tests compare and snapshot.
//!
//! ```text
//! tab Outline · revision 0 · text 102 chars “在全市工作会议上的讲话⏎同志们：…”
//! title 在全市工作会议上的讲话
//! quotes listed: 0 speakers, 1 sayings, 1 terms
//!   saying “空谈误国，实干兴邦。”
//!   term “实干” ×2
//! stats 93 字 · 2 个部分 · 2 个小节 · 2 个要点 · 1 处引语 · 阅读不到 1 分钟 · 讲话不到 1 分钟
//! search “落实” · 2 matches · 3 places in the text
//! selected /二、抓好落实
//! source reveal #2 55..101 “二、抓好落实⏎习近平总书记指出：…”
//! rows
//!   ▾ 一、提高认识 (tab stop)
//!     ▾ （一）统一思想
//!       · 二要⟦落实⟧ · 1 处
//!   · 二、抓好⟦落实⟧ · 2 处 *selected*
//! ```
//!
//! A line is written only when it says something: no `search` line
//! without a search, no `cleared` line when nothing can be brought back.
//! Rows are indented by their `aria-level`; `▾` is an open row, `▸` a
//! folded one, `·` a row without children shown; `¶` marks a plain
//! paragraph; the search's marks are in `⟦ ⟧`, followed by the places
//! in the row's own text (`· 2 处`) and, on a line below, the context of
//! the first when the heading does not hold the words (`» …⟦ ⟧…`); `要句`
//! is a key sentence shown; `*selected*` is the
//! selected row, `(tab stop)` the tree's tab stop when it is another row.

use std::fmt::Write;

use gangmu::app_core::outline::Row;
use gangmu::app_core::state::AppState;
use gangmu::app_core::text_offsets::utf16_to_char;
use gangmu::NodeKind;

/// At most this many chars of a text are quoted in the dump.
const QUOTED_CHARS: usize = 16;

pub fn dump(state: &AppState, changed: bool) -> String {
    let mut out = String::new();
    let text = state.current_text();
    let _ = writeln!(
        out,
        "tab {:?} · revision {} · text {} chars {}",
        state.tab,
        state.revision,
        text.chars().count(),
        quoted(text)
    );
    if !changed {
        out.push_str("the last action changed nothing\n");
    }
    if let Some(title) = &state.document.title {
        let _ = writeln!(out, "title {title}");
    }
    let quotes = &state.quotes;
    let listed = if state.quotes_listed() {
        "listed"
    } else if state.quoted.is_found() {
        "found, not listed"
    } else {
        "not found yet"
    };
    let (speakers, unattributed): (Vec<_>, Vec<_>) = quotes
        .groups
        .iter()
        .partition(|group| group.speaker.is_some());
    let sayings: Vec<_> = unattributed
        .iter()
        .flat_map(|group| &group.quotes)
        .collect();
    let _ = writeln!(
        out,
        "quotes {listed}: {} speakers, {} sayings, {} terms",
        speakers.len(),
        sayings.len(),
        quotes.terms.len()
    );
    for group in &speakers {
        let _ = writeln!(out, "  {}: {} quotations", group.name(), group.quotes.len());
    }
    for saying in &sayings {
        let _ = writeln!(out, "  saying {}", quoted(&saying.text));
    }
    for term in &quotes.terms {
        let _ = writeln!(out, "  term {} ×{}", quoted(&term.text), term.spans.len());
    }
    let _ = writeln!(out, "stats {}", state.stats.pieces().join(" · "));
    state_lines(state, &mut out);
    commands(state, &mut out);
    transfer(state, &mut out);
    if state.view.is_empty() {
        out.push_str("no rows\n");
    } else {
        out.push_str("rows\n");
        rows(&state.view.roots, &mut out);
    }
    out
}

/// The reader's settings and the notices.
fn state_lines(state: &AppState, out: &mut String) {
    if state.paragraphs {
        out.push_str("paragraphs shown\n");
    }
    if let Some(theme) = state.theme {
        let _ = writeln!(out, "theme {theme:?}");
    }
    if state.system_dark {
        out.push_str("system dark\n");
    }
    if state.key_sentences {
        out.push_str("key sentences shown\n");
    }
    if state.searching() {
        let matches = state.view.matches;
        let plural = if matches == 1 { "" } else { "es" };
        let scope = if state.headings_only {
            " in headings only".to_string()
        } else {
            let at = state
                .search_at
                .map_or(String::new(), |at| format!(", showing place {}", at + 1));
            format!(" · {} places in the text{at}", state.hits.spans.len())
        };
        let _ = writeln!(
            out,
            "search {} · {matches} match{plural}{scope}",
            quoted(&state.query)
        );
    }
    if state.printing_whole {
        out.push_str("printing the whole outline\n");
    }
    if !state.folded.is_empty() {
        let mut folded: Vec<&str> = state.folded.iter().map(|key| &**key).collect();
        folded.sort_unstable();
        let _ = writeln!(out, "folded {}", folded.join(" "));
    }
    if let Some(key) = &state.selected {
        let _ = writeln!(out, "selected {key}");
    }
    if let Some((term, at)) = &state.term {
        let _ = writeln!(out, "term {} at occurrence {at}", quoted(term));
    }
    if let Some(cleared) = &state.cleared {
        let _ = writeln!(out, "cleared, can be undone: {}", quoted(cleared));
    }
    if state.sample {
        out.push_str("the untouched sample (示例)\n");
    }
    if let Some(size) = state.too_large {
        let _ = writeln!(out, "too large: {size} bytes");
    }
    if state.source_hidden {
        out.push_str("source hidden\n");
    }
}

/// The commands to the DOM, with their serials.
fn commands(state: &AppState, out: &mut String) {
    if let Some(reveal) = &state.source_reveal {
        let value = reveal.value;
        let start = utf16_to_char(&state.text, value.start);
        let end = utf16_to_char(&state.text, value.end);
        let slice: String = state.text.chars().take(end).skip(start).collect();
        let focus = if value.focus { " focus" } else { "" };
        let _ = writeln!(
            out,
            "source reveal #{} {}..{} {}{focus}",
            reveal.serial,
            value.start,
            value.end,
            quoted(&slice)
        );
    }
    if let Some(reveal) = &state.tree_reveal {
        let _ = writeln!(
            out,
            "tree reveal #{} {:?}",
            reveal.serial, reveal.value.focus
        );
    }
    if let Some(write) = &state.source_write {
        let _ = writeln!(
            out,
            "source write #{} {}",
            write.serial,
            quoted(&write.value)
        );
    }
    if let Some(write) = &state.query_write {
        let _ = writeln!(
            out,
            "search write #{} {}",
            write.serial,
            quoted(&write.value)
        );
    }
    if let Some(analysis) = &state.analysis {
        let _ = writeln!(
            out,
            "analysis #{} of {} bytes",
            analysis.serial,
            analysis.value.len()
        );
    }
}

fn transfer(state: &AppState, out: &mut String) {
    let transfer = &state.transfer;
    if let Some(share) = &transfer.share {
        let _ = writeln!(out, "share link {} copied {:?}", share.url, share.copied);
    }
    if state.showing_link() {
        out.push_str("showing a share link's text\n");
    }
    if let Some(problem) = &transfer.problem {
        let _ = writeln!(out, "problem {problem}");
    }
    if let Some(note) = &transfer.undo_note {
        let _ = writeln!(out, "undo note {note}");
    }
    if let Some(other) = &transfer.other_tab {
        let _ = writeln!(
            out,
            "another tab saved {} chars, not overwritten",
            other.chars().count()
        );
    }
    if transfer.kept > 0 {
        let _ = writeln!(out, "kept over another tab's text {} times", transfer.kept);
    }
}

fn rows(rows: &[std::rc::Rc<Row>], out: &mut String) {
    for row in rows {
        let indent = "  ".repeat(row.level);
        let fold = match row.expanded {
            Some(true) => '▾',
            Some(false) => '▸',
            None => '·',
        };
        let paragraph = if row.kind == NodeKind::Paragraph {
            "¶ "
        } else {
            ""
        };
        let text = format!("{}{}", row.label.as_deref().unwrap_or(""), row.heading);
        let mut flags = String::new();
        if row.selected {
            flags.push_str(" *selected*");
        } else if row.tab_stop {
            flags.push_str(" (tab stop)");
        }
        let hits = match row.hits {
            0 => String::new(),
            count => format!(" · {count} 处"),
        };
        let _ = writeln!(
            out,
            "{indent}{fold} {paragraph}{}{hits}{flags}",
            marked(&text, row)
        );
        if let Some(snippet) = &row.snippet {
            let mark = snippet.mark.clone();
            let text = &snippet.text;
            let _ = writeln!(
                out,
                "{indent}  » {}⟦{}⟧{}",
                &text[..mark.start],
                &text[mark.clone()],
                &text[mark.end..]
            );
        }
        if let Some(key) = &row.key_sentence {
            let _ = writeln!(out, "{indent}  要句 {key}");
        }
        if row.expanded == Some(true) {
            self::rows(&row.children, out);
        }
    }
}

/// `text` with the row's search marks (byte ranges) in `⟦ ⟧`.
fn marked(text: &str, row: &Row) -> String {
    let mut out = String::new();
    let mut at = 0;
    for mark in row.marks.iter() {
        out.push_str(&text[at..mark.start]);
        let _ = write!(out, "⟦{}⟧", &text[mark.clone()]);
        at = mark.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The start of `text` in quotation marks, line breaks shown as `⏎`.
fn quoted(text: &str) -> String {
    let mut start: String = text.chars().take(QUOTED_CHARS).collect();
    start = start.replace('\n', "⏎");
    let more = if text.chars().nth(QUOTED_CHARS).is_some() {
        "…"
    } else {
        ""
    };
    format!("“{start}{more}”")
}
