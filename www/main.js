// Loads the wasm module built by wasm-bindgen and starts the app.
// A separate file, not an inline script, so the page's CSP can forbid those.
import init, { run } from './gangmu.js';

// The reader's theme, before the app draws anything (see src/app/dom/theme.rs).
try {
  const theme = localStorage.getItem('gangmu:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // No storage (private browsing): follow the system.
}

// The file module — the .docx reader and the exporters of 导出 — is a wasm
// module of its own, loaded on first use so that visitors who never open a
// Word file or export do not download it (see src/app/transfer/file_text.rs
// and src/app/transfer/export.rs). A failed load rejects with an Error and
// is tried again next time (the browser keeps a failed import as failed: a
// retry asks for a new URL).
let files;
let filesFailures = 0;
async function filesModule() {
  const url = filesFailures === 0 ? './gangmu_files.js' : `./gangmu_files.js?retry=${filesFailures}`;
  // The offline single file (scripts/offline.mjs) has it inlined.
  files ??= (globalThis.gangmuFilesModule?.() ?? import(url)).then(async (module) => {
    await module.default();
    return module;
  });
  try {
    return await files;
  } catch (error) {
    files = undefined;
    filesFailures += 1;
    throw error;
  }
}
// Resolves to the text; rejects with the Chinese message (a string) for a
// document it cannot read.
globalThis.gangmuDocxText = async (bytes) => (await filesModule()).docx_text(bytes);
// Resolves to [file name, contents (a Uint8Array), media type] of the
// export of `text`.
globalThis.gangmuExport = async (text, format, paragraphs, keySentences) =>
  (await filesModule()).export_file(text, format, paragraphs, keySentences);

// 对比 (www/compare.js, its dialog; the work is the file module's) and
// 文档库 (www/library.js), loaded when their buttons are first pressed.
const compare = () => import('./compare.js');
const library = () => import('./library.js');
const failed = () => alert('这项功能没有加载成功（可能已断网），请稍后再试。');
document.addEventListener('click', (event) => {
  if (event.target.closest?.('.compare-open')) compare().then((m) => m.openCompare(filesModule), failed);
  if (event.target.closest?.('.library-open')) library().then((m) => m.openLibrary(filesModule, compare), failed);
});

// Share links: the zlib stream `zlib` inflated by the browser, at most
// `limit` bytes (src/app/transfer/inflate.rs says why so). Rejects with
// 'too-large', 'truncated', 'corrupt' or 'unsupported'.
globalThis.gangmuInflate = async (zlib, limit) => {
  if (typeof DecompressionStream !== 'function') throw 'unsupported';
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writes = [];
  for (let at = 0; at < zlib.length; at += 1024) writes.push(writer.write(zlib.subarray(at, at + 1024)));
  const written = Promise.all(writes).then(() => true, () => false);
  const closed = writer.close().then(() => null, (error) => String(error?.message ?? error));
  const chunks = [];
  let size = 0;
  let tooLarge = false;
  for (;;) {
    let result;
    try {
      result = await reader.read();
    } catch {
      break;
    }
    if (result.done) break;
    size += result.value.length;
    if (size > limit) {
      tooLarge = true;
      await reader.cancel().catch(() => {});
      break;
    }
    chunks.push(result.value);
  }
  const wrote = await written;
  const closeError = await closed;
  if (tooLarge) throw 'too-large';
  if (wrote && closeError === null) {
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
  if (wrote && !/invalid|incorrect|not valid|junk|corrupt/i.test(closeError)) throw 'truncated';
  throw 'corrupt';
};

// 复制提纲: both formats at once, so Word keeps the levels. Through a
// copy event rather than navigator.clipboard.write, which parses the HTML
// in this page (its inline styles would meet the page's CSP) and asks
// for a permission.
globalThis.gangmuCopyRich = (plain, html) => {
  let done = false;
  const fill = (event) => {
    event.clipboardData.setData('text/plain', plain);
    event.clipboardData.setData('text/html', html);
    event.preventDefault();
    done = true;
  };
  document.addEventListener('copy', fill);
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', fill);
  }
  return done ? Promise.resolve() : Promise.reject(new Error('the browser refused to copy'));
};

const boot = document.getElementById('boot');
try {
  await init();
  // Reads a share link (the browser inflates it: a promise), then takes
  // 正在加载…… away and mounts the app.
  run();
} catch (error) {
  if (boot) boot.textContent = '加载失败：此浏览器可能不支持 WebAssembly。';
  throw error;
}

// The service worker (www/sw.js), so that the site opens with no network
// after this visit — registered once the page is idle after its first
// outline, so its caching never delays it. Not from disk: the offline
// single file needs none, and file:// allows none.
// 文档库 starts keeping texts then too.
const idle = (work) =>
  'requestIdleCallback' in globalThis ? requestIdleCallback(work, { timeout: 5000 }) : setTimeout(work, 2000);
idle(() => library().then((m) => m.start(filesModule), () => {}));
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  idle(() => navigator.serviceWorker.register('./sw.js').catch(() => {}));
}
