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

const boot = document.getElementById('boot');
try {
  await init();
  boot?.remove();
  run();
} catch (error) {
  if (boot) boot.textContent = '加载失败：此浏览器可能不支持 WebAssembly。';
  throw error;
}
