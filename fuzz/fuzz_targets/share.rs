//! Decodes arbitrary fragments as share links: a malformed, truncated or
//! hostile link must give an error, never a panic, and never more text
//! than the decoder's cap. Also checks that every text round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    // Hostile links: whatever comes back is an error or some text.
    let _ = gangmu::share::decode(&fragment);
    // Links made by the app always come back whole.
    let text = fragment.as_ref();
    let link = gangmu::share::encode(text);
    assert_eq!(gangmu::share::decode(&link).as_deref(), Ok(text));
});
