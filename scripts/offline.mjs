// Writes dist/gangmu-offline.html: the whole app in one file that opens by
// double-click from disk (file://), with no server and no network — for
// machines on networks that cannot reach the site (issue 16).
//
//   node scripts/offline.mjs [DIST]
//
// Run by `make dist` after the site is built and minified. Everything the
// page would fetch is inlined: the styles (print.css under `@media print`),
// the favicon (a data: URI), the page's wasm and the file module's (base64,
// decoded when first needed), their JavaScript, and the analysis worker
// (started from a blob: URL). The page's scripts are bundled by esbuild
// into one inline module, their imports of the wasm-bindgen glue resolved
// to wrappers whose `init()` instantiates the inlined bytes; main.js's one
// seam is `globalThis.gangmuFilesModule`, which imports the file module
// when set (its own import names a URL). A browser module script cannot be loaded from
// file://, and an inline one is allowed by its hash: the file's CSP
// allows no origin at all (`default-src 'none'`), only its own script and
// style by hash, wasm, and blob: workers.

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const dist = resolve(process.argv[2] ?? 'dist');
const OUT = 'gangmu-offline.html';
const read = (name) => readFile(join(dist, name), 'utf8');
const base64 = async (name) => (await readFile(join(dist, name))).toString('base64');

// The wasm-bindgen glue of `name` (`gangmu` or `gangmu_files`), whose
// default export, called with no argument, instantiates the bytes kept
// in the global `b64` instead of fetching `<name>_bg.wasm`.
const glue = (name, b64) => `
  import init from ${JSON.stringify(join(dist, `${name}.js`))};
  export * from ${JSON.stringify(join(dist, `${name}.js`))};
  const bytes = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  export default (options) => init(options ?? { module_or_path: bytes(globalThis.${b64}) });
`;

// Resolves the scripts' imports of the glue to the wrappers above.
const inline = {
  name: 'gangmu-offline',
  setup(build) {
    build.onResolve({ filter: /^\.\/gangmu(_files)?\.js$/ }, ({ path }) => ({
      path: path.slice(2, -3),
      namespace: 'glue',
    }));
    build.onLoad({ filter: /.*/, namespace: 'glue' }, ({ path }) => ({
      contents: glue(path, path === 'gangmu' ? 'gangmuWasmB64' : 'gangmuFilesB64'),
      loader: 'js',
      resolveDir: dist,
    }));
    // main.js imports the file module through this hook when it is set.
    build.onResolve({ filter: /^gangmu:files$/ }, () => ({ path: 'files', namespace: 'hook' }));
    build.onLoad({ filter: /.*/, namespace: 'hook' }, () => ({
      contents: "globalThis.gangmuFilesModule = () => import('./gangmu_files.js');",
      loader: 'js',
      resolveDir: dist,
    }));
  },
};

async function bundle(contents, banner = '') {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: dist, loader: 'js' },
    banner: { js: banner },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    plugins: [inline],
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

const wasm = await base64('gangmu_bg.wasm');
const filesWasm = await base64('gangmu_files_bg.wasm');

// The worker: worker.js with the glue, given the wasm by the page.
const worker = await bundle(`import ${JSON.stringify(join(dist, 'worker.js'))};`);

// The page: the globals first (a banner runs before every module), then
// main.js, after the module that gives it the file module.
const prelude = `
  globalThis.gangmuWasmB64 = ${JSON.stringify(wasm)};
  globalThis.gangmuFilesB64 = ${JSON.stringify(filesWasm)};
  // The analysis worker (src/app/dom/analyzer.rs asks for worker.js).
  const gangmuWorkerSource = ${JSON.stringify(worker)};
  let gangmuWorkerUrl;
  globalThis.Worker = class extends globalThis.Worker {
    constructor(script, options) {
      if (String(script).endsWith('worker.js')) {
        const head = 'self.gangmuWasmB64 = ' + JSON.stringify(globalThis.gangmuWasmB64) + ';';
        const blob = new Blob([head, gangmuWorkerSource], { type: 'text/javascript' });
        gangmuWorkerUrl ??= URL.createObjectURL(blob);
        script = gangmuWorkerUrl;
      }
      super(script, options);
    }
  };
`;
const page = await bundle(
  `import 'gangmu:files'; import ${JSON.stringify(join(dist, 'main.js'))};`,
  prelude,
);

// An inline script ends at the first `</script`: none may be inside.
const script = page.replace(/<\/(script)/gi, '<\\/$1');
const style = [
  await read('style.css'),
  await read('transfer.css'),
  `@media print{${await read('print.css')}}`,
  // This file is the offline copy: it does not offer itself.
  '.offline-link{display:none}',
].join('\n');
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(style)}`,
  'img-src data: blob:',
  'worker-src blob:',
].join('; ');
const favicon = `data:image/svg+xml;base64,${await base64('favicon.svg')}`;

let html = await read('index.html');
const replace = (pattern, by, optional = false) => {
  if (!pattern.test(html) && !optional) throw new Error(`offline: index.html has no ${pattern}`);
  html = html.replace(pattern, by);
};
replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
replace(/<link rel="icon" href="favicon.svg"/, `<link rel="icon" href="${favicon}"`);
replace(/\s*<link rel="stylesheet" href="style.css">/, '');
replace(/\s*<link rel="stylesheet" href="transfer.css">/, '');
replace(/\s*<link rel="stylesheet" href="print.css" media="print">/, '');
replace(/\s*<link rel="modulepreload" href="gangmu.js">/, '');
replace(/\s*<link rel="manifest"[^>]*>/, '', true);
replace(/<script type="module" src="main.js"><\/script>/, () => `<style>${style}</style>\n  <script type="module">${script}</script>`);
await writeFile(join(dist, OUT), html);
console.log(`offline: wrote ${join(dist, OUT)}`);
