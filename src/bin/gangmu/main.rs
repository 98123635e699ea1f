//! The `gangmu` command line: prints the outline of a speech or report, or
//! of many at once.
//!
//! ```text
//! gangmu [--format json|markdown|text|opml|html|svg] [--paragraphs] [-o OUT] [FILE]
//! gangmu --format docx [--contents outline|key|full] [--paragraphs] -o OUT.docx [FILE]
//! gangmu --jsonl [--threads N] PATH...
//! gangmu --table nodes|quotes [--csv] [--threads N] PATH...
//! gangmu diff [--format text|markdown|html|json] [-o OUT] OLD NEW
//! ```
//! Reads FILE, or standard input without it: a text file in UTF-8, UTF-16
//! or GBK/GB18030 (detected), or a Word .docx (recognised by its content).
//! With `--jsonl` or `--table`, or with more than one PATH, a directory or
//! a glob pattern, it runs as a batch (`batch.rs`, `inputs.rs`): one JSON line
//! per document, or one row per node or quotation, in the order the paths
//! were given, parsed on every core. `gangmu diff` compares two versions
//! of a text (`diff.rs`; a file named `diff` is given as `./diff`). A Word file (`--format docx`) goes to
//! `-o FILE`, or to standard output only when that is not a terminal.
//!
//! Exit codes: 0 on success; 1 when a batch ran but some of its files
//! could not be read or opened (each is reported, the rest are written);
//! 2 on bad usage or a single file that cannot be read or opened. Messages
//! are in Chinese and English.

#[cfg(not(target_arch = "wasm32"))]
mod batch;
#[cfg(not(target_arch = "wasm32"))]
mod diff;
#[cfg(not(target_arch = "wasm32"))]
mod inputs;

use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use gangmu::export;
use gangmu::export::docx::DocxContents;
use gangmu::import::ImportError;

const USAGE: &str =
    "用法：gangmu [--format json|markdown|text|opml|html|svg] [--paragraphs] [--key-sentences] [-o 输出文件] [文件]
      gangmu --format docx [--contents outline|key|full] [--paragraphs] -o 输出.docx [文件]
      gangmu --jsonl [--threads N] 路径…
      gangmu --table nodes|quotes [--csv] [--threads N] 路径…
      gangmu diff [--format text|markdown|html|json] [-o 输出文件] 旧稿 新稿
usage: gangmu [--format json|markdown|text|opml|html|svg] [--paragraphs] [--key-sentences] [-o OUT] [FILE]
       gangmu --format docx [--contents outline|key|full] [--paragraphs] -o OUT.docx [FILE]
       gangmu --jsonl [--threads N] PATH...
       gangmu --table nodes|quotes [--csv] [--threads N] PATH...
       gangmu diff [--format text|markdown|html|json] [-o OUT] OLD NEW";

const HELP: &str = "
单个文件（无文件时读标准输入；UTF-8、UTF-16、GBK/GB18030 或 .docx）：
  -f, --format F     json（默认，文档模型）、markdown、text（提纲）、opml、html、
                     svg（思维导图）、docx（Word 文档，公文格式的学习提纲）
  --contents C       Word 文档每项下的内容：outline（默认，只有提纲）、key（要句）、
                     full（原文）
  -o, --output 文件  写入文件而不是标准输出（docx 必须写入文件，或重定向到文件）
  --paragraphs       提纲中也列出普通段落（同网页上的“显示段落”）
  --key-sentences    每项下写出其要句（同网页上的“显示要句”）
