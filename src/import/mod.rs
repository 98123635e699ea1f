//! Opening files: plain text in the encodings Chinese documents come in,
//! and Word .docx. Everything happens in memory; nothing is uploaded.
//!
//! * [`open`]: any file's bytes → its text (or a request to decode it as
//!   GB18030), choosing between .docx and text by the bytes themselves.
//! * [`decode_text`]: a text file's encoding, detected in this order:
//!   1. a byte order mark: UTF-8 (`EF BB BF`), UTF-16LE (`FF FE`),
//!      UTF-16BE (`FE FF`); the mark is dropped, bad sequences become
//!      U+FFFD;
//!   2. NUL bytes, and code units that are plausible text in one byte
//!      order: UTF-16LE or UTF-16BE without a mark;
//!   3. valid UTF-8;
//!   4. otherwise GBK/GB18030, the usual encoding of Chinese text files
//!      saved on Windows — unless the bytes hold NULs or are a PDF or an
//!      old Word .doc, which are not text.
//! * [`docx_text`]: the paragraphs of a .docx, see [`docx`].
//!
//! GB18030 needs a table of some 190 KB. The browser already has one
//! (`new TextDecoder('gb18030', { fatal: true })`), so the library does not
//! carry it to the web: [`decode_text`] answers
//! [`Decoded::NeedsDecoder`] and the app decodes. Natively (the command
//! line, the tests) [`decode_gb18030`] uses `encoding_rs`, which is a
//! dependency only of non-wasm32 builds: the web build cannot pull the
//! table in by mistake, and no cargo feature has to be remembered.
//!
//! ```
//! use gangmu::import::{decode_text, Decoded};
//! let utf16: Vec<u8> = [0xFF, 0xFE].into_iter()
//!     .chain("一、总体要求\n".encode_utf16().flat_map(u16::to_le_bytes))
//!     .collect();
//! assert_eq!(decode_text(&utf16), Ok(Decoded::Text("一、总体要求\n".to_string())));
//! assert_eq!(decode_text(&[0xD2, 0xBB, 0xA1, 0xA2]), Ok(Decoded::NeedsDecoder { label: "gb18030" }));
//! ```

mod docx;
mod numbering;
mod xml;
pub(crate) mod zip;

use std::fmt;

pub use docx::docx_text;
pub use zip::is_zip;

/// The longest text (UTF-8 bytes) an import produces, the limit of what
/// the app analyses: a .docx whose text would be longer is
/// [`ImportError::TooLarge`], found while its text is built.
pub const MAX_TEXT_BYTES: usize = 20_000_000;

/// What [`decode_text`] or [`open`] made of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decoded {
    /// The text, decoded.
    Text(String),
    /// The file is in a legacy encoding this build does not carry: decode
    /// it with the platform's decoder for `label` (a WHATWG encoding label,
    /// for `TextDecoder`). A decoding error there is
    /// [`ImportError::UnknownEncoding`].
    NeedsDecoder { label: &'static str },
}

/// Why a file could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The bytes are not text (NULs, but not in a UTF-16 pattern).
    NotText,
    /// Not UTF-8, UTF-16 or GB18030.
    UnknownEncoding,
    /// A PDF file.
    Pdf,
    /// An old binary Word document (.doc) or other OLE2 compound file.
    LegacyDoc,
    /// A ZIP archive without `word/document.xml`.
    NotDocx,
    /// A damaged ZIP archive.
    BadZip,
    /// ZIP64 or a compression method other than stored and DEFLATE.
    UnsupportedZip,
    /// A password-protected document.
    Encrypted,
    /// A part of the document inflates to more than 64 MB, or its text
    /// would pass [`MAX_TEXT_BYTES`].
    TooLarge,
}

impl ImportError {
    /// Every variant, as [`ImportError::message`] lists them.
    pub const ALL: [ImportError; 9] = [
        ImportError::NotText,
        ImportError::UnknownEncoding,
        ImportError::Pdf,
        ImportError::LegacyDoc,
        ImportError::NotDocx,
        ImportError::BadZip,
        ImportError::UnsupportedZip,
        ImportError::Encrypted,
        ImportError::TooLarge,
    ];

    /// The error whose [`message`](ImportError::message) is `message`: how
    /// the page knows again an error the lazily loaded .docx reader threw.
    pub fn from_message(message: &str) -> Option<ImportError> {
        ImportError::ALL
            .into_iter()
            .find(|error| error.message() == message)
    }

    /// A message for users, in Chinese.
    pub fn message(self) -> &'static str {
        match self {
            ImportError::NotText => "这不是文本文件，无法打开。请选择 .txt 或 .docx 文件。",
            ImportError::UnknownEncoding => {
                "无法识别文件的编码（不是 UTF-8、UTF-16 或 GBK/GB18030）。请将文件另存为 UTF-8 文本后再打开。"
            }
            ImportError::Pdf => "暂不支持 PDF 文件。请在 PDF 阅读器中复制全文，粘贴到原文框中。",
            ImportError::LegacyDoc => {
                "暂不支持旧版 Word 文档（.doc）。请在 Word 中另存为 .docx 或纯文本后再打开。"
            }
            ImportError::NotDocx => "这个压缩文件不是 Word 文档（.docx）。",
            ImportError::BadZip => "Word 文档已损坏，无法读取。",
            ImportError::UnsupportedZip => {
                "无法读取这个 Word 文档的压缩格式。请在 Word 中重新保存后再打开。"
            }
            ImportError::Encrypted => "这个 Word 文档设置了密码，请先取消密码保护。",
            ImportError::TooLarge => "文件太大，无法打开（文字不能超过 20 MB）。",
        }
    }
}

