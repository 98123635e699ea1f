//! Building the outline tree from body paragraphs.
//!
//! Each paragraph may open with a marker (see [`super::marker`]) and may hold
//! series markers inside it (一是…，二是…). Markers are placed with a stack of
//! open levels, one level per *style* (marker family plus whether the marker
//! stands alone on its line):
//!
//! * a marker whose style is open continues that level if it counts on by
//!   one (二 after 一) — the levels below it close;
//! * a marker numbered one opens a new level under the deepest open node;
//! * a marker that counts on from a level closed earlier at the same depth
//!   reopens it (paragraph numbers running on across parts);
//! * anything else is not structure, and stays text.
//!
//! So the document decides its own hierarchy: a report whose top level is
//! （一） gets （一） parts, and a form reused at two depths (一、 headings and
//! bare 一、 items) makes two levels. Plain paragraphs attach to the deepest
//! open node. Series opened inside a paragraph close at its end.

use std::collections::HashMap;

use super::inline::inline_markers;
use super::marker::{self, Family, Marker, FAMILIES, LAST};
use super::text::{
    clean_clipped, clean_up_to, first_clause, is_blank, is_sentence_end, item_heading, MAX_HEADING,
};
use crate::model::NodeKind;

/// A paragraph as the tree builder sees it: a byte range of the source.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Block {
    pub start: usize,
    pub end: usize,
    /// A heading by layout: a Markdown heading (its level) or a short
    /// unnumbered line standing alone (level 7, below any Markdown level).
    pub heading_level: Option<u8>,
    /// The block is one line (a heading candidate when unpunctuated).
    pub single_line: bool,
    /// Its marker stood alone on its line (see `lines::Paragraph`).
    pub bare_marker: bool,
    /// A head line announcing the list after it (纠正的方法：): the family
    /// of that list's markers.
    pub announces: Option<Family>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Style {
    Numbered {
        family: Family,
        bare: bool,
        noun: u8,
    },
    Heading(u8),
    /// An appendix (附件1): a floor the levels after it stay above.
    Appendix,
}

/// A small map keyed by [`Style`]: a document has a few styles (at most
/// some hundreds: families × layouts × counted nouns), looked up by a scan.
/// Not a hash map, whose code each key and value type adds to the web
/// app's download.
#[derive(Clone, Debug)]
pub(crate) struct StyleMap<V>(Vec<(Style, V)>);

impl<V> Default for StyleMap<V> {
    fn default() -> Self {
        StyleMap(Vec::new())
    }
}

impl<V> StyleMap<V> {
    pub(crate) fn get(&self, style: Style) -> Option<&V> {
        self.0.iter().find(|(s, _)| *s == style).map(|(_, v)| v)
    }

