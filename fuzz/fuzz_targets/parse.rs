//! Parses arbitrary bytes, decoded as UTF-8 with invalid sequences replaced
//! by U+FFFD, and checks the invariants every parse keeps (the checker the
//! property tests use): no panic, spans in bounds and nested, siblings in
//! order, labels sliced from the source, quotations paired and in order.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = gangmu::parse(&text);
    if let Err(broken) = invariants::check(&text, &doc) {
        panic!("{broken}\ntext: {text:?}");
    }
});
