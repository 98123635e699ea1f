//! The few things the app does to the page outside Yew's rendering:
//! storage, the theme attribute, the textarea's highlight and scroll, and
//! the outline tree's rows.

pub mod analyzer;
pub mod highlight;
pub mod source_view;
pub mod storage;
pub mod theme;
pub mod tree_dom;
