//! Custom hooks.

mod use_file_drop;
mod use_global_keys;
mod use_save_on_hide;
mod use_settled_text;
mod use_share_fragment;

pub use use_file_drop::use_file_drop;
pub use use_global_keys::{is_page_key, use_global_keys};
pub use use_save_on_hide::use_save_on_hide;
pub use use_settled_text::use_settled_text;
pub use use_share_fragment::use_share_fragment;
