//! Share links in the address bar: what the page was opened with, the
//! link for a text, and forgetting the fragment once it is used up.

use crate::share::{self, ShareError, SharedView};

/// Links longer than this (chars) may be cut by chat programs and mail
/// clients; the share panel says so and points to the file exports.
pub const LONG_LINK_CHARS: usize = 2_000;

/// The page's address without its fragment.
pub fn page_url() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let page = href.split_once('#').map_or(href.as_str(), |(page, _)| page);
    Some(page.to_string())
}

/// `<page>#v2.…`, the link that opens the app with `text` (compressed by
/// the browser, see [`super::compress`]) and `view`, what the tree shows
/// ([`SharedView::suffix`]); `None` where the browser cannot.
pub async fn share_link(text: &str, view: &str) -> Option<String> {
    let page = page_url()?;
    let zlib = super::compress::zlib(text).await?;
    Some(format!(
        "{page}#{}{view}",
        share::fragment_of_zlib(&zlib, text)
    ))
}

/// The page's fragment, percent escapes that a browser or a mail program
/// added undone, if it is meant as a share link (see
/// [`share::meant_as_link`]).
pub fn incoming_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = js_sys::decode_uri_component(&hash)
        .ok()
        .and_then(|decoded| decoded.as_string())
        .unwrap_or(hash);
    share::meant_as_link(&hash).map(str::to_string)
}

/// A share link's text, and what its sender saw if the link says.
pub type Opened = (String, Option<SharedView>);

/// The text the page's fragment carries, if it is a share link (as
/// [`share::read_fragment`] reads it, inflated by the browser: see
/// [`super::inflate`]), with its view.
pub async fn incoming() -> Option<Result<Opened, ShareError>> {
    let fragment = incoming_fragment()?;
    let view = SharedView::of_link(&fragment);
    Some(open(&fragment).await.map(|text| (text, view)))
}

/// The text of the share link `fragment`.
async fn open(fragment: &str) -> Result<String, ShareError> {
    let packed = share::unpack(fragment)?;
    let bytes = super::inflate::zlib(&packed.zlib).await?;
    share::finish(packed.crc, bytes)
}

/// Drops the fragment from the address without reloading or adding to
/// the history, so that a reload shows the saved text, not the link's.
pub fn forget_fragment() {
    let (Some(window), Some(page)) = (web_sys::window(), page_url()) else {
        return;
    };
    if window.location().hash().is_ok_and(|hash| hash.is_empty()) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page));
    }
}
