// Regenerates the README's screenshots from the built app (`make screenshot`):
// docs/screenshot.png (light), docs/screenshot-dark.png (dark, searching)
// and docs/screenshot-phone.png (375 px wide, the outline tab).

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
];

const server = await serveDist();
const browser = await launchChromium();
try {
  for (const shot of SHOTS) {
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
