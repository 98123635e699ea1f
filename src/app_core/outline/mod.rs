//! The outline as the tree shows it, computed from a parse and the
//! reader's settings. Pure Rust: no DOM here.

mod hits;
mod index;
mod search;
mod view;

pub use hits::{Snippet, TextHits};
pub use index::{Entry, KeySet, NodeKey, OutlineIndex};
pub use search::Query;
pub use view::{outline_for_clipboard, rows_as_text, Row, Settings, View, Visible};
