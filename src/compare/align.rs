//! Aligning two outlines.
//!
//! 1. **Level by level.** The top-level nodes of the two texts are
//!    aligned in order, then the children of each matched pair, and so
//!    on down. An alignment of two lists of siblings keeps their order
//!    and takes the pairs whose similarity sums highest (a
//!    Needleman–Wunsch alignment with no gap cost), counting only pairs at
//!    least [`MATCH`] alike. The similarity of two nodes is that of their
//!    headings; for two nodes with children, the mean with that of all
//!    their descendants' headings counts when higher (a part whose
//!    heading was rewritten but whose sections stayed is the same part).
//! 2. **Moves.** What is left unmatched on both sides, at any depth, is
//!    then paired greedily, most alike first, when at least [`MOVED`]
//!    alike: a task moved to another part, a section raised to a part.
//!    Each such pair's children are aligned as in 1.
//! 3. **Rows.** The new outline is walked in order; a node dropped from
//!    the old one is shown where it stood, after the matched sibling it
//!    followed; a moved node is shown where it now stands.
//!
//! Only the outline's structure is compared — parts, sections, tasks,
//! points and appendices; plain paragraphs are passed through.
//!
//! Time: step 1 is the sum over matched pairs of their children's counts
//! multiplied, up to [`SIBLINGS_MAX_CELLS`] a pair; longer lists of
//! siblings (a law of 5 000 articles) are anchored first on their
//! unchanged headings: those they start and end with, and those that
//! stand once in each. Step 2 is skipped when the leftovers would make
//! more than [`MOVES_MAX_PAIRS`] pairs.

use crate::model::{Document, Node};

use super::similarity::{normal, Grams};

/// The least similarity of two siblings taken to be one node reworded.
pub const MATCH: f32 = 0.4;
/// The least similarity of two nodes taken to be one node moved: more
/// than for siblings in place, since only the wording vouches for it
/// (`关于甲事务的规定` and `关于乙事务的规定` are 0.63 alike).
pub const MOVED: f32 = 0.7;
/// The most pairs of siblings aligned by similarity at once (see
/// [`align_siblings`]): 16 MB of scores.
pub const SIBLINGS_MAX_CELLS: usize = 4_000_000;
/// The most pairs of leftovers step 2 compares (each a few dozen
/// operations).
pub const MOVES_MAX_PAIRS: usize = 4_000_000;

/// One row of the aligned outlines.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    pub old: Option<&'a Node>,
    pub new: Option<&'a Node>,
    pub depth: usize,
    pub similarity: f32,
    /// Whether the two headings are the same (letters and digits alike).
    pub same: bool,
    pub moved: bool,
}

/// A structural node of one text, flattened.
struct Item<'a> {
    node: &'a Node,
    children: Vec<usize>,
    own: Grams,
    /// The descendants' headings' bigrams (empty for a leaf).
    subtree: Grams,
    normal: String,
}

/// The structural nodes of one text in document order, and the top level.
struct Outline<'a> {
    items: Vec<Item<'a>>,
    top: Vec<usize>,
}

impl<'a> Outline<'a> {
    fn of(doc: &'a Document) -> Self {
        let mut outline = Outline {
            items: Vec::new(),
            top: Vec::new(),
        };
        let mut top = Vec::new();
        for node in &doc.nodes {
            outline.add(node, &mut top);
        }
        outline.top = top;
        outline
    }

    /// Adds `node` (when structural, else its structural descendants) to
    /// the items and their indices to `siblings`.
    fn add(&mut self, node: &'a Node, siblings: &mut Vec<usize>) {
        if !node.kind.is_structural() {
            for child in &node.children {
                self.add(child, siblings);
            }
            return;
        }
        let at = self.items.len();
        self.items.push(Item {
            node,
            children: Vec::new(),
            own: Grams::of(&node.heading),
            subtree: Grams::default(),
            normal: normal(&node.heading),
        });
        let mut children = Vec::new();
        for child in &node.children {
            self.add(child, &mut children);
        }
        if !children.is_empty() {
            let mut headings = Vec::new();
            node.walk(&mut |descendant: &Node, depth| {
                if depth > 0 && descendant.kind.is_structural() {
                    headings.push(descendant.heading.as_str());
                }
            });
            self.items[at].subtree = Grams::of_all(headings);
        }
        self.items[at].children = children;
        siblings.extend([at]);
    }
}

