//! The `gangmu` command line: prints the outline of a speech or report.
//!
//! ```text
//! gangmu [--format json|markdown|text|opml|html] [FILE]
//! ```
//! Reads FILE, or standard input without it: a text file in UTF-8, UTF-16
//! or GBK/GB18030 (detected), or a Word .docx (recognised by its content).
//! Exit codes: 0 on success, 2 on bad usage or a file that cannot be read
//! or opened, with the reason in Chinese and English.

use std::io::Read;
use std::process::ExitCode;

use gangmu::export;
use gangmu::import::ImportError;

const USAGE: &str = "用法：gangmu [--format json|markdown|text|opml|html] [文件]\nusage: gangmu [--format json|markdown|text|opml|html] [FILE]";

#[derive(Clone, Copy)]
enum Format {
    Json,
    Markdown,
    Text,
    Opml,
    Html,
    /// Undocumented: the snapshot tests' debugging dump.
    Dump,
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("gangmu: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<String, String> {
    let mut format = Format::Json;
    let mut path: Option<String> = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            "--format" | "-f" => args
                .next()
                .ok_or_else(|| format!("--format 需要一个值\n{USAGE}"))?,
            a if a.starts_with("--format=") => a["--format=".len()..].to_string(),
            a if a.starts_with('-') && a != "-" => return Err(format!("未知选项 {a}\n{USAGE}")),
            _ => {
                if path.replace(arg).is_some() {
                    return Err(format!("只能给一个文件\n{USAGE}"));
                }
                continue;
            }
        };
        format = match value.as_str() {
            "json" => Format::Json,
            "markdown" | "md" => Format::Markdown,
            "text" | "txt" => Format::Text,
            "opml" => Format::Opml,
            "html" => Format::Html,
            "dump" => Format::Dump,
            other => {
                return Err(format!(
                    "未知格式 {other}（可选 json、markdown、text、opml、html）\nunknown format {other} (json, markdown, text, opml or html)"
                ))
            }
        };
    }
    let bytes = match path.as_deref() {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|err| format!("无法读取标准输入\ncannot read standard input: {err}"))?;
            bytes
        }
        Some(path) => std::fs::read(path)
            .map_err(|err| format!("无法读取文件 {path}\ncannot read {path}: {err}"))?,
    };
    let name = path.as_deref().unwrap_or("-");
    // A .docx is recognised by its content; the name only decides which
    // error a damaged one gets.
    let is_docx = name.to_ascii_lowercase().ends_with(".docx");
    let opened = if is_docx {
        gangmu::import::docx_text(&bytes)
    } else {
        open(&bytes)
    };
    let text = opened.map_err(|err| {
        format!(
            "无法打开 {name}：{}\ncannot open {name}: {err}",
            err.message()
        )
    })?;
    let doc = gangmu::parse(&text);
    Ok(match format {
        Format::Json => export::json(&doc),
        Format::Markdown => export::markdown::markdown(&doc),
        Format::Text => export::text::outline(&doc),
        Format::Opml => export::opml::opml(&doc),
        Format::Html => export::html::html(&doc, &text),
        Format::Dump => export::text::dump(&doc),
    })
}

/// A file's text, GB18030 included.
#[cfg(not(target_arch = "wasm32"))]
fn open(bytes: &[u8]) -> Result<String, ImportError> {
    gangmu::import::open_native(bytes)
}

/// The command line is not meant for wasm32, but it builds there (the
/// lints check every target): without the GB18030 table, such text
/// cannot be decoded.
#[cfg(target_arch = "wasm32")]
fn open(bytes: &[u8]) -> Result<String, ImportError> {
    match gangmu::import::open(bytes)? {
        gangmu::import::Decoded::Text(text) => Ok(text),
        gangmu::import::Decoded::NeedsDecoder { .. } => Err(ImportError::UnknownEncoding),
    }
}
