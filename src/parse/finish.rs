//! Passes over the built tree, then conversion to the public model.
//!
//! * a series of one (a lone 第一，) and paragraph numbering (positional
//!   numerals 一○ 一二○, or a run of one level past [`MAX_LEVEL_MEMBERS`]) are
//!   demoted to plain paragraphs;
//! * runs of paragraphs opening with parallel phrases become points;
//! * kinds are settled: the first numbered level is a part, deeper ones are
//!   sections, series members are tasks;
//! * the opening before the first part becomes the preamble, and a closing
//!   address after the last part (同志们，…) the closing;
//! * byte ranges become char spans, each node reaching to its last child.

use std::collections::HashMap;

use super::front::Frame;
use super::marker::{trailing_counter, Family};
use super::text::{
    clean, clean_up_to, cleaned, first_clause, first_sentence, is_blank, is_sentence_end,
    key_sentence, CharIndex,
};
use super::tree::{Draft, Style, StyleMap, Tree, MAX_LEVEL_MEMBERS};
use crate::model::{KeySentence, Node, NodeKind, Span};

/// Parallel openings: length bounds of the opening phrase, in chars.
const POINT_PHRASE: std::ops::RangeInclusive<usize> = 3..=16;

pub(crate) fn finish(text: &str, index: &CharIndex, mut tree: Tree, frame: &Frame) -> Vec<Node> {
    demote_false_levels(text, &mut tree);
    mark_trailing_counters(text, &mut tree.drafts);
    mark_dashed_points(text, &mut tree.drafts);
    mark_points(text, &mut tree.drafts);
    settle_kinds(&mut tree.drafts, 0, false);
    extract_closing(text, &mut tree.drafts);
    wrap_preamble(text, &mut tree.drafts, frame);

    let mut nodes: Vec<Node> = frame
        .front
        .iter()
        .filter(|(start, end)| start < end)
        .map(|&(start, end)| {
            leaf(
                index,
                NodeKind::Front,
                clip_line(&text[start..end]),
                start,
                end,
            )
        })
        .collect();
    let root_children = tree.drafts[0].children.clone();
    nodes.extend(
        root_children
            .iter()
            .map(|&child| convert(text, index, &tree.drafts, child)),
    );
    if let Some((start, end)) = frame.back {
        nodes.push(leaf(
            index,
            NodeKind::Back,
            first_clause(&text[start..end]),
            start,
            end,
        ));
    }
    nodes
}

fn leaf(index: &CharIndex, kind: NodeKind, heading: String, start: usize, end: usize) -> Node {
    Node {
        kind,
        label: None,
        heading,
        key: None,
        span: Span::new(index.char_offset(start), index.char_offset(end)),
        children: Vec::new(),
    }
}

fn clip_line(s: &str) -> String {
    match clean_up_to(s, 40) {
        (cleaned, true) => cleaned,
        (_, false) => first_clause(s),
    }
}

fn convert(text: &str, index: &CharIndex, drafts: &[Draft], at: usize) -> Node {
    let draft = &drafts[at];
    let children: Vec<Node> = draft
        .children
        .iter()
        .map(|&c| convert(text, index, drafts, c))
        .collect();
    let key =
        key_sentence(&text[draft.start..draft.end], &draft.heading).map(|(start, end, text)| {
            KeySentence {
                text,
                span: Span::new(
                    index.char_offset(draft.start + start),
                    index.char_offset(draft.start + end),
                ),
            }
        });
    let start = index.char_offset(draft.start);
    let own_end = index.char_offset(draft.end);
    let end = children
        .last()
        .map_or(own_end, |last| last.span.end.max(own_end));
    Node {
        kind: draft.kind,
        label: draft.label.clone(),
        heading: draft.heading.clone(),
        key,
        span: Span::new(start, end),
        children,
    }
}

