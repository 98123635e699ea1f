//! The outline as a 思维导图: an SVG picture of the tree, laid out left to
//! right — the title as the root, the parts, sections and tasks as
//! branches — with the text kept as text (selectable, searchable, sharp at
//! any size) and the fonts named with their fallbacks.
//!
//! **Layout.** A tidy tree for a left-to-right map, in linear time: each
//! node's box is its text wrapped at a width (CJK-aware: an ideograph or
//! full-width mark is one em, other chars about half; no line starts
//! with closing punctuation); a node stands one gap right of its parent's
//! box; each subtree takes a band as tall as its own box or its
//! children's bands stacked, whichever is taller, and the node is centred
//! on its children. Siblings' bands never overlap, so neither do boxes.
//! Links are cubic curves from the parent's right edge to the child's
//! left edge.
//!
//! **Colours.** Each top-level branch has a colour of its own, which its
//! descendants keep, as in the maps people know (markmap, XMind); the
//! picture follows the system's dark theme (`prefers-color-scheme`).
//!
//! What it holds is what every export holds ([`Contents`]): the rows of
//! the tree, plain paragraphs only with 显示段落, key sentences under the
//! headings with 显示要句.
//!
//! ```
//! let doc = gangmu::parse("春耕工作报告\n\n一、提高认识\n二、狠抓落实\n");
//! let svg = gangmu::export::svg::svg(&doc, Default::default());
//! assert!(svg.starts_with("<svg") && svg.contains("二、狠抓落实"));
//! ```

use std::fmt::Write;

use super::contents::{Contents, Item};
use super::{escape_into, label_and_heading, Options};
use crate::model::Document;

/// Font sizes (px): the root, the top-level branches, the rest.
const SIZES: [f32; 3] = [22.0, 17.0, 15.0];
/// The widest a line of a node may be, in ems of its font.
const WRAP_EMS: [f32; 3] = [16.0, 15.0, 18.0];
/// Line height, in ems.
const LINE: f32 = 1.45;
/// Inside a node's box (px): left and right, top and bottom.
const PAD_X: f32 = 10.0;
const PAD_Y: f32 = 6.0;
/// Between a parent's box and its children's (px), and between siblings.
const GAP_X: f32 = 44.0;
const GAP_Y: f32 = 10.0;
/// Around the whole map (px).
const MARGIN: f32 = 24.0;
/// A key sentence's font, relative to its heading's.
const KEY_SCALE: f32 = 0.82;

/// The branches' colours, light and dark (top-level branch n takes n mod 8).
const COLOURS: [(&str, &str); 8] = [
    ("#c0392b", "#f1948a"),
    ("#2e86c1", "#85c1e9"),
    ("#239b56", "#82e0aa"),
    ("#b9770e", "#f8c471"),
    ("#7d3c98", "#c39bd3"),
    ("#138d75", "#76d7c4"),
    ("#a04000", "#edbb99"),
    ("#2c3e50", "#aeb6bf"),
];

const FONTS: &str = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei','微软雅黑',sans-serif";

/// The map of `doc` as an SVG document (UTF-8, no XML declaration needed).
pub fn svg(doc: &Document, options: Options) -> String {
    let contents = Contents::new(doc, options);
    let title = contents.title.unwrap_or("提纲");
    let mut nodes = Vec::new();
    let root = add(&mut nodes, title, None, 0, None);
    for (branch, item) in contents.items.iter().enumerate() {
        add_item(&mut nodes, item, root, 1, branch);
    }
    place(&mut nodes, root, MARGIN, MARGIN);
    write(&nodes, title)
}

/// One box of the map.
struct Box {
    lines: Vec<String>,
    key: Vec<String>,
    depth: usize,
    /// The top-level branch it belongs to (`None`: the root).
    branch: Option<usize>,
    children: Vec<usize>,
    width: f32,
    height: f32,
    /// The height of its subtree's band.
    band: f32,
    x: f32,
    y: f32,
}

fn add(
    nodes: &mut Vec<Box>,
    text: &str,
    key: Option<&str>,
    depth: usize,
    branch: Option<usize>,
) -> usize {
    let level = depth.min(2);
    let size = SIZES[level];
    let lines = wrap(text, WRAP_EMS[level]);
    let key = key.map_or_else(Vec::new, |key| wrap(key, WRAP_EMS[level] / KEY_SCALE));
    let ems = |lines: &[String], scale: f32| {
        lines
            .iter()
            .map(|line| ems(line) * scale)
            .fold(0.0, f32::max)
    };
    let width = ems(&lines, 1.0).max(ems(&key, KEY_SCALE)) * size + 2.0 * PAD_X;
    let height = (lines.len() as f32 + key.len() as f32 * KEY_SCALE) * LINE * size + 2.0 * PAD_Y;
    nodes.push(Box {
        lines,
        key,
        depth,
        branch,
        children: Vec::new(),
        width,
        height,
        band: height,
        x: 0.0,
        y: 0.0,
    });
    nodes.len() - 1
}

