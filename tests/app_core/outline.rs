//! The app core's parts: offsets, search, the view of the outline, the
//! tree's keys, statistics and quotations.

use std::rc::Rc;

use gangmu::app_core::outline::{KeySet, NodeKey, OutlineIndex, Query, Settings, TextHits, View};
use gangmu::app_core::quote_list::QuoteList;
use gangmu::app_core::stats::Stats;
use gangmu::app_core::text_offsets::{span_to_utf16, utf16_to_char};
use gangmu::app_core::tree_keys::{press, type_ahead, Outcome, TreeKey};
use gangmu::Span;

const DOC: &str = "同志们：\n一、第一部分\n（一）第一节\n一要甲。\n二要乙。\n（二）第二节\n正文。\n二、第二部分\n（一）第三节\n正文。\n（二）第四节\n正文。\n";

fn index() -> OutlineIndex {
    OutlineIndex::new(&gangmu::parse(DOC))
}

fn build(
    index: &OutlineIndex,
    folded: &[&str],
    query: &str,
    selected: Option<&str>,
    previous: &View,
) -> View {
    let folded: KeySet = folded.iter().map(|key| Rc::from(*key)).collect();
    let query = Query::new(query);
    View::build(
        index,
        &Settings {
            folded: &folded,
            paragraphs: false,
            key_sentences: false,
            query: &query,
            hits: None,
            selected,
        },
        previous,
    )
}

/// The key of the first entry whose label and heading start with `prefix`.
fn key(index: &OutlineIndex, prefix: &str) -> NodeKey {
    let entry = index
        .entries
        .iter()
        .find(|entry| {
            format!("{}{}", entry.label.as_deref().unwrap_or(""), entry.heading).starts_with(prefix)
        })
        .unwrap_or_else(|| panic!("no node {prefix}"));
    Rc::clone(&entry.key)
}

/// Label and heading of the rows shown, in order.
fn shown(view: &View) -> Vec<String> {
    view.visible()
        .iter()
        .map(|item| {
            format!(
                "{}{}",
                item.row.label.as_deref().unwrap_or(""),
                item.row.heading
            )
        })
        .collect()
}

#[test]
fn utf16_offsets_count_surrogate_pairs() {
    let text = "a𠮷b😀c";
    assert_eq!(span_to_utf16(text, Span::new(1, 4)), (1, 6));
    assert_eq!(span_to_utf16(text, Span::new(0, 5)), (0, 7));
    assert_eq!(span_to_utf16(text, Span::new(9, 9)), (7, 7));
    let chars: Vec<usize> = (0..=8).map(|units| utf16_to_char(text, units)).collect();
    assert_eq!(chars, [0, 1, 1, 2, 3, 3, 4, 5, 5]);
}

#[test]
fn queries_fold_case_and_full_width() {
    let query = Query::new(" ａｉ ");
    assert_eq!(query.find_in("推进AI与ai"), [6..8, 11..13]);
    assert!(query.is_prefix_of("Ai应用"));
    assert!(Query::new("").find_in("任何").is_empty());
}

#[test]
fn keys_are_labels_and_headings_and_survive_an_edit() {
    let before = index();
    let after = OutlineIndex::new(&gangmu::parse(&format!("（补记）\n{DOC}")));
    let section = key(&before, "（二）第二节");
    assert_eq!(&*section, "/一、第一部分/（二）第二节");
    assert!(after.find(&section).is_some());
}