/// Demotes series of one and paragraph numbering to plain paragraphs.
fn demote_false_levels(text: &str, tree: &mut Tree) {
    let mut members: HashMap<usize, usize> = HashMap::new();
    // Per style: its longest run (a list that starts again from one, as
    // a) b) c) under every clause of a standard, is many short runs) and
    // whether any member is written with positional numerals.
    let mut style_members: StyleMap<(usize, bool)> = StyleMap::default();
    for draft in &tree.drafts {
        if let (Some(series), Some(_)) = (draft.series, draft.style) {
            *members.entry(series).or_default() += 1;
        }
    }
    for draft in &tree.drafts {
        if let (Some(series), Some(style)) = (draft.series, draft.style) {
            let entry = style_members.entry(style);
            entry.0 = entry.0.max(members[&series]);
            entry.1 |= draft.positional;
        }
    }
    for draft in &mut tree.drafts {
        let (Some(series), Some(style)) = (draft.series, draft.style) else {
            continue;
        };
        let (count, positional) = style_members.get(style).copied().unwrap_or_default();
        // 第六十六条: a law's articles run into the hundreds.
        let counted_noun = matches!(style, Style::Numbered { noun, .. } if noun > 0);
        // Positional numerals past ten (一一, 一二○) number paragraphs; 一○
        // alone is an older way to write the tenth item of a list.
        let paragraph_numbers =
            (positional && count > 10) || (count > MAX_LEVEL_MEMBERS && !counted_noun);
        // A lone heading standing on its own line (一、总体要求) is still a
        // heading; a lone run-in 第一， or 一是 is just a sentence.
        let heading_line = draft.standalone
            && matches!(style, Style::Numbered { family, .. } if !family.is_series());
        // A lone a) under 5.2.1 where a) b) c) run elsewhere: the level is
        // the document's, the list just has one item here.
        let level_elsewhere =
            count > 1 && matches!(style, Style::Numbered { family, .. } if !family.is_series());
        let lone = members[&series] == 1
            && !heading_line
            && !level_elsewhere
            && !matches!(
                style,
                Style::Numbered {
                    family: Family::PartWord,
                    ..
                }
            );
        if paragraph_numbers || lone {
            draft.kind = NodeKind::Paragraph;
            draft.label = None;
            draft.style = None;
            draft.heading = first_clause(&text[draft.start..draft.end]);
            draft.demoted = true;
        }
    }
    lift_children_of_demoted(&mut tree.drafts, 0);
}

/// A demoted node's children become its following siblings, so no
/// paragraph holds paragraphs.
fn lift_children_of_demoted(drafts: &mut [Draft], at: usize) {
    let children = std::mem::take(&mut drafts[at].children);
    let mut lifted = Vec::with_capacity(children.len());
    for child in children {
        lift_children_of_demoted(drafts, child);
        lifted.push(child);
        if drafts[child].demoted {
            lifted.append(&mut drafts[child].children);
        }
    }
    drafts[at].children = lifted;
}

/// Runs of two or more consecutive sibling paragraphs, each closed by a
/// counter of one form counting on from one (`…。这是第一种。` …
/// `…。这是第二种。`),
/// are the members of a list: tasks labelled with the counter and headed
/// by their first sentence. Members must be one paragraph each: a counter
/// closing a section of several paragraphs (这是第一点) leaves gaps, and
/// the run is not taken.
fn mark_trailing_counters(text: &str, drafts: &mut [Draft]) {
    for parent in 0..drafts.len() {
        let children = drafts[parent].children.clone();
        let counters: Vec<Option<(u32, String, &str)>> = children
            .iter()
            .map(|&c| {
                (drafts[c].kind == NodeKind::Paragraph)
                    .then(|| trailing_counter(&text[drafts[c].start..drafts[c].end]))
                    .flatten()
            })
            .collect();
        let lists = runs(&counters, 2, |(_, _, first), (value, _, form), at| {
            *value as usize == at + 1 && form == first
        });
        for run in lists {
            for (&child, counter) in children[run.clone()].iter().zip(&counters[run]) {
                let Some((_, label, _)) = counter else {
                    continue;
                };
                let draft = &mut drafts[child];
                draft.kind = NodeKind::Task;
                draft.label = Some(label.clone());
                draft.heading = first_sentence(&text[draft.start..draft.end]);
            }
        }
    }
}

/// Runs of three or more sibling paragraphs opening with a dash (——经济运行
/// 缓中趋稳、稳中向好。… in a government work report) are bulleted points,
/// headed by their first clause after the dash. Series members between
/// them are stepped over, as in [`mark_points`].
fn mark_dashed_points(text: &str, drafts: &mut [Draft]) {
    for parent in 0..drafts.len() {
        let children = point_candidates(drafts, parent);
        let dashed: Vec<Option<usize>> = children
            .iter()
            .map(|&c| {
                let draft = &drafts[c];
                let body = &text[draft.start..draft.end];
                let lead = body.len() - body.trim_start_matches(is_blank).len();
                let after = body[lead..].strip_prefix("——")?;
                let rest = after.trim_start_matches(['—', ' ', '　']);
                (draft.kind == NodeKind::Paragraph && !rest.is_empty())
                    .then(|| draft.start + body.len() - rest.len())
            })
            .collect();
        for run in runs(&dashed, 3, |_, _, _| true) {
            for (&child, start) in children[run.clone()].iter().zip(&dashed[run]) {
                let Some(start) = *start else { continue };
                let draft = &mut drafts[child];
                draft.kind = NodeKind::Point;
                draft.heading = first_clause(&text[start..draft.end]);
            }
        }
    }
}

