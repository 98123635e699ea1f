#![cfg(not(target_arch = "wasm32"))]
//! The super-linear check, like pulldown-cmark's: each adversarial input
//! of `support::adversarial` is parsed at N and 4N bytes, and the 4N
//! parse may do at most [`MAX_RATIO`] times the work of the N one (4 is
//! linear, 16 quadratic).
//!
//! Work is measured deterministically, never with a clock:
//!
//! * **instructions** executed inside `gangmu::parse`, counted by
//!   `valgrind --tool=callgrind` on the `gangmu` binary (the same count on
//!   a loaded or an idle machine). `make test` installs valgrind and sets
//!   `GANGMU_REQUIRE_VALGRIND`, so there it fails rather than skips; a
//!   bare `cargo test` without valgrind skips it with a note. This is the
//!   check that finds quadratic loops.
//! * **output**: nodes, quotations, diagnostics and the chars of headings
//!   and quotation words must grow linearly too (a heading that copied the
//!   rest of the text would show here). Always runs.
//!
//! Wall time is measured by `benches/parse.rs` and
//! `examples/throughput.rs`, which use the same inputs.

mod support;

use std::path::Path;
use std::process::Command;

use gangmu::Document;
use support::adversarial::{self, Adversarial};

/// Bytes of the smaller input.
const N: usize = 6_000;
/// Most work the 4N input may take, as a multiple of the N input's.
const MAX_RATIO: f64 = 6.0;

fn input(name: &str) -> &'static Adversarial {
    adversarial::ALL
        .iter()
        .find(|input| input.name == name)
        .unwrap_or_else(|| panic!("no adversarial input {name}"))
}

/// Instructions executed in `gangmu::parse` for `text`, or `None` without
/// valgrind.
fn instructions(name: &str, text: &str) -> Option<u64> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("linear");
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let input = dir.join(format!("{name}-{}.txt", text.len()));
    let profile = dir.join(format!("{name}-{}.callgrind", text.len()));
    std::fs::write(&input, text).expect("write the input");
    let output = match Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", profile.display()))
        // Its two halves, which `parse` calls one after the other.
        .arg("--toggle-collect=gangmu::parse::outline")
        .arg("--toggle-collect=gangmu::parse::add_quotes")
        .arg(env!("CARGO_BIN_EXE_gangmu"))
        .args(["--format", "text"])
        .arg(&input)
        .output()
    {
        Ok(output) => output,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return None,
        Err(err) => panic!("valgrind: {err}"),
    };
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "valgrind failed:\n{log}");
    let collected = log
        .lines()
        .find_map(|line| line.split_once("Collected :"))
        .and_then(|(_, count)| count.trim().parse::<u64>().ok())
        .unwrap_or_else(|| panic!("no instruction count in:\n{log}"));
    assert!(
        collected > 0,
        "callgrind saw no call of gangmu::parse::outline or add_quotes (inlined by an optimised \
         build?); run this test without --release"
    );
    Some(collected)
}

/// Sizes of what the parse produced, each of which must grow linearly.
fn output_sizes(doc: &Document) -> [(&'static str, usize); 4] {
    let mut nodes = 0;
    let mut heading_chars = 0;
    doc.walk(|node, _| {
        nodes += 1;
        heading_chars += node.heading.chars().count();
    });
    let quote_chars = doc.quotes.iter().map(|q| q.text.chars().count()).sum();
    [
        ("nodes", nodes),
        ("quotes", doc.quotes.len() + doc.diagnostics.len()),
        ("heading chars", heading_chars),
        ("quotation chars", quote_chars),
    ]
}

fn check_linear(name: &str) {
    let input = input(name);
    let small = input.input(N);
    let large = input.input(4 * N);

    // Output: at most MAX_RATIO times as much, give or take a few items
    // at the document's edges.
    let small_sizes = output_sizes(&gangmu::parse(&small));
    let large_sizes = output_sizes(&gangmu::parse(&large));
    for ((what, small), (_, large)) in small_sizes.iter().zip(&large_sizes) {
        assert!(
            *large as f64 <= MAX_RATIO * (*small as f64) + 16.0,
            "{name} ({}): {what} grew from {small} to {large} for 4× the input",
            input.what
        );
    }

    let Some(small_work) = instructions(name, &small) else {
        // `make test` installs valgrind and sets this: there the check
        // must run, not skip.
        assert!(
            std::env::var_os("GANGMU_REQUIRE_VALGRIND").is_none(),
            "valgrind is not installed (make setup-valgrind): the linear-time check cannot run"
        );
        println!("note: valgrind is not installed; {name}: only the output was checked");
        return;
    };
    let large_work = instructions(name, &large).expect("valgrind ran before");
    let ratio = large_work as f64 / small_work as f64;
    println!("{name}: {small_work} → {large_work} instructions, ratio {ratio:.2}");
    assert!(
        ratio <= MAX_RATIO,
        "{name} ({}): 4× the input took {ratio:.1}× the instructions \
         ({small_work} → {large_work}); linear is 4, quadratic 16",
        input.what
    );
}

/// One test per input, so each passes or fails on its own;
/// [`every_adversarial_input_is_checked`] keeps the list complete.
macro_rules! linear_tests {
    ($($linear:ident)*) => {
        $(
            #[test]
            fn $linear() {
                check_linear(stringify!($linear));
            }
        )*
        const CHECKED: &[&str] = &[$(stringify!($linear)),*];
    };
}

linear_tests! {
    counting_series unclosed_quotes unclosed_quotes_in_text nested_quotes
    closing_quotes terms paren_one_lines counting_paren_lines bare_markers
    short_lines long_sentence clauses emphasis blank_lines
    yishi_one_line yishi_ershi_one_line paren_one_line
}

#[test]
fn every_adversarial_input_is_checked() {
    let missing: Vec<&str> = adversarial::ALL
        .iter()
        .map(|input| input.name)
        .filter(|name| !CHECKED.contains(name))
        .collect();
    assert!(missing.is_empty(), "add to linear_tests!: {missing:?}");
}

/// The instruction count is a real measure of work: a quadratic pass
/// shows as a ratio near 16, and 4× the same linear work as about 4.
#[test]
fn instruction_counts_tell_linear_from_quadratic() {
    let short = "加强领导，狠抓落实。".repeat(N / 30);
    let long = "加强领导，狠抓落实。".repeat(4 * N / 30);
    let (Some(short_work), Some(long_work)) = (
        instructions("calibration", &short),
        instructions("calibration", &long),
    ) else {
        println!("note: valgrind is not installed; the instruction check was not calibrated");
        return;
    };
    let ratio = long_work as f64 / short_work as f64;
    assert!(
        (3.0..=5.0).contains(&ratio),
        "plain text: {short_work} → {long_work} instructions, ratio {ratio:.2}"
    );
}
