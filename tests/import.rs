#![cfg(not(target_arch = "wasm32"))]
//! Opening files (`gangmu::import`): encodings detected on the corpus
//! written out in each of them, and .docx files built here in memory —
//! styles, automatic numbering, tracked changes, damaged archives.

mod support;

use gangmu::import::{
    decode_gb18030, decode_text, docx_text, open, open_native, Decoded, ImportError,
};
use gangmu::NodeKind;
use proptest::prelude::*;
use support::docx::{docx, paragraph, zip, Entry};

fn utf16(text: &str, little: bool, mark: bool) -> Vec<u8> {
    let units = mark.then_some('\u{FEFF}').into_iter().chain(text.chars());
    let mut buffer = [0u16; 2];
    units
        .flat_map(|c| c.encode_utf16(&mut buffer).to_vec())
        .flat_map(|unit| {
            if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            }
        })
        .collect()
}

fn text(decoded: Result<Decoded, ImportError>) -> String {
    match decoded {
        Ok(Decoded::Text(text)) => text,
        other => panic!("expected a text, got {other:?}"),
    }
}

#[test]
fn every_corpus_document_in_every_encoding() {
    for name in support::corpus_names() {
        let original = support::corpus_text(&name);
        assert_eq!(
            text(decode_text(original.as_bytes())),
            original,
            "{name} UTF-8"
        );
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), original.as_bytes()].concat();
        assert_eq!(text(decode_text(&with_bom)), original, "{name} UTF-8 BOM");
        for little in [true, false] {
            for mark in [true, false] {
                let bytes = utf16(&original, little, mark);
                assert_eq!(
                    text(decode_text(&bytes)),
                    original,
                    "{name} UTF-16 little={little} mark={mark}"
                );
            }
        }
        let (gb18030, _, unmappable) = encoding_rs::GB18030.encode(&original);
        assert!(!unmappable);
        assert_eq!(
            decode_text(&gb18030),
            Ok(Decoded::NeedsDecoder { label: "gb18030" }),
            "{name} GB18030"
        );
        assert_eq!(
            decode_gb18030(&gb18030).as_deref(),
            Ok(original.as_str()),
            "{name}"
        );
        assert_eq!(
            open_native(&gb18030).as_deref(),
            Ok(original.as_str()),
            "{name}"
        );
    }
}

/// GBK, as Windows Notepad in a Chinese locale saves: detected as needing
/// the GB18030 decoder (a superset), and decoded natively. (GBK has no
/// no-break space, which the sample holds.)
#[test]
fn gbk_sample_speech() {
    let sample = gangmu::SAMPLE_SPEECH.replace('\u{A0}', " ");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&sample);
    assert!(!unmappable);
    assert_eq!(
        decode_text(&gbk),
        Ok(Decoded::NeedsDecoder { label: "gb18030" })
    );
    let decoded = open_native(&gbk).expect("GBK decodes");
    assert_eq!(decoded, sample);
    let doc = gangmu::parse(&decoded);
    assert_eq!(doc.count(NodeKind::Part), 3);
}

#[test]
fn short_and_odd_texts() {
    assert_eq!(text(decode_text(b"")), "");
    assert_eq!(text(decode_text(b"\xEF\xBB\xBF")), "");
    assert_eq!(text(decode_text(b"\xFF\xFE")), "");
    // A lone surrogate and an odd last byte in UTF-16 become U+FFFD.
    assert_eq!(
        text(decode_text(b"\xFF\xFE\x00\xD8A\x00\x00")),
        "\u{FFFD}A\u{FFFD}"
    );
    // A stray NUL in UTF-8 is not UTF-16.
    assert_eq!(
        text(decode_text("一、总体要求\u{0}\n".as_bytes())),
        "一、总体要求\u{0}\n"
    );
    // ASCII-only UTF-16 without a mark.
    assert_eq!(
        text(decode_text(&utf16("1. Plan\n2. Do\n", true, false))),
        "1. Plan\n2. Do\n"
    );
}

#[test]
fn not_text() {
    assert_eq!(decode_text(b"%PDF-1.7\n%\xE2\xE3"), Err(ImportError::Pdf));
    assert_eq!(
        decode_text(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"),
        Err(ImportError::LegacyDoc)
    );
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert_eq!(decode_text(&binary), Err(ImportError::NotText));
    // 0xFF is never valid in GB18030.
    assert_eq!(
        open_native(b"abc \xFF\xFF def"),
        Err(ImportError::UnknownEncoding)
    );
}

#[test]
fn messages() {
    for (at, error) in ImportError::ALL.into_iter().enumerate() {
        // ALL lists every variant once: this match has no wildcard, so a
        // new variant does not compile until it has a place here and there.
        let place = match error {
            ImportError::NotText => 0,
            ImportError::UnknownEncoding => 1,
            ImportError::Pdf => 2,
            ImportError::LegacyDoc => 3,
            ImportError::NotDocx => 4,
            ImportError::BadZip => 5,
            ImportError::UnsupportedZip => 6,
            ImportError::Encrypted => 7,
            ImportError::TooLarge => 8,
        };
        assert_eq!(place, at, "{error:?}");
        assert!(error
            .message()
            .chars()
            .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)));
        assert!(error.to_string().is_ascii());
        // The page knows the lazily loaded reader's errors by message.
        assert_eq!(ImportError::from_message(error.message()), Some(error));
    }
    assert_eq!(ImportError::from_message("别的话"), None);
}

