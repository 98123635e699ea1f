// gangmu (纲目) for JavaScript: outlines of Chinese speeches and reports.
//
//   import { init, parse, outline } from 'gangmu';
//   await init();                 // loads the wasm (in Node from the package, in a browser by URL)
//   const doc = parse(text);      // { title, nodes, quotes, diagnostics?, chars }
//
// The document model is the JSON that `gangmu --format json` prints
// (docs/FORMAT.md): JSON.stringify(parse(text), null, 2) gives the same
// bytes. Spans count code points, not UTF-16 units.

import initWasm, {
  initSync,
  parse as parseWasm,
  outline as outlineWasm,
} from './pkg/gangmu_js.js';

let loading = null;
let ready = false;

const isNode = typeof process !== 'undefined' && process.versions != null
  && process.versions.node != null;

/**
 * Loads the engine; call (and await) once before parse or outline. In
 * Node it reads the wasm file of the package; in a browser it fetches it
 * next to this module, or from `source` (a URL, a Response, bytes or a
 * WebAssembly.Module) when given. Later calls return the same promise.
 */
export function init(source) {
  if (loading === null) {
    loading = (async () => {
      if (source === undefined && isNode) {
        const { readFile } = await import('node:fs/promises');
        initSync({ module: await readFile(new URL('./pkg/gangmu_js_bg.wasm', import.meta.url)) });
      } else {
        await initWasm(source === undefined ? undefined : { module_or_path: source });
      }
      ready = true;
    })();
  }
  return loading;
}

function checked(text) {
  if (!ready) {
    throw new Error('gangmu: await init() before parse() or outline()');
  }
  if (typeof text !== 'string') {
    throw new TypeError(`gangmu: expected a string, not ${text === null ? 'null' : typeof text}`);
  }
  return text;
}

/** The document of `text`: title, nodes (a tree), quotations, diagnostics. */
export function parse(text) {
  return parseWasm(checked(text));
}

/** The structure of `text` without its quotations (`quotes` is empty); faster. */
export function outline(text) {
  return outlineWasm(checked(text));
}
