#![cfg(not(target_arch = "wasm32"))]
//! The UI speaks mainland Chinese (issue 13, item 16): a word it names is
//! set in “ ” as in 简体 text, never in the corner brackets 「 」 of
//! Taiwan and Hong Kong. Every string of the app's source is read; comments
//! may quote texts that use them.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the source directory is read") {
        let path = entry.expect("an entry is read").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_corner_brackets_in_the_ui() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app"),
        &mut files,
    );
    files.sort();
    assert!(files.len() > 10, "the app's sources were found");
    let mut found = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("a source file is read");
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains(['「', '」']) {
                found.push(format!(
                    "{}:{}: {}",
                    file.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "UI text with 「 」:\n{}",
        found.join("\n")
    );
}
