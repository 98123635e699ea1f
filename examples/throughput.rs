//! Parse throughput in a few seconds, with `std::time` only:
//!
//! ```text
//! cargo run --release --example throughput
//! ```
//!
//! Prints MB/s on the corpus concatenated to about 5 MB, the linearity
//! ratio time(2× input) / time(1× input) (2.0 is linear, 4.0 quadratic),
//! and the same ratio for each adversarial input of
//! `tests/support/adversarial.rs`. Each time is the median of several
//! runs. For statistics, use the criterion benchmark
//! (`cargo bench --bench parse`).

use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "../tests/support/mod.rs"]
mod support;

const CONCATENATION_BYTES: usize = 5_000_000;
const CONCATENATION_RUNS: usize = 7;
const ADVERSARIAL_BYTES: usize = 32_000;
const ADVERSARIAL_RUNS: usize = 3;

/// Median time of `runs` parses of `text`, after one unmeasured parse.
fn median_parse_time(text: &str, runs: usize) -> Duration {
    black_box(gangmu::parse(text));
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(gangmu::parse(black_box(text)));
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn megabytes_per_second(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

/// The longest prefix of `text` of at most `bytes` bytes that ends on a
/// char boundary.
fn prefix(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn main() {
    let whole = support::corpus_concatenation(CONCATENATION_BYTES);
    let half = prefix(&whole, whole.len() / 2);
    let whole_time = median_parse_time(&whole, CONCATENATION_RUNS);
    let half_time = median_parse_time(half, CONCATENATION_RUNS);
    println!(
        "corpus concatenation: {:.2} MB in {:.1} ms: {:.1} MB/s (median of {CONCATENATION_RUNS})",
        whole.len() as f64 / 1e6,
        whole_time.as_secs_f64() * 1e3,
        megabytes_per_second(whole.len(), whole_time)
    );
    println!(
        "linearity: time({:.1} MB) / time({:.1} MB) = {:.2}  (2.00 is linear)",
        whole.len() as f64 / 1e6,
        half.len() as f64 / 1e6,
        whole_time.as_secs_f64() / half_time.as_secs_f64()
    );

    println!(
        "\nadversarial inputs, {} KB and {} KB (median of {ADVERSARIAL_RUNS}):",
        ADVERSARIAL_BYTES / 1000,
        2 * ADVERSARIAL_BYTES / 1000
    );
    println!("{:<26} {:>10} {:>8}", "input", "MB/s", "2×/1×");
    for input in support::adversarial::ALL {
        let single = input.input(ADVERSARIAL_BYTES);
        let double = input.input(2 * ADVERSARIAL_BYTES);
        let single_time = median_parse_time(&single, ADVERSARIAL_RUNS);
        let double_time = median_parse_time(&double, ADVERSARIAL_RUNS);
        let ratio = double_time.as_secs_f64() / single_time.as_secs_f64();
        println!(
            "{:<26} {:>10.1} {:>8.2}{}",
            input.name,
            megabytes_per_second(single.len(), single_time),
            ratio,
            if ratio > 3.0 { "  super-linear" } else { "" }
        );
    }
}
