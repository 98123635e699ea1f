//! Light and dark. Without a choice the page follows the system
//! (`prefers-color-scheme`, in CSS); a choice sets `data-theme` on the root
//! element, which the style sheet prefers. `www/main.js` applies a stored
//! choice before the app loads, so the page does not flash.

use gloo_events::EventListener;
use web_sys::MediaQueryList;

use crate::app_core::state::Theme;

/// Sets or removes the root element's `data-theme`.
pub fn apply(theme: Option<Theme>) {
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    else {
        return;
    };
    let _ = match theme {
        Some(Theme::Light) => root.set_attribute("data-theme", "light"),
        Some(Theme::Dark) => root.set_attribute("data-theme", "dark"),
        None => root.remove_attribute("data-theme"),
    };
}

fn dark_query() -> Option<MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Whether the system asks for dark.
pub fn system_is_dark() -> bool {
    dark_query().is_some_and(|query| query.matches())
}

/// Calls `on_change` with the system's answer whenever it changes (as
/// when the system turns dark at sunset), until the listener is dropped.
pub fn watch_system(on_change: impl Fn(bool) + 'static) -> Option<EventListener> {
    let query = dark_query()?;
    let target = query.clone();
    Some(EventListener::new(&target, "change", move |_| {
        on_change(query.matches())
    }))
}
