// Narrow screens (tabs), themes, and print.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appSession } from './harness.mjs';

const open = appSession();
const PHONE = { width: 375, height: 740 };

/** Whether the element a locator names takes up room on the page. */
const shown = (locator) => locator.evaluate((element) => element.getClientRects().length > 0);

test('at 375 px the panes are tabs, and nothing overflows', async () => {
  const page = await open({ viewport: PHONE });
  const tabs = page.getByRole('tablist');
  // Hidden panes are out of the accessibility tree, but in the DOM.
  const textarea = page.getByRole('textbox', { name: '原文', includeHidden: true });
  const tree = page.getByRole('tree', { name: '提纲', includeHidden: true });
  const quotes = page.getByRole('region', { name: '引语', includeHidden: true });
  assert.equal(await shown(tabs), true);

  // With text to show, the outline comes first.
  const outlineTab = page.getByRole('tab', { name: '提纲' });
  assert.equal(await outlineTab.getAttribute('aria-selected'), 'true');
  assert.deepEqual([await shown(textarea), await shown(tree), await shown(quotes)], [false, true, false]);

  await page.getByRole('tab', { name: '原文' }).click();
  await page.waitForFunction(() => document.querySelector('textarea').getClientRects().length > 0);
  assert.deepEqual([await shown(textarea), await shown(tree)], [true, false]);
  assert.equal(await outlineTab.getAttribute('aria-selected'), 'false');

  // The tabs follow the arrow keys.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[role=tree]').getClientRects().length > 0);
  assert.equal(await outlineTab.getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '提纲');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('region', { name: '引语' }).waitFor();
  assert.equal(await shown(tree), false);

  for (const name of ['原文', '提纲', '引语']) {
    await page.getByRole('tab', { name }).click();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `${name}: the page is ${width}px wide`);
  }
});

test('at 375 px a quotation switches to the source and scrolls there', async () => {
  const page = await open({ viewport: PHONE });
  await page.getByRole('tab', { name: '引语' }).click();
  await page.getByRole('region', { name: '引语' }).getByRole('button', { name: /许多违纪违法/ }).click();
  const textarea = page.getByRole('textbox', { name: '原文' });
  await page.waitForFunction(() => document.querySelector('textarea').getClientRects().length > 0);
  await page.waitForFunction(() => document.querySelector('textarea').scrollTop > 0);
  assert.equal(await page.getByRole('tab', { name: '原文' }).getAttribute('aria-selected'), 'true');
  // No focus, so a phone does not pop up its keyboard.
  assert.equal(await textarea.evaluate((textarea) => document.activeElement === textarea), false);
});

// Issue 13, item 11: on a phone the first screen says what the app is,
// its bars leave three quarters of the screen to the text, and a tapped
// row shows its passage as a tapped quotation does.
for (const viewport of [{ width: 360, height: 640 }, { width: 390, height: 844 }]) {
  test(`at ${viewport.width}×${viewport.height} the bars take a quarter, the tagline shows`, async () => {
    const page = await open({ viewport, hasTouch: true });
    const tagline = page.locator('.app-tagline');
    assert.equal(await shown(tagline), true, 'the tagline is on the first screen');
    const box = await tagline.boundingBox();
    assert.ok(box.y + box.height <= viewport.height / 4, 'the tagline is at the top');
    assert.match(await tagline.innerText(), /结构提纲/);
    // Where the content begins, below the header, the tabs and the bar.
    const top = (selector) =>
      page.locator(selector).evaluate((element) => element.getBoundingClientRect().top);
    const outline = await top('.outline-scroll');
    assert.ok(outline <= viewport.height / 4, `提纲 begins at ${outline}px`);
    await page.getByRole('tab', { name: '原文' }).tap();
    await page.waitForFunction(() => document.querySelector('textarea').getClientRects().length > 0);
    const source = await top('.source-box');
    assert.ok(source <= viewport.height / 4, `原文 begins at ${source}px`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `the page is ${width}px wide`);
  });
}

test('on a phone a tapped task shows its passage; a tapped part folds', async () => {
  const page = await open({ viewport: { width: 360, height: 640 }, hasTouch: true });
  const part = page.locator('[role=treeitem]', { hasText: '准确把握' }).first();
  await part.locator(':scope > .row').tap();
  await page.waitForFunction(
    () => [...document.querySelectorAll('[role=tree] > [role=treeitem]')]
      .some((item) => item.textContent.includes('准确把握') && item.getAttribute('aria-expanded') === 'false'),
  );
  assert.equal(await page.getByRole('tab', { name: '提纲' }).getAttribute('aria-selected'), 'true');
  await part.locator(':scope > .row').tap();
  const task = page.locator('[role=treeitem]', { hasText: '三要把发展环境塑优塑活' }).last();
  await task.locator(':scope > .row').tap();
  const textarea = page.getByRole('textbox', { name: '原文' });
  await page.waitForFunction(() => document.querySelector('textarea').getClientRects().length > 0);
  assert.equal(await page.getByRole('tab', { name: '原文' }).getAttribute('aria-selected'), 'true');
  const selected = await textarea.evaluate((textarea) =>
    textarea.value.slice(textarea.selectionStart, textarea.selectionEnd));
  assert.match(selected, /^三要把发展环境塑优塑活/);
  await page.waitForFunction(() => document.querySelector('textarea').scrollTop > 0);
  assert.equal(await textarea.evaluate((textarea) => document.activeElement === textarea), false);
});

test('the theme follows the system until the reader chooses, and is kept', async () => {
  const page = await open();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const toggle = page.getByRole('button', { name: '深色' });
  const light = await background();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');

  await page.emulateMedia({ colorScheme: 'dark' });
  const systemDark = await background();
  assert.notEqual(systemDark, light, 'dark when the system is dark');
  // The toggle follows the system as it changes.
  await page.waitForFunction(() => document.querySelector('.theme-toggle').ariaPressed === 'true');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.querySelector('.theme-toggle').ariaPressed === 'false');

  await toggle.click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.equal(await background(), systemDark);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');

  await page.reload();
  await page.locator('[role=treeitem]').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await background(), systemDark);

  await page.getByRole('button', { name: '深色' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.equal(await background(), light);
});

test('print shows the whole outline and hides the text and the buttons', async () => {
  const page = await open();
  await page.getByRole('button', { name: '全部折叠' }).click();
  await page.waitForFunction(() => document.querySelector('[role=group][hidden]'));
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('textbox', { name: '原文' }).isVisible(), false);
  assert.equal(await page.getByRole('button', { name: '全部展开' }).isVisible(), false);
  assert.equal(await page.getByRole('region', { name: '引语' }).isVisible(), false);
  assert.equal(await page.locator('[role=treeitem][aria-level="2"]').first().isVisible(), true);
});