/// The structural children of a node: its children, with any plain
/// paragraph among them replaced by its own structural children.
pub fn structural_children(node: &Node) -> Vec<&Node> {
    fn add<'a>(node: &'a Node, out: &mut Vec<&'a Node>) {
        for child in &node.children {
            if child.kind.is_structural() {
                out.push(child);
            } else {
                add(child, out);
            }
        }
    }
    let mut out = Vec::new();
    add(node, &mut out);
    out
}

fn similarity(a: &Item, b: &Item) -> f32 {
    if a.normal == b.normal && !a.normal.is_empty() {
        return 1.0;
    }
    let own = a.own.likeness(&b.own);
    if a.subtree.is_empty() || b.subtree.is_empty() {
        return own;
    }
    own.max((own + a.subtree.likeness(&b.subtree)) / 2.0)
}

/// A step of a sibling alignment.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Pair(usize, usize, f32),
    Old(usize),
    New(usize),
}

/// The order-keeping alignment of `old` and `new` (indices into the
/// outlines): [`align_small`] when the two lists make at most
/// [`SIBLINGS_MAX_CELLS`] pairs; else the unchanged headings they start
/// and end with are paired, then those that stand once in each list,
/// unchanged and in the same order (the longest such run, as patience
/// diff anchors), and each gap between is aligned the same way, up to
/// [`ANCHOR_DEPTH`] times over. A gap still too large with nothing to
/// anchor it is left unmatched.
fn align_siblings(old: &[usize], new: &[usize], a: &Outline, b: &Outline) -> Vec<Step> {
    align_anchored(old, new, a, b, 0)
}

/// How many times over a gap between anchors is anchored again (each
/// time in one pass over it, so the work stays linear).
pub const ANCHOR_DEPTH: usize = 4;

fn align_anchored(
    old: &[usize],
    new: &[usize],
    a: &Outline,
    b: &Outline,
    depth: usize,
) -> Vec<Step> {
    if old.len().saturating_mul(new.len()) <= SIBLINGS_MAX_CELLS {
        return align_small(old, new, a, b);
    }
    let same = |i: usize, j: usize| a.items[old[i]].normal == b.items[new[j]].normal;
    let prefix = (0..old.len().min(new.len()))
        .take_while(|&k| same(k, k))
        .count();
    let suffix = (0..old.len().min(new.len()) - prefix)
        .take_while(|&k| same(old.len() - 1 - k, new.len() - 1 - k))
        .count();
    let pair = |i: usize, j: usize| Step::Pair(old[i], new[j], 1.0);
    let (old_middle, new_middle) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    let mut steps: Vec<Step> = (0..prefix).map(|k| pair(k, k)).collect();
    let anchors = anchors(old_middle, new_middle, a, b);
    let progress = (prefix + suffix > 0 || !anchors.is_empty()) && depth < ANCHOR_DEPTH;
    let (mut i, mut j) = (0, 0);
    for (anchor_i, anchor_j) in anchors
        .into_iter()
        .chain([(old_middle.len(), new_middle.len())])
    {
        let (gap_old, gap_new) = (&old_middle[i..anchor_i], &new_middle[j..anchor_j]);
        if progress {
            steps.extend(align_anchored(gap_old, gap_new, a, b, depth + 1));
        } else {
            steps.extend(gap_old.iter().map(|&x| Step::Old(x)));
            steps.extend(gap_new.iter().map(|&y| Step::New(y)));
        }
        if anchor_i < old_middle.len() {
            steps.push(Step::Pair(old_middle[anchor_i], new_middle[anchor_j], 1.0));
        }
        (i, j) = (anchor_i + 1, anchor_j + 1);
    }
    steps.extend(
        (0..suffix)
            .rev()
            .map(|k| pair(old.len() - 1 - k, new.len() - 1 - k)),
    );
    steps
}

