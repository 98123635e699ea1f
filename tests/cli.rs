#![cfg(not(target_arch = "wasm32"))]
//! The `gangmu` command line, run as a user would: formats, standard
//! input, and the exit code 2 with a message for every kind of bad input.

mod support;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const SEED: &str = "00_seed_city-mobilisation-speech";

fn seed_path() -> PathBuf {
    support::corpus_dir().join(format!("{SEED}.txt"))
}

/// Runs `gangmu` with `args`, feeding `stdin` (empty if `None`).
fn gangmu(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gangmu starts");
    {
        let mut input = child.stdin.take().expect("a stdin pipe");
        input
            .write_all(stdin.unwrap_or_default())
            .expect("write stdin");
    }
    child.wait_with_output().expect("gangmu finishes")
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

/// Exit code 2, nothing on stdout, and a message on stderr that holds
/// `words`; returns the message.
fn assert_usage_error(output: &Output, words: &str) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "stdout: {:?}", output.stdout);
    assert!(stderr.starts_with("gangmu: "), "{stderr}");
    assert!(
        stderr.contains(words),
        "{stderr:?} should mention {words:?}"
    );
    stderr
}

#[test]
fn json_is_the_document() {
    let path = seed_path();
    let out = stdout(&gangmu(&["--format", "json", path.to_str().unwrap()], None));
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert!(json["title"]
        .as_str()
        .is_some_and(|t| t.contains("动员大会")));
    assert!(json["nodes"].as_array().is_some_and(|n| !n.is_empty()));
    assert!(json["quotes"].as_array().is_some_and(|q| !q.is_empty()));
    // The same document the library gives.
    let doc: gangmu::Document = serde_json::from_value(json).expect("a Document");
    assert_eq!(doc, gangmu::parse(&support::corpus_text(SEED)));
}

#[test]
fn json_is_the_default_format() {
    let path = seed_path();
    let default = stdout(&gangmu(&[path.to_str().unwrap()], None));
    let json = stdout(&gangmu(&["--format=json", path.to_str().unwrap()], None));
    assert_eq!(default, json);
}

#[test]
fn markdown_starts_with_the_title() {
    let path = seed_path();
    let out = stdout(&gangmu(
        &["--format", "markdown", path.to_str().unwrap()],
        None,
    ));
    assert!(
        out.starts_with(
            "# 在全市以案促改警示教育暨全面修复净化政治生态集中专项行动动员大会上的讲话\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("## 一、深刻认识开展集中专项行动的重大意义"),
        "{out}"
    );
    assert!(out.contains("- 一要把“一把手”监督抓严抓实"), "{out}");
}

#[test]
fn text_is_the_outline() {
    let path = seed_path();
    let out = stdout(&gangmu(&["-f", "text", path.to_str().unwrap()], None));
    // The downloaded .txt has a BOM and CRLF for Windows; standard output
    // is plain text for a pipe (issue 13, item 15).
    assert!(
        !out.starts_with('\u{feff}') && !out.contains('\r'),
        "{out:?}"
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].ends_with("动员大会上的讲话"), "{out}");
    assert!(lines.iter().any(|l| l.starts_with("一、深刻认识")), "{out}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("\u{3000}\u{3000}一要把")),
        "tasks indented under their part: {out}"
    );
}

/// Issue 13, item 13: the outline formats list what the app's tree shows,
/// plain paragraphs only with `--paragraphs` (the app's 显示段落).
#[test]
fn paragraphs_are_listed_when_asked_for() {
    let path = seed_path();
    let path = path.to_str().unwrap();
    // The page holds the whole text under 原文 anyway.
    for (format, paragraph) in [
        ("text", "经过前段时间的充分准备"),
        ("markdown", "经过前段时间的充分准备"),
        ("opml", "经过前段时间的充分准备"),
        ("html", "class=\"node node-paragraph"),
    ] {
        let hidden = stdout(&gangmu(&["-f", format, path], None));
        let shown = stdout(&gangmu(&["-f", format, "--paragraphs", path], None));
        assert!(!hidden.contains(paragraph), "{format}: {hidden}");
        assert!(shown.contains(paragraph), "{format}: {shown}");
    }
    assert_usage_error(
        &gangmu(&["--paragraphs", path, path], None),
        "--key-sentences 只用于单个文件",
    );
}

#[test]
fn reads_standard_input_without_a_file() {
    let text = support::corpus_text(SEED);
    let from_stdin = stdout(&gangmu(&["--format", "text"], Some(text.as_bytes())));
    let from_dash = stdout(&gangmu(&["--format", "text", "-"], Some(text.as_bytes())));
    let path = seed_path();
    let from_file = stdout(&gangmu(&["--format", "text", path.to_str().unwrap()], None));
    assert!(from_stdin.contains("三、全面加强"));
    assert_eq!(from_stdin, from_file);
    assert_eq!(from_dash, from_file);
}

