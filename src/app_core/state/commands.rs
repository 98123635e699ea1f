//! One-off things the state asks the DOM to do. Each carries a serial
//! number; two commands are equal when their serials are, so an effect
//! keyed on a command runs once per command, even for the same value.

/// Something for a component's effect to carry out once.
#[derive(Clone, Debug)]
pub struct Command<T> {
    pub serial: u64,
    pub value: T,
}

impl<T> PartialEq for Command<T> {
    fn eq(&self, other: &Self) -> bool {
        self.serial == other.serial
    }
}

/// Select a range of the textarea and scroll it into view. Offsets are in
/// UTF-16 code units, as the textarea counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SourceReveal {
    pub start: u32,
    pub end: u32,
    /// Move the focus to the textarea (a jump, not a preview).
    pub focus: bool,
}

/// Scroll the selected row into view in the tree, and maybe focus it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TreeReveal {
    pub focus: TreeFocus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeFocus {
    /// The keyboard is in the tree: focus the selected row.
    Always,
    /// Focus it only if the focus was in the tree (or was lost because the
    /// row that had it was folded away).
    IfInTree,
    /// Only scroll: the reader is working elsewhere, e.g. in the source.
    Never,
}