    /// The value for `style`, inserted as `V::default()` if missing.
    pub(crate) fn entry(&mut self, style: Style) -> &mut V
    where
        V: Default,
    {
        let at = match self.0.iter().position(|(s, _)| *s == style) {
            Some(at) => at,
            None => {
                self.0.push((style, V::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[at].1
    }

    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }
}

/// A node under construction: byte offsets, children by index.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub kind: NodeKind,
    /// The marker as written, without whitespace or emphasis.
    pub label: Option<String>,
    pub heading: String,
    pub start: usize,
    /// End of the node's own text (children may reach further).
    pub end: usize,
    pub children: Vec<usize>,
    pub style: Option<Style>,
    pub positional: bool,
    /// Which run of markers (one level, counted 1, 2, 3…) it belongs to.
    pub series: Option<usize>,
    /// A heading standing alone on its line.
    pub standalone: bool,
    /// Demoted to a plain paragraph after the tree was built.
    pub demoted: bool,
    /// A law's article (第一条　…): a heading of the text, not a task.
    pub article: bool,
}

impl Draft {
    /// A node of `kind` over `start..end`, with no label, style or
    /// children yet.
    pub(crate) fn new(kind: NodeKind, heading: String, start: usize, end: usize) -> Self {
        Draft {
            kind,
            label: None,
            heading,
            start,
            end,
            children: Vec::new(),
            style: None,
            positional: false,
            series: None,
            standalone: false,
            demoted: false,
            article: false,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    node: usize,
    style: Style,
    value: u32,
    series: usize,
    /// Where the series' first member starts (byte offset).
    series_start: usize,
    /// The Markdown heading level of the line that opened it, if any.
    md_level: Option<u8>,
    /// Opened by a marker inside a paragraph: closes at the paragraph's end.
    inline: bool,
}

/// The arena of drafts; index 0 is the root.
pub(crate) struct Tree {
    pub drafts: Vec<Draft>,
    stack: Vec<Open>,
    /// Last value, stack depth and series of each style when its level
    /// closed.
    closed: StyleMap<(u32, usize, usize)>,
    series_count: usize,
    /// The last open state of each closed series.
    closed_series: HashMap<usize, usize>,
    single_paragraph: bool,
    /// Families that number paragraphs in this document (decided before
    /// the tree is built, see [`paragraph_numbering`]): not structure.
    paragraph_numbers: Vec<Family>,
    /// Stack entries no later marker closes: 1 inside an appendix.
    floor: usize,
    /// An appendix whose head line had no title: the next short line
    /// names it (附件 / 2026年自治区民生实事).
    untitled_appendix: Option<usize>,
    /// The paragraph whose leading marker is being placed is a sentence or
    /// a list item (…。 …；), not a heading alone (see [`Tree::placement`]).
    lead_runs_on: bool,
}

/// `block`, or its two parts when the first member of a series opens its
/// last sentences and `next` opens with the second
/// (`…改变敌我的形势。第一，是为了改变进退的形势。…` / `第二，是为了…` /
/// `第三，…`): split there, the members are one level, each a paragraph
/// of its own, as a reader sees them. Only the series families (第一，
/// 一是 一要), whose lead sentence often shares the first member's
/// paragraph.
pub(crate) fn split_series_opener(
    text: &str,
    block: Block,
    next: Option<&Block>,
) -> [Option<Block>; 2] {
    let split = next.and_then(|next| {
        let body = &text[next.start..next.end];
        let second = marker::marker_at(&body[marker::skip_emphasis(body)..])
            .filter(|m| m.value == 2 && m.family.is_series())?;
        lone_first_member(&text[block.start..block.end], second)
    });
    match split {
        Some(at) => [
            Some(Block {
                end: block.start + at,
                ..block
            }),
            Some(Block {
                start: block.start + at,
                heading_level: None,
                bare_marker: false,
                announces: None,
                ..block
            }),
        ],
        None => [Some(block), None],
    }
}

/// Where the first member of `second`'s series opens the last sentences
/// of `paragraph` (after `。！？：`), with no other member after it and the
/// paragraph not opening with one: its byte offset.
fn lone_first_member(paragraph: &str, second: Marker) -> Option<usize> {
    let same = |m: &Marker| m.family == second.family && m.noun == second.noun;
    if marker::marker_at(&paragraph[marker::skip_emphasis(paragraph)..]).is_some_and(|m| same(&m)) {
        return None;
    }
    let mut first = None;
    let mut previous = None;
    for (at, c) in paragraph.char_indices() {
        let opens = previous.is_some_and(|p: char| is_sentence_end(p) || matches!(p, '：' | ':'));
        if !is_blank(c) && c != '*' {
            previous = Some(c);
        }
        if !opens || !marker::may_start_marker(c) {
            continue;
        }
        match marker::marker_at(&paragraph[at..]) {
            Some(m) if same(&m) && m.value == 1 && first.is_none() => first = Some(at),
            Some(m) if same(&m) && first.is_some() => return None,
            _ => {}
        }
    }
    first
}

/// Most chars of a numbered heading line, for [`paragraph_numbering`].
const MAX_HEADING_LINE: usize = 40;
/// An outline level with more members than this numbers paragraphs.
pub(crate) const MAX_LEVEL_MEMBERS: usize = 60;
/// Heading level of a short unnumbered line standing alone (below any
/// Markdown level).
pub(crate) const PLAIN_HEADING: u8 = 7;
/// Bytes within which a nested series may start after its parent member
/// when the spacing of members is not known yet.
const MIN_MEMBER_EXTENT: usize = 600;
/// Openings of a paragraph that sums up a series.
const SUMMING_UP: [&str; 4] = ["总之", "总而言之", "综上所述", "总的来说"];
/// A paragraph this long is a whole document pasted as one line: heading
/// markers may then stand inside it.
const COLLAPSED_PARAGRAPH: usize = 1500;

/// A family numbers paragraphs, not parts, when its markers are written
/// with positional numerals (一○ 一二○), or run on past
/// [`MAX_LEVEL_MEMBERS`], or run on across unnumbered heading lines
/// (`## 问题的根据`, a short title line) without starting again from one:
/// then the headings are the structure and the numbers are paragraph IDs
/// (论持久战's （一）…（一二○）). Decided over the whole document, before any
/// marker is placed, so the headings keep what follows them.
pub(crate) fn paragraph_numbering(text: &str, blocks: &[Block]) -> Vec<Family> {
    #[derive(Default)]
    struct Seen {
        count: usize,
        /// Members since it last started again, and the most of those.
        run: usize,
        longest_run: usize,
        positional: bool,
        restarts: usize,
        last: u32,
        headings_between: usize,
        headings_pending: usize,
        /// Markers of other families between its own: numbered heads
        /// (一　…) or items under it, so it is a level of the outline.
        others_between: usize,
        others_pending: usize,
    }
    // By `Family as usize` (an array: no hash map's code in the download).
    let mut seen: [Option<Seen>; FAMILIES] = std::array::from_fn(|_| None);
    for block in blocks {
        let body = &text[block.start..block.end];
        let lead = marker::marker_at(&body[marker::skip_emphasis(body)..]);
        match lead {
            None if block.heading_level.is_some() => {
                for family in seen.iter_mut().flatten() {
                    family.headings_pending += 1;
                }
            }
            Some(lead) if !lead.family.is_series() && !block.bare_marker => {
                // A numbered heading alone on its line (二　在党内在全国均须反对
                // 投降主义) is a level above the run as surely as an unnumbered
                // heading is: it weighs as one of each.
                let heading_line =
                    !body.contains(is_sentence_end) && body.chars().count() <= MAX_HEADING_LINE;
                for (other, seen) in seen.iter_mut().enumerate() {
                    if let Some(seen) = seen.as_mut().filter(|_| other != lead.family as usize) {
                        seen.others_pending += 1 + usize::from(heading_line);
                    }
                }
                let family = seen[lead.family as usize].get_or_insert_with(Seen::default);
                family.count += 1;
                if family.count == 1 {
                    family.run = 1;
                    family.longest_run = 1;
                }
                family.positional |= lead.positional;
                if family.count > 1 {
                    let restart = lead.value <= family.last;
                    family.restarts += usize::from(restart);
                    family.run = if restart { 1 } else { family.run + 1 };
                    family.longest_run = family.longest_run.max(family.run);
                    family.headings_between += family.headings_pending;
                    family.others_between += family.others_pending;
                }
                family.headings_pending = 0;
                family.others_pending = 0;
                family.last = lead.value;
            }
            _ => {}
        }
    }
    Family::ALL
        .into_iter()
        .zip(seen)
        .filter_map(|(family, seen)| Some((family, seen?)))
        .filter(|(_, family)| {
            family.positional
                || family.longest_run > MAX_LEVEL_MEMBERS
                || (family.count >= 10
                    && family.restarts == 0
                    && family.headings_between >= 2
                    && family.others_between < family.headings_between)
        })
        .map(|(family, _)| family)
        .collect()
}

impl Tree {
    /// `single_paragraph`: the body is one paragraph (a document pasted as
    /// one line), so heading markers may stand inside it.
    pub(crate) fn new(len: usize, single_paragraph: bool, paragraph_numbers: Vec<Family>) -> Self {
        let root = Draft::new(NodeKind::Paragraph, String::new(), 0, len);
        Tree {
            drafts: vec![root],
            stack: Vec::new(),
            closed: StyleMap::default(),
            series_count: 0,
            closed_series: HashMap::new(),
            single_paragraph,
            paragraph_numbers,
            floor: 0,
            untitled_appendix: None,
            lead_runs_on: false,
        }
    }

    fn deepest(&self) -> usize {
        self.stack.last().map_or(0, |open| open.node)
    }

    fn add(&mut self, parent: usize, draft: Draft) -> usize {
        let index = self.drafts.len();
        self.drafts.push(draft);
        self.drafts[parent].children.push(index);
        index
    }

    fn close_to(&mut self, depth: usize) {
        let depth = depth.max(self.floor);
        while self.stack.len() > depth {
            if let Some(open) = self.stack.pop() {
                *self.closed.entry(open.style) = (open.value, self.stack.len(), open.series);
                self.closed_series.insert(open.series, open.series_start);
            }
        }
    }

    /// Where a marker of `style` numbered `value` goes: the stack depth to
    /// close to before pushing it, and the series it continues (`None`: it
    /// starts one). `None` if it is not structure here.
    fn placement(&self, style: Style, value: u32) -> Option<(usize, Option<usize>)> {
        if let Some(depth) = self.stack.iter().rposition(|open| open.style == style) {
            let open = self.stack[depth];
            if value == open.value.saturating_add(1) || (value == LAST && open.value >= 2) {
                return Some((depth, Some(open.series)));
            }
            // The same form counting from one again starts a new run beside
            // the old one (1、…4、 then 1、…6、 in the next paragraph group) —
            // but not beside a heading standing alone on its line with
            // levels open below it, when this one is a sentence:
            // that is an enumeration inside the newest section (三、若干问题 /
            // （一）… / 第一，… / 一、我国人民已经推翻了…。…), as the
            // bare 一、 of the same text laid out by lines shows.
            if value == 1 {
                let inside = self.lead_runs_on
                    && depth + 1 < self.stack.len()
                    && self.drafts[open.node].standalone;
                return Some((if inside { self.stack.len() } else { depth }, None));
            }
        }
        if value == 1 {
            return Some((self.stack.len(), None));
        }
        // 第二， after 第一点，: a counted noun may come and go within a series.
        if let Style::Numbered { family, bare, .. } = style {
            let loose = |open: &Open| matches!(open.style, Style::Numbered { family: f, bare: b, .. } if f == family && b == bare);
            if let Some(depth) = self.stack.iter().rposition(loose) {
                let open = self.stack[depth];
                if value == open.value.saturating_add(1) {
                    return Some((depth, Some(open.series)));
                }
            }
        }
        // 第二章 where no 第一章 came before (a copy that lost it): a
        // chapter, part or section word heads a level whatever its number,
        // above any open series.
        if let Style::Numbered {
            family: Family::PartWord,
            ..
        } = style
        {
            if self.closed.get(style).is_none() {
                let depth = self
                    .stack
                    .iter()
                    .position(|open| matches!(open.style, Style::Numbered { family, .. } if family.is_series()))
                    .unwrap_or(self.stack.len());
                return Some((depth, None));
            }
        }
        match self.closed.get(style) {
            Some(&(last, depth, series)) if value == last.saturating_add(1) => {
                // 第三条 after 第二章 / 第一节: articles numbered on across
                // chapters and sections go under the newest heading, if
                // only headings were opened since (第四十条 under 第四章
                // after the sections of 第三章 closed).
                let counted = matches!(style, Style::Numbered { noun, .. } if noun > 0);
                if depth > self.stack.len() && !counted {
                    return None;
                }
                let headings_since = self.stack[depth.min(self.stack.len())..]
                    .iter()
                    .all(|open| {
                        matches!(
                            open.style,
                            Style::Numbered {
                                family: Family::PartWord,
                                ..
                            } | Style::Heading(_)
                        )
                    });
                let depth = if counted && headings_since {
                    self.stack.len()
                } else if depth > self.stack.len() {
                    return None;
                } else {
                    depth
                };
                Some((depth, Some(series)))
            }
            _ => None,
        }
    }

    /// Whether a marker would be accepted right now.
    fn fits(&self, style: Style, value: u32) -> bool {
        self.placement(style, value).is_some()
    }

    /// Adds one body block.
    pub(crate) fn add_block(&mut self, text: &str, block: Block) {
        let body = &text[block.start..block.end];
        let emphasis = marker::skip_emphasis(body);
        let lead = marker::marker_at(&body[emphasis..])
            .filter(|lead| !self.paragraph_numbers.contains(&lead.family));
        if let Some(node) = self.untitled_appendix.take() {
            let (title, short) = clean_up_to(body, MAX_HEADING);
            if block.single_line && lead.is_none() && short && !title.contains(is_sentence_end) {
                self.drafts[node].heading = title;
                self.drafts[node].end = block.end;
                return;
            }
        }
        if block.single_line && self.drafts.len() > 1 && self.add_appendix(text, block) {
            return;
        }
        let collapsed =
            body.len() > COLLAPSED_PARAGRAPH * 3 || (self.single_paragraph && body.len() > 600);

        // A law's article holds its 款 lines, whatever they look like.
        let in_article_now = self
            .stack
            .last()
            .is_some_and(|open| self.drafts[open.node].article);
        let heading_level = block
            .heading_level
            .filter(|_| !(block.announces.is_some() && in_article_now));
        if let Some(level) = heading_level.filter(|_| lead.is_none()) {
            self.add_heading(text, block, level);
            return;
        }

        let in_article = lead.is_some_and(|m| {
            let label = &body[emphasis..emphasis + m.len];
            marker::is_article(m, label, &body[emphasis + m.len..])
        }) || in_article_now;
        let inline = inline_markers(body, collapsed, in_article);
        let mut placed_lead = false;
        if let Some(marker) = lead {
            let label_start = block.start + emphasis;
            let label_end = label_start + marker.len;
            let rest = &text[label_end..block.end];
            let bare = block.bare_marker
                || rest.starts_with(['\n', '\r'])
                || rest.trim_start_matches(is_blank).starts_with('\n');
            let style = Style::Numbered {
                family: marker.family,
                bare,
                noun: marker.noun,
            };
            self.lead_runs_on = rest.contains(|c| is_sentence_end(c) || c == '；' || c == ';');
            let valid = self.fits(style, marker.value);
            if valid {
                let first_inline = inline
                    .first()
                    .map_or(block.end, |(pos, _)| block.start + pos);
                let standalone = block.single_line && !rest.contains(is_sentence_end);
                // **一要统一思想**，认清形势…: a bold run-in heading ends
                // with its emphasis.
                let bold_end = (emphasis > 0)
                    .then(|| text[label_end..first_inline].find("**"))
                    .flatten()
                    .map(|end| label_end + end);
                let heading = match bold_end {
                    // **第 1 條** alone: the emphasis was the label's, and
                    // the heading follows it.
                    Some(end) if text[label_end..end].trim_matches(is_blank).is_empty() => {
                        let after = (end + 2).min(first_inline);
                        first_clause(text[after..first_inline].trim_start_matches(is_blank))
                    }
                    Some(end) => first_clause(&text[label_end..end]),
                    // 第三点和第四点，… 第一是…: no label, so the heading
                    // says it.
                    None if marker.unlabeled() => first_clause(&text[label_start..first_inline]),
                    // （三）宪法宣誓仪式； alone on its line: the heading
                    // drops the list's punctuation, as a run-in one does.
                    None if standalone => {
                        let mut heading = clean_clipped(rest, MAX_HEADING);
                        heading.truncate(
                            heading
                                .trim_end_matches(['；', ';', '，', ',', '、', '：', ':'])
                                .len(),
                        );
                        heading
                    }
                    // A law's article is headed by its first clause; an
                    // item of one sentence by all of it.
                    None if marker::is_article(marker, &text[label_start..label_end], rest) => {
                        first_clause(&text[label_end..first_inline])
                    }
                    None => item_heading(&text[label_end..first_inline]),
                };
                let pushed = self.push_marker(
                    style,
                    marker,
                    &text[label_start..label_end],
                    heading,
                    block.start,
                    first_inline,
                    false,
                );
                if pushed {
                    self.mark_article(marker, &text[label_start..label_end], &text[label_end..]);
                }
                if standalone && self.drafts.len() - 1 == self.deepest() {
                    if let Some(draft) = self.drafts.last_mut() {
                        draft.standalone = true;
                    }
                }
                // 一、 on a Markdown heading line (# 一、…, as Word headings
                // come in): later headings nest by their level below it.
                if let (Some(level), Some(open)) = (block.heading_level, self.stack.last_mut()) {
                    if level < PLAIN_HEADING && self.drafts.len() - 1 == open.node {
                        open.md_level = Some(level);
                    }
                }
                placed_lead = true;
            }
        }
        self.lead_runs_on = false;
        if let Some(level) = heading_level.filter(|_| !placed_lead && inline.is_empty()) {
            self.add_heading(text, block, level);
            return;
        }
        if !placed_lead {
            self.close_levels_before_paragraph(text, &text[block.start..block.end]);
            let first_inline = inline
                .first()
                .map_or(block.end, |(pos, _)| block.start + pos);
            let parent = self.deepest();
            let heading = first_clause(&text[block.start..first_inline]);
            self.add(
                parent,
                Draft::new(NodeKind::Paragraph, heading, block.start, first_inline),
            );
        }
        self.add_inline(text, block, &inline);
        // Series opened inside this paragraph end with it.
        if let Some(depth) = self.stack.iter().position(|open| open.inline) {
            self.close_to(depth);
        }
    }

    fn add_inline(&mut self, text: &str, block: Block, inline: &[(usize, Marker)]) {
        let count = inline.len();
        for i in 0..count {
            let (pos, marker) = inline[i];
            let start = block.start + pos;
            let end = inline
                .get(i + 1)
                .map_or(block.end, |(next, _)| block.start + next);
            let style = Style::Numbered {
                family: marker.family,
                bare: false,
                noun: marker.noun,
            };
            if !self.fits(style, marker.value) {
                continue;
            }
            if marker.value == 1 {
                self.close_far_inline_series(text, start);
            }
            let label_end = start + marker.len;
            let heading_start = if marker.unlabeled() { start } else { label_end };
            let heading = first_clause(&text[heading_start..end]);
            if self.push_marker(
                style,
                marker,
                &text[start..label_end],
                heading,
                start,
                end,
                true,
            ) {
                self.mark_article(marker, &text[start..label_end], &text[label_end..]);
            }
        }
    }

    /// An appendix head line (附件1：…, see [`marker::appendix_at`]) after
    /// the body opens a top-level node that numbers afresh: what follows
    /// stays in it until the next appendix.
    fn add_appendix(&mut self, text: &str, block: Block) -> bool {
        let body = &text[block.start..block.end];
        let skipped = body.len()
            - body
                .trim_start_matches(|c: char| c == '#' || is_blank(c))
                .len();
        let skipped = skipped + marker::skip_emphasis(&body[skipped..]);
        let Some((label_len, title)) = marker::appendix_at(body[skipped..].trim_end_matches('*'))
        else {
            return false;
        };
        let label = body[skipped..skipped + label_len].to_string();
        let title = clean_clipped(title.trim_matches('*'), MAX_HEADING);
        self.floor = 0;
        self.close_to(0);
        self.closed.clear();
        let untitled = title.is_empty();
        let node = self.add(
            0,
            Draft {
                label: Some(label),
                style: Some(Style::Appendix),
                ..Draft::new(NodeKind::Appendix, title, block.start, block.end)
            },
        );
        self.stack.push(Open {
            node,
            style: Style::Appendix,
            value: 0,
            series: usize::MAX,
            series_start: block.start,
            md_level: Some(0),
            inline: false,
        });
        self.floor = 1;
        if untitled {
            self.untitled_appendix = Some(node);
        }
        true
    }

    /// A plain paragraph closes bare list items (a marker alone on its line
    /// heads one short item, and the discussion after the list belongs to
    /// the list's parent) and the items of a list said as one sentence, a
    /// line each (`（一）…；` / `（二）…；` / … / `（六）…。`), and a
    /// summing-up paragraph (总之，…) closes the series it sums up.
    fn close_levels_before_paragraph(&mut self, text: &str, paragraph: &str) {
        let sums_up = SUMMING_UP.iter().any(|word| paragraph.starts_with(word));
        while let Some(open) = self.stack.last() {
            let closes = match open.style {
                // 第 1 條 alone on its line: an article holds its 款.
                Style::Numbered { bare: true, .. } => !self.drafts[open.node].article,
                Style::Numbered { family, .. } if family.is_series() => sums_up,
                Style::Numbered { .. } => self.ends_a_list_sentence(text, open.node),
                Style::Heading(_) | Style::Appendix => false,
            };
            if !closes {
                break;
            }
            self.close_to(self.stack.len() - 1);
        }
    }

    /// Whether `node` is the last item of a list said as one sentence, a
    /// line each: it and the item before it are lines of one clause, the
    /// one before ending with `；`, and neither is an article.
    fn ends_a_list_sentence(&self, text: &str, node: usize) -> bool {
        // The line of an item that is one clause, with its last mark.
        let item = |node: usize| {
            let draft = &self.drafts[node];
            let line = text[draft.start..draft.end].trim_end_matches(is_blank);
            let last = line.chars().next_back()?;
            let body = &line[..line.len() - last.len_utf8()];
            let one_clause = !body
                .contains(|c| is_sentence_end(c) || matches!(c, '；' | ';' | '：' | ':' | '\n'))
                && body.len() <= MAX_HEADING * 3;
            (one_clause && draft.children.is_empty() && !draft.article).then_some(last)
        };
        let parent = self.stack.iter().rev().nth(1).map_or(0, |open| open.node);
        let &[.., before, last] = self.drafts[parent].children.as_slice() else {
            return false;
        };
        last == node
            && self.drafts[before].style == self.drafts[node].style
            && item(before).is_some_and(|mark| matches!(mark, '；' | ';'))
            && item(node).is_some_and(|mark| matches!(mark, '；' | ';' | '。'))
    }

    /// A new series starting inside a paragraph nests in the open inline
    /// member only if it starts within that member's likely extent: about
    /// twice the spacing of the members so far, and not after the end of a
    /// series held in one sentence. Otherwise (a one-line document where
    /// 第一，… follows 一是…六是 much later) it stands beside.
    fn close_far_inline_series(&mut self, text: &str, start: usize) {
        let series = |open: &Open| matches!(open.style, Style::Numbered { family, .. } if family.is_series());
        let Some(open) = self
            .stack
            .last()
            .copied()
            .filter(|open| open.inline && series(open))
        else {
            return;
        };
        let member_start = self.drafts[open.node].start;
        let members = open.value.max(1) as usize;
        let spacing = if members > 1 {
            (member_start - open.series_start) / (members - 1)
        } else {
            0
        };
        // A series within one sentence (一是…；二是…；三是…。) ends with it.
        let one_sentence =
            members > 1 && !text[open.series_start..member_start].contains(is_sentence_end);
        let sentence_ended = text[member_start..start].contains(is_sentence_end);
        if start - member_start > (2 * spacing).max(MIN_MEMBER_EXTENT)
            || (one_sentence && sentence_ended)
        {
            self.close_to(self.stack.len() - 1);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_marker(
        &mut self,
        style: Style,
        marker: Marker,
        label: &str,
        heading: String,
        start: usize,
        end: usize,
        inline: bool,
    ) -> bool {
        let Some((depth, series)) = self.placement(style, marker.value) else {
            return false;
        };
        let continued = series.and_then(|series| {
            self.stack
                .iter()
                .find(|open| open.series == series)
                .map(|open| open.series_start)
                .or_else(|| self.closed_series.get(&series).copied())
        });
        let series = series.unwrap_or_else(|| {
            self.series_count += 1;
            self.series_count
        });
        let series_start = continued.unwrap_or(start);
        self.close_to(depth);
        let parent = self.deepest();
        let kind = if marker.family.is_series() {
            NodeKind::Task
        } else {
            NodeKind::Section
        };
        // 第三点和第四点，… (two members said as one, counting for both)
        // and 第一是日本方面 (the ordinal is the sentence's subject): an
        // unlabeled member, headed by what it says.
        let label = (!marker.unlabeled()).then(|| {
            label
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && *c != '*')
                .collect()
        });
        let node = self.add(
            parent,
            Draft {
                label,
                style: Some(style),
                positional: marker.positional,
                series: Some(series),
                ..Draft::new(kind, heading, start, end)
            },
        );
        let value = if marker.value == LAST {
            LAST - 1
        } else {
            marker.through()
        };
        self.stack.push(Open {
            node,
            style,
            value,
            series,
            series_start,
            md_level: None,
            inline,
        });
        true
    }

    /// Marks the node just pushed as an article when it is one (see
    /// [`marker::is_article`]); `after` is the text after its label.
    fn mark_article(&mut self, marker: Marker, label: &str, after: &str) {
        if marker::is_article(marker, label, after) {
            if let Some(draft) = self.drafts.last_mut() {
                draft.article = true;
            }
        }
    }

    fn add_heading(&mut self, text: &str, block: Block, level: u8) {
        let is_heading = |open: &Open| matches!(open.style, Style::Heading(l) if l >= level);
        // The newest level, when it is a list of the form a head announces:
        // the head (单纯军事观点的来源：) and its list go beside it.
        let announced = block.announces.and_then(|family| {
            let newest = self.stack.len().checked_sub(1)?;
            matches!(self.stack[newest].style, Style::Numbered { family: f, .. } if f == family)
                .then_some(newest)
        });
        let depth = match self.stack.iter().position(is_heading) {
            // A Markdown heading goes below the deepest heading of a smaller
            // level, numbered or not, and above everything else.
            _ if level < PLAIN_HEADING => self
                .stack
                .iter()
                .rposition(|open| open.md_level.is_some_and(|l| l < level))
                .map_or(0, |parent| parent + 1),
            Some(depth) => depth,
            None if announced.is_some() => announced.unwrap_or(0),
            // A plain unnumbered line inside a numbered part heads a run of
            // its paragraphs: it goes below the deepest numbered heading,
            // or Markdown heading (## 关于极端民主化 / 纠正的方法：).
            None => self
                .stack
                .iter()
                .rposition(|open| match open.style {
                    Style::Numbered { family, .. } => !family.is_series(),
                    Style::Heading(l) => l < level,
                    Style::Appendix => false,
                })
                .map_or(0, |depth| depth + 1),
        };
        self.close_to(depth);
        let mut heading = clean_clipped(&text[block.start..block.end], MAX_HEADING);
        if block.announces.is_some() {
            heading.truncate(heading.trim_end_matches(['：', ':']).len());
        }
        let parent = self.deepest();
        let node = self.add(
            parent,
            Draft {
                style: Some(Style::Heading(level)),
                ..Draft::new(NodeKind::Part, heading, block.start, block.end)
            },
        );
        self.stack.push(Open {
            node,
            style: Style::Heading(level),
            value: 0,
            series: usize::MAX,
            series_start: block.start,
            md_level: Some(level),
            inline: false,
        });
    }
}