/// Positions `(in old, in new)` of headings that stand exactly once in
/// each list, the longest run of them in the same order in both.
fn anchors(old: &[usize], new: &[usize], a: &Outline, b: &Outline) -> Vec<(usize, usize)> {
    use std::collections::HashMap;
    // For each heading: where it is in old and in new, and how often.
    let mut seen: HashMap<&str, (usize, usize, usize, usize)> = HashMap::new();
    for (at, &i) in old.iter().enumerate() {
        let entry = seen.entry(&a.items[i].normal).or_insert((0, 0, at, 0));
        entry.0 += 1;
        entry.2 = at;
    }
    for (at, &j) in new.iter().enumerate() {
        if let Some(entry) = seen.get_mut(b.items[j].normal.as_str()) {
            entry.1 += 1;
            entry.3 = at;
        }
    }
    let mut unique: Vec<(usize, usize)> = seen
        .into_iter()
        .filter(|(normal, (in_old, in_new, _, _))| {
            !normal.is_empty() && *in_old == 1 && *in_new == 1
        })
        .map(|(_, (_, _, at_old, at_new))| (at_old, at_new))
        .collect();
    unique.sort_unstable();
    longest_increasing(&unique)
}

/// The longest subsequence of `pairs` (sorted by their first) whose
/// seconds increase too: patience sorting, O(n log n).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: the index in `pairs` ending the best run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (at, &(_, second)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < second);
        previous[at] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(at);
        } else {
            tails[k] = at;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(here) = at {
        run.push(pairs[here]);
        at = previous[here];
    }
    run.reverse();
    run
}

/// The order-keeping alignment of `old` and `new` with the highest sum of
/// similarities over its pairs (quadratic: for lists of bounded size).
fn align_small(old: &[usize], new: &[usize], a: &Outline, b: &Outline) -> Vec<Step> {
    let (n, m) = (old.len(), new.len());
    let width = m + 1;
    let mut score = vec![0f32; (n + 1) * width];
    let mut pair = vec![0f32; n * m];
    for i in 0..n {
        for j in 0..m {
            let s = similarity(&a.items[old[i]], &b.items[new[j]]);
            pair[i * m + j] = s;
            let matched = if s >= MATCH {
                score[i * width + j] + s
            } else {
                f32::MIN
            };
            score[(i + 1) * width + j + 1] = matched
                .max(score[i * width + j + 1])
                .max(score[(i + 1) * width + j]);
        }
    }
    let mut steps = Vec::with_capacity(n + m);
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = score[i * width + j];
        if i > 0 && j > 0 {
            let s = pair[(i - 1) * m + j - 1];
            if s >= MATCH && here == score[(i - 1) * width + j - 1] + s {
                steps.push(Step::Pair(old[i - 1], new[j - 1], s));
                i -= 1;
                j -= 1;
                continue;
            }
        }
        // Added after removed at one place: walking back, new first.
        if j > 0 && (i == 0 || here == score[i * width + j - 1]) {
            steps.push(Step::New(new[j - 1]));
            j -= 1;
        } else {
            steps.push(Step::Old(old[i - 1]));
            i -= 1;
        }
    }
    steps.reverse();
    steps
}

/// The state of the alignment: each item's partner, and the steps of
/// each matched pair's children (by the new item), and of the top level.
struct Alignment<'o, 'a> {
    a: &'o Outline<'a>,
    b: &'o Outline<'a>,
    partner_of_old: Vec<Option<usize>>,
    partner_of_new: Vec<Option<(usize, f32, bool)>>,
    steps_of_new: Vec<Vec<Step>>,
}

