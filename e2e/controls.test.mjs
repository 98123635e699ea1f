// Folding: clicks, the buttons, the levels 1 2 3 (buttons and keys), 显示段落, 显示要句,
// folds that survive an edit, and no parse while an input method composes.
// Run with `node --test e2e/` after `make dist`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appSession, item, paste, partLabels, readOutline } from './harness.mjs';

const open = appSession();

/** Waits until every node that can fold has aria-expanded = `value`. */
const waitAllExpanded = (page, value) =>
  page.waitForFunction((value) => {
    const items = [...document.querySelectorAll('[role=treeitem][aria-expanded]')];
    return items.length > 0 && items.every((item) => item.getAttribute('aria-expanded') === value);
  }, value);

/** Waits until the treeitem `item` (a locator) has aria-expanded = `value`. */
const waitExpanded = async (item, value) =>
  item.page().waitForFunction(
    ([element, value]) => element.getAttribute('aria-expanded') === value,
    [await item.elementHandle(), value],
  );

/** The aria-levels of the rows shown, in order. */
const shownLevels = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[role=treeitem]')]
      .filter((item) => item.getClientRects().length > 0)
      .map((item) => Number(item.getAttribute('aria-level'))),
  );

// A text three levels deep: parts, sections, tasks.
const DEEP = [
  '同志们：',
  '一、第一部分',
  '（一）第一节',
  '一要甲。',
  '二要乙。',
  '（二）第二节',
  '一是丙。',
  '二是丁。',
  '二、第二部分',
  '（一）第三节',
  '一要戊。',
  '二要己。',
  '（二）第四节',
  '正文。',
  '',
].join('\n');
const ALL = [1, 1, 2, 3, 3, 2, 3, 3, 1, 2, 3, 3, 2];
const TWO = [1, 1, 2, 2, 1, 2, 2];

test('全部折叠 and 全部展开 fold and unfold the whole tree', async () => {
  const page = await open();
  await waitAllExpanded(page, 'true');
  const task = page.locator('[role=treeitem][aria-level="2"]').first();

  await page.getByRole('button', { name: '全部折叠' }).click();
  await waitAllExpanded(page, 'false');
  assert.equal(await task.isVisible(), false);

  await page.getByRole('button', { name: '全部展开' }).click();
  await waitAllExpanded(page, 'true');
  assert.equal(await task.isVisible(), true);
});

test('clicking a row folds and unfolds it', async () => {
  const page = await open();
  const part = item(page, '二、');
  const row = part.locator(':scope > .row');
  await row.click();
  await waitExpanded(part, 'false');
  assert.equal(await item(page, '一要把').isVisible(), false);
  await row.click();
  await waitExpanded(part, 'true');
});

test('the level buttons show the outline to a depth', async () => {
  const page = await open();
  await paste(page, DEEP);
  assert.deepEqual(await shownLevels(page), ALL);
  await page.getByRole('button', { name: '展开到第 1 级' }).click();
  await page.waitForFunction(() => !document.querySelector('[aria-level="2"]')?.getClientRects().length);
  assert.deepEqual(await shownLevels(page), [1, 1, 1]);
  await page.getByRole('button', { name: '展开到第 2 级' }).click();
  await page.waitForFunction(() => document.querySelector('[aria-level="2"]')?.getClientRects().length);
  assert.deepEqual(await shownLevels(page), TWO);
  await page.getByRole('button', { name: '展开到第 3 级' }).click();
  await page.waitForFunction(() => document.querySelector('[aria-level="3"]')?.getClientRects().length);
  assert.deepEqual(await shownLevels(page), ALL);
});

test('keys 1 2 3 0 9 fold to a level, except while typing', async () => {
  const page = await open();
  await paste(page, DEEP);
  const levels = async (key, expected) => {
    await page.keyboard.press(key);
    await page.waitForFunction(
      (count) => [...document.querySelectorAll('[role=treeitem]')].filter((item) => item.getClientRects().length).length === count,
      expected.length,
    );
    assert.deepEqual(await shownLevels(page), expected, `after ${key}`);
  };
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await levels('1', [1, 1, 1]);
  await levels('2', TWO);
  await levels('9', ALL);
  await levels('0', [1, 1, 1]);
  await levels('3', ALL);

  // In the tree the keys work too; in the textarea they are text.
  await item(page, '一、').focus();
  await levels('1', [1, 1, 1]);
  const textarea = page.getByRole('textbox', { name: '原文' });
  await textarea.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('9');
  assert.ok((await textarea.inputValue()).includes('9'));
  assert.deepEqual(await shownLevels(page), [1, 1, 1]);
});

