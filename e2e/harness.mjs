// Shared by the end-to-end tests and the screenshot script: serve dist/ on
// a free local port, launch the system Chromium, open the app and collect
// everything that would show up as an error in the browser console.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before } from 'node:test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` under the sub-path `base` (so any absolute URL in the app
 * would break, as it would on a static host under a sub-path) on a port
 * the system picks. Returns the app's URL and a `close()`.
 */
export async function serveDist({ root = DIST, base = '/gangmu/' } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (!path.startsWith(base)) {
      response.writeHead(404).end();
      return;
    }
    const relative = path.slice(base.length) || 'index.html';
    const file = normalize(join(root, relative.endsWith('/') ? `${relative}index.html` : relative));
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The system Chromium, with the flags that keep it off the network. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens the app in a new page and waits for the outline. `errors` collects
 * console errors, uncaught exceptions and failed requests.
 * The service worker (www/sw.js) is blocked unless `serviceWorkers:
 * 'allow'`: the page is then as on a first visit, before the worker has
 * cached the site (a test that makes one of its files fail to load needs
 * that, for the worker would serve the file), and no test's timing shares
 * the machine with the worker's caching of the whole site. The worker's
 * own test (e2e/offline.test.mjs) allows it.
 */
export async function openApp(
  browser,
  url,
  {
    viewport = { width: 1280, height: 800 },
    deviceScaleFactor = 1,
    colorScheme = 'light',
    hasTouch = false,
    serviceWorkers = 'block',
    beforeLoad,
  } = {},
) {
  const page = await browser.newPage({ viewport, deviceScaleFactor, colorScheme, hasTouch, serviceWorkers });
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A test that navigates (reload, a new hash) cancels what is still
    // loading, such as the favicon: that is not the app's failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  if (beforeLoad) await beforeLoad(page);
  await page.goto(url);
  await page.locator('[role=tree] [role=treeitem]').first().waitFor();
  return { page, errors };
}

/**
 * For a test file: starts the server and Chromium before its tests and
 * stops them after. Returns `open(options)`, which opens the app for one
 * test in a fresh browser context (`options.hash` is appended to the URL);
 * the pages a test opened are closed after it, which fails if any of them
 * reported errors.
 */
export function appSession() {
  let server;
  let browser;
  let opened = [];
  before(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    const pages = opened;
    opened = [];
    for (const { page, errors } of pages) {
      await page.close();
      assert.deepEqual(errors, [], 'the page reported errors');
    }
  });
  return async function open(options = {}) {
    const one = await openApp(browser, server.url + (options.hash ?? ''), options);
    one.page.setDefaultTimeout(10_000);
    opened.push(one);
    return one.page;
  };
}

/**
 * The outline as the page shows it: for each treeitem its row's text, its
 * aria-level and aria-expanded, and its children.
 */
export function readOutline(page) {
  return page.getByRole('tree', { name: '提纲' }).evaluate((tree) => {
    const read = (list) =>
      [...(list?.children ?? [])]
        .filter((item) => item.getAttribute('role') === 'treeitem')
        .map((item) => ({
          text: item.querySelector(':scope > .row')?.textContent ?? '',
          level: Number(item.getAttribute('aria-level')),
          expanded: item.getAttribute('aria-expanded'),
          children: read(item.querySelector(':scope > [role=group]')),
        }));
    return read(tree);
  });
}

const PART = /^[一二三四五六七八九十]+、/;
const TASK = /^[一二三四五六七八九十]+要/;

/** The part labels (一、 二、 …) that begin the rows of `items`, in order. */
export function partLabels(items) {
  return items.map((item) => item.text.match(PART)?.[0]).filter(Boolean);
}

/** The task labels (一要 二要 …) that begin the rows of `items`, in order. */
export function taskLabels(items) {
  return items.map((item) => item.text.match(TASK)?.[0]).filter(Boolean);
}