#[test]
fn the_view_folds_filters_and_reuses_rows() {
    let index = index();
    let empty = View::default();
    let full = build(&index, &[], "", None, &empty);
    assert_eq!(
        shown(&full),
        [
            "同志们：",
            "一、第一部分",
            "（一）第一节",
            "一要甲",
            "二要乙",
            "（二）第二节",
            "二、第二部分",
            "（一）第三节",
            "（二）第四节"
        ]
    );
    let parts = &full.roots;
    assert_eq!(
        (parts[1].posinset, parts[1].setsize, parts[1].level),
        (2, 3, 1)
    );
    assert_eq!(
        parts[0].expanded, None,
        "paragraphs hidden: the preamble has no children"
    );

    let first = key(&index, "一、");
    let folded = build(&index, &[&*first], "", None, &full);
    assert_eq!(
        shown(&folded),
        [
            "同志们：",
            "一、第一部分",
            "二、第二部分",
            "（一）第三节",
            "（二）第四节"
        ]
    );
    assert!(
        Rc::ptr_eq(&folded.roots[2], &full.roots[2]),
        "the unchanged part is reused"
    );

    let searched = build(&index, &[&*first], "乙", None, &folded);
    assert_eq!(shown(&searched), ["一、第一部分", "（一）第一节", "二要乙"]);
    assert_eq!(searched.matches, 1);
}

#[test]
fn tree_keys_move_fold_and_type_ahead() {
    let index = index();
    let view = build(&index, &[], "", None, &View::default());
    let part = key(&index, "一、");
    let section = key(&index, "（一）第一节");
    assert_eq!(
        press(&view, Some(&part), &TreeKey::Right),
        Outcome::Select(Rc::clone(&section))
    );
    assert_eq!(
        press(&view, Some(&section), &TreeKey::Left),
        Outcome::Toggle(Rc::clone(&section))
    );
    assert_eq!(
        press(&view, Some(&key(&index, "一要")), &TreeKey::Left),
        Outcome::Select(Rc::clone(&section))
    );
    assert_eq!(
        press(&view, Some(&part), &TreeKey::Up),
        Outcome::Select(key(&index, "同志们"))
    );
    assert_eq!(
        press(&view, Some(&part), &TreeKey::End),
        Outcome::Select(key(&index, "（二）第四节"))
    );
    assert_eq!(
        press(&view, Some(&part), &TreeKey::Enter),
        Outcome::Jump(Rc::clone(&part))
    );

    let folded = build(&index, &[&*part], "", Some(&part), &view);
    assert_eq!(
        press(&folded, Some(&part), &TreeKey::Right),
        Outcome::Toggle(Rc::clone(&part))
    );
    assert_eq!(
        press(&folded, Some(&part), &TreeKey::Down),
        Outcome::Select(key(&index, "二、"))
    );

    assert_eq!(
        type_ahead(&view, Some(&part), "二"),
        Some(key(&index, "二要"))
    );
    assert_eq!(
        type_ahead(&view, Some(&part), "第四"),
        Some(key(&index, "（二）第四节"))
    );
    assert_eq!(type_ahead(&view, Some(&part), "无"), None);
}

#[test]
fn stats_and_quotations_of_the_sample() {
    let document = gangmu::parse(gangmu::SAMPLE_SPEECH);
    let pieces = Stats::new(gangmu::SAMPLE_SPEECH, &document).pieces();
    assert!(pieces.contains(&"3 个部分".to_string()), "{pieces:?}");
    assert!(
        pieces.iter().any(|piece| piece.starts_with("阅读约 ")),
        "{pieces:?}"
    );
    assert!(
        pieces.iter().any(|piece| piece.starts_with("讲话约 ")),
        "{pieces:?}"
    );

    let quotes = QuoteList::new(&document);
    assert_eq!(quotes.groups[0].name(), "习近平总书记");
    assert_eq!(quotes.groups[1].name(), "未署名引文");
    assert_eq!(&*quotes.terms[0].text, "一把手");
    let counts: Vec<usize> = quotes.terms.iter().map(|term| term.spans.len()).collect();
    assert!(
        counts.windows(2).all(|pair| pair[0] >= pair[1]),
        "{counts:?}"
    );
}

