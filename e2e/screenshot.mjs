// Regenerates docs/screenshot.png from the built app (run `make screenshot`).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, openApp, ROOT, serveDist } from './harness.mjs';

const output = process.argv[2] ?? join(ROOT, 'docs', 'screenshot.png');
const server = await serveDist();
const browser = await launchChromium();
try {
  const { page, errors } = await openApp(browser, server.url, {
    viewport: { width: 1280, height: 800 },
  });
  await page.evaluate(() => document.fonts.ready);
  await mkdir(join(output, '..'), { recursive: true });
  await page.screenshot({ path: output });
  if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
  console.log(`screenshot: wrote ${output}`);
} finally {
  await browser.close();
  await server.close();
}