fn add_item(nodes: &mut Vec<Box>, item: &Item, parent: usize, depth: usize, branch: usize) {
    let text = label_and_heading(item.node);
    let at = add(nodes, &text, item.key, depth, Some(branch));
    nodes[parent].children.push(at);
    for child in &item.children {
        add_item(nodes, child, at, depth + 1, branch);
    }
}

/// Sets the bands bottom up, then places the subtree of `at` with its
/// band's top at `top` and the node's left edge at `x`. Returns nothing:
/// the boxes hold their places. Recursion depth is the tree's depth,
/// which the parser bounds.
fn place(nodes: &mut [Box], at: usize, x: f32, top: f32) {
    band(nodes, at);
    put(nodes, at, x, top);
}

fn band(nodes: &mut [Box], at: usize) -> f32 {
    let children = nodes[at].children.clone();
    let mut stacked = 0.0;
    for (i, &child) in children.iter().enumerate() {
        if i > 0 {
            stacked += GAP_Y;
        }
        stacked += band(nodes, child);
    }
    let node = &mut nodes[at];
    node.band = node.height.max(stacked);
    node.band
}

fn put(nodes: &mut [Box], at: usize, x: f32, top: f32) {
    let children = nodes[at].children.clone();
    let (height, band, width) = (nodes[at].height, nodes[at].band, nodes[at].width);
    if children.is_empty() {
        nodes[at].x = x;
        nodes[at].y = top + (band - height) / 2.0;
        return;
    }
    let stacked: f32 =
        children.iter().map(|&c| nodes[c].band).sum::<f32>() + GAP_Y * (children.len() - 1) as f32;
    let mut y = top + (band - stacked) / 2.0;
    let child_x = x + width + GAP_X;
    for &child in &children {
        put(nodes, child, child_x, y);
        y += nodes[child].band + GAP_Y;
    }
    // Centred on the children: between the first's and the last's middles.
    let middle = |node: &Box| node.y + node.height / 2.0;
    let (first, last) = (&nodes[children[0]], &nodes[children[children.len() - 1]]);
    let centre = (middle(first) + middle(last)) / 2.0;
    nodes[at].x = x;
    // (max then min: `clamp` would panic when rounding leaves band < height.)
    nodes[at].y = (centre - height / 2.0).min(top + band - height).max(top);
}

/// The width of `text` in ems: ideographs, kana, Hangul and full-width
/// forms one em, other chars (Latin, digits, ASCII marks) 0.55.
pub fn ems(text: &str) -> f32 {
    text.chars().map(char_ems).sum()
}

fn char_ems(c: char) -> f32 {
    let wide = matches!(c,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
        | '\u{20000}'..='\u{3fffd}'
        | '\u{2014}' | '\u{2026}' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}');
    if wide {
        1.0
    } else {
        0.55
    }
}

/// Marks a line may not start with (GB/T 15834's closing marks and the
/// marks that follow what they punctuate).
fn closes(c: char) -> bool {
    "，。、；：？！”’）》」』】〕〉…—·,.;:?!)]".contains(c)
}

