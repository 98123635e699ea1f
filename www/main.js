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

// The .docx reader, a wasm module of its own loaded on first use so that
// visitors who never open a Word file do not download it (see
// src/app/transfer/file_text.rs). Resolves to the text; rejects with the
// Chinese message (a string) for a document it cannot read, with an Error
// when the module cannot be loaded — and then tries again next time.
// (The browser keeps a failed import as failed: a retry asks for a new URL.)
let docxReader;
let docxFailures = 0;
globalThis.gangmuDocxText = async (bytes) => {
  const url = docxFailures === 0 ? './gangmu_docx.js' : `./gangmu_docx.js?retry=${docxFailures}`;
  docxReader ??= import(url).then(async (module) => {
    await module.default();
    return module;
  });
  let module;
  try {
    module = await docxReader;
  } catch (error) {
    docxReader = undefined;
    docxFailures += 1;
    throw error;
  }
  return module.docx_text(bytes);
};

const boot = document.getElementById('boot');
try {
  await init();
  boot?.remove();
  run();
} catch (error) {
  if (boot) boot.textContent = '加载失败：此浏览器可能不支持 WebAssembly。';
  throw error;
}
