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

use std::collections::{HashMap, HashSet};

use super::marker::{self, Family, Marker, LAST};
use super::text::{clean, is_blank, is_clause_break, is_invisible, is_sentence_end};
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Style {
    Numbered {
        family: Family,
        bare: bool,
        noun: u8,
    },
    Heading(u8),
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
    closed: HashMap<Style, (u32, usize, usize)>,
    series_count: usize,
    /// The last open state of each closed series.
    closed_series: HashMap<usize, Open>,
    single_paragraph: bool,
}

/// Longest heading kept, in chars.
const MAX_HEADING: usize = 80;
/// Heading level of a short unnumbered line standing alone (below any
/// Markdown level).
pub(crate) const PLAIN_HEADING: u8 = 7;
/// Bytes within which a nested series may start after its parent member
/// when the spacing of members is not known yet.
const MIN_MEMBER_EXTENT: usize = 600;
/// Members of an inline series shorter than this, on average, enumerate
/// words inside a sentence.
const MIN_MEMBER_CHARS: usize = 20;
/// The same for 一要 and 一是 series, which are tasks even when terse.
const MIN_TASK_CHARS: usize = 8;
/// Words that may stand between a clause break and an inline marker
/// (然而第二，…).
const CONNECTIVES: [&str; 6] = ["然而", "但是", "同时", "此外", "另外", "而且"];
/// Openings of a paragraph that sums up a series.
const SUMMING_UP: [&str; 4] = ["总之", "总而言之", "综上所述", "总的来说"];
/// A paragraph this long is a whole document pasted as one line: heading
/// markers may then stand inside it.
const COLLAPSED_PARAGRAPH: usize = 1500;

