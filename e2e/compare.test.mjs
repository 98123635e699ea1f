// 对比: the text in 原文 against another version pasted into the dialog —
// the rows 新增/删去/改写/不变 with the changed words marked, the roles of
// the two texts swapped, 导出 of the comparison, and the words for empty
// input. (The alignment itself is tested natively: tests/compare.rs.)

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { appSession, paste, waitForParts } from './harness.mjs';

const open = appSession();

/** The comparison's rows: each row's change and its old and new cells. */
function rows(page) {
  return page.locator('.compare-result table.cmp:not(.cmp-numbers) tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      change: row.querySelector('.change').textContent,
      old: row.querySelector('td.old').textContent,
      new: row.querySelector('td.new').textContent,
      inserted: [...row.querySelectorAll('td.new ins')].map((ins) => ins.textContent),
    })),
  );
}

test('对比 shows what changed between the sample and an earlier draft of it', async () => {
  const page = await open();
  await waitForParts(page, ['一、', '二、', '三、']);
  const sample = await page.locator('.source-text').inputValue();
  // The earlier draft: without the fifth task of part 二, and with the
  // fourth's heading shorter.
  const draft = sample
    .split('\n')
    .filter((line) => !line.startsWith('五要推动案件清查高质高效'))
    .join('\n')
    .replace('四要守护社会正义正气。', '四要守护社会正义。');
  assert.notEqual(draft, sample);

  await page.locator('.compare-open').click();
  const dialog = page.getByRole('dialog', { name: '对比两稿' });
  await dialog.waitFor();
  // Nothing to compare yet: said so, nothing else happens.
  await dialog.getByRole('button', { name: '对比', exact: true }).click();
  await dialog.getByText('请先粘贴或打开另一稿。').waitFor();

  await dialog.getByRole('textbox', { name: '另一稿' }).fill(draft);
  await dialog.getByRole('button', { name: '对比', exact: true }).click();
  await page.locator('.compare-result table.cmp').waitFor();
  const shown = await rows(page);
  const changed = shown.filter((row) => row.change !== '不变');
  assert.deepEqual(changed, [
    { change: '改写', old: '四要守护社会正义', new: '四要守护社会正义正气', inserted: ['正气'] },
    { change: '新增', old: '', new: '五要推动案件清查高质高效', inserted: [] },
  ]);
  // Every other node of the outline is there, unchanged: a row for each
  // part, section, task and point of the tree, none dropped.
  const structural = await page
    .locator('[role=tree] [role=treeitem]')
    .evaluateAll((items) => items.filter((item) => /node-(part|section|task|point|appendix)\b/.test(item.className)).length);
  assert.equal(shown.length, structural, `${shown.length} rows for ${structural} nodes in the tree`);
  assert.match(await page.locator('.compare-result .cmp-summary').textContent(), /^新增 1 · 删去 0 · 改写 1 · 不变 \d+$/);

  // A row of the text in 原文 shows its passage there: selected, in view,
  // and its row chosen in the outline.
  await page.locator('.compare-result td.new').filter({ hasText: '五要推动案件清查高质高效' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const passage = await page.locator('.source-text').evaluate((textarea) => ({
    text: textarea.value.slice(textarea.selectionStart, textarea.selectionEnd),
    scrolled: textarea.scrollTop > 0,
  }));
  assert.ok(passage.text.startsWith('五要推动案件清查高质高效。'), passage.text.slice(0, 20));
  assert.ok(passage.scrolled, 'the passage is scrolled into view');
  await page.waitForFunction(() =>
    document.querySelector('[role=treeitem][aria-selected=true] > .row')?.textContent.includes('五要推动案件清查'),
  );
  await page.locator('.compare-open').click();

  // 只看变化 hides the rows 不变, and only those.
  await dialog.getByLabel('只看变化').check();
  const visible = await page.locator('.compare-result tbody tr:visible .change').allTextContents();
  assert.deepEqual(visible, ['改写', '新增']);
  await dialog.getByLabel('只看变化').uncheck();

  // The other way round: the text in 原文 is the old one.
  await dialog.getByLabel('原文是旧稿，另一稿是新稿').check();
  await dialog.getByRole('button', { name: '对比', exact: true }).click();
  await page.waitForFunction(() =>
    document.querySelector('.compare-result .cmp-summary')?.textContent.startsWith('新增 0 · 删去 1'),
  );

  // 导出 Markdown: a file named after the new text, with the changes.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '导出 Markdown' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^纲目-对比-.+\.md$/);
  const markdown = await readFile(await download.path(), 'utf8');
  assert.match(markdown, /- \*\*删去\*\* ~~五要推动案件清查高质高效~~/);
  assert.match(markdown, /\*\*改写\*\* 四要守护社会正义~~正气~~/);

  // 导出 Word: a .docx (a ZIP) under the same name.
  const [word] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '导出 Word' }).click(),
  ]);
  assert.match(word.suggestedFilename(), /^纲目-对比-.+\.docx$/);
  assert.equal((await readFile(await word.path())).subarray(0, 2).toString(), 'PK');

  // Closed and opened again, the dialog keeps the draft; 原文 never changed.
  await dialog.getByRole('button', { name: '关闭' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('.compare-open').click();
  assert.equal(await dialog.getByRole('textbox', { name: '另一稿' }).inputValue(), draft);
  assert.equal(await page.locator('.source-text').inputValue(), sample);
});

test('对比 of two real reports: the pairs a reader agrees with, the rest 新增 or 删去', async () => {
  const page = await open();
  const read = (name) => readFile(new URL(`../tests/corpus/${name}.txt`, import.meta.url), 'utf8');
  const [old, now] = await Promise.all([
    read('14_gwr2017_zero-width-breaks'),
    read('15_gwr2026_neimenggu_web-boilerplate-yiyao'),
  ]);
  await paste(page, now);
  await page.locator('.compare-open').click();
  const dialog = page.getByRole('dialog', { name: '对比两稿' });
  await dialog.getByRole('textbox', { name: '另一稿' }).fill(old);
  await dialog.getByRole('button', { name: '对比', exact: true }).click();
  await page.locator('.compare-result table.cmp').waitFor();
  const shown = await rows(page);
  const paired = shown.filter((row) => row.old && row.new).map((row) => [row.change, row.old, row.new]);
  // The three pairs of tests/compare/gwr2017_neimenggu2026.pairs.txt the
  // aligner finds (tests/compare.rs), each reworded.
  assert.deepEqual(paired, [
    ['改写', '一、2016年工作回顾', '“十四五”时期发展成就和2025年工作回顾'],
    ['改写', '三是大力深化改革开放，发展活力进一步增强', '三是全面深化改革开放'],
    ['改写', '三、2017年重点工作任务', '“十五五”时期主要目标和2026年重点工作'],
  ]);
  assert.ok(shown.every((row) => ['新增', '删去', '改写'].includes(row.change)));
  assert.ok(shown.some((row) => row.change === '删去') && shown.some((row) => row.change === '新增'));
  // 新提法 lists the terms only the new report uses, first among them “十五五”.
  assert.match(await page.locator('.compare-result ul.cmp-terms li').first().textContent(), /^“十五五” ×\d+$/);
});
