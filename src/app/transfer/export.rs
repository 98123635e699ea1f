//! 导出: the file is made by the file module, which the page loads on
//! first use (`gangmu_files.js`, see `www/main.js`), and saved by
//! [`super::download`]. The page's wasm carries no exporter: they are
//! some 11 KB gzipped that most visitors never need.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// When `gangmu_files.js` or its wasm cannot be fetched (offline, say).
const UNAVAILABLE: &str = "无法加载导出模块，请检查网络连接后重试。";

/// When the browser will not save the file.
const NOT_SAVED: &str = "浏览器没有保存文件。请检查是否禁止了下载。";

#[wasm_bindgen]
extern "C" {
    /// Set by `www/main.js`: imports `gangmu_files.js` (once) and resolves
    /// to `[name, contents, media type]`, the file of `text` in
    /// `Format::ALL[format]`, its contents a `Uint8Array`.
    #[wasm_bindgen(js_name = gangmuExport, catch)]
    fn export_lazily(
        text: &str,
        format: usize,
        paragraphs: bool,
        key_sentences: bool,
    ) -> Result<js_sys::Promise, JsValue>;
}

/// Makes the file of `text` in `Format::ALL[format]` and offers it for
/// download; or says in Chinese why not. (The file module names the file
/// and its type: the page carries no media types.)
pub async fn export(
    text: &str,
    format: usize,
    paragraphs: bool,
    key_sentences: bool,
) -> Result<(), &'static str> {
    let promise =
        export_lazily(text, format, paragraphs, key_sentences).map_err(|_| UNAVAILABLE)?;
    let file = JsFuture::from(promise).await.map_err(|_| UNAVAILABLE)?;
    let file = js_sys::Array::from(&file);
    let (Some(name), Some(media_type)) = (file.get(0).as_string(), file.get(2).as_string()) else {
        return Err(UNAVAILABLE);
    };
    super::download::download(&name, &media_type, &file.get(1)).map_err(|_| NOT_SAVED)
}
