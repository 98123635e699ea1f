//! Writing a [`Document`](crate::Document) out in other formats.
