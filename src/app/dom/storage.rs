//! The text and preferences kept in `localStorage` between visits.
//!
//! Storage may be missing (private browsing, disabled cookies), full, or
//! throw on access; every function here then does nothing and reports
//! nothing, and the app works as if it were a first visit.

use web_sys::Storage;

use crate::app::state::{Prefs, Theme};

const TEXT: &str = "gangmu:text";
const THEME: &str = "gangmu:theme";
const PARAGRAPHS: &str = "gangmu:paragraphs";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value`; false when storage refused it (e.g. over quota).
fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// The text of the last visit, if any was saved (possibly empty).
pub fn load_text() -> Option<String> {
    load(TEXT)
}

pub fn save_text(text: &str) -> bool {
    save(TEXT, text)
}

/// The stored preferences; `system_dark` is left for the caller to ask.
pub fn load_prefs() -> Prefs {
    let theme = match load(THEME).as_deref() {
        Some("light") => Some(Theme::Light),
        Some("dark") => Some(Theme::Dark),
        _ => None,
    };
    Prefs {
        theme,
        paragraphs: load(PARAGRAPHS).as_deref() == Some("1"),
        system_dark: false,
    }
}

pub fn save_theme(theme: Theme) {
    save(
        THEME,
        match theme {
            Theme::Light => "light",
            Theme::Dark => "dark",
        },
    );
}

pub fn save_paragraphs(shown: bool) {
    save(PARAGRAPHS, if shown { "1" } else { "0" });
}