#[test]
fn empty_standard_input_is_an_empty_document() {
    let out = stdout(&gangmu(&[], Some(b"")));
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["nodes"], serde_json::json!([]));
    assert_eq!(json["diagnostics"][0]["kind"], "empty_text");
}

#[test]
fn help_exits_zero() {
    let out = stdout(&gangmu(&["--help"], None));
    assert!(out.contains("--format"), "{out}");
}

#[test]
fn help_describes_every_format_in_both_languages() {
    let out = stdout(&gangmu(&["--help"], None));
    let between = |from: &str, to: &str| {
        let start = out.find(from).unwrap_or_else(|| panic!("{from} in {out}"));
        let end = start
            + out[start..]
                .find(to)
                .unwrap_or_else(|| panic!("{to} in {out}"));
        out[start..end].to_string()
    };
    let chinese = between("-f, --format F", "--contents");
    let english = between("One file", "-o FILE");
    for format in ["json", "markdown", "text", "opml", "html", "svg", "docx"] {
        assert!(chinese.contains(format), "{format} in {chinese}");
        assert!(english.contains(format), "{format} in {english}");
    }
}

#[test]
fn missing_file() {
    let output = gangmu(&["tests/corpus/no-such-file.txt"], None);
    assert_usage_error(&output, "no-such-file.txt");
}

/// Writes `bytes` to a file named `name` in the test's temporary folder.
fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

/// GBK and UTF-16 files give the same outline as the UTF-8 original.
#[test]
fn legacy_encodings_are_decoded() {
    let original = stdout(&gangmu(
        &["-f", "text", seed_path().to_str().unwrap()],
        None,
    ));
    let text = support::corpus_text(SEED).replace('\u{A0}', " ");
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    for (name, bytes) in [("gbk.txt", &*gbk), ("utf16.txt", &*utf16)] {
        let path = temp_file(name, bytes);
        let out = stdout(&gangmu(&["-f", "text", path.to_str().unwrap()], None));
        assert_eq!(out, original, "{name}");
    }
    // Standard input too.
    let out = stdout(&gangmu(&["-f", "text"], Some(&gbk)));
    assert_eq!(out, original);
}

#[test]
fn undecodable_input_is_refused_in_chinese_and_english() {
    let message = assert_usage_error(&gangmu(&[], Some(b"abc \xFF\xFF")), "UTF-8");
    assert!(message.contains("无法识别文件的编码") && message.contains("unknown encoding"));
    let message = assert_usage_error(&gangmu(&[], Some(b"%PDF-1.4\n")), "PDF");
    assert!(message.contains("暂不支持 PDF"), "{message}");
}

#[test]
fn docx_files_are_read() {
    let body = [
        support::docx::paragraph("", "在全市工作会议上的讲话"),
        support::docx::paragraph("", "同志们："),
        support::docx::paragraph("", "一、提高认识"),
        support::docx::paragraph("", "一要统一思想。二要狠抓落实。"),
        support::docx::paragraph("", "二、抓好落实"),
        support::docx::paragraph("", "要落实。"),
    ]
    .concat();
    let path = temp_file("speech.docx", &support::docx::docx(&body, None, None));
    let out = stdout(&gangmu(&["-f", "text", path.to_str().unwrap()], None));
    assert!(
        out.contains("一、提高认识\n\u{3000}\u{3000}一要统一思想\n"),
        "{out}"
    );
    // By content, whatever the name; a damaged .docx says so.
    let renamed = temp_file("speech.bin", &std::fs::read(&path).unwrap());
    assert_eq!(
        stdout(&gangmu(&["-f", "text", renamed.to_str().unwrap()], None)),
        out
    );
    let damaged = temp_file("damaged.docx", b"PK\x03\x04 not really");
    let message = assert_usage_error(&gangmu(&[damaged.to_str().unwrap()], None), "damaged.docx");
    assert!(
        message.contains("Word 文档已损坏") && message.contains("damaged"),
        "{message}"
    );
}

#[test]
fn opml_and_html_formats() {
    let path = seed_path();
    let opml = stdout(&gangmu(&["--format", "opml", path.to_str().unwrap()], None));
    assert!(opml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"));
    assert!(
        opml.contains("<outline text=\"一要把“一把手”监督抓严抓实\"/>"),
        "{opml}"
    );
    let html = stdout(&gangmu(&["-f", "html", path.to_str().unwrap()], None));
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<details open=\"\">"));
}

#[test]
fn unknown_option() {
    assert_usage_error(&gangmu(&["--frobnicate"], None), "--frobnicate");
    assert_usage_error(&gangmu(&["-x", "file.txt"], None), "-x");
}