/// The runs of `items` at least `min` long: consecutive `Some`s, each of
/// which `member(first of the run, item, its place in the run)` accepts
/// (the first is at place 0 and must accept itself).
fn runs<T>(
    items: &[Option<T>],
    min: usize,
    member: impl Fn(&T, &T, usize) -> bool,
) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let mut j = i;
        if let Some(first) = &items[i] {
            while items
                .get(j)
                .and_then(Option::as_ref)
                .is_some_and(|item| member(first, item, j - i))
            {
                j += 1;
            }
        }
        if j - i >= min {
            found.push(i..j);
        }
        i = j.max(i + 1);
    }
    found
}

/// The children of `parent` that may form a run of points: all but the
/// members of a series (第一，… 一是…), which runs of points step over.
fn point_candidates(drafts: &[Draft], parent: usize) -> Vec<usize> {
    drafts[parent]
        .children
        .iter()
        .copied()
        .filter(|&c| {
            !matches!(drafts[c].style, Some(Style::Numbered { family, .. }) if family.is_series())
        })
        .collect()
}

/// Marks runs of three or more sibling paragraphs that open with parallel
/// phrases (必须充分认识到 / 必须清醒认识到 / 必须深刻认识到) as points.
/// Series members between them (第一，…第二，… set out under one point)
/// neither break a run nor join it.
fn mark_points(text: &str, drafts: &mut [Draft]) {
    for parent in 0..drafts.len() {
        let children = point_candidates(drafts, parent);
        let openings: Vec<Option<Opening>> = children
            .iter()
            .map(|&c| {
                (drafts[c].kind == NodeKind::Paragraph)
                    .then(|| opening_phrase(&text[drafts[c].start..drafts[c].end]))
                    .flatten()
            })
            .collect();
        let mut i = 0;
        while i < children.len() {
            let Some(Opening { phrase: first, .. }) = &openings[i] else {
                i += 1;
                continue;
            };
            let mut prefix: &str = first;
            let mut j = i + 1;
            let mut distinct = false;
            while let Some(Some(Opening { phrase: next, .. })) = openings.get(j) {
                let common = common_prefix(prefix, next);
                // 必须充分认识到 / 必须清醒认识到: a short shared opening needs
                // a shared ending too.
                // 在基本建设方面 / 在工业生产方面: a frame around what differs.
                let parallel = match common.chars().count() {
                    0 => false,
                    1 | 2 => common_suffix(first, next).chars().count() >= 2,
                    _ => true,
                };
                if !parallel {
                    break;
                }
                distinct |= next != first;
                prefix = &prefix[..common.len()];
                j += 1;
            }
            // 这五年，我们…。 / 这五年，我们…。 / 这五年，…: one frame said
            // again and again (an anaphora) opens parallel points too, each
            // headed by its first sentence — the frame alone says nothing. A
            // frame before a colon is a speaker's name in minutes (任总：).
            // Every paragraph of it whole, ending its sentence: lines broken
            // inside sentences (的方针， / 的方针，) repeat words too.
            let anaphora = !distinct
                && openings[i].as_ref().is_some_and(|o| !o.announces)
                && children[i..j].iter().all(|&c| {
                    let paragraph =
                        text[drafts[c].start..drafts[c].end].trim_end_matches(|c: char| {
                            is_blank(c) || matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '*')
                        });
                    paragraph.ends_with(is_sentence_end)
                });
            if j - i >= 3 && (distinct || anaphora) {
                for (k, &child) in children[i..j].iter().enumerate() {
                    drafts[child].kind = NodeKind::Point;
                    if let Some(opening) = &openings[i + k] {
                        let paragraph = &text[drafts[child].start..drafts[child].end];
                        drafts[child].heading = if anaphora {
                            first_sentence(paragraph)
                        } else {
                            point_heading(paragraph, opening)
                        };
                    }
                }
                i = j;
            } else {
                i += 1;
            }
        }
    }
}

/// A point's heading: its opening phrase, and when that announces what
/// follows a colon with a verb (党八股的第一条罪状是：空话连篇，言之无物。),
/// the sentence it announces too — the phrase alone says nothing. A phrase
/// that names its topic (在基本建设方面：) is the heading by itself.
fn point_heading(paragraph: &str, opening: &Opening) -> String {
    let verb = ["是", "有", "为", "在于", "如下"];
    if opening.announces && verb.iter().any(|v| opening.phrase.ends_with(v)) {
        first_sentence(paragraph)
    } else {
        opening.phrase.clone()
    }
}

/// A paragraph's opening phrase (up to its first ，：。；), and whether a
/// colon ends it.
struct Opening {
    phrase: String,
    announces: bool,
}

