#![cfg(not(target_arch = "wasm32"))]
//! Snapshots of the parser on every corpus document: the debugging dump of
//! `gangmu::export::text::dump` (every node with kind, span, label and
//! heading, indented by depth; then the quotations and diagnostics), one
//! snapshot per document in `tests/snapshots/`, named after it.
//!
//! After a deliberate change to the parser rules, re-bless them all with
//!
//! ```text
//! INSTA_UPDATE=always cargo test --test snapshots
//! ```
//!
//! and review the change to the `.snap` files in `git diff` like code.

mod support;

#[test]
fn corpus() {
    insta::glob!("corpus/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("a corpus document is UTF-8");
        let doc = gangmu::parse(&text);
        insta::assert_snapshot!(gangmu::export::text::dump(&doc));
    });
}

/// The glob above found every document (a moved corpus would otherwise
/// pass with no snapshots at all).
#[test]
fn every_document_has_a_snapshot() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let names = support::corpus_names();
    assert!(names.len() >= 10, "only {} corpus documents", names.len());
    for name in names {
        let snapshot = dir.join(format!("snapshots__corpus@{name}.txt.snap"));
        assert!(
            snapshot.exists(),
            "{} is missing; run INSTA_UPDATE=always cargo test --test snapshots",
            snapshot.display()
        );
    }
}