批量（多个文件、目录或通配符时自动进入；目录递归查找 .txt .text .md .markdown .docx）：
  --jsonl            每行一篇文档：{\"path\": …, 文档模型}（默认）
  --table nodes      每行一个节点：doc path level kind label heading start end parent
  --table quotes     每行一条引语：doc index kind speaker text start end node
  --csv              表格输出为 CSV（默认 JSON Lines）
  -j, --threads N    线程数（默认用全部核心）
  路径中的 * ? [ ] 按通配符展开（** 匹配任意层目录）。
  读不了的文件报告在标准错误上，其余照常输出；有失败时退出码为 1。
  标准错误是终端时显示进度（文件数、MB/s、剩余时间）。
对比两稿：gangmu diff 旧稿 新稿（gangmu diff --help 看说明）
  -h, --help         显示本帮助

One file (standard input without one): --format json (default: the document
model), markdown, text, opml, html, svg (the outline as a map) or docx (a
Word file: a 学习提纲 in the
公文 fonts, with --contents outline, key for each node's key sentence, or
full for its text); -o FILE writes to FILE (a Word file is written only to a
file, or to standard output when it is not a terminal); --paragraphs lists
plain paragraphs too, as 显示段落 does in the app, and --key-sentences
writes each node's key sentence under it, as 显示要句 does. A batch (--jsonl, --table, or several
files, a directory searched recursively, a glob): one JSON line per document
({\"path\": …, then the model}), or one row per node or quotation as JSON
Lines or --csv; --threads N (default: every core). A file that cannot be read
is reported and the rest written; the exit code is then 1. Columns and
formats: docs/FORMAT.md. `gangmu diff OLD NEW` compares two versions of a
text (see `gangmu diff --help`).
";

#[derive(Clone, Copy)]
enum Format {
    Json,
    Markdown,
    Text,
    Opml,
    Html,
    Svg,
    Docx,
    /// Undocumented: the snapshot tests' debugging dump.
    Dump,
}

/// What a batch writes for each document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BatchOutput {
    /// One JSON line per document.
    Documents,
    /// One row per node.
    Nodes,
    /// One row per quotation.
    Quotes,
}

/// A batch: what to write, how, on how many threads, for which paths.
/// (Read only by `batch.rs`, which wasm32 builds leave out.)
#[derive(Debug)]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
struct BatchOptions {
    output: BatchOutput,
    csv: bool,
    /// 0: every core.
    threads: usize,
    paths: Vec<String>,
}

/// What the arguments ask for.
enum Command {
    Help,
    Single {
        format: Format,
        options: export::Options,
        /// What a Word file holds under each heading.
        contents: DocxContents,
        path: Option<String>,
        /// Where to write, instead of standard output.
        output: Option<String>,
    },
    Batch(BatchOptions),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|first| first == "diff") {
        return run_diff(args[1..].to_vec());
    }
    let command = match parse_args(args) {
        Ok(command) => command,
        Err(message) => return usage_error(&message),
    };
    match command {
        Command::Help => {
            print!("{USAGE}\n{HELP}");
            ExitCode::SUCCESS
        }
        Command::Single {
            format,
            options,
            contents,
            path,
            output,
        } => {
            // Refused before any work: a Word file is no text for a terminal.
            if matches!(format, Format::Docx) && output.is_none() && std::io::stdout().is_terminal()
            {
                return usage_error(&format!(
                    "Word 文档不能输出到终端：请用 -o 文件.docx，或重定向到文件
                     a Word file is not written to a terminal: give -o FILE.docx or redirect standard output
{USAGE}"
                ));
            }
            match single(format, options, contents, path.as_deref()) {
                Ok(bytes) => match write_output(output.as_deref(), &bytes) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(message) => usage_error(&message),
                },
                Err(message) => usage_error(&message),
            }
        }
        Command::Batch(options) => run_batch(&options),
    }
}

/// Writes `bytes` to the file `path`, or to standard output.
fn write_output(path: Option<&str>, bytes: &[u8]) -> Result<(), String> {
    match path {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|err| format!("无法写入文件 {path}\ncannot write {path}: {err}")),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(format!(
                    "无法写入标准输出\ncannot write standard output: {err}"
                )),
                _ => Ok(()),
            }
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("gangmu: {message}");
    ExitCode::from(2)
}