#[test]
fn bad_format_values() {
    assert_usage_error(&gangmu(&["--format", "pdf"], Some(b"")), "pdf");
    assert_usage_error(&gangmu(&["--format"], Some(b"")), "--format");
}

#[test]
fn two_files_are_a_batch_not_a_format() {
    let path = seed_path();
    let path = path.to_str().unwrap();
    assert_usage_error(
        &gangmu(&["-f", "text", path, path], None),
        "--format 只用于单个文件",
    );
}

/// Issue 13, item 7: terminal escapes in a file never reach the output,
/// in any format; line breaks and tabs do.
#[test]
fn issue_13_control_characters_do_not_reach_the_terminal() {
    let text = "关于\u{1b}]0;pwned\u{7}工作的报告\n一、总体\u{1b}[2J要求\u{9b}31m\n正文。\n二、主要\t任务\u{7f}\n正文“口号\u{1b}[5m”。\n";
    for format in ["text", "markdown", "json", "opml", "html", "dump"] {
        let out = stdout(&gangmu(&["--format", format], Some(text.as_bytes())));
        let controls: Vec<char> = out
            .chars()
            .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
            .collect();
        assert!(controls.is_empty(), "{format}: {controls:?} in {out}");
    }
    let outline = stdout(&gangmu(&["--format", "text"], Some(text.as_bytes())));
    assert!(outline.contains("一、总体[2J要求"), "{outline}");
    assert!(outline.contains("二、主要\t任务"), "{outline}");
}

/// Issue 13, item 7: the reader is chosen by the content: a PDF named
/// .docx is a PDF, and a .docx named .txt is a .docx.
#[test]
fn issue_13_the_content_not_the_name_chooses_the_reader() {
    let pdf = temp_file("not-really.docx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n");
    let output = gangmu(&[pdf.to_str().unwrap()], None);
    assert_usage_error(&output, "暂不支持 PDF");
    let docx = support::docx::docx(&support::docx::paragraph("", "一、总体要求"), None, None);
    let named_txt = temp_file("really-a-docx.txt", &docx);
    let out = stdout(&gangmu(
        &["--format", "text", named_txt.to_str().unwrap()],
        None,
    ));
    assert_eq!(out, "一、总体要求\n");
}

/// `--format docx`: a Word file, to `-o FILE` or to a standard output
/// that is not a terminal (here a pipe), the same bytes either way; the
/// CLI reads it back.
#[test]
fn docx_is_written_to_a_file_or_a_pipe() {
    let seed = seed_path();
    let seed = seed.to_str().unwrap();
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("outline.docx");
    let _ = std::fs::remove_file(&path);
    let output = gangmu(
        &["--format", "docx", "-o", path.to_str().unwrap(), seed],
        None,
    );
    assert!(
        output.status.success() && output.stdout.is_empty(),
        "{output:?}"
    );
    let file = std::fs::read(&path).expect("the file is written");
    assert!(file.starts_with(b"PK\x03\x04"));
    let piped = gangmu(&["-f", "docx", "--contents", "outline", seed], None);
    assert!(piped.status.success());
    assert_eq!(piped.stdout, file);
    let back = stdout(&gangmu(&["-f", "text", path.to_str().unwrap()], None));
    assert!(back.starts_with("在全市以案促改警示教育"), "{back}");
    assert!(
        back.contains("一、深刻认识开展集中专项行动的重大意义"),
        "{back}"
    );

    // The full text holds the body; key sentences are the outline until
    // the model has them.
    let full = gangmu(&["-f", "docx", "--contents=full", seed], None);
    assert!(full.status.success() && full.stdout.len() > file.len());
    let key = gangmu(&["-f", "docx", "--contents", "key", seed], None);
    assert!(key.status.success() && key.stdout.starts_with(b"PK"));
    // -o works for the text formats too.
    let text_path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("outline.txt");
    let output = gangmu(
        &["-f", "text", "--output", text_path.to_str().unwrap(), seed],
        None,
    );
    assert!(output.status.success() && output.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&text_path).unwrap(),
        stdout(&gangmu(&["-f", "text", seed], None))
    );
}

#[test]
fn docx_options_are_checked() {
    let seed = seed_path();
    let seed = seed.to_str().unwrap();
    assert_usage_error(
        &gangmu(&["-f", "docx", "--contents", "all", seed], None),
        "all",
    );
    assert_usage_error(&gangmu(&["--contents", "full", seed], None), "--contents");
    assert_usage_error(
        &gangmu(&["--jsonl", "-o", "x.jsonl", seed], None),
        "--output",
    );
    let unwritable = gangmu(&["-f", "docx", "-o", "/no/such/dir/x.docx", seed], None);
    assert_usage_error(&unwritable, "x.docx");
}

