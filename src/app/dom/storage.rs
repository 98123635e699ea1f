//! The text and preferences kept in `localStorage` between visits.
//!
//! Storage may be missing (private browsing, disabled cookies), full, or
//! throw on access; every function here then does nothing, and the app
//! works as if it were a first visit. Only a text that storage refuses
//! (too long for its quota) is reported, so that the reader can be told.

use web_sys::Storage;

use crate::app_core::state::{Prefs, Theme};

const TEXT: &str = "gangmu:text";
const THEME: &str = "gangmu:theme";
const PARAGRAPHS: &str = "gangmu:paragraphs";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// What became of a value given to storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Yes,
    /// There is no storage to save to.
    NoStorage,
    /// Storage refused it (over quota, as a text of several MB is).
    Refused,
}

fn save(key: &str, value: &str) -> Saved {
    match storage() {
        None => Saved::NoStorage,
        Some(storage) if storage.set_item(key, value).is_ok() => Saved::Yes,
        Some(_) => Saved::Refused,
    }
}

/// The text of the last visit, if any was saved (possibly empty).
pub fn load_text() -> Option<String> {
    load(TEXT)
}

pub fn save_text(text: &str) -> Saved {
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
