// Offline (issue 16). 下载离线版: dist/gangmu-offline.html, the whole app in one
// file, opened from disk (file://) as a double-click would: it outlines,
// exports, compares (对比), keeps its 文档库, opens a large text in its
// worker and a .docx with its file module, and asks for nothing — not a single request beyond the file.
// And the site itself: after one visit its service worker (www/sw.js)
// serves it with no server and no network.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DIST,
  corpus,
  launchChromium,
  openApp,
  paste,
  partLabels,
  readOutline,
  serveDist,
  stagePaste,
  pasteStaged,
  waitForParts,
} from './harness.mjs';

const FILE = join(DIST, 'gangmu-offline.html');
const SHORT = '一、短的部分\n一要甲。\n二要乙。\n二、另一部分\n';

let browser;
before(async () => {
  browser = await launchChromium();
});
after(() => browser?.close());

/** Opens the single file from disk; `requests` lists every URL asked for. */
async function openFile() {
  const requests = [];
  const { page, errors } = await openApp(browser, pathToFileURL(FILE).href, {
    beforeLoad: (page) => page.on('request', (request) => requests.push(request.url())),
  });
  page.setDefaultTimeout(20_000);
  return { page, errors, requests };
}

/** The requests that left the file: anything but itself, data: and blob:. */
const outside = (requests) =>
  requests.filter((url) => !url.startsWith(pathToFileURL(FILE).href) && !/^(data|blob):/.test(url));

test('the single file outlines the sample and a paste from disk, asking for nothing', async () => {
  const { page, errors, requests } = await openFile();
  assert.ok(partLabels(await readOutline(page)).length >= 3, 'the sample is outlined');
  await paste(page, SHORT);
  await waitForParts(page, ['一、', '二、']);
  // It does not offer itself.
  assert.equal(await page.getByRole('link', { name: '下载离线版' }).isVisible(), false);
  assert.deepEqual(outside(requests), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the single file exports with its inlined file module', async () => {
  const { page, errors, requests } = await openFile();
  await paste(page, SHORT);
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Markdown/ }).click();
  const file = await download;
  const text = await readFile(await file.path(), 'utf8');
  assert.match(text, /一、短的部分/);
  assert.deepEqual(outside(requests), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the single file compares two versions (对比) with its inlined dialog and file module', async () => {
  const { page, errors, requests } = await openFile();
  await paste(page, SHORT);
  await waitForParts(page, ['一、', '二、']);
  await page.locator('.compare-open').click();
  await page.getByRole('textbox', { name: '另一稿' }).fill(SHORT.replace('二、另一部分\n', ''));
  await page.locator('.compare-run').click();
  await page.locator('.compare-result .cmp-added').waitFor();
  assert.match(await page.locator('.compare-result .cmp-summary').textContent(), /^新增 1 · 删去 0/);
  assert.deepEqual(outside(requests), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the single file keeps its 文档库 on disk too', async () => {
  const { page, errors, requests } = await openFile();
  await paste(page, SHORT);
  await page.getByRole('button', { name: '文档库' }).click();
  const panel = page.getByRole('dialog', { name: '文档库' });
  // The text is kept a second after the app saves it; the list follows.
  await panel.locator('tbody tr').filter({ hasText: '短的部分' }).waitFor();
  assert.match(await panel.getByText(/^共 \d+ 篇$/).textContent(), /^共 1 篇$/);
  assert.deepEqual(outside(requests), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the single file parses a large text in its inlined worker', async () => {
  const { page, errors, requests } = await openFile();
  const text = await corpus({ speeches: true });
  await stagePaste(page, text, Math.ceil(1_500_000 / Buffer.byteLength(text)));
  const before = await page.evaluate(() => performance.getEntriesByName('gangmu:outline').length);
  await pasteStaged(page);
  await page.waitForFunction((count) => performance.getEntriesByName('gangmu:outline').length > count, before, {
    timeout: 60_000,
  });
  await page.locator('.analyzing').waitFor({ state: 'detached' });
  const worker = requests.filter((url) => url.startsWith('blob:'));
  assert.ok(worker.length > 0, 'the worker ran from a blob: URL');
  assert.deepEqual(outside(requests), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the site offers the single file, and serves it', async () => {
  const server = await serveDist();
  try {
    const { page, errors } = await openApp(browser, server.url);
    const link = page.getByRole('link', { name: '下载离线版' });
    assert.equal(await link.getAttribute('href'), 'gangmu-offline.html');
    const download = page.waitForEvent('download');
    await link.click();
    const file = await download;
    assert.equal(file.suggestedFilename(), '纲目-离线版.html');
    assert.deepEqual(await readFile(await file.path()), await readFile(FILE));
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await server.close();
  }
});

test('after one visit the site opens with no network, from its service worker', async () => {
  const server = await serveDist();
  let closed = false;
  try {
    const { page, errors } = await openApp(browser, server.url, { serviceWorkers: 'allow' });
    // Registered once the page is idle after its first outline; it takes
    // this page over when it has cached the site.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    const build = (await readFile(join(DIST, 'sw.js'), 'utf8')).match(/"([0-9a-f]{16})"/)[1];
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`gangmu-${build}`]);
    // No server and no network now.
    await server.close();
    closed = true;
    await page.context().setOffline(true);
    const served = [];
    page.on('response', (response) => served.push(response.fromServiceWorker()));
    await page.reload();
    await page.locator('[role=tree] [role=treeitem]').first().waitFor();
    assert.ok(partLabels(await readOutline(page)).length >= 3, 'the sample is outlined');
    await paste(page, SHORT);
    await waitForParts(page, ['一、', '二、']);
    assert.ok(served.length > 0 && served.every(Boolean), 'every file came from the service worker');
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    if (!closed) await server.close();
  }
});
