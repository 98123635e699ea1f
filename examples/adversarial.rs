//! Prints every adversarial input of `tests/support/adversarial.rs` at a
//! size, one JSON object per line (`{"name": …, "text": …}`), for the
//! browser tests and `bench-web`, which paste them into the app:
//!
//! ```sh
//! cargo run --release --example adversarial -- 1000000
//! ```

#[path = "../tests/support/adversarial.rs"]
mod adversarial;

use std::io::Write;

fn main() {
    let bytes = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(1_000_000);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for input in adversarial::ALL {
        let line = serde_json::json!({
            "name": input.name,
            "what": input.what,
            "text": input.input(bytes),
        });
        let _ = writeln!(out, "{line}");
    }
}
