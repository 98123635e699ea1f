// The JavaScript module against the command line (issue 17): GANGMU_BIN
// names the `gangmu` binary whose output is the reference (`make test-js`
// builds it and the module).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

import { init, parse, outline } from '../index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const corpus = path.join(root, 'tests/corpus');
const files = readdirSync(corpus).filter((name) => name.endsWith('.txt')).sort();
const gangmuBin = process.env.GANGMU_BIN ?? path.join(root, 'target/release/gangmu');

const cli = (...args) => execFileSync(gangmuBin, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
const read = (name) => readFileSync(path.join(corpus, name), 'utf8');

test('parse before init is an error that says what to do', () => {
  assert.throws(() => parse('一、甲'), /await init\(\)/);
});

test('init loads once', async () => {
  const first = init();
  assert.equal(init(), first);
  await first;
});

test('the corpus parses to the CLI JSON, byte for byte', () => {
  assert.ok(files.length >= 30);
  for (const name of files) {
    const expected = cli('--format', 'json', path.join(corpus, name));
    assert.equal(`${JSON.stringify(parse(read(name)), null, 2)}\n`, expected, name);
  }
});

test('outline is parse without the quotations', () => {
  for (const name of files) {
    const text = read(name);
    const full = parse(text);
    const bare = outline(text);
    assert.deepEqual(bare.quotes, [], name);
    assert.deepEqual(bare.nodes, full.nodes, name);
    assert.equal(bare.title, full.title, name);
    assert.equal(bare.chars, full.chars, name);
  }
});

test('plain objects, arrays and nulls, as JSON.parse would give', () => {
  const doc = parse(read(files[0]));
  assert.deepEqual(doc, JSON.parse(JSON.stringify(doc)));
  assert.equal(Object.getPrototypeOf(doc), Object.prototype);
  assert.ok(Array.isArray(doc.nodes) && Array.isArray(doc.nodes[0].span));
  assert.equal(doc.nodes[0].label, null);
  assert.ok(!('diagnostics' in parse('一、甲\n二、乙\n')), 'no empty diagnostics list');
  assert.deepEqual(parse('').diagnostics, [{ kind: 'empty_text', span: [0, 0] }]);
});

test('odd strings never throw; spans count code points', () => {
  const texts = ['', '\0'.repeat(1000), '\ud800一、甲\udfff', '“'.repeat(100000), '😀一、甲\n二、乙', '一、'.repeat(100000)];
  for (const text of texts) {
    const doc = parse(text);
    assert.equal(doc.chars, [...text].length);
  }
  const big = '一、提高认识\n一要统一思想。他说：“好。”二要狠抓落实。\n'.repeat(100000);
  assert.ok(parse(big).nodes.length > 1000);
});

test('anything but a string is a TypeError', () => {
  for (const value of [undefined, null, 42, {}, ['一、甲']]) {
    assert.throws(() => parse(value), TypeError);
    assert.throws(() => outline(value), TypeError);
  }
});

test('the package is small and lists its files', () => {
  const wasm = readFileSync(path.join(root, 'js/pkg/gangmu_js_bg.wasm'));
  const gzipped = gzipSync(wasm, { level: 9 }).length;
  console.log(`gangmu_js_bg.wasm: ${wasm.length} bytes, ${gzipped} gzipped`);
  // The parser alone: the web app (Yew) linked in by mistake would be 230 KB.
  assert.ok(gzipped < 100_000, `${gzipped} bytes gzipped`);
  const manifest = JSON.parse(readFileSync(path.join(root, 'js/package.json'), 'utf8'));
  for (const file of manifest.files) {
    readFileSync(path.join(root, 'js', file));
  }
});
