// 分享: a link that carries the whole text in its fragment. It opens the
// same outline anywhere; a damaged link says why in Chinese and never
// touches the text the reader has saved.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { appSession, paste, partLabels, readOutline, waitForParts } from './harness.mjs';

const open = appSession();
const MINE = '同志们：\n一、我的第一部分\n正文。\n二、我的第二部分\n一要甲。\n二要乙。\n';
const SHORT = '一、短的部分\n一要甲。\n二要乙。\n二、另一部分\n';

/** Presses 分享 and returns the link the panel shows. */
async function share(page) {
  await page.getByRole('button', { name: '分享', exact: true }).click();
  const box = page.getByRole('textbox', { name: '分享链接' });
  await box.waitFor();
  return box.inputValue();
}

/**
 * Leaves the page with MINE saved and shown, and returns a share link of
 * SHORT made on the way.
 */
async function linkToShortWithMineSaved(page) {
  await paste(page, SHORT);
  const link = await share(page);
  await page.keyboard.press('Escape');
  await paste(page, MINE);
  await saved(page, MINE);
  return link;
}

/** Waits until the saved text is `text`. */
function saved(page, text) {
  return page.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, text);
}

const textOf = (page) => page.getByRole('textbox', { name: '原文' }).inputValue();

test('a share link opens the same outline in a fresh browser', async () => {
  const page = await open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const link = await share(page);
  const base = page.url().split('#')[0];
  assert.ok(link.startsWith(`${base}#v2.`), link.slice(0, 80));
  assert.ok(!link.includes('?'), 'the text travels in the fragment, not the query');
  await page.getByText('已复制到剪贴板').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // The sample's link is long: its length, and the advice for chat apps.
  await page.getByText(`链接长度：${[...link].length} 个字符`).waitFor();
  const warning = page.locator('.share-warning');
  assert.match(await warning.textContent(), /超过 2000 个字符.*截断.*导出/);

  const elsewhere = await open({ hash: link.slice(link.indexOf('#')) });
  assert.deepEqual(await readOutline(elsewhere), await readOutline(page));
  assert.equal(await textOf(elsewhere), await textOf(page));
  await elsewhere.getByText('这是分享链接中的文本').waitFor();
  // Shown, not saved: a fresh browser has nothing saved still.
  assert.equal(await elsewhere.evaluate(() => localStorage.getItem('gangmu:text')), null);
});

test('a short text gets a short link and no warning', async () => {
  const page = await open();
  await paste(page, SHORT);
  const link = await share(page);
  assert.ok([...link].length < 2000, `${[...link].length}`);
  await page.getByText('链接长度').waitFor();
  assert.equal(await page.locator('.share-warning').count(), 0);
});

test('a truncated link shows why and leaves the saved text alone', async () => {
  const page = await open();
  await paste(page, MINE);
  await saved(page, MINE);
  const link = await share(page);
  const fragment = link.slice(link.indexOf('#') + 1);
  // Cut the payload on a 4-letter boundary: valid base64url, short stream.
  const payload = fragment.slice(3);
  const cut = `v2.${payload.slice(0, Math.floor(payload.length / 8) * 4)}`;
  const base = page.url().split('#')[0];

  await page.goto('about:blank');
  await page.goto(`${base}#${cut}`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(
    (await alert.locator('p').textContent()).trim(),
    '分享链接不完整，可能在复制时被截断。请重新复制完整的链接。',
  );
  assert.equal(await textOf(page), MINE);
  assert.deepEqual(partLabels(await readOutline(page)), ['一、', '二、']);
  assert.equal(await page.evaluate(() => localStorage.getItem('gangmu:text')), MINE);
  assert.ok(!page.url().includes('#'), 'the damaged fragment is dropped from the address');

  await page.goto(base);
  await page.locator('[role=treeitem]').first().waitFor();
  assert.equal(await textOf(page), MINE);
});

test('a shared text replaces the saved one only once it is edited', async () => {
  const page = await open();
  const link = await linkToShortWithMineSaved(page);
  await page.goto('about:blank');
  await page.goto(link);
  await waitForParts(page, ['一、', '二、']);
  assert.equal(await textOf(page), SHORT);
  await page.getByText('这是分享链接中的文本').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('gangmu:text')), MINE);
  assert.ok(page.url().includes('#v2.'), 'the link stays while its text is shown');

  const edited = `${SHORT}三、加上的部分\n`;
  await paste(page, edited);
  await saved(page, edited);
  assert.ok(!page.url().includes('#'), 'an edit drops the fragment');
  await page.waitForFunction(() => !document.body.textContent.includes('这是分享链接中的文本'));
  await page.reload();
  await page.locator('[role=treeitem]').first().waitFor();
  assert.equal(await textOf(page), edited);
});

