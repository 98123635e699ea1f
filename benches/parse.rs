//! Parse throughput (criterion): each corpus document, the corpus
//! concatenated to about 5 MB, and the adversarial inputs of
//! `tests/support/adversarial.rs` at two sizes, so that time growing faster
//! than the input shows as a ratio above 4 between them.
//!
//! ```text
//! cargo bench --bench parse                  # everything (a few minutes)
//! cargo bench --bench parse -- corpus/       # one group
//! cargo run --release --example throughput   # the quick std-only version
//! ```
//!
//! Built with the release profile (`opt-level = "z"`, LTO), the one the
//! web app ships with.

// criterion is a native dev-dependency only; on wasm32 (clippy's
// --all-targets pass for the web build) this bench is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
use native::benches;
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/mod.rs"]
mod support;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};

    use crate::support;

    const CONCATENATION_BYTES: usize = 5_000_000;
    /// Sizes of the adversarial inputs; the second is four times the first.
    const ADVERSARIAL_BYTES: [usize; 2] = [16_000, 64_000];

    fn corpus(c: &mut Criterion) {
        let mut group = c.benchmark_group("corpus");
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(3));
        for name in support::corpus_names() {
            let text = support::corpus_text(&name);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(&name), &text, |b, text| {
                b.iter(|| gangmu::parse(black_box(text)))
            });
        }
        group.finish();
    }

    fn concatenation(c: &mut Criterion) {
        let text = support::corpus_concatenation(CONCATENATION_BYTES);
        let mut group = c.benchmark_group("concatenation");
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(10));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("corpus_5MB", |b| b.iter(|| gangmu::parse(black_box(&text))));
        group.finish();
    }

    fn adversarial(c: &mut Criterion) {
        let mut group = c.benchmark_group("adversarial");
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(2));
        for input in support::adversarial::ALL {
            for bytes in ADVERSARIAL_BYTES {
                let text = input.input(bytes);
                group.throughput(Throughput::Bytes(text.len() as u64));
                let id = BenchmarkId::new(input.name, format!("{}K", bytes / 1000));
                group.bench_with_input(id, &text, |b, text| {
                    b.iter(|| gangmu::parse(black_box(text)))
                });
            }
        }
        group.finish();
    }

    criterion_group!(benches, corpus, concatenation, adversarial);
}
