//! Builds small .docx files in memory for the import tests: a minimal ZIP
//! writer (stored or deflated entries, real CRC-32s, so `unzip -t` and
//! Word accept them) and the parts of a WordprocessingML package.

/// One file of an archive.
pub struct Entry<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
    pub deflate: bool,
}

/// CRC-32 (IEEE 802.3, reflected), bit by bit: slow and obviously right.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                crc >> 1 ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A ZIP archive of `entries`, in order, without comment.
pub fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for entry in entries {
        let (method, stored): (u16, Vec<u8>) = if entry.deflate {
            (8, miniz_oxide::deflate::compress_to_vec(entry.data, 6))
        } else {
            (0, entry.data.to_vec())
        };
        let offset = out.len() as u32;
        let crc = crc32(entry.data);
        let name = entry.name.as_bytes();
        // Fields shared by the local header (from offset 4) and the
        // directory entry (from offset 6): version needed, flags, method,
        // time, date, CRC, sizes, name length, extra length.
        let mut common = Vec::new();
        common.extend(20u16.to_le_bytes());
        common.extend(0u16.to_le_bytes());
        common.extend(method.to_le_bytes());
        common.extend([0, 0, 0x21, 0]); // 1980-01-01 00:00
        common.extend(crc.to_le_bytes());
        common.extend((stored.len() as u32).to_le_bytes());
        common.extend((entry.data.len() as u32).to_le_bytes());
        common.extend((name.len() as u16).to_le_bytes());
        common.extend(0u16.to_le_bytes());

        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(&common);
        out.extend(name);
        out.extend(&stored);

        directory.extend(0x0201_4b50u32.to_le_bytes());
        directory.extend(20u16.to_le_bytes()); // version made by
        directory.extend(&common);
        directory.extend([0; 6]); // comment length, disk, internal attributes
        directory.extend(0u32.to_le_bytes()); // external attributes
        directory.extend(offset.to_le_bytes());
        directory.extend(name);
    }
    let directory_offset = out.len() as u32;
    out.extend(&directory);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((directory.len() as u32).to_le_bytes());
    out.extend(directory_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// `word/document.xml` around a body's paragraphs.
pub fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// A .docx of a body and, optionally, styles and numbering parts (their
/// whole XML), every part deflated as Word does.
pub fn docx(body: &str, styles: Option<&str>, numbering: Option<&str>) -> Vec<u8> {
    let document = document_xml(body);
    let mut entries = vec![
        Entry {
            name: "[Content_Types].xml",
            data: CONTENT_TYPES.as_bytes(),
            deflate: true,
        },
        Entry {
            name: "_rels/.rels",
            data: RELS.as_bytes(),
            deflate: true,
        },
        Entry {
            name: "word/document.xml",
            data: document.as_bytes(),
            deflate: true,
        },
    ];
    if let Some(styles) = styles {
        entries.push(Entry {
            name: "word/styles.xml",
            data: styles.as_bytes(),
            deflate: true,
        });
    }
    if let Some(numbering) = numbering {
        entries.push(Entry {
            name: "word/numbering.xml",
            data: numbering.as_bytes(),
            deflate: true,
        });
    }
    zip(&entries)
}

/// A paragraph: `<w:p>` with optional properties XML and runs of text.
pub fn paragraph(properties: &str, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
    )
}
