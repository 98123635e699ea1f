// Writes the file list and the build's hash into dist/sw.js (see www/sw.js):
// the files a visitor may need — the page, its scripts, styles, icon and
// manifest, both wasm modules, the worker — and a SHA-256 of their
// contents, which names the cache, so a new build replaces the old one.
//
//   node scripts/sw.mjs [DIST]
//
// Run by `make dist` after the site is built and minified. The offline
// single file is not listed (it is a download, not part of the site).

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const SKIP = new Set(['sw.js', 'gangmu-offline.html']);
const names = (await readdir(dist)).filter((name) => !SKIP.has(name) && !name.startsWith('.')).sort();
const hash = createHash('sha256');
for (const name of names) {
  hash.update(name);
  hash.update(await readFile(join(dist, name)));
}
const build = hash.digest('hex').slice(0, 16);
const path = join(dist, 'sw.js');
const source = await readFile(path, 'utf8');
const written = source
  .replace('__GANGMU_BUILD__', build)
  .replace(/\[\s*["']\.\/["']\s*\]/, JSON.stringify(['./', ...names]));
if (written === source || written.includes('__GANGMU_BUILD__')) {
  throw new Error('sw: the placeholders of sw.js were not found');
}
await writeFile(path, written);
console.log(`sw: ${names.length} files, cache gangmu-${build}`);