fn parse_args(args: Vec<String>) -> Result<Command, String> {
    let mut format: Option<Format> = None;
    let mut paragraphs = false;
    let mut key_sentences = false;
    let mut contents: Option<DocxContents> = None;
    let mut output_path: Option<String> = None;
    let mut output: Option<BatchOutput> = None;
    let mut csv = false;
    let mut threads = 0;
    let mut paths: Vec<String> = Vec::new();
    let mut args = Args::new(args, USAGE);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.value(name, &arg);
        match arg.name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--format" | "-f" => format = Some(format_named(&value("--format")?)?),
            "--paragraphs" => paragraphs = true,
            "--key-sentences" => key_sentences = true,
            "--contents" => contents = Some(contents_named(&value("--contents")?)?),
            "--output" | "-o" => output_path = Some(value("--output")?),
            "--jsonl" => output = Some(BatchOutput::Documents),
            "--table" => output = Some(table_named(&value("--table")?)?),
            "--csv" => csv = true,
            "--threads" | "-j" => {
                let count = value("--threads")?;
                threads = count.parse().map_err(|_| {
                    format!("--threads 需要一个非负整数，而不是 {count}\n--threads takes a count, not {count}")
                })?;
            }
            a if a.starts_with('-') && a != "-" => return Err(format!("未知选项 {a}\n{USAGE}")),
            _ => paths.push(arg.raw),
        }
    }
    let batch = output.is_some()
        || csv
        || threads != 0
        || paths.len() > 1
        || paths.first().is_some_and(|path| names_many(path));
    if !batch {
        let format = format.unwrap_or(Format::Json);
        if contents.is_some() && !matches!(format, Format::Docx) {
            return Err(format!(
                "--contents 只用于 --format docx\n--contents goes with --format docx\n{USAGE}"
            ));
        }
        return Ok(Command::Single {
            format,
            options: export::Options {
                paragraphs,
                key_sentences,
            },
            contents: contents.unwrap_or(DocxContents::Outline),
            path: paths.pop(),
            output: output_path,
        });
    }
    if contents.is_some() || output_path.is_some() {
        return Err(format!(
            "--contents 和 --output 只用于单个文件\n--contents and --output are for one file\n{USAGE}"
        ));
    }
    if format.is_some() {
        return Err(format!(
            "--format 只用于单个文件；批量请用 --jsonl 或 --table\n--format is for one file; a batch writes --jsonl or --table\n{USAGE}"
        ));
    }
    if paragraphs || key_sentences {
        return Err(format!(
            "--paragraphs 和 --key-sentences 只用于单个文件的提纲\n--paragraphs and --key-sentences are for the outline of one file\n{USAGE}"
        ));
    }
    let output = output.unwrap_or(BatchOutput::Documents);
    if csv && output == BatchOutput::Documents {
        return Err(format!(
            "--csv 只用于 --table\n--csv goes with --table\n{USAGE}"
        ));
    }
    if paths.is_empty() || paths.iter().any(|path| path == "-") {
        return Err(format!(
            "批量需要文件或目录（不读标准输入）\na batch needs files or directories (not standard input)\n{USAGE}"
        ));
    }
    Ok(Command::Batch(BatchOptions {
        output,
        csv,
        threads,
        paths,
    }))
}

/// One argument: as given, and as `--name value` or `--name=value` reads.
struct Arg {
    raw: String,
    /// The argument, or its part before `=` for a `--long=value`.
    name: String,
    /// The part after `=`.
    inline: Option<String>,
}

/// The arguments, one by one, with the values that options take.
struct Args {
    args: std::vec::IntoIter<String>,
    usage: &'static str,
}

impl Args {
    fn new(args: Vec<String>, usage: &'static str) -> Self {
        Args {
            args: args.into_iter(),
            usage,
        }
    }

    fn next(&mut self) -> Option<Arg> {
        let raw = self.args.next()?;
        let (name, inline) = match raw.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_string(), Some(value.to_string()))
            }
            _ => (raw.clone(), None),
        };
        Some(Arg { raw, name, inline })
    }

    /// The value of the option `arg` (named `name` in the message when it
    /// has none): after its `=`, or the next argument.
    fn value(&mut self, name: &str, arg: &Arg) -> Result<String, String> {
        let usage = self.usage;
        arg.inline
            .clone()
            .or_else(|| self.args.next())
            .ok_or_else(|| format!("{name} 需要一个值\n{usage}"))
    }
}

fn format_named(name: &str) -> Result<Format, String> {
    Ok(match name {
        "json" => Format::Json,
        "markdown" | "md" => Format::Markdown,
        "text" | "txt" => Format::Text,
        "opml" => Format::Opml,
        "html" => Format::Html,
        "svg" => Format::Svg,
        "docx" | "word" => Format::Docx,
        "dump" => Format::Dump,
        other => {
            return Err(format!(
                "未知格式 {other}（可选 json、markdown、text、opml、html、svg、docx）\nunknown format {other} (json, markdown, text, opml, html, svg or docx)"
            ))
        }
    })
}

fn contents_named(name: &str) -> Result<DocxContents, String> {
    match name {
        "outline" => Ok(DocxContents::Outline),
        "key" => Ok(DocxContents::KeySentences),
        "full" => Ok(DocxContents::FullText),
        other => Err(format!(
            "未知内容 {other}（可选 outline、key、full）\nunknown contents {other} (outline, key or full)"
        )),
    }
}

