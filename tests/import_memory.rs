#![cfg(not(target_arch = "wasm32"))]
//! Issue 13, item 1: what a .docx costs in memory. A counting allocator
//! (this test binary's own) records the peak while hostile files are
//! opened: the text is bounded as it is built, so a 1.5 KB file of
//! automatic numbers cannot ask for gigabytes, and no .docx of 20 MB or
//! less takes more than 200 MB at its peak.

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use gangmu::import::{docx_text, ImportError, MAX_TEXT_BYTES};
use support::docx::{document_xml, docx, zip, Entry};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        PEAK.fetch_max(now, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let grown = new_size - layout.size();
            let now = CURRENT.fetch_add(grown, Ordering::SeqCst) + grown;
            // While moving, the old and the new block both exist.
            PEAK.fetch_max(now + layout.size(), Ordering::SeqCst);
        } else {
            CURRENT.fetch_sub(layout.size() - new_size, Ordering::SeqCst);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The tests share the counters: one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

const MB: usize = 1024 * 1024;

/// Bytes allocated at the peak of `docx_text(file)`, above what was
/// allocated before, with its result.
fn peak_of(file: &[u8]) -> (usize, Result<usize, ImportError>) {
    let base = CURRENT.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    let result = docx_text(file).map(|text| text.len());
    (PEAK.load(Ordering::SeqCst) - base, result)
}

/// The file of the issue: one `lvlText` of 50 000 × `%1`, `lowerLetter`
/// from 4294967295, 2 000 numbered paragraphs.
fn numbering_bomb() -> Vec<u8> {
    let pattern = "%1".repeat(50_000);
    let numbering = format!(
        r#"<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4294967295"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{pattern}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let body = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#
        .repeat(2_000);
    docx(&body, None, Some(&numbering))
}

#[test]
fn issue_13_numbering_bomb_is_bounded() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let file = numbering_bomb();
    assert!(file.len() < 4 * 1024, "{} bytes", file.len());
    let (peak, result) = peak_of(&file);
    assert!(peak < 200 * MB, "peak {} MB", peak / MB);
    match result {
        Ok(len) => assert!(len <= MAX_TEXT_BYTES, "{len}"),
        Err(err) => assert_eq!(err, ImportError::TooLarge),
    }
}

/// Text past 20 MB made of many short paragraphs is refused as it grows.
#[test]
fn issue_13_text_past_the_limit_is_too_large() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // Numbers of 256 bytes (the most rendered) before 100 000 short
    // paragraphs: 26 MB of text from 10 MB of XML.
    let numbering = format!(
        r#"<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
        "%1.".repeat(200)
    );
    let body = r#"<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>一二</w:t></w:r></w:p>"#
        .repeat(100_000);
    let file = docx(&body, None, Some(&numbering));
    let (peak, result) = peak_of(&file);
    assert_eq!(result, Err(ImportError::TooLarge));
    assert!(peak < 200 * MB, "peak {} MB", peak / MB);
}

/// The largest parts allowed, each inflated from a few hundred KB: the
/// peak stays under 200 MB.
#[test]
fn issue_13_largest_parts_peak_under_200_mb() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    // 31 bytes of text in 110 of XML: some 18 MB of text.
    let paragraph = r#"<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>一二三四五六七八九十</w:t></w:r></w:p>"#;
    let body = paragraph.repeat((63 * MB) / paragraph.len() - 10);
    let document = document_xml(&body);
    let filler = format!("<w:styles>{}</w:styles>", " ".repeat(15 * MB));
    let numbering = format!("<w:numbering>{}</w:numbering>", " ".repeat(15 * MB));
    let file = zip(&[
        Entry {
            name: "word/document.xml",
            data: document.as_bytes(),
            deflate: true,
        },
        Entry {
            name: "word/styles.xml",
            data: filler.as_bytes(),
            deflate: true,
        },
        Entry {
            name: "word/numbering.xml",
            data: numbering.as_bytes(),
            deflate: true,
        },
    ]);
    drop((body, document, filler, numbering));
    assert!(file.len() <= 20 * MB, "{} bytes", file.len());
    let (peak, result) = peak_of(&file);
    assert!(result.is_ok(), "{result:?}");
    assert!(peak < 200 * MB, "peak {} MB", peak / MB);
}