/// On a terminal, a Word file is refused with a message in Chinese and
/// English (run under `script`, which gives it a terminal; skipped
/// without it).
#[test]
fn docx_is_not_written_to_a_terminal() {
    let command = format!(
        "{} -f docx {}",
        env!("CARGO_BIN_EXE_gangmu"),
        seed_path().display()
    );
    let Ok(output) = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
    else {
        eprintln!("script(1) is not installed: skipped");
        return;
    };
    let shown = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{shown}");
    assert!(
        shown.contains("Word 文档不能输出到终端") && shown.contains("not written to a terminal"),
        "{shown}"
    );
    assert!(!shown.contains("PK"), "{shown}");
}

/// `gangmu diff OLD NEW`: every format, a file from standard input, and
/// the usage errors.
#[test]
fn diff_compares_two_versions() {
    let old = temp_file(
        "diff-old.txt",
        "一、稳定经济\n今年目标是：国内生产总值增长5%左右。\n（一）扩大内需\n（二）稳定就业\n二、深化改革\n".as_bytes(),
    );
    let new = "一、稳定经济\n今年目标是：国内生产总值增长4.5%左右。\n（一）扩大国内需求\n二、深化改革\n三、扩大“高水平”开放\n";
    let (old_path, new_path) = (
        old.to_str().unwrap(),
        temp_file("diff-new.txt", new.as_bytes()),
    );
    let new_path = new_path.to_str().unwrap();
    let text = stdout(&gangmu(&["diff", old_path, new_path], None));
    assert_eq!(
        text,
        "对比：（无标题）\n新增 1 · 删去 1 · 改写 1 · 不变 2\n\n提纲（+ 新增　- 删去　~ 改写）\n  一、稳定经济\n~   （一）扩大{+国+}内需{+求+}\n-   （二）稳定就业\n  二、深化改革\n+ 三、扩大“高水平”开放\n\n新提法（只见于新稿）\n  “高水平” ×1\n\n数字有变（标题相同或相近之处）\n  生产总值增长：5%左右 → 4.5%左右（一、稳定经济）\n"
    );
    // The new text from standard input gives the same.
    let piped = stdout(&gangmu(&["diff", old_path, "-"], Some(new.as_bytes())));
    assert_eq!(piped, text);

    let markdown = stdout(&gangmu(
        &["diff", "--format", "markdown", old_path, new_path],
        None,
    ));
    assert!(
        markdown.contains("  - **改写** （一）扩大**国**内需**求**\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("  - **删去** ~~（二）稳定就业~~\n"),
        "{markdown}"
    );

    let html = stdout(&gangmu(&["diff", "-f", "html", old_path, new_path], None));
    let page = roxmltree::Document::parse(html.trim_start_matches("<!DOCTYPE html>\n"))
        .expect("the page is well-formed XML");
    let rows: Vec<String> = page
        .descendants()
        .filter(|node| {
            node.attribute("class")
                .is_some_and(|c| c.starts_with("cmp-"))
                && node.has_tag_name("tr")
        })
        .map(|row| row.attribute("class").unwrap_or("").to_string())
        .collect();
    assert_eq!(
        rows,
        [
            "cmp-same",
            "cmp-reworded",
            "cmp-removed",
            "cmp-same",
            "cmp-added"
        ]
    );
    assert!(
        html.contains("扩大<ins>国</ins>内需<ins>求</ins>"),
        "{html}"
    );

    let json = stdout(&gangmu(
        &["diff", "--format=json", old_path, new_path],
        None,
    ));
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["entries"][1]["change"], "reworded");
    assert_eq!(json["numbers"][0]["new"], "4.5%左右");

    let word = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("diff.docx");
    let output = gangmu(
        &[
            "diff",
            "-f",
            "docx",
            "-o",
            word.to_str().unwrap(),
            old_path,
            new_path,
        ],
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let word = std::fs::read(&word).expect("the Word file");
    let text = gangmu::import::docx_text(&word).expect("it reads back");
    assert!(text.contains("【删去】（二）稳定就业"), "{text}");

    assert_usage_error(&gangmu(&["diff", old_path], None), "对比需要两个文件");
    assert_usage_error(&gangmu(&["diff", "-", "-"], None), "只有一稿");
    assert_usage_error(
        &gangmu(&["diff", "-f", "pdf", old_path, new_path], None),
        "未知格式 pdf",
    );
    assert_usage_error(
        &gangmu(&["diff", old_path, "/no/such/file"], None),
        "文件不存在",
    );
    let help = stdout(&gangmu(&["diff", "--help"], None));
    assert!(
        help.contains("新增、删去、改写") && help.contains("reworded"),
        "{help}"
    );
    assert!(stdout(&gangmu(&["--help"], None)).contains("gangmu diff 旧稿 新稿"));
}
