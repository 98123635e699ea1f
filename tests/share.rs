#![cfg(not(target_arch = "wasm32"))]
//! Share links (`gangmu::share`): every text comes back exactly, and a
//! damaged link is an error — never a panic, never a different text.

mod support;

use gangmu::share::{
    crc32, decode, encode, finish, fragment_of_zlib, meant_as_link, read_fragment, unpack, Packed,
    ShareError, SharedView, MAX_TEXT_BYTES,
};
use proptest::prelude::*;

#[test]
fn round_trip_every_corpus_document() {
    for name in support::corpus_names() {
        let text = support::corpus_text(&name);
        let fragment = encode(&text);
        assert!(fragment.starts_with("v2."), "{name}");
        assert_eq!(decode(&fragment).as_deref(), Ok(text.as_str()), "{name}");
    }
}

#[test]
fn empty_text() {
    let fragment = encode("");
    assert_eq!(decode(&fragment).as_deref(), Ok(""));
    assert!(fragment.len() < 24, "{fragment}");
}

/// The fragment may come with its `#`, inside a whole URL, or wrapped by
/// a mail program.
#[test]
fn accepted_spellings() {
    let text = "同志们：\n一、提高认识\n";
    let fragment = encode(text);
    let wrapped: String = fragment
        .as_bytes()
        .chunks(10)
        .map(|chunk| std::str::from_utf8(chunk).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n ");
    for spelling in [
        fragment.clone(),
        format!("#{fragment}"),
        format!("https://example.org/gangmu/?x=1#{fragment}"),
        format!("  #{fragment}\n"),
        wrapped,
    ] {
        assert_eq!(decode(&spelling).as_deref(), Ok(text), "{spelling}");
    }
}

#[test]
fn not_a_share_link() {
    for fragment in [
        "",
        "#",
        "#main",
        "v1",
        "#v.abc",
        "vx.abc",
        "https://example.org/",
    ] {
        assert_eq!(
            decode(fragment),
            Err(ShareError::NotShareLink),
            "{fragment:?}"
        );
    }
    assert_eq!(
        decode("#v3.abcd"),
        Err(ShareError::UnknownVersion("v3".to_string()))
    );
    assert_eq!(decode("v1."), Err(ShareError::Truncated));
    assert_eq!(decode("v2."), Err(ShareError::Truncated));
    assert_eq!(decode("v2.abc"), Err(ShareError::Truncated));
    assert_eq!(decode("v1.ab+c"), Err(ShareError::BadBase64 { offset: 2 }));
    assert_eq!(decode("v2.ab=cd"), Err(ShareError::BadBase64 { offset: 2 }));
}

/// Every error has a Chinese message for the page.
#[test]
fn messages_are_chinese() {
    let errors = [
        ShareError::NotShareLink,
        ShareError::UnknownVersion("v9".to_string()),
        ShareError::BadBase64 { offset: 4 },
        ShareError::Truncated,
        ShareError::Corrupt,
        ShareError::NotUtf8,
        ShareError::TooLarge,
    ];
    for error in errors {
        let message = error.message();
        assert!(
            message.contains("链接") || message.contains("文本"),
            "{message}"
        );
        assert!(!error.to_string().is_empty());
    }
    assert!(ShareError::BadBase64 { offset: 4 }
        .message()
        .contains("第 5 个字符"));
}

/// The link of the sample speech, cut after every byte: each shorter
/// link is an error (most say truncated), none a text.
#[test]
fn truncation_at_every_position() {
    let fragment = encode(gangmu::SAMPLE_SPEECH);
    let mut truncated = 0;
    for end in 0..fragment.len() {
        match decode(&fragment[..end]) {
            Ok(text) => panic!("cut at {end} decoded to {} bytes", text.len()),
            Err(ShareError::Truncated) => truncated += 1,
            Err(_) => {}
        }
    }
    // Issue 13, item 6: every cut after the version tag says 不完整
    // (some used to be reported as an invalid character).
    assert_eq!(truncated, fragment.len() - 3, "of {}", fragment.len());
}

/// Every single-bit change of a short document's link is caught, and a
/// spread of them over the sample speech's.
#[test]
fn bit_flips() {
    let short = support::corpus_text("03_xi2020-12-12_climate-ambition-summit_short");
    for (text, step) in [(short.as_str(), 1), (gangmu::SAMPLE_SPEECH, 97)] {
        let fragment = encode(text);
        for at in (3..fragment.len()).step_by(step) {
            for bit in 0..7 {
                let mut bytes = fragment.clone().into_bytes();
                bytes[at] ^= 1 << bit;
                let Ok(damaged) = String::from_utf8(bytes) else {
                    continue;
                };
                if let Ok(decoded) = decode(&damaged) {
                    assert_eq!(decoded, text, "flip of bit {bit} at {at} gave another text");
                }
            }
        }
    }
}

/// A link that inflates past the limit is refused; a highly compressible
/// text just under it comes back.
#[test]
fn zip_bomb_is_refused() {
    let bomb = "一".repeat(MAX_TEXT_BYTES / 3 + 1);
    let fragment = encode(&bomb);
    assert!(fragment.len() < 64 * 1024, "{}", fragment.len());
    assert_eq!(decode(&fragment), Err(ShareError::TooLarge));
    let under = "一".repeat(MAX_TEXT_BYTES / 3);
    assert_eq!(decode(&encode(&under)).map(|t| t.len()), Ok(under.len()));
}

#[test]
fn inflated_bytes_must_be_utf8() {
    // A valid zlib stream of the bytes FF FE, built with the same
    // compressor the links use.
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&[0xff, 0xfe], 9);
    let payload = base64url(&compressed);
    assert_eq!(decode(&format!("v1.{payload}")), Err(ShareError::NotUtf8));
    let with_crc: Vec<u8> = crc32(&[0xff, 0xfe])
        .to_be_bytes()
        .into_iter()
        .chain(compressed)
        .collect();
    assert_eq!(
        decode(&format!("v2.{}", base64url(&with_crc))),
        Err(ShareError::NotUtf8)
    );
}

fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = String::new();
    for byte in bytes {
        bits = bits << 8 | u32::from(*byte);
        count += 8;
        while count >= 6 {
            count -= 6;
            out.push(char::from(ALPHABET[(bits >> count & 0x3f) as usize]));
        }
    }
    if count > 0 {
        out.push(char::from(ALPHABET[(bits << (6 - count) & 0x3f) as usize]));
    }
    out
}

/// The measurements quoted in `docs/FORMAT.md` and the module docs; run
/// with `--nocapture` to see them.
#[test]
fn sample_speech_link_length() {
    let text = gangmu::SAMPLE_SPEECH;
    let fragment = encode(text);
    println!(
        "sample speech: {} bytes UTF-8, {} chars; fragment {} chars ({:.0}% of the UTF-8)",
        text.len(),
        text.chars().count(),
        fragment.len(),
        100.0 * fragment.len() as f64 / text.len() as f64
    );
    // Chinese prose compresses to well under the UTF-8 size.
    assert!(fragment.len() < text.len() * 3 / 4, "{}", fragment.len());
    for name in support::corpus_names() {
        let text = support::corpus_text(&name);
        println!(
            "{name}: {} bytes → {} chars",
            text.len(),
            encode(&text).len()
        );
    }
}

#[test]
fn any_zlib_stream_makes_a_link() {
    let text = gangmu::SAMPLE_SPEECH;
    // Other compression levels stand in for other compressors (a browser's).
    for level in [0, 1, 6] {
        let zlib = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), level);
        assert_eq!(
            decode(&fragment_of_zlib(&zlib, text)).as_deref(),
            Ok(text),
            "level {level}"
        );
    }
    let zlib = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 9);
    assert_eq!(fragment_of_zlib(&zlib, text), encode(text));
}

#[test]
fn fragments_that_are_not_meant_as_links_are_nothing() {
    for fragment in ["", "#", "#top", "section-2", "#video", " "] {
        assert_eq!(read_fragment(fragment), None, "{fragment:?}");
    }
    let fragment = encode("一、提高认识");
    assert_eq!(
        read_fragment(&format!("#{fragment}")),
        Some(Ok("一、提高认识".to_string()))
    );
    assert_eq!(read_fragment("#v1"), Some(Err(ShareError::NotShareLink)));
    let cut = &fragment[..fragment.len() - 6];
    assert!(matches!(read_fragment(cut), Some(Err(_))));
}

