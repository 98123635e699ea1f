// The reader's text is kept in localStorage and comes back on reload; 清空
// can be undone; a browser that refuses storage still gets a working app.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appSession, item, paste, partLabels, readOutline, waitForParts } from './harness.mjs';

const open = appSession();
const MINE = '同志们：\n一、我的第一部分\n正文。\n二、我的第二部分\n一要甲。\n二要乙。\n';

test('the text survives a reload', async () => {
  const page = await open();
  await paste(page, MINE);
  await page.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, MINE);
  await page.reload();
  await page.locator('[role=treeitem]').first().waitFor();
  assert.equal(await page.getByRole('textbox', { name: '原文' }).inputValue(), MINE);
  assert.deepEqual(partLabels(await readOutline(page)), ['一、', '二、']);
});

// Issue 13, item 16: what the reader folded is folded again after a
// reload.
test('folds survive a reload', async () => {
  const page = await open();
  await paste(page, MINE);
  await item(page, '二、').locator(':scope > .row').click();
  const folded = () => item(page, '二、').getAttribute('aria-expanded');
  await page.waitForFunction(() => localStorage.getItem('gangmu:folds')?.includes('二、'));
  assert.equal(await folded(), 'false');
  await page.reload();
  await page.locator('[role=treeitem]').first().waitFor();
  assert.equal(await folded(), 'false');
  assert.equal(await item(page, '一、').getAttribute('aria-expanded'), null, 'nothing else folded');
});

test('清空 empties the text; 撤销 brings it back', async () => {
  const page = await open();
  const textarea = page.getByRole('textbox', { name: '原文' });
  const sample = await textarea.inputValue();
  await page.getByRole('button', { name: '清空' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 0);
  assert.equal(await textarea.inputValue(), '');
  const toast = page.getByRole('status').filter({ hasText: '已清空' });
  await toast.waitFor();

  await toast.getByRole('button', { name: '撤销' }).click();
  await waitForParts(page, ['一、', '二、', '三、']);
  assert.equal(await textarea.inputValue(), sample);
  assert.equal(await toast.count(), 0, 'the toast is gone');
  await page.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, sample);
});

test('Ctrl+Z after 清空 brings the text back too', async () => {
  const page = await open();
  const textarea = page.getByRole('textbox', { name: '原文' });
  const sample = await textarea.inputValue();
  await page.getByRole('button', { name: '清空' }).click();
  await page.getByText('已清空').waitFor();
  await page.keyboard.press('Control+z');
  await waitForParts(page, ['一、', '二、', '三、']);
  assert.equal(await textarea.inputValue(), sample);
});

test('typing new text after 清空 retires the undo', async () => {
  const page = await open();
  await page.getByRole('button', { name: '清空' }).click();
  await page.getByText('已清空').waitFor();
  await paste(page, MINE);
  await page.waitForFunction(() => !document.body.textContent.includes('已清空'));
  await page.keyboard.press('Control+z');
  assert.equal(await page.getByRole('textbox', { name: '原文' }).inputValue(), MINE);
});

test('an empty text offers the sample', async () => {
  const page = await open();
  await paste(page, '');
  await page.getByRole('button', { name: '载入示例' }).click();
  await waitForParts(page, ['一、', '二、', '三、']);
});

test('a text too long for storage is said once, and the saved one is kept', async () => {
  // Storage that takes short texts only, as a full quota takes no 10 MB.
  const page = await open({
    beforeLoad: (page) =>
      page.addInitScript(() => {
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key === 'gangmu:text' && value.length > 200) {
            throw new DOMException('full', 'QuotaExceededError');
          }
          return setItem.call(this, key, value);
        };
      }),
  });
  await paste(page, MINE);
  await page.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, MINE);

  const long = `${MINE}三、很长的部分\n${'正文很长。'.repeat(60)}\n`;
  await paste(page, long);
  const notice = page.getByRole('alert').filter({ hasText: '浏览器没能在本机保存' });
  await notice.waitFor();
  assert.equal(await page.getByRole('textbox', { name: '原文' }).inputValue(), long);
  assert.equal(await page.evaluate(() => localStorage.getItem('gangmu:text')), MINE);
  await waitForParts(page, ['一、', '二、', '三、']);

  // Said once: not again for the next edit, but again once a text was kept.
  await notice.getByRole('button', { name: '关闭提示' }).click();
  await paste(page, `${long}再加一句。\n`);
  assert.equal(await notice.count(), 0);
  await paste(page, MINE);
  await page.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, MINE);
  await paste(page, long);
  await notice.waitFor();
});

for (const [what, script] of [
  [
    'storage that refuses to write',
    () => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    },
  ],
  [
    'no storage at all',
    () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    },
  ],
]) {
  test(`the app works with ${what}`, async () => {
    const page = await open({ beforeLoad: (page) => page.addInitScript(script) });
    await waitForParts(page, ['一、', '二、', '三、']);
    await paste(page, MINE);
    await waitForParts(page, ['一、', '二、']);
    await page.getByRole('button', { name: '深色' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.getByRole('button', { name: '清空' }).click();
    await page.getByRole('button', { name: '撤销' }).click();
    await waitForParts(page, ['一、', '二、']);
  });
}

// Issue 13, item 4: an edit made just before the tab goes away is kept,
// though the 150 ms debounce has not fired: pagehide (and hiding the
// page) saves what 原文 holds.
test('an edit is saved on pagehide, before the debounce', async () => {
  const page = await open();
  await paste(page, MINE);
  await page.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, MINE);
  const edited = `${MINE}三、刚刚打的字\n`;
  const saved = await page.getByRole('textbox', { name: '原文' }).evaluate((textarea, edited) => {
    textarea.value = edited;
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    return localStorage.getItem('gangmu:text');
  }, edited);
  assert.equal(saved, edited);
});

test('closing the tab right after typing keeps the edit', async () => {
  // A context of its own, which outlives the tab that is closed (the
  // harness's pages own theirs).
  const first = await open();
  const url = first.url();
  const context = await first.context().browser().newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[role=treeitem]').first().waitFor();
    await paste(page, MINE);
    await page.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, MINE);
    const edited = `${MINE}三、关掉之前打的字\n`;
    const before = await page.getByRole('textbox', { name: '原文' }).evaluate((textarea, edited) => {
      textarea.value = edited;
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      return localStorage.getItem('gangmu:text');
    }, edited);
    // Not yet saved by the debounce: only the flush on pagehide can save it.
    assert.equal(before, MINE);
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await again.goto(url);
    await again.locator('[role=treeitem]').first().waitFor();
    assert.equal(await again.getByRole('textbox', { name: '原文' }).inputValue(), edited);
  } finally {
    await context.close();
  }
});