impl<'a> Alignment<'_, 'a> {
    /// Aligns two lists of siblings and, recursively, the children of
    /// each pair they make. Items matched already (moved here from
    /// elsewhere, or away) take no part; a new one keeps its place among
    /// the steps, so that the rows show it here.
    fn align(&mut self, old: &[usize], new: &[usize]) -> Vec<Step> {
        let free_old: Vec<usize> = old
            .iter()
            .copied()
            .filter(|&i| self.partner_of_old[i].is_none())
            .collect();
        let free_new: Vec<usize> = new
            .iter()
            .copied()
            .filter(|&j| self.partner_of_new[j].is_none())
            .collect();
        let aligned = align_siblings(&free_old, &free_new, self.a, self.b);
        for step in &aligned {
            if let Step::Pair(i, j, s) = *step {
                self.pair(i, j, s, false);
            }
        }
        if free_new.len() == new.len() {
            return aligned;
        }
        // The new items matched before, each before the first step that
        // takes a new item after it.
        let mut steps = Vec::with_capacity(aligned.len() + new.len() - free_new.len());
        let mut next = 0;
        for step in aligned {
            if let Step::Pair(_, j, _) | Step::New(j) = step {
                while new[next] != j {
                    steps.push(Step::New(new[next]));
                    next += 1;
                }
                next += 1;
            }
            steps.push(step);
        }
        steps.extend(new[next..].iter().map(|&j| Step::New(j)));
        steps
    }

    fn pair(&mut self, i: usize, j: usize, similarity: f32, moved: bool) {
        self.partner_of_old[i] = Some(j);
        self.partner_of_new[j] = Some((i, similarity, moved));
        let (old, new) = (
            self.a.items[i].children.clone(),
            self.b.items[j].children.clone(),
        );
        self.steps_of_new[j] = self.align(&old, &new);
    }

    /// Step 2: the leftovers paired, most alike first.
    fn pair_moves(&mut self) {
        let old: Vec<usize> = (0..self.a.items.len())
            .filter(|&i| self.partner_of_old[i].is_none())
            .collect();
        let new: Vec<usize> = (0..self.b.items.len())
            .filter(|&j| self.partner_of_new[j].is_none())
            .collect();
        if old.len().saturating_mul(new.len()) > MOVES_MAX_PAIRS {
            return;
        }
        let mut candidates = Vec::new();
        for &i in &old {
            for &j in &new {
                let s = similarity(&self.a.items[i], &self.b.items[j]);
                if s >= MOVED {
                    candidates.push((s, i, j));
                }
            }
        }
        // Most alike first; ties in document order.
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        for (s, i, j) in candidates {
            if self.partner_of_old[i].is_none() && self.partner_of_new[j].is_none() {
                self.pair(i, j, s, true);
            }
        }
    }

    /// Step 3: the rows for the steps of one list of siblings.
    fn rows(&self, steps: &[Step], depth: usize, rows: &mut Vec<Row<'a>>) {
        for step in steps {
            match *step {
                Step::Pair(_, j, _) => self.matched_row(j, depth, rows),
                Step::New(j) => match self.partner_of_new[j] {
                    Some(_) => self.matched_row(j, depth, rows),
                    None => self.added_rows(j, depth, rows),
                },
                Step::Old(i) => {
                    if self.partner_of_old[i].is_none() {
                        self.removed_rows(i, depth, rows);
                    }
                }
            }
        }
    }

    fn matched_row(&self, j: usize, depth: usize, rows: &mut Vec<Row<'a>>) {
        let Some((i, similarity, moved)) = self.partner_of_new[j] else {
            return;
        };
        let (old, new) = (&self.a.items[i], &self.b.items[j]);
        rows.push(Row {
            old: Some(old.node),
            new: Some(new.node),
            depth,
            similarity,
            same: old.normal == new.normal,
            moved,
        });
        self.rows(&self.steps_of_new[j], depth + 1, rows);
    }

    fn added_rows(&self, j: usize, depth: usize, rows: &mut Vec<Row<'a>>) {
        let item = &self.b.items[j];
        rows.push(Row {
            old: None,
            new: Some(item.node),
            depth,
            similarity: 1.0,
            same: false,
            moved: false,
        });
        for &child in &item.children {
            match self.partner_of_new[child] {
                Some(_) => self.matched_row(child, depth + 1, rows),
                None => self.added_rows(child, depth + 1, rows),
            }
        }
    }

    fn removed_rows(&self, i: usize, depth: usize, rows: &mut Vec<Row<'a>>) {
        let item = &self.a.items[i];
        rows.push(Row {
            old: Some(item.node),
            new: None,
            depth,
            similarity: 1.0,
            same: false,
            moved: false,
        });
        for &child in &item.children {
            if self.partner_of_old[child].is_none() {
                self.removed_rows(child, depth + 1, rows);
            }
        }
    }
}

