// Folding, the buttons, the keyboard, input methods, narrow screens and
// print. Run with `node --test e2e/` after `make dist`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appSession, partLabels, readOutline } from './harness.mjs';

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

test('clicking a row folds its node; the keyboard works too', async () => {
  const page = await open();
  const part = page.locator('[role=tree] > [role=treeitem]').filter({ hasText: /^二、/ });
  const row = part.locator(':scope > .row');

  await row.click();
  await waitExpanded(part, 'false');
  await row.click();
  await waitExpanded(part, 'true');

  // ← folds the focused node, → unfolds it, ↓ moves to its first child.
  await part.focus();
  await page.keyboard.press('ArrowLeft');
  await waitExpanded(part, 'false');
  await page.keyboard.press('ArrowRight');
  await waitExpanded(part, 'true');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-level'));
  assert.equal(focused, '2');
});

test('no parse while an input method is composing', async () => {
  // A fake clock makes the 150 ms debounce deterministic. (It also stubs
  // the Performance API, so this test watches the outline, not measures.)
  const page = await open({ beforeLoad: (page) => page.clock.install() });
  const textarea = page.getByRole('textbox', { name: '原文' });
  const sample = ['一、', '二、', '三、'];

  await textarea.evaluate((element) => {
    element.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    element.value = '同志们：\n一、输入法\n正文。\n';
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
  assert.deepEqual(partLabels(await readOutline(page)), ['一、']);
});

test('usable at 375 px: panes stack, nothing overflows', async () => {
  const page = await open({ viewport: { width: 375, height: 740 } });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `page is ${width}px wide`);
  const source = await page.getByRole('textbox', { name: '原文' }).boundingBox();
  const tree = await page.getByRole('tree', { name: '提纲' }).boundingBox();
  assert.ok(tree.y >= source.y + source.height, 'the outline is below the text');
});

test('print shows the whole outline and hides the text and the buttons', async () => {
  const page = await open();
  await page.getByRole('button', { name: '全部折叠' }).click();
  await page.waitForFunction(() => document.querySelector('[role=group][hidden]'));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('textbox', { name: '原文' }).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: '全部展开' }).isVisible(), false);
  assert.equal(await page.locator('[role=treeitem][aria-level="2"]').first().isVisible(), true);
});
