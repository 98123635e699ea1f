//! The web app's logic, natively (`gangmu::app_core`): the outline view
//! and its parts here, the reducer in `app_core/actions.rs`.

#[path = "app_core/outline.rs"]
mod outline;