proptest! {
    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = decode_text(&bytes);
        let _ = open_native(&bytes);
        let _ = docx_text(&bytes);
    }

    /// Valid UTF-8 without NULs always comes back unchanged (but for a
    /// leading byte order mark, which is dropped).
    #[test]
    fn utf8_is_kept(text in "[^\u{0}]{0,200}") {
        prop_assume!(!text.starts_with('\u{FEFF}'));
        prop_assert_eq!(decode_text(text.as_bytes()), Ok(Decoded::Text(text.clone())));
    }
}

// ---------------------------------------------------------------- .docx

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
  <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
    <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>
    <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="标题 3"/></w:style>
  <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>
</w:styles>"#;

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/><w:pPr><w:ind w:left="0"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"#;

fn style(id: &str) -> String {
    format!(r#"<w:pStyle w:val="{id}"/>"#)
}

fn list(num: u32, level: u32) -> String {
    format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>"#)
}

/// A speech as Word keeps it: title, salutation, headings numbered
/// automatically through their styles, a numbered list, a bullet.
fn speech_docx() -> Vec<u8> {
    let body = [
        paragraph(&style("Title"), "在全市工作会议上的讲话"),
        paragraph("", "同志们："),
        paragraph("", "今天召开会议，主要任务是部署工作。"),
        paragraph(&style("1"), "提高认识"),
        paragraph("", "必须看到，任务十分艰巨。"),
        paragraph(&style("2"), "加强学习"),
        paragraph("", "一要读原著。二要悟原理。"),
        paragraph(&style("2"), "狠抓落实"),
        paragraph(&list(2, 0), "明确责任。"),
        paragraph(&list(2, 0), "加强督查。"),
        paragraph(&list(3, 0), "一条要点。"),
        paragraph(&style("1"), "抓好&amp;落实"),
        paragraph("", "同志们，让我们共同努力！"),
    ]
    .concat();
    docx(&body, Some(STYLES), Some(NUMBERING))
}

#[test]
fn docx_headings_and_numbers_become_text_the_parser_reads() {
    let text = docx_text(&speech_docx()).expect("reads");
    assert_eq!(
        text,
        "在全市工作会议上的讲话\n同志们：\n今天召开会议，主要任务是部署工作。\n\
         # 一、提高认识\n必须看到，任务十分艰巨。\n## （一）加强学习\n一要读原著。二要悟原理。\n\
         ## （二）狠抓落实\n1. 明确责任。\n2. 加强督查。\n一条要点。\n# 二、抓好&落实\n\
         同志们，让我们共同努力！\n"
    );
    let doc = gangmu::parse(&text);
    assert_eq!(doc.title.as_deref(), Some("在全市工作会议上的讲话"));
    let parts: Vec<_> = doc
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Part)
        .map(|n| n.label.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(parts, ["一、", "二、"]);
    let sections: Vec<_> = doc.nodes[1..]
        .iter()
        .flat_map(|n| &n.children)
        .filter(|n| n.kind == NodeKind::Section)
        .map(|n| n.label.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(sections, ["（一）", "（二）"]);
}

#[test]
fn open_recognises_docx_by_content() {
    let bytes = speech_docx();
    let Ok(Decoded::Text(text)) = open(&bytes) else {
        panic!("a .docx opens as text");
    };
    assert!(text.starts_with("在全市工作会议上的讲话\n"));
}

/// Runs, tabs, breaks and entities; what Word shows and nothing else.
#[test]
fn docx_runs_and_what_is_not_shown() {
    let body = r#"
      <w:p><w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">总体 </w:t></w:r><w:r><w:t>要求</w:t></w:r></w:p>
      <w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:br w:type="page"/><w:t>丁</w:t></w:r></w:p>
      <w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1"><w:r><w:delText>删除</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>插入</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom></w:p>
      <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent><w:t>正文</w:t></w:r></w:p>
      <w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText> PAGE </w:instrText><w:fldChar w:fldCharType="end"/><w:t>&lt;&#x4E00;&#20108;&gt;</w:t></w:r></w:p>
      <w:p/>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
    "#;
    let text = docx_text(&docx(body, None, None)).expect("reads");
    assert_eq!(
        text,
        "一、总体 要求\n甲\t乙\n丙丁\n保留插入\n文本框\n正文\n<一二>\n\n单元格\n"
    );
}

/// Chinese Word names styles by number, WPS in Chinese; an outline level
/// set on the paragraph itself counts too.
#[test]
fn docx_heading_styles_without_numbering() {
    let styles = r#"<w:styles>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="标题 3"/></w:style>
    </w:styles>"#;
    let body = [
        paragraph(&style("Heading1"), "提高认识"),
        paragraph(&style("Heading3"), "细节"),
        paragraph(r#"<w:outlineLvl w:val="1"/>"#, "自定义大纲级别"),
        paragraph(r#"<w:outlineLvl w:val="9"/>"#, "正文级别"),
        paragraph(&style("Missing"), "未知样式"),
        paragraph(&[style("Heading1"), list(0, 0)].concat(), "取消编号"),
    ]
    .concat();
    let text = docx_text(&docx(&body, Some(styles), None)).expect("reads");
    assert_eq!(
        text,
        "# 提高认识\n### 细节\n## 自定义大纲级别\n正文级别\n未知样式\n# 取消编号\n"
    );
}

/// Lists that share a definition share counters; a start override makes
/// a list of its own.
#[test]
fn docx_list_counters() {
    let numbering = r#"<w:numbering>
      <w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"#;
    let body = [
        paragraph(&list(1, 0), "甲"),
        paragraph(&list(2, 0), "乙"),
        paragraph(&list(3, 0), "丙"),
        paragraph(&list(9, 0), "无此列表"),
    ]
    .concat();
    let text = docx_text(&docx(&body, None, Some(numbering))).expect("reads");
    assert_eq!(text, "①甲\n②乙\n①丙\n无此列表\n");
}

#[test]
fn docx_errors() {
    assert_eq!(docx_text(b"not a zip"), Err(ImportError::BadZip));
    assert_eq!(docx_text(&[]), Err(ImportError::BadZip));
    let no_document = zip(&[Entry {
        name: "a.txt",
        data: b"hello",
        deflate: false,
    }]);
    assert_eq!(docx_text(&no_document), Err(ImportError::NotDocx));
    assert_eq!(open(&no_document), Err(ImportError::NotDocx));

    let stored = zip(&[Entry {
        name: "word/document.xml",
        data: b"<w:p><w:t>x</w:t></w:p>",
        deflate: false,
    }]);
    assert_eq!(docx_text(&stored).as_deref(), Ok("x\n"));

    // General purpose flag bit 0 (encryption), at offset 6 of the local
    // header and 8 of the directory entry.
    let mut encrypted = stored.clone();
    let directory = find(&encrypted, b"PK\x01\x02");
    encrypted[6] |= 1;
    encrypted[directory + 8] |= 1;
    assert_eq!(docx_text(&encrypted), Err(ImportError::Encrypted));

    // Method 12 (bzip2).
    let mut bzip2 = stored.clone();
    bzip2[8] = 12;
    bzip2[directory + 10] = 12;
    assert_eq!(docx_text(&bzip2), Err(ImportError::UnsupportedZip));

    // An entry that says it inflates to 4 GB − 2.
    let mut huge = stored.clone();
    huge[directory + 24..directory + 28].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
    assert_eq!(docx_text(&huge), Err(ImportError::TooLarge));

    // ZIP64 markers.
    let mut zip64 = stored.clone();
    let end = find(&zip64, b"PK\x05\x06");
    zip64[end + 16..end + 20].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(docx_text(&zip64), Err(ImportError::UnsupportedZip));
}

/// A deflated part that inflates to more than it declares, or that is a
/// bomb past the 64 MB limit, is refused.
#[test]
fn docx_bomb() {
    let big = vec![b' '; 65 * 1024 * 1024];
    let bomb = zip(&[Entry {
        name: "word/document.xml",
        data: &big,
        deflate: true,
    }]);
    assert!(bomb.len() < 200 * 1024, "{}", bomb.len());
    assert_eq!(docx_text(&bomb), Err(ImportError::TooLarge));
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("present")
}

/// Cut short at every length, or with any one byte changed, a .docx gives
/// an error or some text — never a panic.
#[test]
fn damaged_docx_never_panics() {
    let bytes = speech_docx();
    for end in 0..bytes.len() {
        let _ = docx_text(&bytes[..end]);
    }
    for at in 0..bytes.len() {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x5A;
        let _ = docx_text(&damaged);
    }
}

/// With LibreOffice installed, a corpus text converted to .docx by it
/// reads back line for line. Without it the test says so and passes.
#[test]
fn libreoffice_docx_if_installed() {
    let Some(office) = ["soffice", "libreoffice"].into_iter().find(|program| {
        std::process::Command::new(program)
            .arg("--version")
            .output()
            .is_ok_and(|output| output.status.success())
    }) else {
        eprintln!("skipped: neither soffice nor libreoffice is installed");
        return;
    };
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("libreoffice");
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let name = "04_mao1944_serve-the-people_short";
    let source = support::corpus_dir().join(format!("{name}.txt"));
    let status = std::process::Command::new(office)
        .args([
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&source)
        .status()
        .expect("LibreOffice runs");
    assert!(status.success());
    let bytes = std::fs::read(dir.join(format!("{name}.docx"))).expect("the converted file");
    let text = docx_text(&bytes).expect("LibreOffice's .docx reads");
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    assert_eq!(lines(&text), lines(&support::corpus_text(name)));
}
