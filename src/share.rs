//! Share links: the whole text, compressed, in the URL fragment.
//!
//! A link is the app's address with a fragment `#v2.<payload>`, where the
//! payload is, in base64url without padding (RFC 4648 §5), the CRC-32 of
//! the text as UTF-8 (4 bytes, big-endian) followed by the text
//! compressed as a zlib stream (RFC 1950: DEFLATE with a 2-byte header and
//! an Adler-32 checksum). The fragment never reaches a server, so the
//! text stays on the reader's machine.
//!
//! Why the CRC-32: zlib's Adler-32 is weak on short texts. Of some
//! 280 000 one-letter substitutions in real `v1` links (zlib alone), 2
//! inflated to a text of the same length with one character changed and
//! the same Adler-32 (精 E7 B2 BE and 主 E4 B8 BB have equal byte sums:
//! 专精特新 → 专主特新). A CRC-32 catches every change of up to 32
//! consecutive bits and, beyond, all but one in 2³²; `tests/share.rs`
//! sweeps 10⁶ substitutions. `v1` links (no CRC) are still read.
//!
//! A link cut short fails to inflate ([`ShareError::Truncated`], 不完整);
//! a changed letter fails a checksum ([`ShareError::Corrupt`]). A link
//! pasted into a chat message runs into what follows it (`…#v2.abc）`,
//! `…abc。`): trailing characters that cannot be part of a link are
//! dropped.
//!
//! A link may also carry what its sender saw: after the payload, `.` and
//! a [`SharedView`] (the folds, the selected row, the search and the
//! toggles), in base64url with a CRC-32 of its own. The text never
//! depends on it: a link cut inside the view, or a view this build cannot
//! read, still opens the whole text, as the reader's own view would show
//! it.
//!
//! Sizes: the sample speech (`SAMPLE_SPEECH`, 24 204 bytes of UTF-8,
//! 8 132 chars) gives a fragment of about 14 450 characters, 60% of its
//! UTF-8 size; the 170 KB five-year plan of the corpus about 76 650. The
//! test `sample_speech_link_length` prints these figures.
//!
//! ```
//! let fragment = gangmu::share::encode("同志们：\n一、提高认识\n");
//! assert!(fragment.starts_with("v2."));
//! let url = format!("https://example.org/gangmu/#{fragment}");
//! assert_eq!(gangmu::share::decode(&url).as_deref(), Ok("同志们：\n一、提高认识\n"));
//! ```

use std::fmt;

use miniz_oxide::inflate::TINFLStatus;

/// The version tag this code writes: the CRC-32 and the zlib stream.
pub const VERSION: &str = "v2";

/// The first version, still read: the zlib stream alone.
const VERSION_1: &str = "v1";

/// Largest text a link may inflate to, in bytes. A bigger one is refused
/// before it is fully inflated (a "zip bomb" link cannot exhaust memory).
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// DEFLATE effort: 9 is miniz's best standard level; its "uber" level 10
/// saves under 1% on Chinese text for much more time.
const LEVEL: u8 = 9;

/// Why a fragment could not be turned back into a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is empty or does not start with a version tag (`v2.`).
    NotShareLink,
    /// A version tag this build does not read (e.g. `v3` from a newer app).
    UnknownVersion(String),
    /// A character outside base64url at this char offset of the payload.
    BadBase64 { offset: usize },
    /// The payload ends early: the link was cut when copied.
    Truncated,
    /// The payload is damaged: it does not inflate or fails its checksum.
    Corrupt,
    /// The inflated bytes are not UTF-8.
    NotUtf8,
    /// The text would be larger than [`MAX_TEXT_BYTES`].
    TooLarge,
    /// The browser cannot inflate (the web app uses its
    /// `DecompressionStream`: Chromium 80, Firefox 113, Safari 16.4).
    Unsupported,
}

