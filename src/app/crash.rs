//! A panic on the page. Rust's panics abort in wasm (a trap the browser
//! throws as a `RuntimeError`), and the app's state after one cannot be
//! trusted, so the panic hook does the little that is safe without it:
//! it keeps what the textarea holds (the reader's latest typing, settled
//! or not) and tells them, in a `role="alert"` at the top of the page, to
//! reload. A panic in the analysis worker is not this: the page hears of
//! it and starts a new worker (`dom::analyzer`).

use super::dom::storage;

/// What the reader is told.
pub const MESSAGE: &str = "程序出错了，页面可能不再正常工作。原文已保存在本机，请刷新页面继续。";

/// Installs [`report`] as the panic hook. Called once, by `run()`.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|_| report()));
}

/// Keeps the textarea's text and shows [`MESSAGE`] (once).
pub fn report() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(text) = super::dom::typed_text().filter(|text| !text.is_empty()) {
        storage::save_text(&text);
    }
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    let Ok(alert) = document.create_element("div") else {
        return;
    };
    alert.set_id("crash");
    alert.set_class_name("notice notice-problem crash");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(MESSAGE));
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&alert);
    }
}
