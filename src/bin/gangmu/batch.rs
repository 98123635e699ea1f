//! Many documents in one run: `gangmu --jsonl` and `gangmu --table`.
//!
//! Files are read, opened, parsed and written out as text on a rayon pool
//! (every core by default). Workers take the files in the order given and
//! send each result with its position; this thread writes them in that
//! order, holding back only those that finished before an earlier one, so
//! memory stays at a few documents whatever the run's length. A file that
//! cannot be read is reported on stderr, in order, and the run goes on.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::mpsc;

use gangmu::table::{self, NODE_COLUMNS, QUOTE_COLUMNS};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::iter::{ParallelBridge, ParallelIterator};
use serde::Serialize;

use crate::inputs::{self, Input};
use crate::{BatchOptions, BatchOutput};

/// What one file gave: its lines of output, or why it has none.
type Outcome = Result<String, String>;

pub fn run(options: &BatchOptions) -> ExitCode {
    let (inputs, problems) = inputs::expand(&options.paths);
    for problem in &problems {
        eprintln!("gangmu: {problem}");
    }
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
    {
        Ok(pool) => pool,
        Err(err) => {
            eprintln!("gangmu: 无法启动线程\ncannot start threads: {err}");
            return ExitCode::from(2);
        }
    };
    let progress = progress_bar(&inputs);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = problems.len();
    let mut written = Ok(());
    if options.csv {
        let columns: &[&str] = match options.output {
            BatchOutput::Quotes => &QUOTE_COLUMNS,
            _ => &NODE_COLUMNS,
        };
        written = writeln!(out, "{}", columns.join(","));
    }
    let (sender, results) = mpsc::channel::<(usize, Outcome)>();
    std::thread::scope(|scope| {
        let inputs = &inputs;
        scope.spawn(move || {
            pool.install(|| {
                // The receiver hangs up only after a write error; then
                // the workers stop taking files.
                let _ = inputs
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .try_for_each_with(sender, |sender, (at, input)| {
                        sender.send((at, render(input, options)))
                    });
            })
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (at, outcome) in results {
            waiting.insert(at, outcome);
            while let Some(outcome) = waiting.remove(&next) {
                let input = &inputs[next];
                next += 1;
                match outcome {
                    Ok(lines) if written.is_ok() => written = out.write_all(lines.as_bytes()),
                    Ok(_) => {}
                    Err(message) => {
                        failed += 1;
                        progress.suspend(|| eprintln!("gangmu: {message}"));
                    }
                }
                progress.set_message(format!("{next}/{} 个文件", inputs.len()));
                progress.inc(input.bytes);
            }
            if written.is_err() {
                // Dropping the receiver makes the workers' sends fail;
                // they finish the files in hand and take no more.
                break;
            }
        }
    });
    progress.finish_and_clear();
    if let Err(err) = written.and_then(|()| out.flush()) {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            // `gangmu --jsonl … | head`: the reader has what it wanted.
            return ExitCode::SUCCESS;
        }
        eprintln!("gangmu: 无法写出结果\ncannot write the output: {err}");
        return ExitCode::from(2);
    }
    if failed > 0 {
        eprintln!(
            "gangmu: {failed} 个文件或路径未能处理，其余 {} 个已输出\n{failed} file(s) or path(s) failed; the other {} were written",
            inputs.len() + problems.len() - failed,
            inputs.len() + problems.len() - failed,
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// A bar on stderr when it is a terminal: files done, MB/s, time left.
fn progress_bar(inputs: &[Input]) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total = inputs.iter().map(|input| input.bytes).sum();
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:30} {msg}  {decimal_bytes}/{decimal_total_bytes}  {decimal_bytes_per_sec}  剩余 {eta}",
    ) {
        bar.set_style(style);
    }
    bar.set_message(format!("0/{} 个文件", inputs.len()));
    bar
}

/// The output lines of one file.
fn render(input: &Input, options: &BatchOptions) -> Outcome {
    let bytes = crate::read_file(&input.path, &input.name)?;
    let text = crate::open_text(&input.name, &bytes)?;
    let doc = gangmu::parse(&text);
    let name = Some(input.name.as_str());
    let mut lines = String::new();
    match (options.output, options.csv) {
        (BatchOutput::Documents, _) => document_line(&mut lines, &input.name, &doc),
        (BatchOutput::Nodes, false) => json_lines(&mut lines, &table::node_rows(name, &doc)),
        (BatchOutput::Quotes, false) => json_lines(&mut lines, &table::quote_rows(name, &doc)),
        (BatchOutput::Nodes, true) => {
            for row in table::node_rows(name, &doc) {
                let fields = [
                    Field::Text(row.doc),
                    Field::Text(Some(&row.path)),
                    Field::Number(row.level),
                    Field::Text(Some(row.kind)),
                    Field::Text(row.label),
                    Field::Text(Some(row.heading)),
                    Field::Text(row.key),
                    Field::Number(row.start),
                    Field::Number(row.end),
                    Field::Text(row.parent.as_deref()),
                ];
                csv_line(&mut lines, &fields);
            }
        }
        (BatchOutput::Quotes, true) => {
            for row in table::quote_rows(name, &doc) {
                let fields = [
                    Field::Text(row.doc),
                    Field::Number(row.index),
                    Field::Text(Some(row.kind)),
                    Field::Text(row.speaker),
                    Field::Text(Some(row.text)),
                    Field::Number(row.start),
                    Field::Number(row.end),
                    Field::Text(row.node.as_deref()),
                ];
                csv_line(&mut lines, &fields);
            }
        }
    }
    Ok(lines)
}

/// `{"path":…,` then the document model's fields, on one line: the same
/// JSON as `gangmu --format json` with `path` first and no whitespace.
fn document_line(lines: &mut String, path: &str, doc: &gangmu::Document) {
    let model = serde_json::to_string(doc).unwrap_or_default();
    let path = serde_json::to_string(path).unwrap_or_default();
    lines.push_str("{\"path\":");
    lines.push_str(&path);
    // The model is an object with at least its title: `{"title":…}`.
    if let Some(fields) = model.strip_prefix('{') {
        lines.push(',');
        lines.push_str(fields);
    }
    lines.push('\n');
}

fn json_lines<T: Serialize>(lines: &mut String, rows: &[T]) {
    for row in rows {
        lines.push_str(&serde_json::to_string(row).unwrap_or_default());
        lines.push('\n');
    }
}

/// A CSV field: empty for `None`.
enum Field<'a> {
    Text(Option<&'a str>),
    Number(usize),
}

/// One CSV record (RFC 4180): a field with a comma, a quotation mark or a
/// line break is quoted, its quotation marks doubled; records end in LF.
fn csv_line(lines: &mut String, fields: &[Field]) {
    for (at, field) in fields.iter().enumerate() {
        if at > 0 {
            lines.push(',');
        }
        match field {
            Field::Number(n) => lines.push_str(&n.to_string()),
            Field::Text(None) => {}
            Field::Text(Some(text)) if text.contains([',', '"', '\n', '\r']) => {
                lines.push('"');
                lines.push_str(&text.replace('"', "\"\""));
                lines.push('"');
            }
            Field::Text(Some(text)) => lines.push_str(text),
        }
    }
    lines.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_it_must() {
        let mut line = String::new();
        csv_line(
            &mut line,
            &[
                Field::Text(Some("a,b")),
                Field::Text(None),
                Field::Text(Some("他说\"好\"")),
                Field::Number(3),
                Field::Text(Some("一要")),
            ],
        );
        assert_eq!(line, "\"a,b\",,\"他说\"\"好\"\"\",3,一要\n");
    }

    #[test]
    fn a_document_line_is_the_model_after_its_path() {
        let doc = gangmu::parse(gangmu::SAMPLE_SPEECH);
        let mut line = String::new();
        document_line(&mut line, "dir/\"a\".txt", &doc);
        let model = serde_json::to_string(&doc).unwrap();
        assert_eq!(
            line,
            format!("{{\"path\":\"dir/\\\"a\\\".txt\",{}\n", &model[1..])
        );
    }
}