impl ShareError {
    /// A message for users, in Chinese.
    pub fn message(&self) -> String {
        match self {
            ShareError::NotShareLink => "这不是纲目的分享链接。".to_string(),
            ShareError::UnknownVersion(version) => {
                format!("无法打开版本为 {version} 的分享链接，它可能来自更新版本的纲目。")
            }
            ShareError::BadBase64 { offset } => format!(
                "分享链接中有无效字符（第 {} 个字符），可能在复制时被改动。请重新复制完整的链接。",
                offset + 1
            ),
            ShareError::Truncated => {
                "分享链接不完整，可能在复制时被截断。请重新复制完整的链接。".to_string()
            }
            ShareError::Corrupt => {
                "分享链接已损坏，无法还原原文。请重新复制完整的链接。".to_string()
            }
            ShareError::NotUtf8 => "分享链接中的内容不是有效的文本。".to_string(),
            ShareError::TooLarge => format!(
                "分享的文本超过 {} MB，已拒绝打开。",
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
            ShareError::Unsupported => {
                "此浏览器无法打开分享链接，请使用较新版本的浏览器。".to_string()
            }
        }
    }
}

impl fmt::Display for ShareError {
    /// English, for logs and the command line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotShareLink => write!(f, "not a gangmu share link"),
            ShareError::UnknownVersion(version) => {
                write!(f, "unsupported share link version {version:?}")
            }
            ShareError::BadBase64 { offset } => {
                write!(f, "invalid character at offset {offset} of the share link")
            }
            ShareError::Truncated => write!(f, "the share link is truncated"),
            ShareError::Corrupt => write!(f, "the share link is corrupt"),
            ShareError::NotUtf8 => write!(f, "the shared text is not UTF-8"),
            ShareError::TooLarge => {
                write!(f, "the shared text exceeds {MAX_TEXT_BYTES} bytes")
            }
            ShareError::Unsupported => write!(f, "this browser cannot inflate share links"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The fragment for `text`, without the `#`: `v2.` and the payload.
pub fn encode(text: &str) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), LEVEL);
    fragment_of_zlib(&compressed, text)
}

/// The fragment for `text` already compressed as a zlib stream `zlib`,
/// e.g. by the browser's `CompressionStream('deflate')`: the web app
/// compresses that way and so carries no compressor (about 8 KB gzipped).
/// Any conforming zlib stream of the UTF-8 text decodes as [`encode`]'s
/// does.
pub fn fragment_of_zlib(zlib: &[u8], text: &str) -> String {
    let mut payload = Vec::with_capacity(4 + zlib.len());
    payload.extend_from_slice(&crc32(text.as_bytes()).to_be_bytes());
    payload.extend_from_slice(zlib);
    let mut fragment = String::with_capacity(VERSION.len() + 1 + payload.len() * 4 / 3 + 3);
    fragment.push_str(VERSION);
    fragment.push('.');
    base64url::encode(&payload, &mut fragment);
    fragment
}

/// CRC-32 (IEEE 802.3, as in ZIP and PNG: reflected, polynomial
/// `0xEDB88320`) of `bytes`; [`Crc32`] takes them in pieces.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = Crc32::default();
    crc.update(bytes);
    crc.finish()
}

/// A CRC-32 being computed, four bits at a time: a table of 16 entries
/// keeps the web bundle small (256 entries would be 1 KB) and is fast
/// enough for 20 MB.
#[derive(Clone, Copy, Debug)]
pub struct Crc32(u32);

impl Default for Crc32 {
    fn default() -> Self {
        Crc32(!0)
    }
}

