// 文档库 (www/library.js): texts kept in IndexedDB as they are pasted and
// edited — listed, filtered, renamed, deleted and brought back, opened into
// 原文 (with 撤销), compared; 100 documents of the corpus's sizes imported
// from one JSON Lines file, kept over a reload, not stored twice, exported;
// two tabs keeping their own records; a browser that refuses storage.

import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { appSession, paste, ROOT } from './harness.mjs';

const open = appSession();
const FIRST = '关于今年经济工作的报告\n\n一、稳定经济\n（一）扩大内需\n（二）稳定就业\n二、深化改革\n';
const SECOND = '在全市干部大会上的讲话\n\n一、提高认识\n一要统一思想。二要狠抓落实。\n二、加强领导\n';

/** The panel's rows: title, speaker, date and size of each. */
function rows(page) {
  return page.locator('table.library tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].slice(0, 4).map((cell) => cell.textContent)),
  );
}

/** Opens 文档库 and waits until it lists `count` rows. */
async function openLibrary(page, count) {
  await page.getByRole('button', { name: '文档库' }).click();
  const panel = page.getByRole('dialog', { name: '文档库' });
  await panel.waitFor();
  if (count !== undefined) {
    await page.waitForFunction(
      (count) => document.querySelectorAll('table.library tbody tr').length === count,
      count,
    );
  }
  return panel;
}

/**
 * Every record's text in the library, sorted ([] before it exists: it is
 * not opened here until the page has made it, which an open would do).
 */
function keptTexts(page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((db) => db.name === 'gangmu-library')) return [];
    return new Promise((resolve) => {
      const request = indexedDB.open('gangmu-library');
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('docs')) return resolve([]);
        const all = db.transaction('docs').objectStore('docs').getAll();
        all.onsuccess = () => resolve(all.result.map((record) => record.text).sort());
        db.close();
      };
      request.onerror = () => resolve([]);
    });
  });
}

/** Waits until the library holds `count` records (it keeps a text a second after the app saves it). */
async function waitKept(page, count) {
  for (let tries = 0; (await keptTexts(page)).length !== count; tries += 1) {
    assert.ok(tries < 100, `${(await keptTexts(page)).length} kept, not ${count}`);
    await page.waitForTimeout(100);
  }
}

test('文档库 keeps the texts pasted, lists, filters, renames, deletes with 撤销 and opens them', async () => {
  const page = await open();
  await paste(page, FIRST);
  await waitKept(page, 1);
  await paste(page, SECOND);
  await waitKept(page, 2);
  // An edit of the second is the same document.
  const edit = SECOND.replace('二、加强领导', '二、加强组织领导');
  await paste(page, edit);
  for (let tries = 0; !(await keptTexts(page)).includes(edit); tries += 1) {
    assert.ok(tries < 100, 'the edit is kept');
    await page.waitForTimeout(100);
  }
  assert.equal((await keptTexts(page)).length, 2);

  const panel = await openLibrary(page, 2);
  await page.waitForFunction(() => document.querySelector('table.library tbody tr td')?.textContent === '在全市干部大会上的讲话');
  // 字数 as the app's statistics line counts: no whitespace.
  const count = (text) => `${[...text.replace(/\s/g, '')].length}`;
  assert.deepEqual(await rows(page), [
    ['在全市干部大会上的讲话', '', '', `${Number(count(SECOND)) + 2}`],
    ['关于今年经济工作的报告', '', '', count(FIRST)],
  ]);
  // And the same as that line for the text in 原文.
  assert.match(await page.locator('.stats').first().textContent(), new RegExp(`^${Number(count(SECOND)) + 2} 字`));

  await panel.getByRole('searchbox', { name: '按标题筛选' }).fill('经济');
  await page.waitForFunction(() => document.querySelectorAll('table.library tbody tr').length === 1);
  await panel.getByRole('searchbox', { name: '按标题筛选' }).fill('');
  await page.waitForFunction(() => document.querySelectorAll('table.library tbody tr').length === 2);

  // 重命名 the first report.
  const firstRow = panel.locator('tbody tr').filter({ hasText: '关于今年经济工作的报告' });
  await firstRow.getByRole('button', { name: '重命名' }).click();
  await panel.getByRole('textbox', { name: '新的标题' }).fill('去年的报告');
  await page.keyboard.press('Enter');
  await panel.locator('tbody tr td.title').filter({ hasText: '去年的报告' }).waitFor();

  // 删除, then 撤销.
  await panel.locator('tbody tr').filter({ hasText: '去年的报告' }).getByRole('button', { name: '删除' }).click();
  await panel.getByText('已删除“去年的报告”').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('table.library tbody tr').length === 1);
  await panel.getByRole('button', { name: '撤销' }).click();
  await page.waitForFunction(() => document.querySelectorAll('table.library tbody tr').length === 2);

  // 打开: the text comes into 原文 as an opened file does, with 撤销.
  await panel.locator('tbody tr').filter({ hasText: '去年的报告' }).getByRole('button', { name: '打开' }).click();
  await panel.waitFor({ state: 'hidden' });
  // The file is read asynchronously, as a dropped one is.
  await page.waitForFunction((text) => document.querySelector('.source-text').value === text, FIRST);
  await page.locator('[role=treeitem] > .row').filter({ hasText: '扩大内需' }).waitFor();
  await page.getByRole('button', { name: '撤销' }).waitFor();

  // Kept over a reload; the renamed title stays.
  await page.reload();
  await page.locator('[role=tree] [role=treeitem]').first().waitFor();
  await openLibrary(page, 2);
  assert.deepEqual((await rows(page)).map((row) => row[0]).sort(), ['去年的报告', '在全市干部大会上的讲话']);
});