/// The web app inflates with the browser: `unpack` gives it the CRC-32
/// and the zlib stream, `finish` checks what the browser inflated.
#[test]
fn unpack_and_finish_are_decode_without_the_inflater() {
    let text = "同志们：\n一、提高认识\n";
    let zlib = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 9);
    let fragment = fragment_of_zlib(&zlib, text);
    let packed = unpack(&format!("https://example.org/gangmu/#{fragment}）")).unwrap();
    assert_eq!(
        packed,
        Packed {
            crc: Some(crc32(text.as_bytes())),
            zlib: zlib.clone(),
        }
    );
    assert_eq!(
        finish(packed.crc, text.as_bytes().to_vec()).as_deref(),
        Ok(text)
    );
    // A v1 link: no CRC-32.
    let v1 = format!("v1.{}", base64url(&zlib));
    assert_eq!(unpack(&v1), Ok(Packed { crc: None, zlib }));
    assert_eq!(finish(None, text.as_bytes().to_vec()).as_deref(), Ok(text));

    // What unpack refuses before any inflating.
    assert_eq!(unpack("v2.abc"), Err(ShareError::Truncated));
    assert_eq!(unpack("v2.ab=cd"), Err(ShareError::BadBase64 { offset: 2 }));
    assert_eq!(
        unpack("v3.abcd"),
        Err(ShareError::UnknownVersion("v3".to_string()))
    );
    assert_eq!(unpack("#top"), Err(ShareError::NotShareLink));
    assert_eq!(unpack("v2.").err(), Some(ShareError::Truncated));

    // What finish refuses: another text, bytes that are not UTF-8, too much.
    let crc = Some(crc32(text.as_bytes()));
    let other = text.replace('提', "抓");
    assert_eq!(finish(crc, other.into_bytes()), Err(ShareError::Corrupt));
    assert_eq!(finish(None, vec![0xff, 0xfe]), Err(ShareError::NotUtf8));
    assert_eq!(
        finish(None, vec![b'a'; MAX_TEXT_BYTES + 1]),
        Err(ShareError::TooLarge)
    );
    assert_eq!(
        finish(None, vec![b'a'; MAX_TEXT_BYTES]).map(|t| t.len()),
        Ok(MAX_TEXT_BYTES)
    );
}

#[test]
fn meant_as_link_gives_the_fragment_for_unpack() {
    assert_eq!(meant_as_link("#v2.abcd "), Some("v2.abcd"));
    assert_eq!(meant_as_link("v1"), Some("v1"));
    for fragment in ["", "#", "#top", "#video", "#v", " "] {
        assert_eq!(meant_as_link(fragment), None, "{fragment:?}");
    }
}

proptest! {
    #[test]
    fn round_trip_any_string(text in any::<String>()) {
        prop_assert_eq!(decode(&encode(&text)), Ok(text));
    }

    #[test]
    fn round_trip_chinese_like(text in "[一二三、，。“”‘’（）\n同志们要把工作抓好a-z0-9 ]{0,400}") {
        prop_assert_eq!(decode(&encode(&text)), Ok(text));
    }

    /// Any string at all decodes to an error or a text, never a panic.
    #[test]
    fn arbitrary_fragments_do_not_panic(fragment in "(#?v1\\.)?[A-Za-z0-9_\\-=+/ ]{0,200}") {
        let _ = decode(&fragment);
    }
}

/// The CRC-32 is the standard one: the check value of "123456789", and
/// the bit-by-bit CRC of the test's ZIP writer on the corpus.
#[test]
fn crc32_is_ieee() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
    for name in support::corpus_names().into_iter().take(5) {
        let text = support::corpus_text(&name);
        assert_eq!(
            crc32(text.as_bytes()),
            support::docx::crc32(text.as_bytes())
        );
    }
}

/// `v1` links, made before the CRC-32, still open.
#[test]
fn version_1_links_still_open() {
    let text = "同志们：\n一、提高认识\n";
    let zlib = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 9);
    let v1 = format!("v1.{}", base64url(&zlib));
    assert_eq!(decode(&v1).as_deref(), Ok(text));
    assert_eq!(read_fragment(&format!("#{v1}")), Some(Ok(text.to_string())));
}

/// Issue 13, item 6: a link followed in a chat message by `）` `。` and
/// the like (or their percent escapes) opens; an invalid letter inside
/// it is still refused.
#[test]
fn issue_13_punctuation_after_a_link_is_dropped() {
    let text = "一、提高认识\n";
    let fragment = encode(text);
    for after in [
        "）",
        "。",
        "）。",
        ")",
        ".",
        "，",
        "!",
        "”",
        "%EF%BC%89",
        "%E3%80%82",
    ] {
        let link = format!("https://example.org/gangmu/#{fragment}{after}");
        assert_eq!(decode(&link).as_deref(), Ok(text), "{after}");
        assert_eq!(
            read_fragment(&format!("#{fragment}{after}")),
            Some(Ok(text.to_string())),
            "{after}"
        );
    }
    let (head, tail) = fragment.split_at(10);
    assert_eq!(
        decode(&format!("{head}）{tail}")),
        Err(ShareError::BadBase64 { offset: 7 })
    );
}