impl Crc32 {
    const TABLE: [u32; 16] = {
        let mut table = [0u32; 16];
        let mut i = 0;
        while i < 16 {
            let mut crc = i as u32;
            let mut bit = 0;
            while bit < 4 {
                crc = if crc & 1 == 1 {
                    crc >> 1 ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
                bit += 1;
            }
            table[i] = crc;
            i += 1;
        }
        table
    };

    pub fn update(&mut self, bytes: &[u8]) {
        let mut crc = self.0;
        for &byte in bytes {
            crc = Self::TABLE[((crc ^ u32::from(byte)) & 0xF) as usize] ^ crc >> 4;
            crc = Self::TABLE[((crc ^ u32::from(byte >> 4)) & 0xF) as usize] ^ crc >> 4;
        }
        self.0 = crc;
    }

    pub fn finish(self) -> u32 {
        !self.0
    }
}

/// `payload` without what a chat message or a sentence put after the link:
/// trailing characters outside base64url (`）` `。` `)` `.`), and percent
/// escapes of them (`%EF%BC%89`, whose hex digits are letters).
fn trim_after_link(payload: &str) -> &str {
    let is_letter = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut rest = payload;
    loop {
        rest = rest.trim_end_matches(|c: char| !is_letter(c));
        let bytes = rest.as_bytes();
        match bytes {
            [.., b'%', high, low] if high.is_ascii_hexdigit() && low.is_ascii_hexdigit() => {
                rest = &rest[..rest.len() - 3];
            }
            _ => return rest,
        }
    }
}

/// A share fragment's version tag, payload and view (after a second `.`,
/// if any): the fragment with or without its `#`, or a whole URL, and
/// ASCII whitespace around it, as [`unpack`] takes it. `None` without a
/// version tag.
fn parts(fragment: &str) -> Option<(&str, &str, Option<&str>)> {
    let fragment = fragment
        .split_once('#')
        .map_or(fragment, |(_, after)| after);
    let fragment = fragment.trim_matches(|c: char| c.is_ascii_whitespace());
    let (version, rest) = fragment
        .split_once('.')
        .filter(|(version, _)| is_version_tag(version))?;
    Some(match rest.split_once('.') {
        Some((payload, view)) => (version, payload, Some(view)),
        None => (version, rest, None),
    })
}

/// A share link's payload, read but not yet inflated: what [`unpack`]
/// gives. The web app inflates [`Packed::zlib`] with the browser's
/// `DecompressionStream` and so carries no inflater; [`decode`] inflates
/// it with miniz_oxide. Either way [`finish`] checks what came out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed {
    /// The CRC-32 of the text (`v2`); `None` for a `v1` link.
    pub crc: Option<u32>,
    /// The text compressed as a zlib stream (RFC 1950).
    pub zlib: Vec<u8>,
}

/// The payload of a share fragment, before inflating. Accepts the
/// fragment with or without its `#`, or a whole URL (everything up to the
/// first `#` is ignored). ASCII whitespace inside the payload is ignored,
/// since mail programs wrap long links; trailing characters a chat
/// message or a sentence put after the link are dropped.
pub fn unpack(fragment: &str) -> Result<Packed, ShareError> {
    let (version, payload, _) = parts(fragment).ok_or(ShareError::NotShareLink)?;
    if version != VERSION && version != VERSION_1 {
        return Err(ShareError::UnknownVersion(version.to_string()));
    }
    let mut payload = base64url::decode(trim_after_link(payload))?;
    if version == VERSION_1 {
        return Ok(Packed {
            crc: None,
            zlib: payload,
        });
    }
    let Some(crc) = payload.first_chunk::<4>() else {
        return Err(ShareError::Truncated);
    };
    let crc = u32::from_be_bytes(*crc);
    payload.drain(..4);
    Ok(Packed {
        crc: Some(crc),
        zlib: payload,
    })
}

/// The text, from the bytes `zlib` inflated to (at most
/// [`MAX_TEXT_BYTES`]; the inflater refuses more with
/// [`ShareError::TooLarge`]): checks them against the link's CRC-32 `crc`
/// and that they are UTF-8.
pub fn finish(crc: Option<u32>, bytes: Vec<u8>) -> Result<String, ShareError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(ShareError::TooLarge);
    }
    if crc.is_some_and(|crc| crc != crc32(&bytes)) {
        return Err(ShareError::Corrupt);
    }
    String::from_utf8(bytes).map_err(|_| ShareError::NotUtf8)
}

/// The text of a share fragment: [`unpack`], inflate, [`finish`]. Never
/// returns part of a text: any damage is an error. (The web app does the
/// same with the browser's inflater, so its wasm leaves miniz_oxide's
/// out.)
pub fn decode(fragment: &str) -> Result<String, ShareError> {
    let packed = unpack(fragment)?;
    let bytes =
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed.zlib, MAX_TEXT_BYTES)
            .map_err(|err| match err.status {
                TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                    ShareError::Truncated
                }
                TINFLStatus::HasMoreOutput => ShareError::TooLarge,
                _ => ShareError::Corrupt,
            })?;
    finish(packed.crc, bytes)
}

/// Whether a page's fragment is meant as a share link: not empty and not
/// an ordinary anchor such as `#top`, but starting like a version tag (`v`
/// and a digit), so that `#v1` cut before its `.` is an error rather than
/// nothing. Gives the fragment without its `#` and surrounding
/// whitespace, for [`unpack`]. The fragment may be percent-decoded or not.
pub fn meant_as_link(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let fragment = fragment.trim_matches(|c: char| c.is_ascii_whitespace());
    let mut chars = fragment.chars();
    let meant = chars.next() == Some('v') && chars.next().is_some_and(|c| c.is_ascii_digit());
    meant.then_some(fragment)
}

