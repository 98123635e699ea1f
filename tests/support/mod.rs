//! Helpers shared by the integration tests. Each test crate that needs them
//! says `mod support;`, so not every crate uses every item.
//!
//! * [`score`]: the Rust port of `tests/tools/outline_score.py`, which
//!   scores an outline against a hand-made `*.expected.json`;
//! * [`invariants`]: the span and label invariants every parse must keep
//!   (also used by the fuzz target);
//! * [`docx`]: a minimal ZIP writer and .docx builder for the import tests;
//! * [`html_item`]: an item of an exported page's outline read back;
//! * [`adversarial`]: inputs that try to make the parser slow (also used by
//!   the benchmark and `examples/throughput.rs`);
//! * the corpus of real documents in `tests/corpus/`.

#![allow(dead_code)]

pub mod adversarial;
pub mod docx;
// roxmltree is a native dev-dependency only.
#[cfg(not(target_arch = "wasm32"))]
pub mod html_item;
pub mod invariants;
pub mod score;
pub mod variants;

use std::path::{Path, PathBuf};

/// `tests/corpus/` of this checkout.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// The stems (file names without `.txt`) of every corpus document, sorted.
pub fn corpus_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/corpus/ is readable")
        .map(|entry| entry.expect("a directory entry").file_name())
        .filter_map(|name| name.to_str()?.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    names
}

/// The text of the corpus document `name` (a stem).
pub fn corpus_text(name: &str) -> String {
    let path = corpus_dir().join(format!("{name}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The path of the expected outline of `name`, whether or not it exists.
pub fn expected_path(name: &str) -> PathBuf {
    corpus_dir().join(format!("{name}.expected.json"))
}

/// The expected outline of `name`, if it has one.
pub fn corpus_expected(name: &str) -> Option<serde_json::Value> {
    let path = expected_path(name);
    let json = std::fs::read_to_string(&path).ok()?;
    Some(
        serde_json::from_str(&json)
            .unwrap_or_else(|err| panic!("{} is not JSON: {err}", path.display())),
    )
}

/// Every corpus document joined end to end, repeated until it holds at
/// least `bytes` bytes (a blank line between documents).
pub fn corpus_concatenation(bytes: usize) -> String {
    let texts: Vec<String> = corpus_names().iter().map(|n| corpus_text(n)).collect();
    let mut out = String::with_capacity(bytes + 200_000);
    while out.len() < bytes {
        for text in &texts {
            out.push_str(text);
            out.push_str("\n\n");
        }
    }
    out
}
