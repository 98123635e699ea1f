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