/// Issue 13, item 10: a selection over rows copies them as shown, with
/// their labels and levels — the parts too, not only the leaves.
#[test]
fn rows_copy_with_their_labels_indented_by_level() {
    use gangmu::app_core::outline::{rows_as_text, Row};
    fn flatten<'a>(rows: &'a [Rc<Row>], out: &mut Vec<&'a Row>) {
        for row in rows {
            out.push(row);
            flatten(&row.children, out);
        }
    }
    let index = index();
    let view = build(&index, &[], "", None, &View::default());
    let mut rows = Vec::new();
    flatten(&view.roots, &mut rows);
    let from_part_one: Vec<&Row> = rows[1..7].to_vec();
    assert_eq!(
        rows_as_text(from_part_one),
        "一、第一部分\n\u{3000}\u{3000}（一）第一节\n\u{3000}\u{3000}\u{3000}\u{3000}一要甲\n\u{3000}\u{3000}\u{3000}\u{3000}二要乙\n\u{3000}\u{3000}（二）第二节\n二、第二部分\n"
    );
    // Begun below the top, the copy starts at its own margin.
    assert_eq!(rows_as_text(rows[3..5].to_vec()), "一要甲\n二要乙\n");
}

/// Issue 13, item 8: a run the browser cannot break is found, so that 原文
/// lays it out unwrapped; Chinese text, links and long words are not.
#[test]
fn a_run_with_no_break_opportunity_is_found() {
    use gangmu::app_core::wrapping::{has_long_run, RUN_MAX};
    assert!(has_long_run(&"“".repeat(RUN_MAX + 1)));
    assert!(has_long_run(&format!("正文。{}正文。", "”".repeat(4000))));
    assert!(has_long_run(&"“‘「『".repeat(200)));
    assert!(!has_long_run(&"“".repeat(RUN_MAX)));
    assert!(!has_long_run(&"加强领导狠抓落实".repeat(10_000)));
    assert!(!has_long_run(&"“一把手”".repeat(10_000)));
    assert!(!has_long_run(&"**#*> ".repeat(10_000)));
    assert!(!has_long_run(gangmu::SAMPLE_SPEECH));
    let link = format!("https://example.org/{}", "a".repeat(300));
    assert!(!has_long_run(&link));
}

/// Issue 13, item 8: a text of very many lines, or with one very long
/// line, is kept out of the textarea until 显示原文; a long report is not.
#[test]
fn too_many_or_too_long_lines_are_not_laid_out() {
    use gangmu::app_core::state::{AppState, Prefs};
    use gangmu::app_core::wrapping::{too_many_or_long_lines, LINES_SHOWN_MAX, LINE_SHOWN_MAX};
    assert!(too_many_or_long_lines(
        &"（一）\n".repeat(LINES_SHOWN_MAX + 1)
    ));
    assert!(!too_many_or_long_lines(
        &"（一）\n".repeat(LINES_SHOWN_MAX - 1)
    ));
    let terms = "习近平总书记指出：“一把手”“两个维护”。";
    let long_line = terms.repeat(LINE_SHOWN_MAX / terms.chars().count() + 1);
    assert!(too_many_or_long_lines(&long_line));
    let just_short: String = long_line.chars().take(LINE_SHOWN_MAX).collect();
    assert!(!too_many_or_long_lines(&format!(
        "{just_short}\n{just_short}"
    )));
    // Ten copies of the sample (a long report's size and shape) are shown.
    assert!(!too_many_or_long_lines(&gangmu::SAMPLE_SPEECH.repeat(10)));
    let state = AppState::new(Rc::from(long_line.as_str()), Prefs::default());
    assert!(state.source_hidden);
}

/// Issue 13, item 14: the statistics count every 要点 the tree shows —
/// the sample's three 必须…认识到 points as well as its ten tasks.
#[test]
fn issue_13_stats_count_the_points_the_tree_shows() {
    let document = gangmu::parse(gangmu::SAMPLE_SPEECH);
    let index = OutlineIndex::new(&document);
    let view = build(&index, &[], "", None, &View::default());
    let rows: Vec<_> = view.visible().iter().map(|v| v.row.kind).collect();
    let points = rows
        .iter()
        .filter(|kind| matches!(kind, gangmu::NodeKind::Task | gangmu::NodeKind::Point))
        .count();
    assert_eq!(points, 13, "ten tasks and three 必须… points in the tree");
    let pieces = Stats::new(gangmu::SAMPLE_SPEECH, &document).pieces();
    assert!(pieces.contains(&"13 个要点".to_string()), "{pieces:?}");
}

