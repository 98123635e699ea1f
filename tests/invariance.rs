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
//! reaches the bar must leave it. [`WHY`] says for each of its documents
//! why — whether a human reader could recover the structure from that
//! layout, or the engine falls short. `GANGMU_PRINT_FLOORS=1` prints the list
//! as it stands; `GANGMU_WRITE_VARIANTS=DIR` writes every re-laid-out text
//! there (`<document>.<variant>.txt`), to feed the command line.

mod support;

use support::variants::{compare, Variant};

/// Least F1 of a variant's outline against the as-found outline.
const MIN_F1: f64 = 0.95;

/// Why each document in [`BELOW`] falls short, in two kinds: **reader**
/// where a careful human reader could not recover the as-found structure
/// from that layout either, **engine** where a reader could and the engine
/// does not yet (open work, issue 11). Every document of `BELOW` has a
/// line here (checked below), and the table prints them.
const WHY: &[(&str, &str)] = &[
    ("00_seed_city-mobilisation-speech", "engine: on one line the parallel points 必须…认识到 stand inside one paragraph, and points are found only as paragraphs"),
    ("02_xi2020-01-08_theme-education-summary_oneline", "engine: wrapped at 28 and 32, the date and speaker run on from the title's second line (…大会上 / 的讲话（2020年1月8日）习近平同志 / 们：…)"),
    ("08_cpc11-1977_political-report_split-quotes", "reader: the text as found breaks lines inside sentences (quoted slogans on lines of their own), and every variant is built from its lines, so those breaks become paragraph breaks no layout tells from real ones; on one line its two unnumbered part headings run into the text"),
    ("12_gwr1958_fullwidth-digit-items", "reader: on one line the unnumbered section openings (先说工业战线上的情况 …) run into the sentences after them with no mark"),
    ("14_gwr2017_zero-width-breaks", "reader: as found, lines break inside sentences (a web page's links and bold words on lines of their own, 政府工作报 / 告); the variants, built line by line, make each break a paragraph break"),
    ("15_gwr2026_neimenggu_web-boilerplate-yiyao", "reader: on one line the unnumbered part headings (“十四五”时期发展成就和2025年工作回顾, 这五年…) run into the text; engine: wrapped at 20 the same headings join the lines after them"),
    ("23_standard_decimal-headings-letter-items_markdown", "reader: on one line each Markdown heading runs into its text (## 范围本标准规定了…): where a heading ends is not marked"),
    ("29_provisions_yi-numbered_items_short", "reader: on one line the items after a colon (职权是：（一）…；（二）…) are the same text as a list inside a sentence, which the as-found layout kept apart by lines"),
    ("30_law_articles_appendix-yi-items", "engine: on one line the adoption and amendment records under the title run together; wrapped at 24 the appendix label 附件: loses its title line"),
    ("34_mao1927_hunan-investigation-report_counted-jian_long_markdown", "engine: with its breaks gone, the spaced heading 第十件　清　　匪 takes the paragraph after it, and the notes (注　　释) run into the last paragraph"),
    ("38_mao1941_border-council-speech_no-numbering_runin-salutation_markdown", "engine: with breaks as spaces, the salutation 各位参议员先生，各位同志： runs into the first paragraph"),
    ("42_huawei2013_guangzhou-office-forum_meeting-minutes_markdown", "engine: on one line each topic head runs straight into the next speaker prefix (…能打仗的队伍倾斜广州代表处CFO张国强：…) and the heads 一、…五、 are lost"),
    ("43_mao1928_jinggangshan-report_runin-heads_counted-ci_markdown", "engine: wrapped at 20, a wrapped line ends at 。 just before （2） (…的长处：（1）有经营了一年多的群众基础。 / （2）党的组织…), and the sentence-opening items （1）…（5） under 割据地区问题 are lost"),
    ("45_huawei2013_cfo-report-minutes_arabic-letter-items_markdown", "engine: on one line a part heading runs into its first item with no mark (一、加强财经综合能力建设1. 财经过去20年…), and the items 1.…4. and the part 二、 are lost"),
    ("46_gwr2026_beijing_city-report_yishi-runin_web-boilerplate", "engine: on one line the five 这五年，我们… points stand inside one paragraph, and points are found only as paragraphs (as the seed's)"),
    ("49_hkplg2019_rally-statement_traditional-bilingual_yaml-front-matter", "engine: on one line the numbered points after the lead-in (…以下三點：1. 2019年8月2日，…) are not taken as items, and with breaks as spaces neither are the English ones (…the following 3 points. 1. On 2 August 2019, …); wrapped at 20 the title (found under the YAML front matter) loses its last two chars to the next line (…不屈服 / 決心)"),
];

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
    ("12_gwr1958_fullwidth-digit-items", "line", 0.92),
    ("14_gwr2017_zero-width-breaks", "line", 0.91),
    ("14_gwr2017_zero-width-breaks", "\u{3000}\u{3000}", 0.58),
    ("14_gwr2017_zero-width-breaks", "space", 0.58),
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
    (
        "42_huawei2013_guangzhou-office-forum_meeting-minutes_markdown",
        "line",
        0.18,
    ),
    (
        "43_mao1928_jinggangshan-report_runin-heads_counted-ci_markdown",
        "w20",
        0.85,
    ),
    (
        "45_huawei2013_cfo-report-minutes_arabic-letter-items_markdown",
        "line",
        0.27,
    ),
    (
        "46_gwr2026_beijing_city-report_yishi-runin_web-boilerplate",
        "line",
        0.94,
    ),
    (
        "49_hkplg2019_rally-statement_traditional-bilingual_yaml-front-matter",
        "line",
        0.66,
    ),
    (
        "49_hkplg2019_rally-statement_traditional-bilingual_yaml-front-matter",
        "space",
        0.66,
    ),
    (
        "49_hkplg2019_rally-statement_traditional-bilingual_yaml-front-matter",
        "w20",
        0.87,
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
    let mut unexplained: Vec<&str> = BELOW
        .iter()
        .map(|&(doc, _, _)| doc)
        .filter(|doc| !WHY.iter().any(|(why, _)| why == doc))
        .collect();
    unexplained.dedup();
    println!("documents below {MIN_F1} in some layout, and why:");
    for (doc, why) in WHY {
        println!("  {doc}: {why}");
    }
    assert!(
        unexplained.is_empty(),
        "say in WHY why these documents fall short: {unexplained:?}"
    );
    let unused: Vec<&str> = WHY
        .iter()
        .map(|&(doc, _)| doc)
        .filter(|doc| !BELOW.iter().any(|(below, _, _)| below == doc))
        .collect();
    assert!(
        unused.is_empty(),
        "these documents of WHY now reach {MIN_F1} everywhere: {unused:?}"
    );
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
