//! The `gangmu` command line: prints the outline of a speech or report.
//!
//! ```text
//! gangmu [--format json|markdown|text] [FILE]
//! ```
//! Reads FILE, or standard input without it. Exit codes: 0 on success, 2 on
//! bad usage, an unreadable file or input that is not UTF-8.

use std::io::Read;
use std::process::ExitCode;

use gangmu::export;

const USAGE: &str = "用法：gangmu [--format json|markdown|text] [文件]\nusage: gangmu [--format json|markdown|text] [FILE]";

#[derive(Clone, Copy)]
enum Format {
    Json,
    Markdown,
    Text,
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
            "dump" => Format::Dump,
            other => return Err(format!("未知格式 {other}（可选 json、markdown、text）")),
        };
    }
    let bytes = match path.as_deref() {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|err| format!("无法读取标准输入：{err}"))?;
            bytes
        }
        Some(path) => std::fs::read(path).map_err(|err| format!("无法读取文件 {path}：{err}"))?,
    };
    let text = String::from_utf8(bytes).map_err(|err| {
        format!(
            "输入不是 UTF-8 编码（第 {} 字节处出错）；请先转换为 UTF-8，例如 iconv -f GB18030 -t UTF-8",
            err.utf8_error().valid_up_to()
        )
    })?;
    let doc = gangmu::parse(&text);
    Ok(match format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&doc).map_err(|err| err.to_string())?;
            json.push('\n');
            json
        }
        Format::Markdown => export::markdown::markdown(&doc),
        Format::Text => export::text::outline(&doc),
        Format::Dump => export::text::dump(&doc),
    })
}
