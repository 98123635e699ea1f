//! `gangmu diff OLD NEW`: what changed between two versions of a text
//! (`gangmu::compare`), as text (default), Markdown, HTML or JSON.

use std::path::Path;
use std::process::ExitCode;

use gangmu::compare::{self, render};

pub const USAGE: &str =
    "用法：gangmu diff [--format text|markdown|html|json] [-o 输出文件] 旧稿 新稿
usage: gangmu diff [--format text|markdown|html|json] [-o OUT] OLD NEW";

pub const HELP: &str = "
对比两稿（如今年与去年的政府工作报告）：按标题的相似度对齐两份提纲，
逐项标出 新增、删去、改写（标出改动的字）、不变；列出新提法、不再出现和
使用次数有变的术语，以及标题相同或相近之处有变的数字。
  -f, --format F     text（默认）、markdown、html（一个网页）、json、
                     docx（Word 文档：删去的字划线，新增的字下加横线；须 -o 文件）
  -o, --output 文件  写入文件而不是标准输出
  旧稿或新稿为 - 时读标准输入（只能有一个）。

Compares two versions (this year's report and last year's): the outlines
aligned by how alike their headings are, each node marked 新增 (added),
删去 (removed), 改写 (reworded, the changed words marked) or 不变 (the
same); the quoted terms that appear, vanish or change in use; the figures
that changed under matching headings. --format text (default), markdown,
html (a page), json or docx (a Word file: dropped words struck through,
new ones underlined; to -o FILE or a pipe); -o FILE; - reads one of the two
from standard input.
";

#[derive(PartialEq)]
enum Format {
    Text,
    Markdown,
    Html,
    Json,
    Docx,
}

/// Runs `gangmu diff` with the arguments after `diff`.
pub fn run(args: Vec<String>) -> ExitCode {
    match parse_args(args) {
        Ok(None) => {
            print!("{USAGE}\n{HELP}");
            ExitCode::SUCCESS
        }
        Ok(Some((format, output, old, new))) => {
            if format == Format::Docx
                && output.is_none()
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
            {
                return super::usage_error(&format!(
                    "Word 文档不能输出到终端：请用 -o 文件.docx，或重定向到文件\na Word file is not written to a terminal: give -o FILE.docx or redirect standard output\n{USAGE}"
                ));
            }
            match diff(&format, &old, &new)
                .and_then(|bytes| super::write_output(output.as_deref(), &bytes))
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => super::usage_error(&message),
            }
        }
        Err(message) => super::usage_error(&message),
    }
}

type Parsed = Option<(Format, Option<String>, String, String)>;

fn parse_args(args: Vec<String>) -> Result<Parsed, String> {
    let mut format = Format::Text;
    let mut output = None;
    let mut paths = Vec::new();
    let mut args = super::Args::new(args, USAGE);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.value(name, &arg);
        match arg.name.as_str() {
            "-h" | "--help" => return Ok(None),
            "--format" | "-f" => {
                format = match value("--format")?.as_str() {
                    "text" | "txt" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "html" => Format::Html,
                    "json" => Format::Json,
                    "docx" | "word" => Format::Docx,
                    other => {
                        return Err(format!(
                            "未知格式 {other}（可选 text、markdown、html、json、docx）\nunknown format {other} (text, markdown, html, json or docx)"
                        ))
                    }
                }
            }
            "--output" | "-o" => output = Some(value("--output")?),
            a if a.starts_with('-') && a != "-" => return Err(format!("未知选项 {a}\n{USAGE}")),
            _ => paths.push(arg.raw),
        }
    }
    if paths.len() != 2 {
        return Err(format!(
            "对比需要两个文件：旧稿和新稿\ndiff takes two files: the old and the new\n{USAGE}"
        ));
    }
    if paths.iter().all(|path| path == "-") {
        return Err(format!(
            "只有一稿可以从标准输入读取\nonly one of the two can be standard input\n{USAGE}"
        ));
    }
    let new = paths.pop().unwrap_or_default();
    let old = paths.pop().unwrap_or_default();
    Ok(Some((format, output, old, new)))
}

fn read_text(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|err| format!("无法读取标准输入\ncannot read standard input: {err}"))?;
        bytes
    } else {
        super::read_file(Path::new(path), path)?
    };
    super::open_text(path, &bytes)
}

fn diff(format: &Format, old: &str, new: &str) -> Result<Vec<u8>, String> {
    let (old, new) = (read_text(old)?, read_text(new)?);
    let comparison = compare::compare(&old, &new);
    if *format == Format::Docx {
        return Ok(gangmu::export::docx::comparison_docx(&comparison));
    }
    let text = match format {
        Format::Text => render::text(&comparison),
        Format::Markdown => render::markdown(&comparison),
        Format::Html => render::html(&comparison),
        Format::Json => {
            let mut json =
                serde_json::to_string_pretty(&comparison).expect("a comparison serialises");
            json.push('\n');
            super::escape_c1(json)
        }
        Format::Docx => unreachable!("a Word file is bytes, written above"),
    };
    Ok(text.into_bytes())
}