test('回到我的文本 brings back the saved text in place of a shared one', async () => {
  const page = await open();
  const link = await linkToShortWithMineSaved(page);
  await page.goto('about:blank');
  await page.goto(link);
  await page.getByRole('button', { name: '回到我的文本' }).click();
  await waitForParts(page, ['一、', '二、']);
  assert.equal(await textOf(page), MINE);
  assert.ok(!page.url().includes('#'));
});

test('回到我的文本 is not offered when the saved text is the link\'s own', async () => {
  const page = await open();
  await paste(page, SHORT);
  await saved(page, SHORT);
  const link = await share(page);
  await page.goto('about:blank');
  await page.goto(link);
  await page.getByText('这是分享链接中的文本').waitFor();
  assert.equal(await page.getByRole('button', { name: '回到我的文本' }).count(), 0);
});

test('a link put into the address bar of the open app opens it, with 撤销', async () => {
  const page = await open();
  const link = await linkToShortWithMineSaved(page);
  await page.evaluate((hash) => {
    location.hash = hash;
  }, link.slice(link.indexOf('#')));
  const toast = page.getByRole('status').filter({ hasText: '已打开分享的文本' });
  await toast.waitFor();
  assert.equal(await textOf(page), SHORT);
  assert.equal(await page.evaluate(() => localStorage.getItem('gangmu:text')), MINE);

  await toast.getByRole('button', { name: '撤销' }).click();
  await page.waitForFunction(() => !document.body.textContent.includes('已打开分享的文本'));
  assert.equal(await textOf(page), MINE);
});

test('a refused clipboard leaves the link selected for a manual copy', async () => {
  const page = await open({
    beforeLoad: (page) =>
      page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', {
          get: () => ({ writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError')) }),
        });
      }),
  });
  const link = await share(page);
  await page.getByText('浏览器未允许自动复制').waitFor();
  const selected = await page.evaluate(() => {
    const box = document.activeElement;
    return box.getAttribute('aria-label') === '分享链接' ? box.value.slice(box.selectionStart, box.selectionEnd) : null;
  });
  assert.equal(selected, link);
});

test('用系统分享 is offered only where the Web Share API is', async () => {
  const page = await open();
  await share(page);
  assert.equal(await page.getByRole('button', { name: '用系统分享' }).count(), 0);

  const phone = await open({
    beforeLoad: (page) =>
      page.addInitScript(() => {
        navigator.share = async (data) => {
          window.sharedData = data;
        };
      }),
  });
  const link = await share(phone);
  await phone.getByRole('button', { name: '用系统分享' }).click();
  await phone.waitForFunction(() => window.sharedData !== undefined);
  const data = await phone.evaluate(() => window.sharedData);
  assert.equal(data.url, link);
  assert.match(data.title, /讲话/);
});

/** Opens `fragment` in a page where MINE is saved and waits for the alert. */
async function openDamaged(fragment) {
  const page = await open();
  await paste(page, MINE);
  await saved(page, MINE);
  const base = page.url().split('#')[0];
  await page.goto('about:blank');
  await page.goto(`${base}#${fragment}`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  return { page, message: (await alert.locator('p').textContent()).trim() };
}

/** Checks that MINE is still shown and saved, and the fragment dropped. */
async function mineKept(page) {
  assert.equal(await textOf(page), MINE);
  assert.equal(await page.evaluate(() => localStorage.getItem('gangmu:text')), MINE);
  assert.ok(!page.url().includes('#'), 'the damaged fragment is dropped from the address');
}

/** A v2 fragment of `bytes` (UTF-8 text), as the app writes one. */
function fragmentOf(bytes) {
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(bytes));
  const payload = Buffer.concat([crc, zlib.deflateSync(bytes, { level: 9 })]);
  return `v2.${payload.toString('base64url')}`;
}

