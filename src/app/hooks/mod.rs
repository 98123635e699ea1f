//! Custom hooks.

mod use_settled_text;

pub use use_settled_text::use_settled_text;
