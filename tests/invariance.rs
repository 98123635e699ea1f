#![cfg(not(target_arch = "wasm32"))]
//! The outline must not change with the layout. Every corpus document is
//! re-laid out as users paste it (`support::variants`: one line, breaks as
//! `　　` or a space, wrapped at 20–40 chars, CRLF, a BOM, Markdown
//! decoration, web-page chrome) and its outline — kinds, labels, headings,
//! nesting, title — compared with the outline of the text as found. It
//! needs no annotation, so it covers every document added to the corpus.
//!
//! ```text
//! cargo test --test invariance -- --nocapture    # prints the table
//! ```
//!
//! A cell below [`MIN_F1`] fails the test unless [`BELOW`] records it with
//! the F1 it reaches now: a floor it may not fall under. `BELOW` is the
//! list of layouts the engine does not yet read right; a cell that
//! reaches the bar must leave it. `GANGMU_PRINT_FLOORS=1` prints the list
//! as it stands; `GANGMU_WRITE_VARIANTS=DIR` writes every re-laid-out text
//! there (`<document>.<variant>.txt`), to feed the command line.

mod support;

use support::variants::{compare, Variant};

/// Least F1 of a variant's outline against the as-found outline.
const MIN_F1: f64 = 0.95;

/// (document stem, variant name, the F1 it reaches now).
const BELOW: &[(&str, &str, f64)] = &[
    ("00_seed_city-mobilisation-speech", "line", 0.90),
    (
        "02_xi2020-01-08_theme-education-summary_oneline",
        "w28",
        0.94,
    ),
    (
        "02_xi2020-01-08_theme-education-summary_oneline",
        "w32",
        0.94,
    ),
    ("08_cpc11-1977_political-report_split-quotes", "line", 0.10),
    (
        "08_cpc11-1977_political-report_split-quotes",
        "\u{3000}\u{3000}",
        0.60,
    ),
    ("08_cpc11-1977_political-report_split-quotes", "space", 0.60),
    ("08_cpc11-1977_political-report_split-quotes", "w20", 0.60),
    ("08_cpc11-1977_political-report_split-quotes", "w24", 0.60),
    ("08_cpc11-1977_political-report_split-quotes", "w28", 0.60),
    ("08_cpc11-1977_political-report_split-quotes", "w32", 0.60),
    ("08_cpc11-1977_political-report_split-quotes", "w36", 0.51),
    ("08_cpc11-1977_political-report_split-quotes", "w40", 0.60),
    ("11_gwr1955_first-five-year-plan_very-long", "line", 0.92),
    ("11_gwr1955_first-five-year-plan_very-long", "space", 0.92),
    ("12_gwr1958_fullwidth-digit-items", "line", 0.92),
    ("14_gwr2017_zero-width-breaks", "line", 0.91),
    ("14_gwr2017_zero-width-breaks", "\u{3000}\u{3000}", 0.59),
    ("14_gwr2017_zero-width-breaks", "space", 0.59),
    ("14_gwr2017_zero-width-breaks", "w20", 0.64),
    ("14_gwr2017_zero-width-breaks", "w24", 0.64),
    ("14_gwr2017_zero-width-breaks", "w28", 0.58),
    ("14_gwr2017_zero-width-breaks", "w32", 0.58),
    ("14_gwr2017_zero-width-breaks", "w36", 0.58),
    ("14_gwr2017_zero-width-breaks", "w40", 0.58),
    ("14_gwr2017_zero-width-breaks", "md", 0.94),
    ("15_gwr2026_neimenggu_web-boilerplate-yiyao", "line", 0.01),
    ("15_gwr2026_neimenggu_web-boilerplate-yiyao", "w20", 0.11),
    (
        "23_standard_decimal-headings-letter-items_markdown",
        "line",
        0.05,
    ),
    ("29_provisions_yi-numbered_items_short", "line", 0.66),
    ("30_law_articles_appendix-yi-items", "line", 0.93),
    ("30_law_articles_appendix-yi-items", "w24", 0.88),
    (
        "34_mao1927_hunan-investigation-report_counted-jian_long_markdown",
        "line",
        0.86,
    ),
    (
        "34_mao1927_hunan-investigation-report_counted-jian_long_markdown",
        "\u{3000}\u{3000}",
        0.86,
    ),
    (
        "34_mao1927_hunan-investigation-report_counted-jian_long_markdown",
        "space",
        0.86,
    ),
    (
        "38_mao1941_border-council-speech_no-numbering_runin-salutation_markdown",
        "space",
        0.66,
    ),
];

#[test]
fn the_outline_does_not_change_with_the_layout() {
    let names = support::corpus_names();
    let mut table = String::new();
    let header: Vec<String> = Variant::ALL
        .iter()
        .map(|v| format!("{:>5}", v.name()))
        .collect();
    table.push_str(&format!("{:<44} {}\n", "document", header.join(" ")));
    let mut failures = Vec::new();
    let mut stale = Vec::new();
    let mut cells = 0usize;
    let mut floors = Vec::new();
    let mut sum = 0.0;
    for name in &names {
        let text = support::corpus_text(name);
        let found = gangmu::parse(&text);
        let mut row = Vec::new();
        for variant in Variant::ALL {
            let laid_out = variant.apply(&text, &found);
            if let Some(dir) = std::env::var_os("GANGMU_WRITE_VARIANTS") {
                let path =
                    std::path::Path::new(&dir).join(format!("{name}.{}.txt", variant.name()));
                std::fs::write(path, &laid_out).expect("the variant is written");
            }
            let (f1, misses, extras) = compare(&found, &gangmu::parse(&laid_out));
            cells += 1;
            sum += f1;
            row.push(format!("{f1:>5.2}"));
            let floor = BELOW
                .iter()
                .find(|(doc, v, _)| *doc == name && *v == variant.name())
                .map(|&(_, _, floor)| floor);
            if f1 < MIN_F1 {
                floors.push(format!(
                    "    ({name:?}, {:?}, {:.2}),",
                    variant.name(),
                    (f1 * 100.0).floor() / 100.0
                ));
            }
            if f1 < MIN_F1 && floor.is_none_or(|floor| f1 + 1e-9 < floor) {
                failures.push(format!(
                    "{name} {}: F1 {f1:.2}\n  missing {:?}\n  extra {:?}",
                    variant.name(),
                    misses.iter().take(6).collect::<Vec<_>>(),
                    extras.iter().take(6).collect::<Vec<_>>()
                ));
            } else if f1 >= MIN_F1 && floor.is_some() {
                stale.push(format!("{name} {}", variant.name()));
            }
        }
        let short: String = name.chars().take(44).collect();
        table.push_str(&format!("{short:<44} {}\n", row.join(" ")));
    }
    println!(
        "{table}mean F1 over {cells} cells: {:.3}",
        sum / cells as f64
    );
    if std::env::var_os("GANGMU_PRINT_FLOORS").is_some() {
        println!(
            "const BELOW: &[(&str, &str, f64)] = &[\n{}\n];",
            floors.join("\n")
        );
    }
    assert!(
        stale.is_empty(),
        "these cells of BELOW now reach {MIN_F1}; remove them: {stale:?}"
    );
    assert!(
        failures.is_empty(),
        "{} cells below {MIN_F1}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
