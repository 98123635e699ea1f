//! Light and dark. Without a choice the page follows the system
//! (`prefers-color-scheme`, in CSS); a choice sets `data-theme` on the root
//! element, which the style sheet prefers. `www/main.js` applies a stored
//! choice before the app loads, so the page does not flash.

use crate::app::state::Theme;

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

/// Whether the page is dark now: the reader's choice, else the system's.
pub fn is_dark(theme: Option<Theme>) -> bool {
    match theme {
        Some(theme) => theme == Theme::Dark,
        None => web_sys::window()
            .and_then(|window| window.match_media("(prefers-color-scheme: dark)").ok())
            .flatten()
            .is_some_and(|query| query.matches()),
    }
}
