// Large input: 10 MB pasted keeps the page responsive (no animation frame
// over 200 ms) while the analysis worker parses it, shows 正在分析… with a
// progress bar, and ends in an outline; a text over the 20 MB limit gets a
// Chinese message, and the text saved before it is kept.

import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { appSession, measureCount, paste, ROOT, waitForParts } from './harness.mjs';

const open = appSession();
const LONGEST_FRAME_MS = 200;
const MINE = '同志们：\n一、我的第一部分\n正文。\n二、我的第二部分\n一要甲。\n二要乙。\n';

/** Every corpus document, one after another (about 1 MB). */
async function corpus() {
  const dir = join(ROOT, 'tests', 'corpus');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return texts.join('\n\n');
}

/**
 * Starts recording long frames: `long-animation-frame` entries where the
 * browser has them, else `longtask`. Returns the entry type used.
 */
function watchFrames(page) {
  return page.evaluate(() => {
    const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')
      ? 'long-animation-frame'
      : 'longtask';
    window.longFrames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longFrames.push(entry.duration);
    }).observe({ type });
    window.progressShown = false;
    new MutationObserver(() => {
      if (document.querySelector('[role=status] progress')) window.progressShown = true;
    }).observe(document.body, { childList: true, subtree: true });
    return type;
  });
}

/** Pastes `copies` copies of `text` (built in the page); returns its size in bytes. */
function pasteCopies(page, text, copies) {
  return page.getByRole('textbox', { name: '原文' }).evaluate(
    (textarea, [text, copies]) => {
      const all = Array(copies).fill(text).join('\n\n');
      textarea.value = all;
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      return new Blob([all]).size;
    },
    [text, copies],
  );
}

/** Resolves after two more animation frames, so their entries are reported. */
const twoFrames = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

test('10 MB pasted: progress shown, no long frame, an outline at the end', async () => {
  const page = await open();
  const text = await corpus();
  const copies = Math.ceil(10_000_000 / Buffer.byteLength(text));
  const type = await watchFrames(page);
  const before = await measureCount(page);
  const started = Date.now();
  const size = await pasteCopies(page, text, copies);
  assert.ok(size >= 10_000_000, `pasted ${size} bytes`);

  await page.getByRole('status').filter({ hasText: '正在分析' }).waitFor();
  await page.waitForFunction((count) => performance.getEntriesByName('gangmu:outline').length > count, before, {
    timeout: 60_000,
  });
  const took = Date.now() - started;
  await page.getByRole('status').filter({ hasText: '正在分析' }).waitFor({ state: 'detached' });
  // 引语 catches up after the outline; the frames of that count too.
  await page.locator('.quotes-panel .quote').first().waitFor();
  await twoFrames(page);

  const { frames, progress, outline } = await page.evaluate(() => ({
    frames: window.longFrames,
    progress: window.progressShown,
    outline: performance.getEntriesByName('gangmu:outline').at(-1).duration,
  }));
  const longest = Math.max(0, ...frames);
  console.log(
    `large.test: ${(size / 1e6).toFixed(1)} MB → outline in ${took} ms (gangmu:outline ${outline.toFixed(0)} ms); ` +
      `longest ${type} ${longest.toFixed(0)} ms; ${frames.length} over 50 ms`,
  );
  assert.ok(progress, 'progress was shown');
  assert.ok(longest <= LONGEST_FRAME_MS, `a frame took ${longest} ms`);
  const tops = await page.locator('[role=tree] > [role=treeitem]').count();
  assert.ok(tops > 0, 'the outline has top-level rows');
});

test('over 20 MB: a Chinese message; the saved text is kept', async () => {
  const page = await open();
  await paste(page, MINE);
  await page.waitForFunction((text) => localStorage.getItem('gangmu:text') === text, MINE);

  const text = await corpus();
  const copies = Math.ceil(21_000_000 / Buffer.byteLength(text));
  const size = await pasteCopies(page, text, copies);
  assert.ok(size > 20_000_000);
  const alert = page.getByRole('alert').filter({ hasText: '超过了 20.0 MB 的上限' });
  await alert.waitFor();
  // The outline is still that of the text before.
  await waitForParts(page, ['一、', '二、']);
  assert.equal(await page.evaluate(() => localStorage.getItem('gangmu:text')), MINE);

  await page.reload();
  await page.locator('[role=treeitem]').first().waitFor();
  assert.equal(await page.getByRole('textbox', { name: '原文' }).inputValue(), MINE);
});
