//! The keyboard in the outline, after the WAI-ARIA tree view pattern: what
//! each key does to the selection and the folds. Pure: it reads the
//! [`View`] and says what should change; the reducer does it.
//!
//! - ↓ ↑: the next or previous row shown; Home, End: the first, the last.
//! - →: opens a closed row, or moves into an open row's first child.
//! - ←: closes an open row, or moves to the parent.
//! - Enter: jumps to the row's text in the source. Space folds or unfolds.
//! - `*`: opens every sibling of the row.
//! - Printable characters: type-ahead, to the next row whose label and
//!   heading start with what was typed (Chinese arrives composed, one or
//!   more characters at a time).

use super::outline::{NodeKey, Query, View, Visible};

/// A key pressed in the tree.
#[derive(Clone, Debug, PartialEq)]
pub enum TreeKey {
    Up,
    Down,
    Home,
    End,
    Left,
    Right,
    Enter,
    Space,
    Star,
}

impl TreeKey {
    /// The key named by `KeyboardEvent.key`, if the tree handles it.
    pub fn from_key(key: &str) -> Option<TreeKey> {
        Some(match key {
            "ArrowUp" => TreeKey::Up,
            "ArrowDown" => TreeKey::Down,
            "Home" => TreeKey::Home,
            "End" => TreeKey::End,
            "ArrowLeft" => TreeKey::Left,
            "ArrowRight" => TreeKey::Right,
            "Enter" => TreeKey::Enter,
            " " => TreeKey::Space,
            "*" => TreeKey::Star,
            _ => return None,
        })
    }
}

/// What a key does.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Select(NodeKey),
    /// Open a closed row or close an open one.
    Toggle(NodeKey),
    /// Show the row's text in the source, and go there.
    Jump(NodeKey),
    /// Open these rows.
    Open(Vec<NodeKey>),
    Nothing,
}

/// Where the focus is: the selected row if it is shown, else the first.
fn position(visible: &[Visible], current: Option<&str>) -> usize {
    current
        .and_then(|key| visible.iter().position(|item| &*item.row.key == key))
        .unwrap_or(0)
}

/// What `key` does with the selection at `current`.
pub fn press(view: &View, current: Option<&str>, key: &TreeKey) -> Outcome {
    let visible = view.visible();
    let Some(last) = visible.len().checked_sub(1) else {
        return Outcome::Nothing;
    };
    let at = position(&visible, current);
    let item = &visible[at];
    let select = |to: usize| Outcome::Select(NodeKey::clone(&visible[to].row.key));
    let key_here = || NodeKey::clone(&item.row.key);
    match key {
        TreeKey::Down => select((at + 1).min(last)),
        TreeKey::Up => select(at.saturating_sub(1)),
        TreeKey::Home => select(0),
        TreeKey::End => select(last),
        TreeKey::Right => match item.row.expanded {
            Some(false) => Outcome::Toggle(key_here()),
            Some(true) => select(at + 1),
            None => Outcome::Nothing,
        },
        TreeKey::Left => match (item.row.expanded, item.parent) {
            (Some(true), _) => Outcome::Toggle(key_here()),
            (_, Some(parent)) => select(parent),
            _ => Outcome::Nothing,
        },
        TreeKey::Enter => Outcome::Jump(key_here()),
        TreeKey::Space if item.row.expanded.is_some() => Outcome::Toggle(key_here()),
        TreeKey::Space => Outcome::Nothing,
        TreeKey::Star => Outcome::Open(
            visible
                .iter()
                .filter(|other| other.parent == item.parent && other.row.expanded == Some(false))
                .map(|other| NodeKey::clone(&other.row.key))
                .collect(),
        ),
    }
}

/// The row type-ahead goes to for `typed` (everything typed since the
/// last pause). A single character, or one character repeated, moves on
/// to the next row that starts with it, wrapping around; longer text stays
/// on the current row while it still matches. Rows are matched on label
/// and heading (二要…, 二、…), then on the heading alone.
pub fn type_ahead(view: &View, current: Option<&str>, typed: &str) -> Option<NodeKey> {
    let visible = view.visible();
    if visible.is_empty() {
        return None;
    }
    let mut chars = typed.chars();
    let first = chars.next()?;
    let repeated = chars.all(|c| c == first);
    let query = if repeated {
        Query::new(&first.to_string())
    } else {
        Query::new(typed)
    };
    let at = position(&visible, current);
    let start = if repeated { at + 1 } else { at };
    let order = (0..visible.len()).map(|offset| &visible[(start + offset) % visible.len()]);
    let whole = |item: &&Visible| {
        let label = item.row.label.as_deref().unwrap_or("");
        query.is_prefix_of(&format!("{label}{}", item.row.heading))
    };
    let heading = |item: &&Visible| query.is_prefix_of(&item.row.heading);
    let found = order
        .clone()
        .find(whole)
        .or_else(|| order.clone().find(heading))?;
    Some(NodeKey::clone(&found.row.key))
}