impl fmt::Display for ImportError {
    /// English, for logs and the command line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ImportError::NotText => "not a text file",
            ImportError::UnknownEncoding => "unknown encoding (not UTF-8, UTF-16 or GB18030)",
            ImportError::Pdf => "PDF files are not supported",
            ImportError::LegacyDoc => "old Word .doc files are not supported; save as .docx",
            ImportError::NotDocx => "a ZIP archive that is not a .docx",
            ImportError::BadZip => "damaged .docx (ZIP) file",
            ImportError::UnsupportedZip => "unsupported ZIP feature (ZIP64 or compression method)",
            ImportError::Encrypted => "password-protected document",
            ImportError::TooLarge => "file too large",
        })
    }
}

impl std::error::Error for ImportError {}

/// The text of a file, whatever it is: a .docx (recognised by its ZIP
/// signature, not its name) or a text file ([`decode_text`]).
pub fn open(bytes: &[u8]) -> Result<Decoded, ImportError> {
    if zip::is_zip(bytes) {
        docx_text(bytes).map(Decoded::Text)
    } else {
        decode_text(bytes)
    }
}

/// A text file's text; see the module documentation for the detection.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded, ImportError> {
    if bytes.starts_with(b"%PDF-") {
        return Err(ImportError::Pdf);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(ImportError::LegacyDoc);
    }
    if let Some(text) = decode_unicode(bytes) {
        return Ok(Decoded::Text(text));
    }
    if bytes.contains(&0) {
        return Err(ImportError::NotText);
    }
    Ok(Decoded::NeedsDecoder { label: "gb18030" })
}

/// Steps 1–3 of the detection: the text if the bytes are UTF-8 or UTF-16.
fn decode_unicode(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Some(String::from_utf8_lossy(rest).into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Some(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Some(utf16(rest, u16::from_be_bytes));
    }
    match utf16_without_mark(bytes) {
        Some(Endian::Little) => return Some(utf16(bytes, u16::from_le_bytes)),
        Some(Endian::Big) => return Some(utf16(bytes, u16::from_be_bytes)),
        None => {}
    }
    std::str::from_utf8(bytes).ok().map(str::to_string)
}

enum Endian {
    Little,
    Big,
}

/// UTF-16 without a byte order mark shows itself by NUL bytes — the high
/// bytes of line breaks, digits and Latin letters, and the low byte of
/// 一 (U+4E00) — and by reading as plausible text in one byte order only:
/// Chinese punctuation and line breaks read in the wrong order land in
/// unassigned or unlikely blocks (，U+FF0C ↔ U+0CFF, \n ↔ U+0A00).
/// It takes at least 16 NULs or one in a hundred bytes, so a stray NUL in
/// a UTF-8 file does not count, and 90% plausible code units.
fn utf16_without_mark(bytes: &[u8]) -> Option<Endian> {
    let nuls = bytes.iter().filter(|b| **b == 0).count();
    if nuls == 0 || (nuls < 16 && nuls * 100 < bytes.len()) {
        return None;
    }
    let units = bytes.len() / 2;
    let plausible = |unit: fn([u8; 2]) -> u16| {
        bytes
            .chunks_exact(2)
            .filter(|pair| is_plausible(unit([pair[0], pair[1]])))
            .count()
    };
    let (little, big) = (plausible(u16::from_le_bytes), plausible(u16::from_be_bytes));
    let enough = |count: usize| count * 10 >= units * 9;
    if little >= big && enough(little) {
        Some(Endian::Little)
    } else if big > little && enough(big) {
        Some(Endian::Big)
    } else {
        None
    }
}

/// Whether a UTF-16 code unit is likely in a Chinese document: ASCII text
/// and line breaks, Latin, Greek and Cyrillic letters, punctuation and
/// symbols, CJK, Hangul, surrogates (for chars beyond the BMP), full-width
/// forms.
fn is_plausible(unit: u16) -> bool {
    matches!(
        unit,
        0x09 | 0x0A | 0x0D
            | 0x20..=0x7E
            | 0xA0..=0x24F
            | 0x370..=0x52F
            | 0x2000..=0x2BFF
            | 0x3000..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xD800..=0xDFFF
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFFEF
    )
}

/// UTF-16 code units from byte pairs; unpaired surrogates and an odd last
/// byte become U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// GB18030 (a superset of GBK and GB2312) decoded natively with
/// `encoding_rs`. Bytes that are not valid GB18030 are
/// [`ImportError::UnknownEncoding`] rather than text with U+FFFD in it.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_gb18030(bytes: &[u8]) -> Result<String, ImportError> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or(ImportError::UnknownEncoding)
}

/// [`open`] and, where needed, [`decode_gb18030`]: a file's text natively.
#[cfg(not(target_arch = "wasm32"))]
pub fn open_native(bytes: &[u8]) -> Result<String, ImportError> {
    match open(bytes)? {
        Decoded::Text(text) => Ok(text),
        Decoded::NeedsDecoder { .. } => decode_gb18030(bytes),
    }
}
