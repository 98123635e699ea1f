// Loads the wasm module built by wasm-bindgen and starts the app.
// A separate file, not an inline script, so the page's CSP can forbid those.
import init, { run } from './gangmu.js';

const boot = document.getElementById('boot');
try {
  await init();
  boot?.remove();
  run();
} catch (error) {
  if (boot) boot.textContent = '加载失败：此浏览器可能不支持 WebAssembly。';
  throw error;
}