/// What a page's fragment holds: `None` when it is not meant as a share
/// link ([`meant_as_link`]), and otherwise the text or why it cannot be
/// read. The fragment may be percent-decoded or not; it may carry its `#`.
pub fn read_fragment(fragment: &str) -> Option<Result<String, ShareError>> {
    meant_as_link(fragment).map(decode)
}

/// What the sender of a link saw besides the text, so that opening the
/// link shows the same: the folded rows and the selected one, as
/// positions in the outline (its nodes depth first, in document order),
/// the search, and the toggles 仅标题, 显示段落 and 显示要句.
///
/// Positions only mean the same nodes in the same outline: `outline` is
/// the outline's fingerprint (the app's `OutlineIndex::fingerprint`, a
/// CRC-32 of every node's depth, label and heading start), and a reader
/// whose parse differs (another version of the engine) gets the search
/// and the toggles but not the folds.
///
/// Written as base64url of: a CRC-32 of the rest (4 bytes, big-endian);
/// a byte of flags (1 仅标题, 2 显示段落, 4 显示要句); `outline` (4 bytes,
/// big-endian); the number of folds and the gaps between their positions
/// (LEB128, ascending, each gap less one); the selected position plus one
/// (0: none); the search as UTF-8, to the end.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedView {
    pub outline: u32,
    /// Positions of the folded nodes, ascending (others are not written).
    pub folded: Vec<u32>,
    pub selected: Option<u32>,
    pub query: String,
    pub headings_only: bool,
    pub paragraphs: bool,
    pub key_sentences: bool,
}

impl SharedView {
    /// `.` and the view in base64url: what follows a link's payload.
    pub fn suffix(&self) -> String {
        let mut body = vec![
            u8::from(self.headings_only)
                | u8::from(self.paragraphs) << 1
                | u8::from(self.key_sentences) << 2,
        ];
        body.extend_from_slice(&self.outline.to_be_bytes());
        // Positions out of order (or repeated) are left out.
        let (mut gaps, mut count, mut next) = (Vec::new(), 0u32, 0u32);
        for &at in &self.folded {
            if at >= next {
                leb128_push(&mut gaps, at - next);
                count += 1;
                next = at.saturating_add(1);
            }
        }
        leb128_push(&mut body, count);
        body.extend_from_slice(&gaps);
        let selected = self.selected.and_then(|at| at.checked_add(1));
        leb128_push(&mut body, selected.unwrap_or(0));
        body.extend_from_slice(self.query.as_bytes());
        let mut bytes = crc32(&body).to_be_bytes().to_vec();
        bytes.extend_from_slice(&body);
        let mut suffix = String::from(".");
        base64url::encode(&bytes, &mut suffix);
        suffix
    }

    /// The view a share link carries after its payload, if it has one
    /// that is whole: `None` for a link without one, cut inside it, or
    /// damaged there. Accepts what [`unpack`] does.
    pub fn of_link(fragment: &str) -> Option<SharedView> {
        let (version, _, view) = parts(fragment)?;
        let view = view.filter(|_| version == VERSION)?;
        let bytes = base64url::decode(trim_after_link(view)).ok()?;
        let (crc, body) = bytes.split_first_chunk::<4>()?;
        if u32::from_be_bytes(*crc) != crc32(body) {
            return None;
        }
        let (&flags, rest) = body.split_first()?;
        let (outline, mut rest) = rest.split_first_chunk::<4>()?;
        let count = leb128_take(&mut rest)?;
        let mut folded = Vec::new();
        let mut next = 0u32;
        for _ in 0..count {
            let at = next.checked_add(leb128_take(&mut rest)?)?;
            folded.push(at);
            next = at.checked_add(1)?;
        }
        let selected = leb128_take(&mut rest)?.checked_sub(1);
        Some(SharedView {
            outline: u32::from_be_bytes(*outline),
            folded,
            selected,
            query: String::from_utf8(rest.to_vec()).ok()?,
            headings_only: flags & 1 != 0,
            paragraphs: flags & 2 != 0,
            key_sentences: flags & 4 != 0,
        })
    }
}