test('文档库: 对比 a kept text with the one in 原文', async () => {
  const page = await open();
  await paste(page, FIRST);
  await waitKept(page, 1);
  await paste(page, FIRST.replace('（二）稳定就业\n', ''));
  // Most of it kept: an edit, one record.
  await waitKept(page, 1);
  await paste(page, SECOND);
  await waitKept(page, 2);
  const panel = await openLibrary(page, 2);
  await panel.locator('tbody tr').filter({ hasText: '关于今年经济工作的报告' }).getByRole('button', { name: '对比' }).click();
  const dialog = page.getByRole('dialog', { name: '对比两稿' });
  await dialog.waitFor();
  assert.equal(await dialog.getByRole('textbox', { name: '另一稿' }).inputValue(), FIRST.replace('（二）稳定就业\n', ''));
  await dialog.getByRole('button', { name: '对比', exact: true }).click();
  await page.locator('.compare-result .cmp-summary').waitFor();
});

test('文档库 holds 100 documents of the corpus, over a reload, each once, and exports them', async () => {
  const page = await open();
  const dir = join(ROOT, 'tests', 'corpus');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  const documents = [];
  for (let copy = 0; documents.length < 100; copy += 1) {
    for (const text of texts) if (documents.length < 100) documents.push(`${text}\n（副本 ${copy}）\n`);
  }
  const lines = documents.map((text, at) => JSON.stringify({ title: `文档 ${at + 1}`, text }));
  const file = join(process.env.TMPDIR ?? '/tmp', 'gangmu-library-test.jsonl');
  await writeFile(file, lines.join('\n') + '\n{"not":"a document"}\n');

  const panel = await openLibrary(page);
  // Nothing kept yet (the sample is not kept): said so.
  await panel.getByText('还没有保存的文本：在原文中粘贴、输入或打开一篇，它就会保存在这里。').waitFor();
  await panel.locator('input[type=file]').setInputFiles(file);
  await panel.getByText('已导入 100 篇，1 行无法读取。').waitFor({ timeout: 60_000 });
  await page.reload();
  await page.locator('[role=tree] [role=treeitem]').first().waitFor();
  const again = await openLibrary(page);
  await again.getByText(/^共 10[01] 篇$/).waitFor({ timeout: 30_000 });
  // The same file again: every document is there already.
  await again.locator('input[type=file]').setInputFiles(file);
  await again.getByText('已导入 0 篇，跳过重复 100 篇，1 行无法读取。').waitFor({ timeout: 60_000 });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    again.getByRole('button', { name: '导出文档库' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^纲目-文档库-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const exported = (await readFile(await download.path(), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
  assert.ok(exported.length >= 100, `${exported.length} exported`);
  assert.ok(documents.every((text) => exported.some((entry) => entry.text === text)), 'every document exported whole');
});

test('文档库: two tabs keep their own documents', async () => {
  const page = await open();
  // A second tab of the same browser profile (open() gives each test one
  // of its own).
  const other = await page.evaluate(() => location.href).then(async (url) => {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((url) => window.open(url), url)]);
    return popup;
  });
  await other.locator('[role=tree] [role=treeitem]').first().waitFor();
  await paste(page, FIRST);
  await waitKept(page, 1);
  await paste(other, SECOND);
  await waitKept(page, 2);
  // Each tab edits its own record.
  const edited = [FIRST.replace('二、深化改革', '二、全面深化改革'), SECOND.replace('二、加强领导', '二、加强党的领导')];
  await paste(page, edited[0]);
  await paste(other, edited[1]);
  for (let tries = 0; JSON.stringify(await keptTexts(page)) !== JSON.stringify([...edited].sort()); tries += 1) {
    assert.ok(tries < 100, `kept: ${JSON.stringify(await keptTexts(page))}`);
    await page.waitForTimeout(100);
  }
  await other.close();
});

test('文档库: a browser that refuses storage is told in Chinese, and 原文 keeps the text', async () => {
  const page = await open({
    beforeLoad: (page) =>
      page.addInitScript(() => {
        indexedDB.open = () => {
          throw new DOMException('refused', 'SecurityError');
        };
      }),
  });
  await paste(page, FIRST);
  await openLibrary(page);
  await page.getByText('浏览器拒绝了保存（可能是隐私模式，或空间已满）：原文中的文字不受影响。').waitFor();
  assert.equal(await page.locator('.source-text').inputValue(), FIRST);
});

test('文档库: the text kept before it existed is its first document', async () => {
  const page = await open({
    beforeLoad: (page) =>
      page.addInitScript((text) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('gangmu:text', text);
          sessionStorage.setItem('seeded', '1');
        }
      }, SECOND),
  });
  assert.equal(await page.locator('.source-text').inputValue(), SECOND);
  await waitKept(page, 1);
  assert.deepEqual(await keptTexts(page), [SECOND]);
});
