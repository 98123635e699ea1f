//! One small component per file.

mod header;
mod outline_pane;
mod source_pane;
mod tree_node;

pub use header::Header;
pub use outline_pane::OutlinePane;
pub use source_pane::SourcePane;
pub use tree_node::TreeNode;
