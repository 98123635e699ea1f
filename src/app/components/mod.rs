//! One small component per file.

mod header;
mod outline_pane;
mod outline_toolbar;
mod quotes_panel;
mod search_box;
mod source_pane;
mod tabs;
mod terms_panel;
mod tree;
mod tree_node;
mod undo_toast;

pub use header::Header;
pub use outline_pane::OutlinePane;
pub use outline_toolbar::OutlineToolbar;
pub use quotes_panel::QuotesPanel;
pub use search_box::SearchBox;
pub use source_pane::SourcePane;
pub use tabs::{Tabs, PANES};
pub use terms_panel::TermsPanel;
pub use tree::Tree;
pub use tree_node::TreeNode;
pub use undo_toast::UndoToast;
