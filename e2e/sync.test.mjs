// The outline and the source follow each other: a row chosen in the tree
// is selected (and scrolled to) in the textarea; the caret in the textarea
// selects the row that holds it. Spans count code points and the textarea
// counts UTF-16 units, so the texts here put characters outside the BMP
// before the rows they check.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appSession, item, paste, selectedText, sourceSelection, waitSelected } from './harness.mjs';

const open = appSession();

// 𠮷 (U+20BB7) and 😀 take two UTF-16 units each: five of them before the
// rows below shift every UTF-16 offset by five from the code-point offset.
const ASTRAL = [
  '同志们：',
  '𠮷𠮷𠮷今天讲两点意见😀😀。',
  '一、第一部分',
  '正文。',
  '二、第二部分',
  '一要做好甲。',
  '二要做好乙。',
  '',
].join('\n');

test('choosing a row selects its text in the textarea, in UTF-16 units', async () => {
  const page = await open();
  await paste(page, ASTRAL);
  await item(page, '二要').locator(':scope > .row').click();
  await waitSelected(page, '二要');
  const value = await page.getByRole('textbox', { name: '原文' }).inputValue();
  const selection = await sourceSelection(page);
  assert.equal(selection.start, value.indexOf('二要做好乙'));
  assert.ok(selection.text.startsWith('二要做好乙。'), JSON.stringify(selection.text));
  assert.equal(value.slice(selection.end).trim(), '', 'the span runs to the end of the text');
  assert.equal(selection.focused, false, 'choosing a row leaves the focus in the tree');

  await item(page, '一、').locator(':scope > .row').click();
  await waitSelected(page, '一、');
  const part = await sourceSelection(page);
  assert.equal(part.start, value.indexOf('一、第一部分'));
  assert.equal(part.end, value.indexOf('二、第二部分') - 1, 'the part ends before the next');
});

test('the caret in the textarea selects the row that holds it', async () => {
  const page = await open();
  await paste(page, ASTRAL);
  const textarea = page.getByRole('textbox', { name: '原文' });
  const value = await textarea.inputValue();
  // On the last character of 一要's line: five units further on is 二要's line.
  const caret = value.indexOf('一要做好甲。') + 4;
  await textarea.evaluate((textarea, caret) => {
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
  }, caret);
  await page.keyboard.press('ArrowRight');
  await waitSelected(page, '一要');
  assert.equal(await textarea.evaluate((textarea) => textarea.selectionStart), caret + 1);
  assert.equal(
    await textarea.evaluate((textarea) => document.activeElement === textarea),
    true,
    'the focus stays in the textarea',
  );

  await page.keyboard.press('ArrowDown');
  await waitSelected(page, '二要');
  await page.keyboard.press('ControlOrMeta+Home');
  await waitSelected(page, '同志们：');
});

test('a click in the text reveals its row, unfolding what hides it', async () => {
  const page = await open();
  await page.getByRole('button', { name: '全部折叠' }).click();
  await page.waitForFunction(() => !document.querySelector('[aria-expanded=true]'));
  const textarea = page.getByRole('textbox', { name: '原文' });
  const value = await textarea.inputValue();
  const at = value.indexOf('四要守护社会正义正气') + 3;
  await textarea.evaluate((textarea, at) => {
    textarea.setSelectionRange(at, at);
    textarea.focus();
  }, at);
  // A click puts the caret where the mouse is; use the keyboard's caret instead.
  await page.keyboard.press('ArrowLeft');
  await waitSelected(page, '四要');
  const shown = await item(page, '四要').isVisible();
  assert.equal(shown, true, 'the row is shown');
  assert.equal(await item(page, '二、').getAttribute('aria-expanded'), 'true');
  assert.equal(await item(page, '三、').getAttribute('aria-expanded'), 'false');
});

test('choosing a far row scrolls the textarea to it, and paints it', async () => {
  const page = await open();
  const textarea = page.getByRole('textbox', { name: '原文' });
  assert.equal(await textarea.evaluate((textarea) => textarea.scrollTop), 0);
  await item(page, '五要推动案件').locator(':scope > .row').click();
  await waitSelected(page, '五要推动案件');
  const placed = await textarea.evaluate((textarea) => {
    const backdrop = document.querySelector('.source-backdrop');
    const range = document.createRange();
    range.setStart(backdrop.firstChild, textarea.selectionStart);
    range.setEnd(backdrop.firstChild, textarea.selectionStart + 1);
    const line = range.getBoundingClientRect();
    const box = textarea.getBoundingClientRect();
    return {
      scrollTop: textarea.scrollTop,
      inView: line.top >= box.top && line.bottom <= box.bottom,
      painted: CSS.highlights.has('gangmu-source'),
      synced: backdrop.scrollTop === textarea.scrollTop,
    };
  });
  assert.ok(placed.scrollTop > 0, 'scrolled');
  assert.deepEqual(
    { inView: placed.inView, painted: placed.painted, synced: placed.synced },
    { inView: true, painted: true, synced: true },
  );

  await item(page, '同志们：').locator(':scope > .row').click();
  await waitSelected(page, '同志们：');
  const back = await textarea.evaluate((textarea) => textarea.scrollTop);
  assert.ok(back < placed.scrollTop, 'scrolled back up');
});

test('a quotation in 引语 jumps to its place in the source', async () => {
  const page = await open();
  const quotes = page.getByRole('region', { name: '引语' });
  await quotes.getByRole('button', { name: /许多违纪违法/ }).click();
  await page.waitForFunction(() => {
    const textarea = document.querySelector('textarea');
    return textarea.value.slice(textarea.selectionStart).startsWith('“许多违纪违法');
  });
  const selection = await sourceSelection(page);
  assert.ok(selection.text.endsWith('”'), selection.text);
  // The row that holds the quotation is selected in the tree.
  await waitSelected(page, '一要把“一把手”');
  assert.match(await selectedText(page), /^一要/);
});

test('a term in 术语 cycles through its occurrences', async () => {
  const page = await open();
  const terms = page.getByRole('region', { name: '术语' });
  const first = terms.getByRole('button').first();
  assert.match(await first.innerText(), /^一把手\s*\d+$/, 'the most frequent term first');
  const total = Number((await first.innerText()).match(/\d+$/)[0]);
  assert.ok(total > 5, `${total} occurrences`);

  await first.click();
  await page.waitForFunction(() => {
    const textarea = document.querySelector('textarea');
    return textarea.value.slice(textarea.selectionStart, textarea.selectionEnd) === '“一把手”';
  });
  const one = await sourceSelection(page);
  assert.match(await first.innerText(), new RegExp(`1/${total}$`));

  await first.click();
  await page.waitForFunction(
    (start) => document.querySelector('textarea').selectionStart > start,
    one.start,
  );
  const two = await sourceSelection(page);
  assert.ok(['“一把手”', '‘一把手’'].includes(two.text), two.text);
  assert.match(await first.innerText(), new RegExp(`2/${total}$`));
});
