//! Files dropped anywhere on the page (issue 13, item 16): the reader need
//! not aim at 原文, where the text lands and which is highlighted while a
//! file is over the page. The browser is never let leave the app to show
//! the file itself.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{DataTransfer, DragEvent, File};
use yew::prelude::*;

/// The attribute on `<html>` that highlights 原文 while a file is over the
/// page (CSS: `:root[data-drop]`).
const MARK: &str = "data-drop";

/// Calls `on_file` with a file dropped on the page.
#[hook]
pub fn use_file_drop(on_file: Callback<File>) {
    use_effect_with(on_file, |on_file| {
        let document = web_sys::window().and_then(|window| window.document());
        let listeners = document.map(|document| {
            let options = EventListenerOptions::enable_prevent_default();
            let over = EventListener::new_with_options(&document, "dragover", options, |event| {
                if let Some(event) = event.dyn_ref::<DragEvent>() {
                    on_drag_over(event);
                }
            });
            let leave = EventListener::new(&document, "dragleave", |event| {
                let leaves_page = event
                    .dyn_ref::<DragEvent>()
                    .is_some_and(|event| event.related_target().is_none());
                if leaves_page {
                    mark(false);
                }
            });
            let on_file = on_file.clone();
            let drop = EventListener::new_with_options(&document, "drop", options, move |event| {
                if let Some(event) = event.dyn_ref::<DragEvent>() {
                    on_drop(event, &on_file);
                }
            });
            [over, leave, drop]
        });
        move || drop(listeners)
    });
}

fn on_drag_over(event: &DragEvent) {
    let Some(transfer) = files_in(event) else {
        return;
    };
    // Without this the browser would open the file in place of the app.
    event.prevent_default();
    transfer.set_drop_effect("copy");
    mark(true);
}

fn on_drop(event: &DragEvent, on_file: &Callback<File>) {
    let Some(transfer) = files_in(event) else {
        return;
    };
    event.prevent_default();
    mark(false);
    if let Some(file) = transfer.files().and_then(|files| files.get(0)) {
        on_file.emit(file);
    }
}

/// The event's data transfer, if what is dragged includes files.
fn files_in(event: &DragEvent) -> Option<DataTransfer> {
    let transfer = event.data_transfer()?;
    let has_files = transfer
        .types()
        .iter()
        .any(|kind| kind.as_string().as_deref() == Some("Files"));
    has_files.then_some(transfer)
}

/// Shows or hides the drop highlight.
fn mark(on: bool) {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element());
    if let Some(root) = root {
        let _ = if on {
            root.set_attribute(MARK, "")
        } else {
            root.remove_attribute(MARK)
        };
    }
}
