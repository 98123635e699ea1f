//! Opens arbitrary bytes as a file (text in any encoding, or .docx): a
//! file the app cannot read gives an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = gangmu::import::open(data);
});
