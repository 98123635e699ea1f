// The outline as a WAI-ARIA tree view: one tab stop, every key of the
// pattern, type-ahead, and the aria attributes that describe the tree.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appSession,
  item,
  selectedText,
  sourceSelection,
  typeComposed,
  waitFocused,
  waitSelected,
} from './harness.mjs';

const open = appSession();

/** Every treeitem's aria attributes, checked against the DOM's shape. */
async function checkAria(page) {
  const problems = await page.getByRole('tree', { name: '提纲' }).evaluate((tree) => {
    const problems = [];
    const visit = (list, level) => {
      const items = [...list.children].filter((child) => child.getAttribute('role') === 'treeitem');
      items.forEach((item, at) => {
        const row = item.querySelector(':scope > .row')?.textContent;
        const expect = (name, value) => {
          if (item.getAttribute(name) !== value) {
            problems.push(`${row}: ${name}=${item.getAttribute(name)}, want ${value}`);
          }
        };
        expect('aria-level', String(level));
        expect('aria-setsize', String(items.length));
        expect('aria-posinset', String(at + 1));
        if (!['true', 'false'].includes(item.getAttribute('aria-selected'))) {
          problems.push(`${row}: aria-selected missing`);
        }
        const group = item.querySelector(':scope > [role=group]');
        if (group) {
          expect('aria-expanded', group.hidden ? 'false' : 'true');
          visit(group, level + 1);
        } else if (item.hasAttribute('aria-expanded')) {
          problems.push(`${row}: aria-expanded on a row without children`);
        }
      });
    };
    visit(tree, 1);
    // One tab stop that can take the focus, one selected row at most.
    const shown = (element) => element.getClientRects().length > 0;
    const stops = [...tree.querySelectorAll('[role=treeitem][tabindex="0"]')].filter(shown);
    if (stops.length !== 1) problems.push(`${stops.length} tab stops shown`);
    if (tree.querySelectorAll('[role=treeitem][aria-selected=true]').length > 1) {
      problems.push('more than one row selected');
    }
    return problems;
  });
  assert.deepEqual(problems, []);
}

/** Puts the focus on the tree's tab stop, as Tab would. */
async function focusTree(page) {
  await page.locator('[role=treeitem][tabindex="0"]').first().focus();
}

test('one tab stop; Tab lands on the first row and selects it', async () => {
  const page = await open();
  await checkAria(page);
  await page.getByRole('textbox', { name: '原文' }).focus();
  // Tab from the textarea passes the outline's controls, then the tree.
  for (let step = 0; step < 20; step += 1) {
    await page.keyboard.press('Tab');
    const role = await page.evaluate(() => document.activeElement?.getAttribute('role'));
    if (role === 'treeitem') break;
  }
  await waitFocused(page, '同志们：');
  await waitSelected(page, '同志们：');
  await checkAria(page);
});

test('↓ ↑ Home End move between the rows shown', async () => {
  const page = await open();
  await focusTree(page);
  await page.keyboard.press('ArrowDown');
  await waitFocused(page, '一、');
  await waitSelected(page, '一、');
  await page.keyboard.press('ArrowDown');
  await waitFocused(page, '必须充分认识到');
  await page.keyboard.press('End');
  await waitFocused(page, '同志们，');
  await page.keyboard.press('ArrowDown');
  await waitFocused(page, '同志们，'); // nothing after the last row
  await page.keyboard.press('Home');
  await waitFocused(page, '同志们：');
  await page.keyboard.press('ArrowUp');
  await waitFocused(page, '同志们：'); // nothing before the first
  await checkAria(page);
});

test('→ opens or enters, ← closes or goes to the parent', async () => {
  const page = await open();
  await item(page, '二、').focus();
  await waitSelected(page, '二、');
  const two = item(page, '二、');

  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-expanded') === 'false');
  assert.equal(await two.getAttribute('aria-expanded'), 'false');
  await checkAria(page);

  // ↓ from a closed part skips its children.
  await page.keyboard.press('ArrowDown');
  await waitFocused(page, '三、');
  await page.keyboard.press('ArrowUp');
  await waitFocused(page, '二、');

  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-expanded') === 'true');
  await page.keyboard.press('ArrowRight');
  await waitFocused(page, '一要');
  await page.keyboard.press('ArrowRight'); // a leaf: nothing
  await waitFocused(page, '一要');
  await page.keyboard.press('ArrowLeft');
  await waitFocused(page, '二、');
  // ↑ from 二、 goes to the last row shown above it: the last point of 一、.
  await page.keyboard.press('ArrowUp');
  await waitFocused(page, '必须深刻认识到');
  await checkAria(page);
});

test('Enter jumps to the row in the source', async () => {
  const page = await open();
  await item(page, '三、').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  const selection = await sourceSelection(page);
  assert.ok(selection.text.startsWith('三、全面加强集中专项行动的组织领导'), selection.text.slice(0, 20));
  assert.ok(selection.text.includes('五要坚持统筹兼顾'), 'the span covers the whole part');
  assert.ok(selection.scrollTop > 0, 'the textarea scrolled to the part');
});

test('Space folds and unfolds; * opens every sibling', async () => {
  const page = await open();
  await page.keyboard.press('0'); // fold everything
  await page.waitForFunction(() => document.querySelectorAll('[aria-expanded=true]').length === 0);
  await item(page, '一、').focus();
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-expanded') === 'true');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-expanded') === 'false');
  await page.keyboard.press('*');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[aria-level="1"][aria-expanded]')].every(
      (item) => item.getAttribute('aria-expanded') === 'true',
    ),
  );
  await checkAria(page);
});

test('type-ahead goes to the next row starting with what was typed', async () => {
  const page = await open();
  await focusTree(page);
  await typeComposed(page, '三');
  await waitFocused(page, '三要把发展环境');
  // The same character again: on to the next row that starts with it.
  await typeComposed(page, '三');
  await waitFocused(page, '三、');
  await typeComposed(page, '三');
  await waitFocused(page, '三要推动全面覆盖');
  // Characters typed together form a prefix.
  await page.keyboard.press('Home');
  await waitFocused(page, '同志们：');
  await typeComposed(page, '必须清');
  await waitFocused(page, '必须清醒认识到');
  // Headings match without their labels too.
  await page.keyboard.press('Home');
  await typeComposed(page, '守护');
  await waitFocused(page, '四要守护社会正义正气');
  assert.match(await selectedText(page), /^四要/);
});

test('type-ahead starts over after a pause', async () => {
  const page = await open({ beforeLoad: (page) => page.clock.install() });
  await page.clock.runFor(500);
  await focusTree(page);
  await typeComposed(page, '二');
  assert.match(await selectedText(page), /^二、/);
  await typeComposed(page, '要');
  assert.match(await selectedText(page), /^二要/, '二 then 要 within the pause: 二要');
  await page.keyboard.press('Home');
  await typeComposed(page, '二');
  assert.match(await selectedText(page), /^二、/);
  await page.clock.runFor(2000);
  // No row starts with 要: after the pause it is not read as 二要.
  await typeComposed(page, '要');
  assert.match(await selectedText(page), /^二、/, 'after the pause 要 starts afresh');
});