fn table_named(name: &str) -> Result<BatchOutput, String> {
    match name {
        "nodes" => Ok(BatchOutput::Nodes),
        "quotes" => Ok(BatchOutput::Quotes),
        other => Err(format!(
            "未知表格 {other}（可选 nodes、quotes）\nunknown table {other} (nodes or quotes)"
        )),
    }
}

/// Whether one path argument stands for many documents: a directory, or
/// a glob pattern that is not the name of a file.
fn names_many(path: &str) -> bool {
    let as_given = Path::new(path);
    as_given.is_dir() || (!as_given.exists() && path.contains(['*', '?', '[']))
}

/// One document, written in `format` with `options` (and a Word file
/// with `contents`).
fn single(
    format: Format,
    options: export::Options,
    contents: DocxContents,
    path: Option<&str>,
) -> Result<Vec<u8>, String> {
    let bytes = match path {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|err| format!("无法读取标准输入\ncannot read standard input: {err}"))?;
            bytes
        }
        Some(path) => read_file(Path::new(path), path)?,
    };
    let name = path.unwrap_or("-");
    let text = open_text(name, &bytes)?;
    let doc = gangmu::parse(&text);
    // Every format but JSON, HTML and OPML (which escape them) drops
    // control characters itself (export::without_controls): a file's
    // `ESC [ 2 J` never reaches the terminal.
    let text = match format {
        Format::Json => escape_c1(export::json(&doc)),
        Format::Markdown => export::markdown::markdown(&doc, options),
        Format::Text => export::text::outline(&doc, options),
        Format::Opml => export::opml::opml(&doc, options),
        Format::Html => export::html::html(&doc, &text, options),
        Format::Svg => export::svg::svg(&doc, options),
        Format::Docx => return Ok(export::docx::docx(&doc, &text, options, contents)),
        Format::Dump => export::text::dump(&doc),
    };
    Ok(text.into_bytes())
}

/// JSON with DEL and the C1 controls (U+007F–U+009F, which some terminals
/// obey) written as `\u` escapes, as it writes C0: the JSON means the
/// same, since such chars can only be inside strings.
fn escape_c1(json: String) -> String {
    let is_c1 = |c: char| ('\u{7f}'..='\u{9f}').contains(&c);
    if !json.contains(is_c1) {
        return json;
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_c1(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The bytes of a file, or the message saying why not (`name` is how the
/// path is shown).
fn read_file(path: &Path, name: &str) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|err| {
        use std::io::ErrorKind;
        let reason = match err.kind() {
            ErrorKind::NotFound => "文件不存在",
            ErrorKind::PermissionDenied => "没有读取权限",
            ErrorKind::IsADirectory => "这是一个目录",
            _ => "读取出错",
        };
        format!("无法读取文件 {name}：{reason}\ncannot read {name}: {err}")
    })
}

/// The text of a file's bytes, or the message saying why it cannot be
/// opened.
fn open_text(name: &str, bytes: &[u8]) -> Result<String, String> {
    // The reader is chosen by the content, never the name: a PDF named
    // .docx is a PDF.
    open(bytes).map_err(|err| {
        format!(
            "无法打开 {name}：{}\ncannot open {name}: {err}",
            err.message()
        )
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn run_batch(options: &BatchOptions) -> ExitCode {
    batch::run(options)
}

#[cfg(not(target_arch = "wasm32"))]
fn run_diff(args: Vec<String>) -> ExitCode {
    diff::run(args)
}

#[cfg(target_arch = "wasm32")]
fn run_diff(_: Vec<String>) -> ExitCode {
    usage_error("此平台不支持对比\ndiff is not supported on this platform")
}

/// The command line is not meant for wasm32, but it builds there (the
/// lints check every target), without threads: no batches.
#[cfg(target_arch = "wasm32")]
fn run_batch(_: &BatchOptions) -> ExitCode {
    usage_error("此平台不支持批量处理\nbatches are not supported on this platform")
}

/// A file's text, GB18030 included.
#[cfg(not(target_arch = "wasm32"))]
fn open(bytes: &[u8]) -> Result<String, ImportError> {
    gangmu::import::open_native(bytes)
}

/// Without the GB18030 table on wasm32, such text cannot be decoded.
#[cfg(target_arch = "wasm32")]
fn open(bytes: &[u8]) -> Result<String, ImportError> {
    match gangmu::import::open(bytes)? {
        gangmu::import::Decoded::Text(text) => Ok(text),
        gangmu::import::Decoded::NeedsDecoder { .. } => Err(ImportError::UnknownEncoding),
    }
}
