// What the lazily loaded dialogs (www/compare.js: 对比, www/library.js:
// 文档库) share: building their elements, their style sheets, and saving
// a file. Loaded with them, never in the first load.

// An element of `tag` with `props` (properties, such as className or
// onclick) and `children` (nodes or strings).
export function element(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

// Adds `css` to the page as a constructed style sheet: the page's CSP
// (style-src 'self') forbids <style> elements and style attributes, not
// these.
export function adoptStyle(css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}

// Saves `contents` (a string or bytes) as a download named `name`.
export function download(name, contents, type) {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  element('a', { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
