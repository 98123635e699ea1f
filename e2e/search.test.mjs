// 搜索: the tree narrows to the rows that match and their ancestors, the
// matches are marked, a count is shown, and Escape brings the tree back.

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
  await search.fill('认识');
  await page.getByText('4 处匹配').waitFor();

  const rows = await shownRows(page);
  assert.equal(rows.length, 4, rows.join('\n'));
  assert.match(rows[0], /^一、深刻认识/);
  for (const row of rows.slice(1)) assert.match(row, /^必须.{2}认识到/);
  const marks = await page.locator('[role=tree] mark').allInnerTexts();
  assert.deepEqual(marks, ['认识', '认识', '认识', '认识']);

  // A match's ancestors are shown even where they do not match.
  await search.fill('塑优塑活');
  await page.getByText('1 处匹配').waitFor();
  assert.deepEqual(
    (await shownRows(page)).map((row) => row.slice(0, 2)),
    ['二、', '三要'],
  );

  await search.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[role=tree] mark'));
  assert.equal(await search.inputValue(), '');
  assert.equal((await shownRows(page)).length, rowsBefore);
  assert.equal(await page.getByText(/处匹配/).count(), 0);
});

test('search ignores case and full-width forms; no match says so', async () => {
  const page = await open();
  await paste(page, '同志们：\n一、推进 AI 应用\n正文。\n二、其他工作\n正文。\n');
  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill('ａｉ');
  await page.getByText('1 处匹配').waitFor();
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
  await page.getByText('无匹配').waitFor();
  await search.press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length > 5);
  assert.equal(
    await page.locator('[role=treeitem][aria-expanded=false]').count(),
    0,
    '1 typed in the search box does not fold the tree',
  );
});