fn opening_phrase(paragraph: &str) -> Option<Opening> {
    // Cleaning keeps these marks: clean only what comes before the first.
    let end = paragraph.find(['，', '：', '。', ',', ':', '；'])?;
    let phrase = cleaned(&paragraph[..end]);
    POINT_PHRASE
        .contains(&phrase.chars().count())
        .then(|| Opening {
            phrase,
            announces: paragraph[end..].starts_with(['：', ':']),
        })
}

fn common_suffix<'a>(a: &'a str, b: &str) -> &'a str {
    let len = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    &a[a.len() - len..]
}

fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let len = a
        .char_indices()
        .zip(b.chars())
        .take_while(|((_, x), y)| x == y)
        .last()
        .map_or(0, |((i, c), _)| i + c.len_utf8());
    &a[..len]
}

/// Series members are tasks; numbered headings with no numbered heading
/// above them are parts, the rest sections.
fn settle_kinds(drafts: &mut [Draft], at: usize, under_numbered: bool) {
    let children = drafts[at].children.clone();
    for child in children {
        let numbered_heading = match drafts[child].style {
            Some(Style::Numbered { family, .. })
                if family.is_series() && !drafts[child].article =>
            {
                drafts[child].kind = NodeKind::Task;
                false
            }
            Some(Style::Numbered { .. }) => {
                drafts[child].kind = if under_numbered {
                    NodeKind::Section
                } else {
                    NodeKind::Part
                };
                true
            }
            Some(Style::Appendix) => {
                drafts[child].kind = NodeKind::Appendix;
                false
            }
            Some(Style::Heading(_)) => {
                drafts[child].kind = if under_numbered {
                    NodeKind::Section
                } else {
                    NodeKind::Part
                };
                false
            }
            None => false,
        };
        settle_kinds(drafts, child, under_numbered || numbered_heading);
    }
}

const CLOSING_OPENERS: [&str; 6] = ["同志们", "各位代表", "让我们", "同胞们", "朋友们", "同学们"];

/// Moves a closing address at the end of the last part out to the top
/// level, before any appendix.
fn extract_closing(text: &str, drafts: &mut [Draft]) {
    let root = &drafts[0].children;
    if !root.iter().any(|&c| drafts[c].kind == NodeKind::Part) {
        return;
    }
    let body_end = root
        .iter()
        .position(|&c| drafts[c].kind == NodeKind::Appendix)
        .unwrap_or(root.len());
    let Some(&last_of_body) = root[..body_end].last() else {
        return;
    };
    // Follow the body's last child down to its last paragraph.
    let mut path = vec![0, last_of_body];
    let mut at = last_of_body;
    while let Some(&last) = drafts[at].children.last() {
        path.push(last);
        at = last;
    }
    if path.len() < 3 {
        return;
    }
    let parent = path[path.len() - 2];
    let siblings = drafts[parent].children.clone();
    let tail_from = siblings.len().saturating_sub(3);
    let Some(offset) = siblings[tail_from..].iter().position(|&c| {
        let draft = &drafts[c];
        draft.kind == NodeKind::Paragraph
            && draft.children.is_empty()
            && CLOSING_OPENERS
                .iter()
                .any(|opener| clean(&text[draft.start..draft.end]).starts_with(opener))
    }) else {
        return;
    };
    let split = tail_from + offset;
    let moved: Vec<usize> = siblings[split..].to_vec();
    if moved.iter().any(|&c| drafts[c].kind != NodeKind::Paragraph) {
        return;
    }
    drafts[parent].children.truncate(split);
    let closing = moved[0];
    drafts[closing].kind = NodeKind::Closing;
    drafts[closing].children = moved[1..].to_vec();
    drafts[0].children.insert(body_end, closing);
}

/// Wraps the opening (salutation and paragraphs before the first part) in
/// a preamble node.
fn wrap_preamble(text: &str, drafts: &mut Vec<Draft>, frame: &Frame) {
    let root = drafts[0].children.clone();
    let first_part = root.iter().position(|&c| drafts[c].kind == NodeKind::Part);
    let opening: Vec<usize> = match first_part {
        Some(index) => root[..index].to_vec(),
        None => Vec::new(),
    };
    if frame.salutation.is_none() && opening.is_empty() {
        return;
    }
    let (start, end, heading) = match frame.salutation {
        Some((start, end)) => (start, end, clean(&text[start..end])),
        None => {
            let first = &drafts[opening[0]];
            (
                first.start,
                first.start,
                first_clause(&text[first.start..first.end]),
            )
        }
    };
    let preamble = drafts.len();
    drafts.push(Draft {
        children: opening.clone(),
        ..Draft::new(NodeKind::Preamble, heading, start, end)
    });
    let mut children = vec![preamble];
    children.extend(root[opening.len()..].iter().copied());
    drafts[0].children = children;
}
