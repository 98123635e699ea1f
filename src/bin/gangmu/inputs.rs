//! The files a batch reads: its path arguments expanded, in order.
//!
//! * a file is taken as it is, whatever its name;
//! * a directory is searched recursively for documents (`.txt .text .md
//!   .markdown .docx`, any case), in byte order of their names, skipping
//!   hidden entries (`.git`) and symbolic links to directories (no cycles);
//! * an argument that names nothing but holds `* ? [` is a glob pattern
//!   (`**` for any depth), for shells that leave it alone; what it matches
//!   is taken in sorted order, directories searched as above;
//! * anything else is kept, and fails with its reason when it is read.

use std::path::{Path, PathBuf};

/// One file to parse.
pub struct Input {
    pub path: PathBuf,
    /// The path as written out: in `path` / `doc` columns and messages.
    pub name: String,
    /// Its size when listed (0 if unknown), for the progress bar.
    pub bytes: u64,
}

/// What the arguments name: the inputs, and the messages for arguments
/// that could not be listed (a glob matching nothing, a directory that
/// cannot be read).
pub fn expand(args: &[String]) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if path.is_dir() {
            walk(path, &mut inputs, &mut problems);
        } else if !path.exists() && arg.contains(['*', '?', '[']) {
            glob(arg, &mut inputs, &mut problems);
        } else {
            push_file(path.to_path_buf(), &mut inputs);
        }
    }
    (inputs, problems)
}

fn glob(pattern: &str, inputs: &mut Vec<Input>, problems: &mut Vec<String>) {
    let paths = match glob::glob(pattern) {
        Ok(paths) => paths,
        Err(err) => {
            problems.push(format!(
                "通配符 {pattern} 有误：{}\nbad pattern {pattern}: {err}",
                err.msg
            ));
            return;
        }
    };
    let before = inputs.len();
    for entry in paths {
        match entry {
            Ok(path) if path.is_dir() => walk(&path, inputs, problems),
            Ok(path) => push_file(path, inputs),
            Err(err) => problems.push(unreadable_directory(err.path(), err.error())),
        }
    }
    if inputs.len() == before {
        problems.push(format!(
            "没有与 {pattern} 匹配的文件\nno file matches {pattern}"
        ));
    }
}

/// The documents under `dir`, recursively, in name order.
fn walk(dir: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => return problems.push(unreadable_directory(dir, &err)),
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, inputs, problems);
        } else if is_document(&path) && (kind.is_file() || path.is_file()) {
            push_file(path, inputs);
        }
    }
}

fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            ["txt", "text", "md", "markdown", "docx"]
                .iter()
                .any(|known| extension.eq_ignore_ascii_case(known))
        })
}

fn push_file(path: PathBuf, inputs: &mut Vec<Input>) {
    let bytes = std::fs::metadata(&path).map_or(0, |meta| meta.len());
    inputs.push(Input {
        name: path.to_string_lossy().into_owned(),
        path,
        bytes,
    });
}

fn unreadable_directory(dir: &Path, err: &std::io::Error) -> String {
    let dir = dir.display();
    format!("无法读取目录 {dir}\ncannot read directory {dir}: {err}")
}
