//! Custom hooks.

mod use_global_keys;
mod use_settled_text;

pub use use_global_keys::{is_page_key, use_global_keys};
pub use use_settled_text::use_settled_text;
