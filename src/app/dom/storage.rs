//! The text and preferences kept in `localStorage` between visits.
//!
//! Storage may be missing (private browsing, disabled cookies), full, or
//! throw on access; every function here then does nothing, and the app
//! works as if it were a first visit. Only a text that storage refuses
//! (too long for its quota) is reported, so that the reader can be told.
//!
//! Tabs share the storage. Each save of the text writes a new stamp
//! beside it; a tab remembers the stamp it last read or wrote, and a save
//! that finds another stamp there — another tab saved since — and another
//! text does not overwrite it ([`Saved::OtherTab`]; the rule is in
//! `app_core/state/transfer.rs`).

use std::cell::RefCell;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Storage, StorageEvent};

use crate::app_core::state::{Prefs, Theme};

const TEXT: &str = "gangmu:text";
/// Changes with every save of [`TEXT`].
const STAMP: &str = "gangmu:stamp";
const THEME: &str = "gangmu:theme";
const PARAGRAPHS: &str = "gangmu:paragraphs";
const KEY_SENTENCES: &str = "gangmu:keys";
/// The keys of the folded rows, one per line.
const FOLDS: &str = "gangmu:folds";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

thread_local! {
    /// The stamp of the text this tab last read or wrote.
    static SEEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// What became of a value given to storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    Yes,
    /// There is no storage to save to.
    NoStorage,
    /// Storage refused it (over quota, as a text of several MB is).
    Refused,
    /// Another tab saved this other text since this tab last read or
    /// wrote: it was not overwritten.
    OtherTab(String),
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
    SEEN.with_borrow_mut(|seen| *seen = load(STAMP));
    load(TEXT)
}

/// Saves this tab's text, unless another tab saved another since.
pub fn save_text(text: &str) -> Saved {
    if load(STAMP) != SEEN.with_borrow(Clone::clone) {
        match load(TEXT) {
            Some(other) if other != text => return Saved::OtherTab(other),
            _ => {}
        }
    }
    save_text_over(text)
}

/// Saves this tab's text whatever another tab saved (保留本页的文字).
pub fn save_text_over(text: &str) -> Saved {
    let saved = save(TEXT, text);
    if saved == Saved::Yes {
        let stamp = format!(
            "{:x}-{:x}",
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 1e12) as u64
        );
        save(STAMP, &stamp);
        SEEN.with_borrow_mut(|seen| *seen = Some(stamp));
    }
    saved
}

/// Calls `on_text` with the text another tab saves, as it saves it (the
/// `storage` event, which a tab never gets for its own writes).
pub fn watch_other_tabs(on_text: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<StorageEvent>() else {
            return;
        };
        if event.key().as_deref() == Some(TEXT) {
            if let Some(text) = event.new_value() {
                on_text(text);
            }
        }
    }))
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
        key_sentences: load(KEY_SENTENCES).as_deref() == Some("1"),
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

/// The keys of the rows folded at the last visit.
pub fn load_folds() -> Vec<String> {
    load(FOLDS).map_or_else(Vec::new, |folds| {
        folds
            .lines()
            .filter(|key| !key.is_empty())
            .map(str::to_string)
            .collect()
    })
}

/// Keeps the keys of the folded rows for the next visit.
pub fn save_folds<'a>(keys: impl Iterator<Item = &'a str>) {
    let mut joined = String::new();
    for key in keys {
        // A key is a label and a heading's start: no line breaks.
        joined.push_str(key);
        joined.push('\n');
    }
    save(FOLDS, &joined);
}

pub fn save_paragraphs(shown: bool) {
    save(PARAGRAPHS, if shown { "1" } else { "0" });
}

pub fn save_key_sentences(shown: bool) {
    save(KEY_SENTENCES, if shown { "1" } else { "0" });
}
