#![cfg(not(target_arch = "wasm32"))]
//! The `gangmu` command line over many files (issue 17): `--jsonl`,
//! `--table nodes|quotes` as JSON Lines and CSV, directories and globs,
//! order kept, files that fail reported while the rest are written.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn gangmu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .output()
        .expect("gangmu runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}, stderr: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn corpus() -> String {
    support::corpus_dir().to_string_lossy().into_owned()
}

fn corpus_file(name: &str) -> String {
    format!("{}/{name}.txt", corpus())
}

/// A fresh folder in the test's temporary directory.
fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a temporary folder");
    dir
}

/// The documents a directory holds, as `--jsonl DIR` lists them: `.txt`
/// and `.md` here, sorted.
fn documents_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path().to_string_lossy().into_owned())
        .filter(|path| path.ends_with(".txt") || path.ends_with(".md"))
        .collect();
    names.sort();
    names
}

/// Over the corpus directory, one line per document, in name order; each
/// line is `path` then the document exactly as `--format json` gives it,
/// without the whitespace.
#[test]
fn jsonl_over_the_corpus_is_one_line_per_document() {
    let out = stdout(&gangmu(&["--jsonl", &corpus()]));
    let lines: Vec<&str> = out.lines().collect();
    let expected = documents_in(&support::corpus_dir());
    assert_eq!(lines.len(), expected.len());
    assert!(
        expected.len() > support::corpus_names().len(),
        "the notes are documents too"
    );
    for (line, path) in lines.iter().zip(&expected) {
        let prefix = format!("{{\"path\":{},", serde_json::to_string(path).unwrap());
        let fields = line
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{path}: {line:.80}"));
        let single = stdout(&gangmu(&["--format", "json", path]));
        let doc: gangmu::Document = serde_json::from_str(&single).expect("a document");
        // The same fields in the same order as the pretty form.
        assert_eq!(
            format!("{{{fields}"),
            serde_json::to_string(&doc).unwrap(),
            "{path}"
        );
        assert_eq!(
            serde_json::to_string_pretty(&doc).unwrap() + "\n",
            single,
            "{path}"
        );
    }
}

#[test]
fn one_thread_writes_what_every_core_writes() {
    let all = stdout(&gangmu(&["--jsonl", &corpus()]));
    let one = stdout(&gangmu(&["--jsonl", "--threads", "1", &corpus()]));
    let two = stdout(&gangmu(&["-j", "2", &corpus()]));
    assert_eq!(one, all);
    assert_eq!(two, all);
}

/// Several files, a directory or a glob are a batch without `--jsonl`.
#[test]
fn many_paths_are_a_batch() {
    let seed = corpus_file("00_seed_city-mobilisation-speech");
    let serve = corpus_file("04_mao1944_serve-the-people_short");
    let out = stdout(&gangmu(&[&serve, &seed, &serve]));
    let paths: Vec<String> = out
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["path"].to_string())
        .collect();
    let quoted = |path: &str| serde_json::to_string(path).unwrap();
    assert_eq!(paths, [quoted(&serve), quoted(&seed), quoted(&serve)]);
    assert_eq!(out, stdout(&gangmu(&["--jsonl", &serve, &seed, &serve])));
    // A glob the shell left alone.
    let pattern = format!("{}/0*.txt", corpus());
    let globbed = stdout(&gangmu(&[&pattern]));
    let expected = documents_in(&support::corpus_dir())
        .into_iter()
        .filter(|path| {
            Path::new(path)
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with('0')
        })
        .filter(|path| path.ends_with(".txt"))
        .count();
    assert!(expected >= 5);
    assert_eq!(globbed.lines().count(), expected);
}

/// A directory is searched recursively, in name order, for documents
/// only; hidden entries are skipped.
#[test]
fn directories_are_searched_for_documents() {
    let dir = temp_dir("batch-walk");
    std::fs::create_dir_all(dir.join("b/deeper")).unwrap();
    std::fs::create_dir_all(dir.join(".hidden")).unwrap();
    for name in [
        "b/deeper/3.md",
        "a.txt",
        "b/2.TXT",
        "c.json",
        ".hidden/x.txt",
        ".y.txt",
        "d.csv",
    ] {
        std::fs::write(dir.join(name), "一、甲\n二、乙\n").unwrap();
    }
    let out = stdout(&gangmu(&["--jsonl", dir.to_str().unwrap()]));
    let paths: Vec<String> = out
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let path = value["path"].as_str().unwrap().to_string();
            path.strip_prefix(dir.to_str().unwrap())
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["/a.txt", "/b/2.TXT", "/b/deeper/3.md"]);
}

