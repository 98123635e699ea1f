// 搜索: the tree narrows to the rows whose text holds the words (or, with
// 仅标题, whose heading does) and their ancestors, the matches are marked,
// a count is shown, Enter steps through the places in 原文, and Escape
// brings the tree back.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appSession, paste, readOutline } from './harness.mjs';

const open = appSession();

/** The text of every row shown, in order. */
const shownRows = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role=treeitem] > .row')]
      .filter((row) => row.getClientRects().length > 0)
      .map((row) => row.querySelector('.label, .heading')?.parentElement.textContent),
  );

test('the search filters the tree, marks the matches and counts them', async () => {
  const page = await open();
  const rowsBefore = (await shownRows(page)).length;
  const search = page.getByRole('searchbox', { name: '搜索' });
  const headingsOnly = page.getByRole('button', { name: '仅标题' });
  await headingsOnly.click();
  assert.equal(await headingsOnly.getAttribute('aria-pressed'), 'true');
  await search.fill('认识');
  await page.getByText('4 个标题').waitFor();

  const rows = await shownRows(page);
  assert.equal(rows.length, 4, rows.join('\n'));
  assert.match(rows[0], /^一、深刻认识/);
  for (const row of rows.slice(1)) assert.match(row, /^必须.{2}认识到/);
  const marks = await page.locator('[role=tree] mark').allInnerTexts();
  assert.deepEqual(marks, ['认识', '认识', '认识', '认识']);

  // A match's ancestors are shown even where they do not match.
  await search.fill('塑优塑活');
  await page.getByText('1 个标题').waitFor();
  assert.deepEqual(
    (await shownRows(page)).map((row) => row.slice(0, 2)),
    ['二、', '三要'],
  );

  await search.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[role=tree] mark'));
  assert.equal(await search.inputValue(), '');
  assert.equal((await shownRows(page)).length, rowsBefore);
  assert.equal(await page.getByText(/个标题/).count(), 0);
});

// Issue 14, item 5: a term of the body is found where it is, with a
// count and a snippet, and Enter shows each place in 原文 in turn.
test('the search finds words in the text and Enter shows each place', async () => {
  const page = await open();
  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill('潜规则');
  await page.getByText('2 处匹配').waitFor();
  // Each place is counted once, for the row whose own text holds it,
  // with a snippet of it.
  const rows = page.locator('[role=tree] .row:has(.hits)');
  const counts = await rows.locator('.hits').allInnerTexts();
  assert.equal(counts.map((count) => Number.parseInt(count, 10)).reduce((a, b) => a + b, 0), 2, counts.join());
  assert.deepEqual(
    [...new Set(await rows.locator('.snippet mark').allInnerTexts())],
    ['潜规则'],
  );

  const selected = () =>
    page.locator('textarea').evaluate((area) => area.value.slice(area.selectionStart, area.selectionEnd));
  const caret = () => page.locator('textarea').evaluate((area) => area.selectionStart);
  await search.press('Enter');
  await page.waitForFunction(() => {
    const area = document.querySelector('textarea');
    return area.value.slice(area.selectionStart, area.selectionEnd) === '潜规则';
  });
  const first = await caret();
  await search.press('Enter');
  await page.waitForFunction((first) => document.querySelector('textarea').selectionStart !== first, first);
  assert.equal(await selected(), '潜规则');
  assert.ok((await caret()) > first, 'the second place comes after the first');
  await search.press('Shift+Enter');
  await page.waitForFunction((first) => document.querySelector('textarea').selectionStart === first, first);
  assert.equal(await search.evaluate((element) => element === document.activeElement), true);
});

test('search ignores case and full-width forms; no match says so', async () => {
  const page = await open();
  await paste(page, '同志们：\n一、推进 AI 应用\n正文。\n二、其他工作\n正文。\n');
  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill('ａｉ');
  await page.getByText('1 处匹配').waitFor();
  await page.getByText('1 处', { exact: true }).waitFor();
  assert.deepEqual(await page.locator('[role=tree] mark').allInnerTexts(), ['AI']);
  await search.fill('没有这个词');
  await page.getByText('无匹配').waitFor();
  assert.equal((await readOutline(page)).length, 0);
});

test('the search box keeps digits and / to itself', async () => {
  const page = await open();
  const search = page.getByRole('searchbox', { name: '搜索' });
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.type === 'search');
  await page.keyboard.type('1');
  assert.equal(await search.inputValue(), '1');
  await page.getByText(/处匹配|无匹配/).waitFor();
  await search.press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length > 5);
  assert.equal(
    await page.locator('[role=treeitem][aria-expanded=false]').count(),
    0,
    '1 typed in the search box does not fold the tree',
  );
});

// Issue 13, item 16: with a Chinese input method, the pinyin being composed
// (renshi) is not searched; the characters it commits (认识) are. Keys the
// input method takes (isComposing) never reach the tree's type-ahead.
test('the search and the tree wait for an input method to commit', async () => {
  const page = await open({ beforeLoad: (page) => page.clock.install() });
  const search = page.getByRole('searchbox', { name: '搜索' });
  const marks = () => page.locator('[role=tree] mark').count();
  await search.evaluate((element) => {
    element.focus();
    element.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    element.value = 'renshi';
    element.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
  });
  await page.clock.runFor(1000);
  assert.equal(await page.getByText(/处匹配|无匹配/).count(), 0, 'searched while composing');

  await search.evaluate((element) => {
    element.value = '认识';
    element.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
    element.dispatchEvent(new CompositionEvent('compositionend', { data: '认识' }));
  });
  await page.clock.runFor(1000);
  assert.equal(await page.getByText('7 处匹配').count(), 1);
  assert.ok((await marks()) >= 4);

  // In the tree, a key the input method is composing with is no
  // type-ahead; the same key committed is.
  await search.press('Escape');
  await page.clock.runFor(1000);
  const tree = page.getByRole('tree', { name: '提纲' });
  await tree.locator('[role=treeitem]').first().focus();
  const focused = () => page.evaluate(() => document.activeElement.querySelector(':scope > .row')?.textContent ?? '');
  const key = (isComposing) =>
    page.evaluate(
      (isComposing) =>
        document.activeElement.dispatchEvent(
          new KeyboardEvent('keydown', { key: '二', bubbles: true, cancelable: true, isComposing }),
        ),
      isComposing,
    );
  const before = await focused();
  assert.doesNotMatch(before, /^二、/);
  await key(true);
  await page.clock.runFor(1000);
  assert.equal(await focused(), before, 'a composing key moved the tree');
  await key(false);
  await page.clock.runFor(1000);
  assert.match(await focused(), /^二、/, 'the committed key is type-ahead');
});