/// Appends `value` in LEB128 (7 bits a byte, low first).
fn leb128_push(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Takes a LEB128 number from the front of `bytes`: `None` if they end
/// inside it or it does not fit 32 bits.
fn leb128_take(bytes: &mut &[u8]) -> Option<u32> {
    let mut value = 0u64;
    for shift in (0..35).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return u32::try_from(value).ok();
        }
    }
    None
}

/// `v` and one or more ASCII digits.
fn is_version_tag(tag: &str) -> bool {
    tag.strip_prefix('v')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// base64url without padding (RFC 4648 §5): only the 64 letters (and
/// ignored ASCII whitespace), no `=`. The unused low bits of the last
/// letter are ignored: a link cut short usually ends in a letter whose
/// low bits are not zero, and it is the inflater that says it is cut (a
/// letter mistyped there fails the checksums).
mod base64url {
    use super::ShareError;

    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    pub fn encode(bytes: &[u8], out: &mut String) {
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let group = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            // 2, 3 or 4 letters for 1, 2 or 3 bytes.
            for i in 0..=chunk.len() {
                let index = (group >> (18 - 6 * i)) & 0x3f;
                out.push(char::from(ALPHABET[index as usize]));
            }
        }
    }

    fn value(letter: u8) -> Option<u32> {
        let value = match letter {
            b'A'..=b'Z' => letter - b'A',
            b'a'..=b'z' => letter - b'a' + 26,
            b'0'..=b'9' => letter - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        Some(u32::from(value))
    }

    pub fn decode(payload: &str) -> Result<Vec<u8>, ShareError> {
        let mut bytes = Vec::with_capacity(payload.len() * 3 / 4);
        let mut group = 0u32;
        let mut letters = 0usize;
        for (offset, c) in payload.chars().enumerate() {
            if c.is_ascii_whitespace() {
                continue;
            }
            let letter = u8::try_from(c).ok().and_then(value);
            let letter = letter.ok_or(ShareError::BadBase64 { offset })?;
            group = group << 6 | letter;
            letters += 1;
            if letters.is_multiple_of(4) {
                bytes.extend_from_slice(&group.to_be_bytes()[1..]);
                group = 0;
            }
        }
        match letters % 4 {
            0 => {}
            // One letter carries 6 bits: not even one byte. The link was cut.
            1 => return Err(ShareError::Truncated),
            2 => bytes.push((group >> 4) as u8),
            _ => bytes.extend_from_slice(&(group >> 2).to_be_bytes()[2..]),
        }
        Ok(bytes)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn encoded(bytes: &[u8]) -> String {
            let mut out = String::new();
            encode(bytes, &mut out);
            out
        }

        /// The test vectors of RFC 4648 §10, without padding.
        #[test]
        fn rfc_4648_vectors() {
            let vectors = [
                ("", ""),
                ("f", "Zg"),
                ("fo", "Zm8"),
                ("foo", "Zm9v"),
                ("foob", "Zm9vYg"),
                ("fooba", "Zm9vYmE"),
                ("foobar", "Zm9vYmFy"),
            ];
            for (plain, base64) in vectors {
                assert_eq!(encoded(plain.as_bytes()), base64);
                assert_eq!(decode(base64).as_deref(), Ok(plain.as_bytes()));
            }
        }

        #[test]
        fn url_safe_letters() {
            assert_eq!(encoded(&[0xfb, 0xff, 0xbf]), "-_-_");
            assert_eq!(decode("-_-_"), Ok(vec![0xfb, 0xff, 0xbf]));
        }

        #[test]
        fn rejects_padding_and_standard_letters_ignores_loose_bits() {
            assert_eq!(decode("Zg=="), Err(ShareError::BadBase64 { offset: 2 }));
            assert_eq!(decode("+/+/"), Err(ShareError::BadBase64 { offset: 0 }));
            assert_eq!(decode("Zh"), Ok(b"f".to_vec()));
            assert_eq!(decode("Zm9"), Ok(b"fo".to_vec()));
            assert_eq!(decode("Zm9vY"), Err(ShareError::Truncated));
            assert_eq!(decode("中"), Err(ShareError::BadBase64 { offset: 0 }));
        }

        #[test]
        fn ignores_whitespace() {
            assert_eq!(decode("Zm9v\r\n YmFy"), Ok(b"foobar".to_vec()));
        }
    }
}