/** Waits until the top-level part labels shown are exactly `expected`. */
export async function waitForParts(page, expected) {
  await page.waitForFunction((expected) => {
    const rows = document.querySelectorAll('[role=tree] > [role=treeitem] > .row');
    const labels = [...rows]
      .map((row) => row.textContent.match(/^[一二三四五六七八九十]+、/)?.[0])
      .filter(Boolean);
    return JSON.stringify(labels) === JSON.stringify(expected);
  }, expected);
}

/** How many `gangmu:outline` measures the page has recorded. */
export function measureCount(page) {
  return page.evaluate(() => performance.getEntriesByName('gangmu:outline').length);
}

/**
 * Replaces the text as a paste would: a new value, then an `input` event.
 * Resolves once the outline of the new text is shown.
 */
export async function paste(page, text) {
  const before = await measureCount(page);
  await page.getByRole('textbox', { name: '原文' }).evaluate((textarea, text) => {
    textarea.value = text;
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await page.waitForFunction(
    (count) => performance.getEntriesByName('gangmu:outline').length > count,
    before,
  );
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first treeitem whose own row starts with `prefix` (a locator). */
export function item(page, prefix) {
  return page
    .locator('[role=treeitem]')
    .filter({ has: page.locator(':scope > .row', { hasText: new RegExp(`^${escapeRegExp(prefix)}`) }) })
    .first();
}

/** The text of the selected row, or null. */
export function selectedText(page) {
  return page.evaluate(
    () => document.querySelector('[role=treeitem][aria-selected=true] > .row')?.textContent ?? null,
  );
}

/** Waits until the selected row's text starts with `prefix`. */
export async function waitSelected(page, prefix) {
  await page.waitForFunction(
    (prefix) =>
      document
        .querySelector('[role=treeitem][aria-selected=true] > .row')
        ?.textContent.startsWith(prefix),
    prefix,
  );
}

/** Waits until the focused element is the treeitem whose row starts with `prefix`. */
export async function waitFocused(page, prefix) {
  await page.waitForFunction(
    (prefix) =>
      document.activeElement?.getAttribute('role') === 'treeitem' &&
      document.activeElement.querySelector(':scope > .row')?.textContent.startsWith(prefix),
    prefix,
  );
}

/**
 * Sends a keydown carrying `key` to the focused element, as a Chinese
 * input method delivers composed text (Playwright's keyboard cannot press
 * keys that are not on a US layout).
 */
export function typeComposed(page, key) {
  return page.evaluate(
    (key) =>
      document.activeElement.dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
      ),
    key,
  );
}

/** The textarea's selection and the text it selects. */
export function sourceSelection(page) {
  return page.getByRole('textbox', { name: '原文' }).evaluate((textarea) => ({
    start: textarea.selectionStart,
    end: textarea.selectionEnd,
    text: textarea.value.slice(textarea.selectionStart, textarea.selectionEnd),
    focused: document.activeElement === textarea,
    scrollTop: textarea.scrollTop,
  }));
}

// Large input (e2e/large.test.mjs, bench-web).

/**
 * Every corpus document, one after another (about 1 MB); with `speeches`,
 * only the speeches and reports (documents 00–19). The law texts added
 * later number nearly every paragraph: 10 MB of the whole corpus is an
 * outline of about 6 700 rows instead of about 2 100, which the tree
 * draws in one long frame (about 1 s here) until its rows are
 * virtualised (issue 15).
 */
export async function corpus({ speeches = false } = {}) {
  const dir = join(ROOT, 'tests', 'corpus');
  const names = (await readdir(dir))
    .filter((name) => name.endsWith('.txt'))
    .filter((name) => !speeches || name < '20')
    .sort();
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return texts.join('\n\n');
}

/**
 * Starts recording long frames: `long-animation-frame` entries where the
 * browser has them, else `longtask`. Returns the entry type used.
 */
export function watchFrames(page) {
  return page.evaluate(() => {
    const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')
      ? 'long-animation-frame'
      : 'longtask';
    window.longFrames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longFrames.push(entry.duration);
    }).observe({ type });
    window.progressShown = false;
    new MutationObserver(() => {
      if (document.querySelector('[role=status] progress')) window.progressShown = true;
    }).observe(document.body, { childList: true, subtree: true });
    return type;
  });
}