/// The rows of the two documents' outlines aligned.
pub fn align<'a>(old: &'a Document, new: &'a Document) -> Vec<Row<'a>> {
    let (a, b) = (Outline::of(old), Outline::of(new));
    let mut alignment = Alignment {
        a: &a,
        b: &b,
        partner_of_old: vec![None; a.items.len()],
        partner_of_new: vec![None; b.items.len()],
        steps_of_new: vec![Vec::new(); b.items.len()],
    };
    let top = alignment.align(&a.top, &b.top);
    alignment.pair_moves();
    let mut rows = Vec::new();
    alignment.rows(&top, 0, &mut rows);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(old: &str, new: &str) -> Vec<String> {
        let (old, new) = (crate::parse(old), crate::parse(new));
        align(&old, &new)
            .iter()
            .map(|row| {
                let side = |node: Option<&Node>| {
                    node.map_or("-".to_string(), |n| {
                        format!("{}{}", n.label.as_deref().unwrap_or(""), n.heading)
                    })
                };
                let mark = if row.moved { " moved" } else { "" };
                format!(
                    "{}{} | {}{mark}",
                    "  ".repeat(row.depth),
                    side(row.old),
                    side(row.new)
                )
            })
            .collect()
    }

    #[test]
    fn renumbered_and_reworded_siblings_keep_their_order() {
        assert_eq!(
            rows(
                "一、坚持稳中求进\n二、扩大国内需求\n三、深化改革开放\n",
                "一、扩大有效国内需求\n二、深化改革开放\n三、建设美丽中国\n"
            ),
            [
                "一、坚持稳中求进 | -",
                "二、扩大国内需求 | 一、扩大有效国内需求",
                "三、深化改革开放 | 二、深化改革开放",
                "- | 三、建设美丽中国",
            ]
        );
    }

    #[test]
    fn a_node_moved_to_another_part_is_found_there() {
        assert_eq!(
            rows(
                "一、稳定经济增长\n（一）扩大国内需求\n（二）促进消费\n二、推进改革\n（一）深化国企改革\n",
                "一、稳定经济增长\n（一）扩大国内需求\n二、推进改革\n（一）深化国企改革\n（二）促进消费\n"
            ),
            [
                "一、稳定经济增长 | 一、稳定经济增长",
                "  （一）扩大国内需求 | （一）扩大国内需求",
                "二、推进改革 | 二、推进改革",
                "  （一）深化国企改革 | （一）深化国企改革",
                "  （二）促进消费 | （二）促进消费 moved",
            ]
        );
    }

    #[test]
    fn long_lists_are_anchored_on_unchanged_headings() {
        // 3 000 parts, more than align_small takes at once.
        let part = |n: u32, words: &str| {
            let name: String = [0x4E00 + n * 3, 0x4E00 + n * 7 % 20_000]
                .into_iter()
                .filter_map(char::from_u32)
                .collect();
            format!("## 关于{name}事务的{words}规定\n\n本项由主管部门办理。\n\n")
        };
        let old: String = (1..=3000).map(|n| part(n, "")).collect();
        // Part 1500 dropped, 2000 reworded, one added at the end.
        let new: String = (1..=3001)
            .filter(|&n| n != 1500)
            .map(|n| part(n, if n == 2000 { "暂行" } else { "" }))
            .collect();
        let (old, new) = (crate::parse(&old), crate::parse(&new));
        assert!(old.nodes.len() * new.nodes.len() > SIBLINGS_MAX_CELLS);
        let rows = align(&old, &new);
        let changed: Vec<String> = rows
            .iter()
            .filter(|row| !row.same)
            .map(|row| {
                let side = |node: Option<&Node>| node.map_or(String::new(), |n| n.heading.clone());
                format!("{} > {}", side(row.old), side(row.new))
            })
            .collect();
        assert_eq!(
            changed,
            [
                "关于徔眄事务的规定 > ",
                "关于数蒰事务的规定 > 关于数蒰事务的暂行规定",
                " > 关于焫凯事务的规定",
            ]
        );
    }

    #[test]
    fn longest_increasing_run() {
        assert_eq!(
            longest_increasing(&[(0, 3), (1, 0), (2, 1), (3, 4), (4, 2)]),
            [(1, 0), (2, 1), (4, 2)]
        );
        assert_eq!(longest_increasing(&[]), []);
    }

    #[test]
    fn a_part_with_a_new_heading_but_the_same_sections_is_matched() {
        let old = "一、今年工作安排\n（一）稳就业\n（二）稳金融\n（三）稳外贸\n";
        let new = "一、2019年重点任务\n（一）稳就业\n（二）稳金融\n（三）稳外资\n";
        assert_eq!(rows(old, new)[0], "一、今年工作安排 | 一、2019年重点任务");
    }
}
