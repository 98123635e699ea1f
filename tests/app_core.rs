#![cfg(not(target_arch = "wasm32"))]
//! The web app's logic, natively (`gangmu::app_core`): the reducer's
//! actions, data-driven (`check_actions`, in `app_core/reducer.rs`), and
//! the outline view and its parts.

#[path = "app_core/actions.rs"]
mod actions;
#[path = "app_core/dump.rs"]
mod dump;
#[path = "app_core/outline.rs"]
mod outline;
#[path = "app_core/reducer.rs"]
mod reducer;