/// A file that cannot be read or opened is reported, with its path and
/// why, in Chinese and English; the others are written in order; the exit
/// code is 1.
#[test]
fn failures_are_reported_and_the_run_goes_on() {
    let dir = temp_dir("batch-failures");
    let pdf = dir.join("scan.txt");
    std::fs::write(&pdf, b"%PDF-1.4\n").unwrap();
    let seed = corpus_file("00_seed_city-mobilisation-speech");
    let missing = dir.join("missing.txt");
    let output = gangmu(&[
        "--jsonl",
        missing.to_str().unwrap(),
        &seed,
        pdf.to_str().unwrap(),
        &seed,
        &format!("{}/*.nothing", dir.display()),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let out = String::from_utf8(output.stdout).unwrap();
    assert_eq!(out.lines().count(), 2);
    assert_eq!(out, stdout(&gangmu(&["--jsonl", &seed, &seed])));
    let stderr = String::from_utf8(output.stderr).unwrap();
    for words in [
        format!("无法读取文件 {}：文件不存在", missing.display()),
        format!("cannot read {}", missing.display()),
        format!("无法打开 {}", pdf.display()),
        "暂不支持 PDF".to_string(),
        "没有与".to_string(),
        "3 个文件或路径未能处理".to_string(),
    ] {
        assert!(stderr.contains(&words), "{stderr} should say {words}");
    }
    // Reported in the order given.
    let missing_at = stderr.find("missing.txt").unwrap();
    assert!(missing_at < stderr.find("scan.txt").unwrap(), "{stderr}");
}

/// A minimal RFC 4180 reader: records of fields, quoted fields with
/// doubled quotation marks and line breaks inside.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends in a line break"
    );
    records
}

/// The CSV table holds what the JSON Lines table holds, row for row, and
/// both hold every node of every document, under a header.
#[test]
fn node_tables_as_csv_and_json_lines() {
    let files = [
        corpus_file("00_seed_city-mobilisation-speech"),
        corpus_file("11_gwr1955_first-five-year-plan_very-long"),
        corpus_file("39_huawei1998_basic-law_charter_bracket-articles_markdown"),
    ];
    let mut args = vec!["--table", "nodes"];
    args.extend(files.iter().map(String::as_str));
    let jsonl = stdout(&gangmu(&args));
    args.push("--csv");
    let csv = read_csv(&stdout(&gangmu(&args)));
    assert_eq!(csv[0], gangmu::table::NODE_COLUMNS);
    let rows: Vec<serde_json::Map<String, serde_json::Value>> = jsonl
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let mut count = 0;
    for file in &files {
        let doc: gangmu::Document =
            serde_json::from_str(&stdout(&gangmu(&["-f", "json", file]))).unwrap();
        doc.walk(|_, _| count += 1);
    }
    assert_eq!(rows.len(), count);
    assert_eq!(csv.len(), count + 1);
    for (row, record) in rows.iter().zip(&csv[1..]) {
        let columns: Vec<&String> = row.keys().collect();
        let mut sorted_columns = gangmu::table::NODE_COLUMNS.to_vec();
        sorted_columns.sort();
        assert_eq!(columns, sorted_columns);
        for (column, field) in gangmu::table::NODE_COLUMNS.iter().zip(record) {
            let value = match &row[*column] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            assert_eq!(&value, field, "{column}");
        }
    }
    // A row names its parent, which came before it.
    let paths: std::collections::HashSet<(String, String)> = rows
        .iter()
        .map(|row| (row["doc"].to_string(), row["path"].to_string()))
        .collect();
    for row in &rows {
        if let Some(parent) = row["parent"].as_str() {
            assert!(paths.contains(&(row["doc"].to_string(), format!("\"{parent}\""))));
        }
    }
}

#[test]
fn quote_tables() {
    let seed = corpus_file("00_seed_city-mobilisation-speech");
    let doc: gangmu::Document =
        serde_json::from_str(&stdout(&gangmu(&["-f", "json", &seed]))).unwrap();
    let jsonl = stdout(&gangmu(&["--table", "quotes", &seed]));
    let rows: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(rows.len(), doc.quotes.len());
    assert!(!rows.is_empty());
    for (at, (row, quote)) in rows.iter().zip(&doc.quotes).enumerate() {
        assert_eq!(row["index"], at + 1);
        assert_eq!(row["text"], quote.text.as_str());
        assert_eq!(row["start"], quote.span.start);
        assert_eq!(row["doc"], seed.as_str());
    }
    assert!(rows
        .iter()
        .any(|row| row["kind"] == "attributed" && row["speaker"].is_string()));
    let csv = read_csv(&stdout(&gangmu(&["--table=quotes", "--csv", &seed])));
    assert_eq!(csv[0], gangmu::table::QUOTE_COLUMNS);
    assert_eq!(csv.len(), rows.len() + 1);
}

#[test]
fn batch_usage_errors() {
    let seed = corpus_file("00_seed_city-mobilisation-speech");
    for (args, words) in [
        (
            vec!["--format", "text", &seed, &seed],
            "--format 只用于单个文件",
        ),
        (vec!["--csv", &seed], "--csv 只用于 --table"),
        (vec!["--table", "words", &seed], "未知表格 words"),
        (
            vec!["--threads", "many", &seed],
            "--threads 需要一个非负整数",
        ),
        (vec!["--jsonl"], "批量需要文件或目录"),
        (vec!["--jsonl", "-"], "批量需要文件或目录"),
        (vec!["--table"], "--table 需要一个值"),
    ] {
        let output = gangmu(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty());
        assert!(stderr.contains(words), "{args:?}: {stderr}");
    }
}

#[test]
fn help_names_the_batch_options() {
    let out = stdout(&gangmu(&["--help"]));
    for option in [
        "--jsonl",
        "--table nodes",
        "--table quotes",
        "--csv",
        "--threads",
    ] {
        assert!(out.contains(option), "{option} in {out}");
    }
}
