//! The clipboard and the system share sheet.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, ShareData};

use super::has;

/// Copies `text`; false when the page may not (no `navigator.clipboard`
/// outside a secure context, permission refused, the page not focused).
pub async fn copy(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return false;
    };
    if !has(&navigator, "clipboard") {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Whether the browser has the Web Share API (`navigator.share`): most
/// phones, Safari, Chrome on Windows and ChromeOS; not desktop Linux.
pub fn can_share() -> bool {
    web_sys::window().is_some_and(|window| has(&window.navigator(), "share"))
}

/// How a call to the system share sheet ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    Done,
    /// The reader closed the sheet: nothing to report.
    Cancelled,
    Failed,
}

/// Opens the system share sheet for `url` titled `title`.
pub async fn share(url: &str, title: &str) -> Shared {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return Shared::Failed;
    };
    if !has(&navigator, "share") {
        return Shared::Failed;
    }
    let data = ShareData::new();
    data.set_url(url);
    data.set_title(title);
    match JsFuture::from(navigator.share_with_data(&data)).await {
        Ok(_) => Shared::Done,
        Err(error) => match error.dyn_ref::<DomException>() {
            Some(error) if error.name() == "AbortError" => Shared::Cancelled,
            _ => Shared::Failed,
        },
    }
}