/// Issue 13, item 14: a quotation quoted again is listed once, with every
/// place it is quoted, under the speaker it is first attributed to; the
/// count of 引语 still counts every place.
#[test]
fn issue_13_a_quotation_quoted_again_is_listed_once() {
    let again = "我们要牢记：“善除害者察其本，善理疾者绝其源。”还要牢记：“善除害者察其本，善理疾者绝其源。”\n";
    let text = format!("{}{again}", gangmu::SAMPLE_SPEECH);
    let document = gangmu::parse(&text);
    let quotes = QuoteList::new(&document);
    let names: Vec<&str> = quotes.groups.iter().map(|group| group.name()).collect();
    assert_eq!(names, ["习近平总书记", "未署名引文"]);
    let sayings = &quotes.groups[1].quotes;
    assert_eq!(sayings.len(), 1, "{sayings:?}");
    assert_eq!(&*sayings[0].text, "善除害者察其本，善理疾者绝其源。");
    assert_eq!(sayings[0].spans.len(), 3);
    let first = gangmu::SAMPLE_SPEECH
        .chars()
        .take_while(|&c| c != '善')
        .count()
        - 1;
    assert_eq!(
        sayings[0].span().start,
        first,
        "the first place it is quoted"
    );
    let mut pieces = Stats::new(&text, &document).pieces();
    pieces.retain(|piece| piece.ends_with("处引语"));
    assert_eq!(pieces, ["4 处引语"]);
}

/// Issue 13, item 14: one character in quotation marks (“疫” “督” “战”) is
/// not a term worth listing; two are (“5G” too).
#[test]
fn issue_13_one_quoted_character_is_not_a_term() {
    let added = "抗“疫”一线，“督”在关键，打赢这一“战”，发展“5G”。\n";
    let text = format!("{}{added}", gangmu::SAMPLE_SPEECH);
    let terms: Vec<String> = QuoteList::new(&gangmu::parse(&text))
        .terms
        .iter()
        .map(|term| term.text.to_string())
        .collect();
    for single in ["疫", "督", "战"] {
        assert!(
            !terms.iter().any(|term| term == single),
            "{single} in {terms:?}"
        );
    }
    assert!(terms.iter().any(|term| term == "5G"), "{terms:?}");
    assert!(
        terms.iter().all(|term| term.chars().count() >= 2),
        "{terms:?}"
    );
}

/// One pass over the places gives each the node a caret there selects.
#[test]
fn deepest_each_agrees_with_deepest_at() {
    for text in [gangmu::SAMPLE_SPEECH, "一、甲\n（一）乙\n正文。\n二、丙\n"] {
        let index = OutlineIndex::new(&gangmu::parse(text));
        let offsets: Vec<usize> = (0..=text.chars().count()).collect();
        for paragraphs in [false, true] {
            let each = index.deepest_each(&offsets, paragraphs);
            for (&offset, found) in offsets.iter().zip(each) {
                assert_eq!(
                    found,
                    index.deepest_at(offset, offset, paragraphs),
                    "{offset}"
                );
            }
        }
    }
}

/// The places of the words in the text, each counted once, for the row
/// whose own text holds it, with a line of context.
#[test]
fn text_hits_count_each_place_once() {
    let index = OutlineIndex::new(&gangmu::parse(gangmu::SAMPLE_SPEECH));
    let hits = TextHits::find(gangmu::SAMPLE_SPEECH, &Query::new("潜规则"), &index, false);
    assert_eq!(hits.spans.len(), 2);
    let counted: usize = (0..index.entries.len()).map(|at| hits.count(at)).sum();
    assert_eq!(counted, 2);
    let at = (0..index.entries.len())
        .find(|&at| hits.count(at) > 0)
        .expect("a row");
    let snippet = hits.snippet(gangmu::SAMPLE_SPEECH, at).expect("a snippet");
    assert_eq!(&snippet.text[snippet.mark.clone()], "潜规则");
    assert!(
        snippet.text.chars().count() <= 10 + 3 + 16 + 2,
        "{}",
        snippet.text
    );
}