// Issue 13, item 9: on a first visit the sample is marked 示例, and the
// first paste into it — wherever the caret is — replaces it whole, for
// 撤销 to bring back; later keys edit the reader's text as usual.
test('the first paste into the untouched sample replaces it, and 撤销 brings it back', async () => {
  const page = await open();
  const textarea = page.getByRole('textbox', { name: '原文' });
  const sample = await textarea.inputValue();
  const mark = page.locator('.sample-mark', { hasText: '示例' });
  assert.equal(await mark.count(), 1, '原文 says the text is a sample');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), MINE);
  await textarea.click({ position: { x: 200, y: 120 } });
  await page.keyboard.press('ControlOrMeta+V');
  await waitForParts(page, ['一、', '二、']);
  assert.equal(await textarea.inputValue(), MINE, 'the paste replaced the sample whole');
  assert.equal(await mark.count(), 0);
  // Typing goes on at the caret, into the reader's own text.
  await page.keyboard.type('补充');
  await page.waitForFunction(
    (text) => localStorage.getItem('gangmu:text') === text,
    `${MINE}补充`,
  );

  await page.reload();
  await page.locator('[role=treeitem]').first().waitFor();
  assert.equal(await mark.count(), 0, 'a saved text is no sample');
  await page.getByRole('button', { name: '清空' }).click();
  await page.getByRole('button', { name: '载入示例' }).click();
  await waitForParts(page, ['一、', '二、', '三、']);
  assert.equal(await mark.count(), 1, '载入示例 marks it again');
  // An input method's first characters replace it too.
  await textarea.click({ position: { x: 200, y: 120 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'ji', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '讲话' });
  await page.waitForFunction(() => document.querySelector('textarea').value === '讲话');
  const toast = page.getByRole('status').filter({ hasText: '已替换示例' });
  await toast.getByRole('button', { name: '撤销' }).click();
  await waitForParts(page, ['一、', '二、', '三、']);
  assert.equal(await textarea.inputValue(), sample);
});

// Issue 13, item 3: two tabs on one machine share the saved text. A tab
// whose text another tab has saved over does not overwrite it unasked:
// it says so, and offers to take the other text or keep its own.
test('two tabs do not overwrite each other silently', async () => {
  // One context of its own holds both tabs, sharing its localStorage (the
  // harness's pages own theirs).
  const first = await open();
  const context = await first.context().browser().newContext();
  const errors = [];
  const tab = async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(first.url());
    await page.locator('[role=tree] [role=treeitem]').first().waitFor();
    return page;
  };
  try {
    const a = await tab();
    await paste(a, MINE);
    await a.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, MINE);
    const b = await tab();
    assert.equal(await b.getByRole('textbox', { name: '原文' }).inputValue(), MINE);

    // A edits and saves; B, still showing the old text, is told at once.
    const fromA = `${MINE}三、甲页加的部分\n`;
    await paste(a, fromA);
    await a.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, fromA);
    const notice = (page) => page.getByRole('alert').filter({ hasText: '另一个标签页保存了不同的原文' });
    await notice(b).waitFor();

    // B edits: its text is not saved over A's.
    const fromB = `${MINE}三、乙页加的部分\n`;
    await paste(b, fromB);
    // Its outline drawn, the save after it was tried (the same effect).
    await waitForParts(b, ['一、', '二、', '三、']);
    assert.equal(await b.evaluate(() => localStorage.getItem('gangmu:text')), fromA);
    assert.equal(await notice(a).count(), 0, 'A was not disturbed');

    // B keeps its own: it is saved, and now A is told.
    await notice(b).getByRole('button', { name: '保留本页的文字' }).click();
    await b.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, fromB);
    assert.equal(await notice(b).count(), 0);
    await notice(a).waitFor();

    // A takes B's text; 撤销 would bring A's back.
    const stamp = () => localStorage.getItem('gangmu:stamp');
    const before = await b.evaluate(stamp);
    await notice(a).getByRole('button', { name: '换成那边的文字' }).click();
    assert.equal(await a.getByRole('textbox', { name: '原文' }).inputValue(), fromB);
    await a.getByRole('status').filter({ hasText: '已换成另一个标签页的文字' }).waitFor();
    assert.equal(await notice(a).count(), 0);
    // A saved it anew, and B heard (the storage event comes with the
    // value; a task later the app has answered it).
    await b.waitForFunction((before) => localStorage.getItem('gangmu:stamp') !== before, before);
    await b.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    assert.equal(await notice(b).count(), 0, 'the same text disturbs no one');
    assert.equal(await a.evaluate(() => localStorage.getItem('gangmu:text')), fromB);
    assert.deepEqual(errors, [], 'the tabs reported errors');
  } finally {
    await context.close();
  }
});
