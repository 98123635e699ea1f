//! Writing a [`Document`](crate::Document) out in other formats.
//!
//! * [`text`]: an indented plain-text 提纲, for pasting into Word;
//! * [`markdown`]: headings and lists, quotations as block quotes.

pub mod markdown;
pub mod text;
