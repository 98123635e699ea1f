// Regenerates the README's screenshots from the built app (`make screenshot`):
// docs/screenshot.png (light), docs/screenshot-dark.png (dark, searching),
// docs/screenshot-phone.png (375 px wide, the outline tab) and
// docs/screenshot-compare.png (对比 of the sample and an earlier draft).
// `ONLY=<file>` writes that one alone.

import { join } from 'node:path';
import { launchChromium, openApp, ROOT, serveDist } from './harness.mjs';

const DOCS = join(ROOT, 'docs');

/** Chooses the row that starts with `prefix`, as a click would. */
async function choose(page, prefix) {
  await page
    .locator('[role=treeitem] > .row')
    .filter({ hasText: new RegExp(`^${prefix}`) })
    .first()
    .click();
  await page.waitForFunction(
    (prefix) =>
      document.querySelector('[role=treeitem][aria-selected=true] > .row')?.textContent.startsWith(prefix),
    prefix,
  );
}

const SHOTS = [
  {
    file: 'screenshot.png',
    options: { viewport: { width: 1280, height: 800 } },
    // A task chosen in the outline, its text painted in the source.
    async prepare(page) {
      await choose(page, '二要');
      // Clicking a row with children also folds it; open it again.
      await page.keyboard.press('9');
    },
  },
  {
    file: 'screenshot-dark.png',
    options: { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
    async prepare(page) {
      await page.getByRole('searchbox', { name: '搜索' }).fill('认识');
      await page.getByText('处匹配').waitFor();
      await page.getByRole('region', { name: '术语' }).getByRole('button').first().click();
    },
  },
  {
    file: 'screenshot-phone.png',
    options: { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 },
    async prepare(page) {
      await page.keyboard.press('2');
    },
  },
  {
    file: 'screenshot-compare.png',
    options: { viewport: { width: 1280, height: 800 } },
    // The sample against an earlier draft of it: a task it did not have,
    // a heading and a part's heading reworded.
    async prepare(page) {
      const sample = await page.locator('.source-text').inputValue();
      const draft = sample
        .split('\n')
        .filter((line) => !line.startsWith('五要推动案件清查高质高效'))
        .join('\n')
        .replace('四要守护社会正义正气。', '四要守护社会正义。')
        .replace('确保以案促改修复净化政治生态取得预期成效', '确保专项行动取得实效');
      await page.locator('.compare-open').click();
      await page.getByRole('textbox', { name: '另一稿' }).fill(draft);
      await page.locator('.compare-run').click();
      await page.locator('.compare-result table.cmp').waitFor();
      await page.getByLabel('只看变化').check();
    },
  },
];

const server = await serveDist();
const browser = await launchChromium();
try {
  for (const shot of SHOTS.filter((shot) => !process.env.ONLY || shot.file === process.env.ONLY)) {
    const { page, errors } = await openApp(browser, server.url, shot.options);
    await page.evaluate(() => document.fonts.ready);
    await shot.prepare(page);
    // Let the focus ring and the highlight settle into a frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const output = join(DOCS, shot.file);
    await page.screenshot({ path: output });
    if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    console.log(`screenshot: wrote ${output}`);
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
