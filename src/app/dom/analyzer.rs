//! The page's side of the analysis worker (`www/worker.js`): large texts
//! are parsed there, so that the page keeps drawing frames meanwhile.
//!
//! One worker is started at the first large text and kept. Each job
//! carries the serial of the state's analysis command; the answer comes
//! back with it ([`Answer`]): the parsed [`Document`] (in
//! [`crate::wire`]'s bytes); [`Answer::Unavailable`] when no worker can
//! run (no module workers, a load failure), in which case the caller
//! parses on the page instead; or [`Answer::Failed`] when the worker broke
//! down on the text (a panic is a trap in wasm, which `worker.js` catches
//! and reports). A worker that broke down is terminated — its wasm
//! instance may be in any state — and the next job starts a new one.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::Document;

/// The worker's script, relative to the page (the app may live under any
/// sub-path).
const SCRIPT: &str = "worker.js";

/// What became of a job.
pub enum Answer {
    Parsed(Document),
    /// No worker can run here: parse on the page.
    Unavailable,
    /// The worker broke down on this text.
    Failed,
}

/// Where an answer goes: the serial of the job, and what became of it.
pub type Done = Callback<(u64, Answer)>;

struct Analyzer {
    worker: Worker,
    /// The worker broke down and was terminated: replace it at the next
    /// job (not at once: its closures may be running).
    dead: bool,
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
        done.emit((serial, Answer::Unavailable));
        return;
    }
    let sent = ANALYZER.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_none_or(|analyzer| analyzer.dead) {
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
        done.emit((serial, Answer::Unavailable));
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
        let answer =
            match field("bytes").and_then(|value| value.dyn_into::<js_sys::Uint8Array>().ok()) {
                Some(bytes) => {
                    crate::wire::decode(&bytes.to_vec()).map_or(Answer::Unavailable, Answer::Parsed)
                }
                // `{ serial, error }`: the worker broke down.
                None => {
                    retire();
                    Answer::Failed
                }
            };
        report(serial as u64, answer);
    });
    let on_error = Closure::<dyn FnMut(Event)>::new(|_: Event| {
        let latest = ANALYZER.with(|cell| cell.borrow().as_ref().map(|analyzer| analyzer.latest));
        fail();
        if let Some(latest) = latest {
            report(latest, Answer::Unavailable);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Analyzer {
        worker,
        dead: false,
        latest: 0,
        done: Callback::noop(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Calls the latest `done` outside the borrow of the analyzer.
fn report(serial: u64, answer: Answer) {
    let done = ANALYZER.with(|cell| cell.borrow().as_ref().map(|analyzer| analyzer.done.clone()));
    if let Some(done) = done {
        done.emit((serial, answer));
    }
}

/// Terminates a worker that broke down; the next job starts another.
fn retire() {
    ANALYZER.with(|cell| {
        if let Some(analyzer) = cell.borrow_mut().as_mut() {
            analyzer.worker.terminate();
            analyzer.dead = true;
        }
    });
}

/// Gives up on workers for this page: later large texts parse on the page.
fn fail() {
    BROKEN.with(|broken| *broken.borrow_mut() = true);
}
