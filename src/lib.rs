//! # gangmu (纲目)
//!
//! Outlines of Chinese speeches and reports. The core is pure Rust with no
//! web dependency: [`parse`] turns text into a [`Document`] (parts,
//! numbered tasks, quotations), and [`export`] writes a document out as
//! Markdown or an indented text outline. The web app (`app`, wasm32 only;
//! its logic in [`app_core`]) and the `gangmu` command line are thin
//! clients of this core.
//!
//! ```
//! let doc = gangmu::parse("同志们：\n一、提高认识\n一要统一思想。二要狠抓落实。\n二、抓好落实\n");
//! assert_eq!(doc.nodes.iter().filter(|n| n.kind == gangmu::NodeKind::Part).count(), 2);
//! ```

pub mod app_core;
pub mod compare;
pub mod export;
pub mod import;
/// Talc instead of the standard library's dlmalloc in the wasm builds:
/// the page's wasm is smaller (see Cargo.toml), allocation faster.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod model;
pub mod parse;
pub mod share;
// For the CLI and the Python module; kept out of the web app's wasm, where
// even unused it moved the bundle's size.
#[cfg(not(target_arch = "wasm32"))]
pub mod table;
#[cfg(any(target_arch = "wasm32", test))]
pub mod wire;

#[cfg(all(target_arch = "wasm32", not(feature = "core-only")))]
pub mod app;

pub use model::{
    Diagnostic, DiagnosticKind, Document, KeySentence, Node, NodeKind, Quote, QuoteKind, Span,
};
pub use parse::parse;

/// The built-in sample speech shown on first visit (see tests/corpus/SOURCES.md).
pub const SAMPLE_SPEECH: &str =
    include_str!("../tests/corpus/00_seed_city-mobilisation-speech.txt");
