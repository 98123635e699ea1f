//! The web app's logic, with no DOM: the state and its reducer, the
//! outline as the tree shows it, search, the tree's keys, offsets between
//! the text and the textarea, statistics and the quotation lists.
//!
//! Pure Rust, built and tested natively (`tests/app_core.rs`); the Yew
//! app (`app`, wasm32 only) renders it and carries out its [`Command`]s.
//! Data flows one way: the settled text → [`Action::SetText`] →
//! [`crate::parse`] (in the reducer) → an `Rc<Document>`, its index and
//! the [`outline::View`] in [`AppState`] → the components.
//!
//! [`Command`]: state::Command
//! [`Action::SetText`]: state::Action::SetText
//! [`AppState`]: state::AppState

pub mod by_ptr;
pub mod outline;
pub mod quote_list;
pub mod state;
pub mod stats;
pub mod text_offsets;
pub mod tree_keys;
pub mod wrapping;
