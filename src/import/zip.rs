//! A minimal ZIP reader, enough for the parts of a .docx: the end of
//! central directory record, the central directory, each entry's local
//! header, and stored or deflated data (PKWARE APPNOTE 6.3, §4.3).
//!
//! Not supported, each reported as [`ImportError::UnsupportedZip`]:
//! ZIP64, encryption, compression methods other than 0 and 8. Every offset
//! and length read from the file is bounds-checked; a damaged archive is an
//! error, never a panic. CRC-32s are not checked: DEFLATE data that is
//! damaged almost always fails to inflate or inflates to the wrong length.

use super::ImportError;

const END_OF_DIRECTORY: u32 = 0x0605_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;

/// The size of the end of central directory record without its comment.
const END_RECORD_LEN: usize = 22;

/// An opened archive: its bytes and the directory.
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry<'a>>,
}

struct Entry<'a> {
    name: &'a [u8],
    flags: u16,
    method: u16,
    compressed_size: usize,
    size: usize,
    local_offset: usize,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let field = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([field[0], field[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let field = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([field[0], field[1], field[2], field[3]]))
}

/// A `u32` field as a length or offset; `0xFFFF_FFFF` means ZIP64.
fn size_at(bytes: &[u8], at: usize) -> Result<usize, ImportError> {
    match u32_at(bytes, at) {
        Some(u32::MAX) => Err(ImportError::UnsupportedZip),
        Some(value) => usize::try_from(value).map_err(|_| ImportError::BadZip),
        None => Err(ImportError::BadZip),
    }
}

/// Whether `bytes` starts like a ZIP archive (a local header, or the end
/// record of an empty archive).
pub fn is_zip(bytes: &[u8]) -> bool {
    matches!(u32_at(bytes, 0), Some(LOCAL_HEADER | END_OF_DIRECTORY))
}

impl<'a> Archive<'a> {
    /// Reads the central directory.
    pub fn open(bytes: &'a [u8]) -> Result<Self, ImportError> {
        let end = find_end_record(bytes).ok_or(ImportError::BadZip)?;
        let count = u16_at(bytes, end + 10).ok_or(ImportError::BadZip)?;
        if count == u16::MAX {
            return Err(ImportError::UnsupportedZip);
        }
        // Offsets read from the file are checked to lie inside it before
        // anything is added to them, so no sum below can overflow.
        let mut at = size_at(bytes, end + 16)?;
        if at > bytes.len() {
            return Err(ImportError::BadZip);
        }
        let mut entries = Vec::with_capacity(usize::from(count));
        for _ in 0..count {
            if u32_at(bytes, at) != Some(DIRECTORY_ENTRY) {
                return Err(ImportError::BadZip);
            }
            let field = |offset: usize| u16_at(bytes, at + offset).ok_or(ImportError::BadZip);
            let name_len = usize::from(field(28)?);
            let extra_len = usize::from(field(30)?);
            let comment_len = usize::from(field(32)?);
            let name_start = at + 46;
            let name = bytes
                .get(name_start..name_start + name_len)
                .ok_or(ImportError::BadZip)?;
            entries.push(Entry {
                name,
                flags: field(8)?,
                method: field(10)?,
                compressed_size: size_at(bytes, at + 20)?,
                size: size_at(bytes, at + 24)?,
                local_offset: size_at(bytes, at + 42)?,
            });
            at = name_start + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    /// The contents of the entry named `name`, or `None` when there is no
    /// such entry. An entry that would inflate past `limit` bytes is
    /// [`ImportError::TooLarge`].
    pub fn read(&self, name: &str, limit: usize) -> Result<Option<Vec<u8>>, ImportError> {
        let Some(entry) = self.entries.iter().find(|e| e.name == name.as_bytes()) else {
            return Ok(None);
        };
        if entry.flags & 1 != 0 {
            return Err(ImportError::Encrypted);
        }
        if entry.size > limit {
            return Err(ImportError::TooLarge);
        }
        let local = entry.local_offset;
        if local > self.bytes.len() || u32_at(self.bytes, local) != Some(LOCAL_HEADER) {
            return Err(ImportError::BadZip);
        }
        let name_len = usize::from(u16_at(self.bytes, local + 26).ok_or(ImportError::BadZip)?);
        let extra_len = usize::from(u16_at(self.bytes, local + 28).ok_or(ImportError::BadZip)?);
        let start = local + 30 + name_len + extra_len;
        let data = start
            .checked_add(entry.compressed_size)
            .and_then(|end| self.bytes.get(start..end))
            .ok_or(ImportError::BadZip)?;
        let contents = match entry.method {
            0 => data.to_vec(),
            // Inflated to at most the declared size, so the buffer never
            // grows past it (more output than declared is damage).
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, entry.size)
                .map_err(|_| ImportError::BadZip)?,
            _ => return Err(ImportError::UnsupportedZip),
        };
        if contents.len() != entry.size {
            return Err(ImportError::BadZip);
        }
        Ok(Some(contents))
    }
}

/// The offset of the end of central directory record: searched backwards
/// from the end, since an archive comment (up to 64 KB) may follow it.
fn find_end_record(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(END_RECORD_LEN)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    (first..=last)
        .rev()
        .find(|&at| u32_at(bytes, at) == Some(END_OF_DIRECTORY))
}
