//! A minimal ZIP writer, enough for a .docx: every entry STORED (method
//! 0, no compression), with its CRC-32, each local header followed by its
//! data, then the central directory and the end record (PKWARE APPNOTE
//! 6.3, §4.3). Every entry is dated 1980-01-01 00:00, the earliest date
//! ZIP can say, so the same entries always give the same bytes.
//!
//! No ZIP64: an entry, or the archive, of 4 GiB or more does not fit the
//! 32-bit fields, and its sizes are written as `0xFFFF_FFFF` (a reader
//! takes that to mean ZIP64 and refuses the file rather than misreading
//! it). An export of a text that large is not made in practice.

use crate::share::crc32;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const END_OF_DIRECTORY: u32 = 0x0605_4b50;

/// Version needed to extract a stored entry: 1.0.
const VERSION: u16 = 10;

/// MS-DOS date of 1980-01-01: (year − 1980) << 9 | month << 5 | day.
const DOS_DATE: u16 = 1 << 5 | 1;

/// A 32-bit field, or `u32::MAX` (ZIP64's mark) when it does not fit.
fn field(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The archive of `entries` (name, contents), in the order given.
pub fn stored(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let size: usize = entries
        .iter()
        .map(|(name, data)| 30 + 46 + 2 * name.len() + data.len())
        .sum();
    let mut out = Vec::with_capacity(size + 22);
    let mut directory = Vec::new();
    for (name, data) in entries {
        let offset = out.len();
        let crc = crc32(data);
        // The fields common to the local header and the directory entry,
        // from the version needed to the name's length.
        let mut common = Vec::with_capacity(26);
        common.extend_from_slice(&VERSION.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes()); // flags
        common.extend_from_slice(&0u16.to_le_bytes()); // method: stored
        common.extend_from_slice(&0u16.to_le_bytes()); // time 00:00
        common.extend_from_slice(&DOS_DATE.to_le_bytes());
        common.extend_from_slice(&crc.to_le_bytes());
        common.extend_from_slice(&field(data.len()).to_le_bytes()); // compressed
        common.extend_from_slice(&field(data.len()).to_le_bytes()); // size
        common.extend_from_slice(&(name.len().min(0xFFFF) as u16).to_le_bytes());

        out.extend_from_slice(&LOCAL_HEADER.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(&0u16.to_le_bytes()); // extra length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        directory.extend_from_slice(&DIRECTORY_ENTRY.to_le_bytes());
        directory.extend_from_slice(&VERSION.to_le_bytes()); // made by: MS-DOS
        directory.extend_from_slice(&common);
        directory.extend_from_slice(&0u16.to_le_bytes()); // extra length
        directory.extend_from_slice(&0u16.to_le_bytes()); // comment length
        directory.extend_from_slice(&0u16.to_le_bytes()); // disk number
        directory.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        directory.extend_from_slice(&field(offset).to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = out.len();
    out.extend_from_slice(&directory);
    let count = (entries.len().min(0xFFFF) as u16).to_le_bytes();
    out.extend_from_slice(&END_OF_DIRECTORY.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // this disk
    out.extend_from_slice(&0u16.to_le_bytes()); // the directory's disk
    out.extend_from_slice(&count); // entries on this disk
    out.extend_from_slice(&count); // entries in all
    out.extend_from_slice(&field(directory.len()).to_le_bytes());
    out.extend_from_slice(&field(directory_offset).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::zip::Archive;

    #[test]
    fn reads_back_with_our_reader() {
        let zip = stored(&[("a.txt", b"hello"), ("dir/b.xml", "<中/>".as_bytes())]);
        let archive = Archive::open(&zip).expect("a valid archive");
        assert_eq!(
            archive.read("a.txt", 100).unwrap().as_deref(),
            Some(&b"hello"[..])
        );
        assert_eq!(
            archive.read("dir/b.xml", 100).unwrap().as_deref(),
            Some("<中/>".as_bytes())
        );
        assert_eq!(archive.read("c", 100).unwrap(), None);
        // Stored, dated 1980-01-01, with the right CRC.
        assert_eq!(&zip[8..10], &[0, 0]);
        assert_eq!(&zip[10..14], &[0, 0, 0x21, 0]);
        assert_eq!(&zip[14..18], &crc32(b"hello").to_le_bytes());
    }

    #[test]
    fn an_empty_archive_is_its_end_record() {
        let zip = stored(&[]);
        assert_eq!(zip.len(), 22);
        assert!(Archive::open(&zip).is_ok());
    }
}