/// Issue 13, item 6: one-letter substitutions in links never decode to a
/// different text. Every position of each link, every other letter: a
/// deterministic sweep over openings of the corpus documents, 10⁶
/// substitutions with `GANGMU_SHARE_SWEEP=full`, some 10⁵ otherwise.
/// With `v1` (Adler-32 alone) such a sweep finds texts changed in one
/// character.
#[test]
fn issue_13_one_letter_substitutions_never_give_another_text() {
    const LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let wanted: usize = if std::env::var("GANGMU_SHARE_SWEEP").as_deref() == Ok("full") {
        1_000_000
    } else {
        100_000
    };
    let mut texts = Vec::new();
    for name in support::corpus_names() {
        let text = support::corpus_text(&name);
        // Openings of 60, 120 and 240 chars: short links, where Adler-32
        // is weakest.
        for chars in [60, 120, 240] {
            texts.push(text.chars().take(chars).collect::<String>());
        }
    }
    texts.push("推动专精特新中小企业高质量发展".to_string());
    let mut trials = 0;
    'texts: for text in texts.iter().cycle() {
        let fragment = encode(text).into_bytes();
        for at in 3..fragment.len() {
            for &letter in LETTERS {
                if letter == fragment[at] {
                    continue;
                }
                let mut changed = fragment.clone();
                changed[at] = letter;
                let changed = String::from_utf8(changed).expect("ASCII");
                if let Ok(decoded) = decode(&changed) {
                    assert_eq!(
                        &decoded, text,
                        "letter {} at {at} of {changed}",
                        letter as char
                    );
                }
                trials += 1;
            }
        }
        if trials >= wanted {
            break 'texts;
        }
    }
    println!("{trials} one-letter substitutions, none gave another text");
}

// Issue 14 item 6: a link carries the view after its text.

fn a_view() -> SharedView {
    SharedView {
        outline: 0xDEAD_BEEF,
        folded: vec![0, 3, 4, 200, 70_000],
        selected: Some(4),
        query: "潜规则".to_string(),
        headings_only: false,
        paragraphs: true,
        key_sentences: true,
    }
}

#[test]
fn issue_14_the_view_comes_back_and_leaves_the_text_alone() {
    let text = "一、提高认识\n二、抓好落实\n";
    let view = a_view();
    let fragment = format!("{}{}", encode(text), view.suffix());
    assert_eq!(SharedView::of_link(&fragment), Some(view.clone()));
    assert_eq!(decode(&fragment).as_deref(), Ok(text));
    let packed = unpack(&fragment).unwrap();
    assert_eq!(unpack(&encode(text)), Ok(packed));
    // In a whole URL, with punctuation after it, percent-escaped or not.
    for after in ["", "）", "。", ".", "%EF%BC%89"] {
        let link = format!("https://example.org/gangmu/#{fragment}{after}");
        assert_eq!(SharedView::of_link(&link), Some(view.clone()), "{after}");
        assert_eq!(decode(&link).as_deref(), Ok(text), "{after}");
    }
    // A link without a view has none; the default view is small.
    assert_eq!(SharedView::of_link(&encode(text)), None);
    assert!(SharedView::default().suffix().len() < 20);
}

/// A link cut inside its view, or with a letter of it changed, still
/// opens the whole text; the view is dropped, never read wrong.
#[test]
fn issue_14_a_damaged_view_is_dropped_not_misread() {
    let text = "一、提高认识\n";
    let view = a_view();
    let fragment = format!("{}{}", encode(text), view.suffix());
    let start = fragment.rfind('.').unwrap() + 1;
    for end in start..fragment.len() {
        let cut = &fragment[..end];
        assert_eq!(SharedView::of_link(cut), None, "cut at {end}");
        assert_eq!(decode(cut).as_deref(), Ok(text), "cut at {end}");
    }
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for at in start..fragment.len() {
        for &letter in letters {
            let mut changed = fragment.clone().into_bytes();
            if changed[at] == letter {
                continue;
            }
            changed[at] = letter;
            let changed = String::from_utf8(changed).unwrap();
            let read = SharedView::of_link(&changed);
            assert!(read.is_none() || read == Some(view.clone()), "{changed}");
        }
    }
}

proptest! {
    #[test]
    fn issue_14_any_view_round_trips(
        outline: u32,
        mut folded in proptest::collection::vec(0u32..u32::MAX, 0..40),
        selected: Option<u32>,
        query in "\\PC{0,12}",
        flags in 0u8..8,
    ) {
        folded.sort_unstable();
        folded.dedup();
        let view = SharedView {
            outline,
            folded,
            selected: selected.filter(|&at| at < u32::MAX),
            query,
            headings_only: flags & 1 != 0,
            paragraphs: flags & 2 != 0,
            key_sentences: flags & 4 != 0,
        };
        let fragment = format!("{}{}", encode("一、"), view.suffix());
        prop_assert_eq!(SharedView::of_link(&fragment), Some(view));
    }

    /// Whatever follows a link's payload, reading its view never panics.
    #[test]
    fn issue_14_reading_any_view_never_panics(tail in "\\PC{0,60}") {
        let _ = SharedView::of_link(&format!("{}.{tail}", encode("一、")));
    }
}
