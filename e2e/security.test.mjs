// Hostile input and privacy: HTML and script in pasted text are shown as
// text and never run; the page allows only its own files (CSP); a session
// of use makes no request beyond the app's own static files.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { appSession, DIST, readOutline } from './harness.mjs';

const open = appSession();

/** Payloads that would run or inject markup if the app ever used innerHTML. */
const PAYLOADS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"></svg>',
  '"><iframe src="javascript:window.__xss=\'iframe\'"></iframe>',
  '<a href="javascript:window.__xss=\'link\'" id="xss-link">点我</a>',
  '<style>body { display: none }</style>',
  '{{7*7}} ${7*7} <math><mi xlink:href="javascript:window.__xss=1">x</mi></math>',
];

/** A speech whose title, parts, tasks and quotations carry the payloads. */
function hostileSpeech() {
  const [script, img, svg, iframe, link, style, math] = PAYLOADS;
  return [
    `关于${script}的讲话`,
    '',
    '同志们：',
    `一、${img}提高认识`,
    `一要统一思想${svg}。二要狠抓落实。`,
    `二、加强领导${iframe}`,
    `习近平总书记指出：“${link}要抓落实。”大家都说“${style}”。`,
    `三、${math}`,
  ].join('\n');
}

test('HTML and script in pasted text are shown as text and never run', async () => {
  const page = await open();
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const textarea = page.getByRole('textbox', { name: '原文' });
  await textarea.fill(hostileSpeech());
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[role=tree] [role=treeitem]')].some((item) =>
      item.textContent.includes('<img src=x'),
    ),
  );
  // The payloads are visible as text in the outline.
  const outline = JSON.stringify(await readOutline(page));
  assert.ok(outline.includes('<img src=x onerror='), 'the <img> payload shows as text');
  assert.ok(outline.includes('<iframe src='), 'the <iframe> payload shows as text');
  // Nothing ran, and no element came from the text.
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(dialogs, []);
  const injected = await page.evaluate(() => ({
    scripts: [...document.scripts].map((s) => s.src || s.textContent).filter((s) => s.includes('__xss')),
    elements: document.querySelectorAll('#app img, #app svg[onload], #app iframe, #app math, #xss-link, #app style').length,
    hidden: getComputedStyle(document.body).display === 'none',
  }));
  assert.deepEqual(injected, { scripts: [], elements: 0, hidden: false });
  // Folding and unfolding every part (what a user does) runs nothing either.
  const rows = page.locator('[role=tree] > [role=treeitem] > .row');
  for (let i = 0; i < (await rows.count()); i += 1) {
    await rows.nth(i).click();
    await rows.nth(i).click();
  }
  assert.equal(await page.evaluate(() => window.__xss), undefined);
});

test('the Content-Security-Policy allows only the app’s own files', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'index.html declares a CSP');
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.ok(!/https?:|\*|'unsafe-inline'|'unsafe-eval'/.test(csp), `no other origin or unsafe source: ${csp}`);
  // No inline script anywhere in the page.
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(html), 'every <script> loads a file');
});

test('a session of use requests nothing beyond the app’s own files', async () => {
  const requests = [];
  const page = await open({
    beforeLoad: (page) => page.on('request', (request) => requests.push(request.url())),
  });
  const origin = new URL(page.url()).origin;
  await page.getByRole('textbox', { name: '原文' }).fill(hostileSpeech());
  await page.getByRole('button', { name: '全部折叠' }).click();
  await page.getByRole('button', { name: '全部展开' }).click();
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  // Whatever else the toolbar offers (share, export, print …) is used too,
  // where it exists, without a download or dialog leaving the page.
  page.on('dialog', (dialog) => dialog.dismiss());
  await page.evaluate(() => {
    window.print = () => {};
  });
  for (const name of ['分享', '导出', '打印']) {
    const button = page.getByRole('button', { name, exact: true });
    if ((await button.count()) > 0) await button.first().click();
  }
  await page.reload();
  await page.locator('[role=tree] [role=treeitem]').first().waitFor();
  const foreign = requests.filter((url) => {
    const { protocol, origin: from } = new URL(url);
    return !(from === origin || protocol === 'blob:' || protocol === 'data:');
  });
  assert.deepEqual(foreign, [], 'requests to other origins');
  // And of our own origin, only the static files of dist/.
  const paths = [...new Set(requests.map((url) => new URL(url)).filter((u) => u.origin === origin).map((u) => u.pathname))];
  for (const path of paths) {
    assert.match(path, /\/gangmu\/(index\.html|main\.js|gangmu\.js|gangmu_bg\.wasm|style\.css|favicon\.svg|[\w.-]+\.(css|js|svg|png|wasm))?$/, path);
  }
});