/**
 * Every input of `tests/support/adversarial.rs` at `bytes`, as
 * `examples/adversarial.rs` prints them: `[{ name, what, text }]`.
 */
export async function adversarialInputs(bytes) {
  const { stdout } = await promisify(execFile)(
    'cargo',
    ['run', '--quiet', '--release', '--example', 'adversarial', '--', String(bytes)],
    { cwd: ROOT, maxBuffer: 1 << 30 },
  );
  return stdout.trim().split('\n').map((line) => JSON.parse(line));
}

/** Pastes `copies` copies of `text` (built in the page); returns its size in bytes. */
export async function pasteCopies(page, text, copies) {
  await stagePaste(page, text, copies);
  return pasteStaged(page);
}

/**
 * Hands `copies` of `text` (joined by blank lines) to the page for a later
 * {@link pasteStaged}. Moving megabytes through the DevTools protocol
 * takes the page's main thread some 50–80 ms, which is the harness's time,
 * not the app's: a test that watches frames stages its paste first.
 */
export function stagePaste(page, text, copies) {
  return page.evaluate(
    ([text, copies]) => {
      window.stagedPaste = Array(copies).fill(text).join('\n\n');
    },
    [text, copies],
  );
}

/** Pastes what {@link stagePaste} handed over, as a paste; returns its UTF-8 size. */
export function pasteStaged(page) {
  return page.getByRole('textbox', { name: '原文' }).evaluate((textarea) => {
    const all = window.stagedPaste;
    delete window.stagedPaste;
    textarea.value = all;
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return new Blob([all]).size;
  });
}

/** Resolves after two more animation frames, so their entries are reported. */
export const twoFrames = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Pastes `text` (staged first, see {@link stagePaste}) and waits for its
 * outline, analysed in the worker or not, watching long frames from the
 * paste on. Returns the longest (ms).
 */
export async function pasteWatched(page, text) {
  await stagePaste(page, text, 1);
  await twoFrames(page);
  await watchFrames(page);
  const before = await measureCount(page);
  await pasteStaged(page);
  await page.waitForFunction((count) => performance.getEntriesByName('gangmu:outline').length > count, before, {
    timeout: 60_000,
  });
  await page.locator('.analyzing').waitFor({ state: 'detached', timeout: 60_000 });
  await twoFrames(page);
  return page.evaluate(() => Math.max(0, ...window.longFrames));
}

/**
 * Pastes the corpus repeated to `bytes` and waits for its outline and for
 * 引语 to catch up, watching long frames all along. Returns the size
 * pasted, the time to the outline (ms), the `gangmu:outline` measure, the
 * long-frame entry type, the longest such frame (ms) and whether progress
 * (a `<progress>` in a status) was shown.
 */
export async function pasteLarge(page, bytes) {
  const text = await corpus({ speeches: true });
  const copies = Math.ceil(bytes / Buffer.byteLength(text));
  await stagePaste(page, text, copies);
  await twoFrames(page);
  const type = await watchFrames(page);
  const before = await measureCount(page);
  const started = Date.now();
  const size = await pasteStaged(page);
  await page.waitForFunction((count) => performance.getEntriesByName('gangmu:outline').length > count, before, {
    timeout: 60_000,
  });
  const took = Date.now() - started;
  await page.locator('.analyzing').waitFor({ state: 'detached' });
  await page.locator('.quotes-panel .quote').first().waitFor();
  await twoFrames(page);
  const { frames, progress, outline } = await page.evaluate(() => ({
    frames: window.longFrames,
    progress: window.progressShown,
    outline: performance.getEntriesByName('gangmu:outline').at(-1).duration,
  }));
  return { size, took, outline, type, longest: Math.max(0, ...frames), progress };
}