/// `text` in lines of at most `max` ems (a closing mark may overhang
/// rather than start a line; a line is never empty).
pub fn wrap(text: &str, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    for c in text.chars().filter(|c| !c.is_control()) {
        let w = char_ems(c);
        if width + w > max && !line.is_empty() && !closes(c) {
            lines.push(std::mem::take(&mut line));
            width = 0.0;
        }
        line.push(c);
        width += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn write(nodes: &[Box], title: &str) -> String {
    let right = nodes.iter().map(|n| n.x + n.width).fold(0.0, f32::max) + MARGIN;
    let bottom = nodes.iter().map(|n| n.y + n.height).fold(0.0, f32::max) + MARGIN;
    let (width, height) = (right.ceil(), bottom.ceil());
    let mut out = String::with_capacity(512 + nodes.len() * 320);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\""
    );
    escape_into(&mut out, title);
    out.push_str("\"><title>");
    escape_into(&mut out, title);
    out.push_str("</title>\n<style>\n");
    let _ = write!(
        out,
        "text{{font-family:{FONTS};fill:#1f2328}}\
         .bg{{fill:#ffffff}}.box{{fill:#ffffff;stroke-width:1.5}}\
         .root .box{{fill:#1f2328;stroke:#1f2328}}.root text{{fill:#ffffff;font-weight:bold}}\
         .d1 text{{font-weight:bold}}.key{{fill:#57606a}}path{{fill:none;stroke-width:1.8}}"
    );
    for (i, (light, _)) in COLOURS.iter().enumerate() {
        let _ = write!(
            out,
            ".b{i} .box{{stroke:{light}}}path.b{i}{{stroke:{light}}}"
        );
    }
    out.push_str(
        "\n@media (prefers-color-scheme:dark){text{fill:#e6edf3}.bg{fill:#0d1117}\
         .box{fill:#161b22}.root .box{fill:#e6edf3;stroke:#e6edf3}.root text{fill:#0d1117}\
         .key{fill:#9da7b3}",
    );
    for (i, (_, dark)) in COLOURS.iter().enumerate() {
        let _ = write!(out, ".b{i} .box{{stroke:{dark}}}path.b{i}{{stroke:{dark}}}");
    }
    out.push_str("}\n</style>\n");
    let _ = writeln!(
        out,
        "<rect class=\"bg\" width=\"{width}\" height=\"{height}\"/>"
    );
    // The links first, under the boxes.
    out.push_str("<g class=\"links\">\n");
    for node in nodes {
        for &child in &node.children {
            let child = &nodes[child];
            let (x1, y1) = (node.x + node.width, node.y + node.height / 2.0);
            let (x2, y2) = (child.x, child.y + child.height / 2.0);
            let mid = (x1 + x2) / 2.0;
            let _ = writeln!(
                out,
                "<path class=\"b{}\" d=\"M{x1:.1} {y1:.1}C{mid:.1} {y1:.1} {mid:.1} {y2:.1} {x2:.1} {y2:.1}\"/>",
                child.branch.unwrap_or(0) % COLOURS.len()
            );
        }
    }
    out.push_str("</g>\n");
    for node in nodes {
        node_svg(&mut out, node);
    }
    out.push_str("</svg>\n");
    out
}

fn node_svg(out: &mut String, node: &Box) {
    let level = node.depth.min(2);
    let size = SIZES[level];
    let class = match node.branch {
        None => "root".to_string(),
        Some(branch) => format!("d{} b{}", node.depth.min(3), branch % COLOURS.len()),
    };
    let _ = write!(
        out,
        "<g class=\"node {class}\"><rect class=\"box\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\"/>",
        node.x, node.y, node.width, node.height
    );
    let x = node.x + PAD_X;
    let mut y = node.y + PAD_Y;
    let mut text = |out: &mut String, lines: &[String], size: f32, class: &str| {
        if lines.is_empty() {
            return;
        }
        let _ = write!(out, "<text{class} font-size=\"{size:.1}\">");
        for line in lines {
            // Each line's baseline: most of the way down its line box.
            let baseline = y + LINE * size * 0.74;
            let _ = write!(out, "<tspan x=\"{x:.1}\" y=\"{baseline:.1}\">");
            escape_into(out, line);
            out.push_str("</tspan>");
            y += LINE * size;
        }
        out.push_str("</text>");
    };
    text(out, &node.lines, size, "");
    text(out, &node.key, size * KEY_SCALE, " class=\"key\"");
    out.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_cjk_by_width_and_keeps_closing_marks_on_the_line() {
        assert_eq!(wrap("一二三四五", 2.0), ["一二", "三四", "五"]);
        assert_eq!(wrap("一二，三", 2.0), ["一二，", "三"]);
        assert_eq!(wrap("abcd", 1.2), ["ab", "cd"]);
        assert_eq!(wrap("", 4.0), [""]);
        assert!((ems("一a") - 1.55).abs() < 1e-6);
    }

    #[test]
    fn a_map_holds_every_heading_once_and_the_title() {
        let doc = crate::parse(
            "春耕工作报告\n\n一、提高认识\n（一）统一思想\n一要学习。二要落实。\n（二）明确任务\n二、狠抓落实\n",
        );
        let svg = svg(&doc, Options::default());
        for heading in ["一、提高认识", "（一）统一思想", "一要学习", "二、狠抓落实"]
        {
            assert_eq!(svg.matches(heading).count(), 1, "{heading}");
        }
        assert!(svg.contains("<title>春耕工作报告</title>"));
    }
}
