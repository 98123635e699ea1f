//! The page's side of the analysis worker (`www/worker.js`): large texts
//! are parsed there, so that the page keeps drawing frames meanwhile.
//!
//! One worker is started at the first large text and kept. Each job
//! carries the serial of the state's analysis command; the answer comes
//! back with it, as the parsed [`Document`] (in [`crate::wire`]'s bytes),
//! or as `None` when the worker could not do it (no module workers, a load
//! failure), in which case the caller parses on the page instead.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::Document;

/// The worker's script, relative to the page (the app may live under any
/// sub-path).
const SCRIPT: &str = "worker.js";

/// Where an answer goes: the serial of the job, and its document.
pub type Done = Callback<(u64, Option<Document>)>;

struct Analyzer {
    worker: Worker,
    /// The latest job, which an error is reported against.
    latest: u64,
    done: Done,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

thread_local! {
    static ANALYZER: RefCell<Option<Analyzer>> = const { RefCell::new(None) };
    /// Set once the worker has failed: every later job fails at once.
    static BROKEN: RefCell<bool> = const { RefCell::new(false) };
}

/// Sends `text` to the worker as job `serial`; `done` is called once with
/// the result (possibly at once, with `None`, if no worker can run).
pub fn analyze(serial: u64, text: &str, done: Done) {
    if BROKEN.with(|broken| *broken.borrow()) {
        done.emit((serial, None));
        return;
    }
    let sent = ANALYZER.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = start();
        }
        let analyzer = cell.as_mut()?;
        analyzer.latest = serial;
        analyzer.done = done.clone();
        let message = js_sys::Object::new();
        js_sys::Reflect::set(
            &message,
            &"serial".into(),
            &JsValue::from_f64(serial as f64),
        )
        .ok()?;
        js_sys::Reflect::set(&message, &"text".into(), &JsValue::from_str(text)).ok()?;
        analyzer.worker.post_message(&message).ok()
    });
    if sent.is_none() {
        fail();
        done.emit((serial, None));
    }
}

/// Starts the module worker and listens to it.
fn start() -> Option<Analyzer> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let worker = Worker::new_with_options(SCRIPT, &options).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
        let serial = field("serial")
            .and_then(|value| value.as_f64())
            .unwrap_or(-1.0);
        let document = field("bytes")
            .and_then(|value| value.dyn_into::<js_sys::Uint8Array>().ok())
            .and_then(|bytes| crate::wire::decode(&bytes.to_vec()));
        report(serial as u64, document);
    });
    let on_error = Closure::<dyn FnMut(Event)>::new(|_: Event| {
        let latest = ANALYZER.with(|cell| cell.borrow().as_ref().map(|analyzer| analyzer.latest));
        fail();
        if let Some(latest) = latest {
            report(latest, None);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Analyzer {
        worker,
        latest: 0,
        done: Callback::noop(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Calls the latest `done` outside the borrow of the analyzer.
fn report(serial: u64, document: Option<Document>) {
    let done = ANALYZER.with(|cell| cell.borrow().as_ref().map(|analyzer| analyzer.done.clone()));
    if let Some(done) = done {
        done.emit((serial, document));
    }
}

/// Gives up on workers for this page: later large texts parse on the page.
fn fail() {
    BROKEN.with(|broken| *broken.borrow_mut() = true);
}