test('folding the focused row’s ancestor moves the focus to it', async () => {
  const page = await open();
  // On a slow machine the textarea's echo of the focused row's selection
  // arrives after the fold: it must not unfold and reselect the row.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
  await item(page, '三要把发展环境').focus();
  await page.keyboard.press('1');
  await page.waitForFunction(
    () => document.activeElement?.querySelector(':scope > .row')?.textContent.startsWith('二、'),
  );
});

test('显示段落 shows plain paragraphs by their first sentence', async () => {
  const page = await open();
  const toggle = page.getByRole('button', { name: '显示段落' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('.node-paragraph').count(), 0);
  const preamble = item(page, '同志们：');
  assert.equal(await preamble.getAttribute('aria-expanded'), null, 'no children shown');

  await toggle.click();
  await page.locator('.node-paragraph').first().waitFor();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await preamble.getAttribute('aria-expanded'), 'true');
  const first = item(page, '经过前段时间的充分准备');
  assert.equal(await first.getAttribute('aria-level'), '2');

  await toggle.click();
  await page.waitForFunction(() => !document.querySelector('.node-paragraph'));
});

// Issue 14, item 1: the key sentences under their headings, kept for
// the next visit.
test('显示要句 shows the key sentences in full and stays on', async () => {
  const page = await open();
  const toggle = page.getByRole('button', { name: '显示要句' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('.key-sentence').count(), 0);
  await toggle.click();
  await page.locator('.key-sentence').first().waitFor();
  const sentences = await page
    .locator('[role=treeitem]:has(> .row .heading:text-matches("^必须")) > .row .key-sentence')
    .allInnerTexts();
  assert.deepEqual(sentences, [
    '必须充分认识到，开展集中专项行动市从严履行管党治党政治责任的严肃要求',
    '必须清醒认识到，开展集中专项行动是提振队伍士气、转变干部作风的迫切需要',
    '必须深刻认识到，开展集中专项行动是推动高质量发展、建设现代化的重要保障',
  ]);
  await page.reload();
  await page.locator('.key-sentence').first().waitFor();
  assert.equal(await page.getByRole('button', { name: '显示要句' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: '显示要句' }).click();
  await page.waitForFunction(() => !document.querySelector('.key-sentence'));
});

test('folds survive an edit wherever the same nodes remain', async () => {
  const page = await open();
  const textarea = page.getByRole('textbox', { name: '原文' });
  await item(page, '二、').locator(':scope > .row').click();
  await waitExpanded(item(page, '二、'), 'false');
  await item(page, '三、').locator(':scope > .row').click();
  await waitExpanded(item(page, '三、'), 'false');

  // Text added at the start shifts every span; text added in part 一、
  // changes its children. Neither touches 二、 or 三、.
  const text = await textarea.inputValue();
  const edited = text
    .replace('同志们：', '（新加的一行）\n同志们：')
    .replace('必须清醒认识到', '必须清醒而又深刻地认识到');
  assert.notEqual(edited, text);
  await paste(page, edited);
  assert.equal(await item(page, '二、').getAttribute('aria-expanded'), 'false');
  assert.equal(await item(page, '三、').getAttribute('aria-expanded'), 'false');
  assert.equal(await item(page, '一、').getAttribute('aria-expanded'), 'true');

  // A new part before them renumbers nothing that they are keyed by.
  await paste(page, edited.replace('二、准确把握', '一、插入的部分\n二、准确把握'));
  assert.equal(await item(page, '二、准确把握').getAttribute('aria-expanded'), 'false');
});

test('no parse while an input method is composing', async () => {
  // A fake clock makes the 150 ms debounce deterministic. (It also stubs
  // the Performance API, so this test watches the outline, not measures.)
  const page = await open({ beforeLoad: (page) => page.clock.install() });
  const textarea = page.getByRole('textbox', { name: '原文' });
  const sample = ['一、', '二、', '三、'];

  await textarea.evaluate((element) => {
    element.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    element.value = '同志们：\n一、输入法\n正文。\n二、第二部分\n正文。\n';
    element.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
  });
  await page.clock.runFor(1000);
  assert.deepEqual(partLabels(await readOutline(page)), sample, 'parsed while composing');

  await textarea.evaluate((element) =>
    element.dispatchEvent(new CompositionEvent('compositionend', { data: '法' })),
  );
  await page.clock.runFor(100);
  assert.deepEqual(partLabels(await readOutline(page)), sample, 'the debounce is still waiting');
  await page.clock.runFor(100);
  // Fake timers stop page.waitForFunction from polling; the render
  // follows the timer within the same task, so reading now is enough.
  assert.deepEqual(partLabels(await readOutline(page)), ['一、', '二、']);
});