test('a link whose text inflates past 20 MB is refused, the saved text kept', async () => {
  // 20 MB and 3 bytes of 一 compress to about 20 KB: a "zip bomb".
  const bomb = fragmentOf(Buffer.from('一'.repeat((20 * 1024 * 1024) / 3 + 1)));
  assert.ok(bomb.length < 64 * 1024, `${bomb.length}`);
  const { page, message } = await openDamaged(bomb);
  assert.equal(message, '分享的文本超过 20 MB，已拒绝打开。');
  await mineKept(page);
});

test('a damaged link says it is damaged, the saved text kept', async () => {
  const fragment = fragmentOf(Buffer.from(SHORT));
  // A letter of the CRC-32: the text inflates but fails its checksum.
  const crc = `${fragment.slice(0, 3)}${fragment[3] === 'A' ? 'B' : 'A'}${fragment.slice(4)}`;
  // A letter of the zlib header (its compression method): the browser's
  // inflater fails on the data.
  const at = 3 + 6;
  const header = `${fragment.slice(0, at)}${fragment[at] === 'A' ? 'B' : 'A'}${fragment.slice(at + 1)}`;
  for (const damaged of [crc, header]) {
    const { page, message } = await openDamaged(damaged);
    assert.equal(message, '分享链接已损坏，无法还原原文。请重新复制完整的链接。', damaged);
    await mineKept(page);
  }
});

// Issue 14, item 6: the link carries the view as well as the text.

/** The text of the selected row, if any. */
const selectedRow = (page) =>
  page.evaluate(
    () => document.querySelector('[role=treeitem][aria-selected=true] > .row')?.textContent ?? null,
  );

test('a link opens on what its sender saw: the folds, the selected row, 显示要句', async () => {
  const page = await open();
  await page.getByRole('button', { name: '显示要句' }).click();
  await page.getByRole('treeitem').filter({ hasText: '三要把发展环境' }).first().focus();
  await page.keyboard.press('1');
  await page.waitForFunction(
    () => document.activeElement?.querySelector(':scope > .row')?.textContent.startsWith('二、'),
  );
  const seen = await readOutline(page);
  assert.ok(seen.some((item) => item.expanded === 'false'), 'parts are folded');
  const selected = await selectedRow(page);
  assert.match(selected, /^二、/);

  const link = await share(page);
  const elsewhere = await open({ hash: link.slice(link.indexOf('#')) });
  assert.deepEqual(await readOutline(elsewhere), seen);
  assert.equal(await selectedRow(elsewhere), selected);
  const keys = elsewhere.getByRole('button', { name: '显示要句' });
  assert.equal(await keys.getAttribute('aria-pressed'), 'true');
});

test('a link opens on the search its sender made', async () => {
  const page = await open();
  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill('潜规则');
  await page.locator('.search-count').filter({ hasText: '2 处匹配' }).waitFor();
  const seen = await readOutline(page);

  const link = await share(page);
  const elsewhere = await open({ hash: link.slice(link.indexOf('#')) });
  await elsewhere.locator('.search-count').filter({ hasText: '2 处匹配' }).waitFor();
  assert.equal(await elsewhere.getByRole('searchbox', { name: '搜索' }).inputValue(), '潜规则');
  assert.deepEqual(await readOutline(elsewhere), seen);
  // Escape clears the search as usual: the whole outline comes back.
  await elsewhere.getByRole('searchbox', { name: '搜索' }).press('Escape');
  await elsewhere.waitForFunction(() => !document.querySelector('.search-count')?.textContent);
});
