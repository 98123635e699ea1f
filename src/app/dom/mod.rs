//! The few things the app does to the page outside Yew's rendering:
//! storage, the theme attribute, and the textarea's highlight and scroll.

pub mod analyzer;
pub mod highlight;
pub mod source_view;
pub mod storage;
pub mod theme;