impl Tree {
    /// `single_paragraph`: the body is one paragraph (a document pasted as
    /// one line), so heading markers may stand inside it.
    pub(crate) fn new(len: usize, single_paragraph: bool) -> Self {
        let root = Draft {
            kind: NodeKind::Paragraph,
            label: None,
            heading: String::new(),
            start: 0,
            end: len,
            children: Vec::new(),
            style: None,
            positional: false,
            series: None,
        };
        Tree {
            drafts: vec![root],
            stack: Vec::new(),
            closed: HashMap::new(),
            series_count: 0,
            closed_series: HashMap::new(),
            single_paragraph,
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
        while self.stack.len() > depth {
            if let Some(open) = self.stack.pop() {
                self.closed
                    .insert(open.style, (open.value, self.stack.len(), open.series));
                self.closed_series.insert(open.series, open);
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
            // the old one (1、…4、 then 1、…6、 in the next paragraph group).
            if value == 1 {
                return Some((depth, None));
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
        match self.closed.get(&style) {
            Some(&(last, depth, series))
                if value == last.saturating_add(1) && depth <= self.stack.len() =>
            {
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
        let lead = marker::marker_at(&body[emphasis..]);
        let collapsed =
            body.len() > COLLAPSED_PARAGRAPH * 3 || (self.single_paragraph && body.len() > 600);

        if let Some(level) = block.heading_level.filter(|_| lead.is_none()) {
            self.add_heading(text, block, level);
            return;
        }

        let inline = inline_markers(body, collapsed);
        let mut placed_lead = false;
        if let Some(marker) = lead {
            let label_start = block.start + emphasis;
            let label_end = label_start + marker.len;
            let rest = &text[label_end..block.end];
            let bare = rest.starts_with(['\n', '\r'])
                || rest.trim_start_matches(is_blank).starts_with('\n');
            let style = Style::Numbered {
                family: marker.family,
                bare,
                noun: marker.noun,
            };
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
                    Some(end) => first_clause(&text[label_end..end]),
                    None if standalone => clip(&clean(rest), MAX_HEADING),
                    None => first_clause(&text[label_end..first_inline]),
                };
                self.push_marker(
                    style,
                    marker,
                    &text[label_start..label_end],
                    heading,
                    block.start,
                    first_inline,
                    false,
                );
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
        if !placed_lead {
            self.close_levels_before_paragraph(&text[block.start..block.end]);
            let first_inline = inline
                .first()
                .map_or(block.end, |(pos, _)| block.start + pos);
            let parent = self.deepest();
            let heading = first_clause(&text[block.start..first_inline]);
            self.add(
                parent,
                Draft {
                    kind: NodeKind::Paragraph,
                    label: None,
                    heading,
                    start: block.start,
                    end: first_inline,
                    children: Vec::new(),
                    style: None,
                    positional: false,
                    series: None,
                },
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
                self.close_far_inline_series(start);
            }
            let label_end = start + marker.len;
            let heading = first_clause(&text[label_end..end]);
            self.push_marker(
                style,
                marker,
                &text[start..label_end],
                heading,
                start,
                end,
                true,
            );
        }
    }

    /// A plain paragraph closes bare list items (a marker alone on its line
    /// heads one short item, and the discussion after the list belongs to
    /// the list's parent), and a summing-up paragraph (总之，…) closes the
    /// series it sums up.
    fn close_levels_before_paragraph(&mut self, paragraph: &str) {
        let sums_up = SUMMING_UP.iter().any(|word| paragraph.starts_with(word));
        while let Some(open) = self.stack.last() {
            let closes = match open.style {
                Style::Numbered { bare: true, .. } => true,
                Style::Numbered { family, .. } => sums_up && family.is_series(),
                Style::Heading(_) => false,
            };
            if !closes {
                break;
            }
            self.close_to(self.stack.len() - 1);
        }
    }

    /// A new series starting inside a paragraph nests in the open inline
    /// member only if it starts within that member's likely extent: about
    /// twice the spacing of the members so far. Otherwise (a one-line
    /// document where 第一，… follows 一是…六是 much later) it stands beside.
    fn close_far_inline_series(&mut self, start: usize) {
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
        if start - member_start > (2 * spacing).max(MIN_MEMBER_EXTENT) {
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
    ) {
        let Some((depth, series)) = self.placement(style, marker.value) else {
            return;
        };
        let continued = series.and_then(|series| {
            self.stack
                .iter()
                .chain(self.closed_series.get(&series))
                .find(|open| open.series == series)
                .map(|open| open.series_start)
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
        let node = self.add(
            parent,
            Draft {
                kind,
                label: Some(
                    label
                        .chars()
                        .filter(|c| !c.is_ascii_whitespace() && *c != '*')
                        .collect(),
                ),
                heading,
                start,
                end,
                children: Vec::new(),
                style: Some(style),
                positional: marker.positional,
                series: Some(series),
            },
        );
        let value = if marker.value == LAST {
            LAST - 1
        } else {
            marker.value
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
    }

    fn add_heading(&mut self, text: &str, block: Block, level: u8) {
        let is_heading = |open: &Open| matches!(open.style, Style::Heading(l) if l >= level);
        let depth = match self.stack.iter().position(is_heading) {
            // A Markdown heading goes below the deepest heading of a smaller
            // level, numbered or not, and above everything else.
            _ if level < PLAIN_HEADING => self
                .stack
                .iter()
                .rposition(|open| open.md_level.is_some_and(|l| l < level))
                .map_or(0, |parent| parent + 1),
            Some(depth) => depth,
            // A plain unnumbered line inside a numbered part heads a run of
            // its paragraphs: it goes below the deepest numbered heading.
            None => self
                .stack
                .iter()
                .rposition(|open| matches!(open.style, Style::Numbered { family, .. } if !family.is_series()))
                .map_or(0, |depth| depth + 1),
        };
        self.close_to(depth);
        let parent = self.deepest();
        let node = self.add(
            parent,
            Draft {
                kind: NodeKind::Part,
                label: None,
                heading: clip(&clean(&text[block.start..block.end]), MAX_HEADING),
                start: block.start,
                end: block.end,
                children: Vec::new(),
                style: Some(Style::Heading(level)),
                positional: false,
                series: None,
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

/// Series markers (and, in a collapsed document, heading markers) that
/// start a clause inside `body`, after its first char. Byte offsets into
/// `body`. Only runs that count up from one (or on from a marker at the
/// paragraph's start) are kept; the tree's own checks follow.
fn inline_markers(body: &str, collapsed: bool) -> Vec<(usize, Marker)> {
    if !body.contains(['\n', '\r']) {
        return scan_inline(body, collapsed);
    }
    // A paragraph joined from broken lines (PDF copies) may have a line
    // break inside a marker (一\n是): scan a copy without the breaks and
    // map positions back. `origin[i]` is the body offset of joined byte i.
    let mut joined = String::with_capacity(body.len());
    let mut origin = Vec::with_capacity(body.len());
    let mut at_line_start = false;
    for (pos, c) in body.char_indices() {
        if matches!(c, '\n' | '\r') {
            at_line_start = true;
            continue;
        }
        if is_invisible(c) || (at_line_start && is_blank(c)) {
            continue;
        }
        at_line_start = false;
        origin.extend(pos..pos + c.len_utf8());
        joined.push(c);
    }
    scan_inline(&joined, collapsed)
        .into_iter()
        .map(|(pos, mut marker)| {
            let start = origin[pos];
            let end = origin[pos + marker.len - 1] + 1;
            marker.len = end - start;
            (start, marker)
        })
        .collect()
}

fn scan_inline(body: &str, collapsed: bool) -> Vec<(usize, Marker)> {
    let mut found: Vec<(usize, Marker, bool)> = Vec::new();
    let mut previous: Option<char> = None;
    let mut before_previous: Option<char> = None;
    for (pos, c) in body.char_indices() {
        // A photo credit glued into the text (新华社记者 鞠鹏/摄) ends a clause.
        let after_credit = before_previous == Some('/') && previous == Some('摄');
        let after_connective = CONNECTIVES.iter().any(|word| {
            body[..pos]
                .strip_suffix(word)
                .is_some_and(|before| before.chars().next_back().is_none_or(is_clause_break))
        });
        let at_clause_start =
            previous.is_some_and(is_clause_break) || after_credit || after_connective;
        let at_sentence_start = previous.is_some_and(is_sentence_end) || after_credit;
        let after_colon = matches!(previous, Some('：' | ':'));
        before_previous = previous;
        previous = Some(c);
        if pos == 0 || !(at_clause_start || (c == '（' && collapsed)) {
            continue;
        }
        let Some(marker) = marker::marker_at(&body[pos..]) else {
            continue;
        };
        let ok = match marker.family {
            _ if marker.positional => false,
            family if family.is_series() => true,
            // Bracketed and circled items run on inside a paragraph:
            // （1）…；（2）…。
            // (Circled numbers inside a paragraph are note markers.)
            Family::CnParen | Family::ArabicParen => true,
            Family::Circled => false,
            // In a document pasted as one line, headings follow a sentence
            // end, and list items may follow a colon.
            _ => collapsed && (at_sentence_start || after_colon),
        };
        // 最后，第四，: the explicit number that follows is the member.
        let last_before_number =
            marker.value == LAST && marker::starts_with_marker(&body[pos + marker.len..]);
        if ok && !last_before_number {
            found.push((pos, marker, at_sentence_start));
        }
    }
    keep_sequences(found, body)
}

/// Keeps markers that belong to a run counting 1, 2, 3… within the
/// paragraph, or that continue the paragraph's own opening marker — and
/// only runs whose members are clauses, not words: 第一是大壹贰叁肆，第二是
/// 小一二三四 lists things inside one sentence and is no outline.
fn keep_sequences(found: Vec<(usize, Marker, bool)>, body: &str) -> Vec<(usize, Marker)> {
    let lead = marker::marker_at(&body[marker::skip_emphasis(body)..]);
    // Char offset of each candidate, in one pass (positions ascend).
    let mut char_at = Vec::with_capacity(found.len());
    let (mut byte, mut chars) = (0, 0);
    for (pos, _, _) in &found {
        chars += body[byte..*pos].chars().count();
        byte = *pos;
        char_at.push(chars);
    }
    // Whether a member numbered two of the same family comes later.
    let mut two_later = vec![false; found.len()];
    let mut twos_seen: HashSet<Family> = HashSet::new();
    for (i, (_, marker, _)) in found.iter().enumerate().rev() {
        two_later[i] = twos_seen.contains(&marker.family);
        if marker.value == 2 {
            twos_seen.insert(marker.family);
        }
    }
    // The run each candidate belongs to (the index of its first member,
    // LEAD_RUN for a run the paragraph's opening marker starts), found
    // through the latest run member of each family and value.
    const LEAD_RUN: usize = usize::MAX;
    let mut latest: HashMap<(Family, u32), usize> = HashMap::new();
    let mut latest_of_family: HashMap<Family, (usize, u32)> = HashMap::new();
    if let Some(lead) = lead {
        latest.insert((lead.family, lead.value), LEAD_RUN);
        latest_of_family.insert(lead.family, (LEAD_RUN, lead.value));
    }
    let mut run: Vec<Option<usize>> = vec![None; found.len()];
    for (i, (_, marker, _)) in found.iter().enumerate() {
        let previous = if marker.value == LAST {
            latest_of_family
                .get(&marker.family)
                .filter(|(_, value)| *value >= 2)
                .map(|(run, _)| *run)
        } else {
            marker
                .value
                .checked_sub(1)
                .and_then(|value| latest.get(&(marker.family, value)).copied())
        };
        run[i] = previous.or((marker.value == 1 && two_later[i]).then_some(i));
        if let Some(r) = run[i] {
            latest.insert((marker.family, marker.value), r);
            latest_of_family.insert(marker.family, (r, marker.value));
        }
    }
    // A run inside one sentence is a list, not an outline, when its members
    // are mere words, or when they are bracketed items (集中在：（1）…；（2）…).
    struct RunStats {
        family: Family,
        members: usize,
        first_char: usize,
        last_char: usize,
        in_one_sentence: bool,
    }
    let mut stats: HashMap<usize, RunStats> = HashMap::new();
    for (i, (_, marker, sentence_start)) in found.iter().enumerate() {
        let Some(r) = run[i].filter(|&r| r != LEAD_RUN) else {
            continue;
        };
        let entry = stats.entry(r).or_insert(RunStats {
            family: marker.family,
            members: 0,
            first_char: char_at[i],
            last_char: char_at[i],
            in_one_sentence: true,
        });
        if entry.members > 0 && *sentence_start {
            entry.in_one_sentence = false;
        }
        entry.members += 1;
        entry.last_char = char_at[i];
    }
    let word_lists: HashSet<usize> = stats
        .iter()
        .filter(|(_, run)| {
            let mean = (run.last_char - run.first_char) / (run.members - 1).max(1);
            // 一是扩大投资，二是提振消费 is a real series even with short
            // members; 第一是…，第二是… lists things unless they are clauses.
            let min_chars = match run.family {
                Family::Yao | Family::Shi => MIN_TASK_CHARS,
                _ => MIN_MEMBER_CHARS,
            };
            run.in_one_sentence && (!run.family.is_series() || mean < min_chars)
        })
        .map(|(&r, _)| r)
        .collect();
    found
        .into_iter()
        .zip(run)
        .filter_map(|((pos, marker, _), r)| {
            r.filter(|r| !word_lists.contains(r)).map(|_| (pos, marker))
        })
        .collect()
}

/// The heading of a run-in paragraph: its text up to the first 。！？：；
/// outside quotation marks, cleaned and clipped.
pub(crate) fn first_clause(s: &str) -> String {
    let cleaned = clean(s);
    let mut depth = 0i32;
    let mut end = cleaned.len();
    for (pos, c) in cleaned.char_indices() {
        match c {
            '“' | '‘' | '「' | '『' => depth += 1,
            '”' | '’' | '」' | '』' => depth = (depth - 1).max(0),
            c if depth == 0 && (is_sentence_end(c) || matches!(c, '：' | '；' | ':' | ';')) => {
                end = pos;
                break;
            }
            _ => {}
        }
    }
    // A member cut at the next member (一是扩大投资，二是…) keeps no comma.
    let heading = cleaned[..end].trim_end_matches(['，', '、', ',', ' ']);
    clip(heading, MAX_HEADING)
}

fn clip(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((pos, _)) => format!("{}…", &s[..pos]),
        None => s.to_string(),
    }
}
