// 打印: an A4 page of the title, the date line and the numbered outline,
// with nothing of the app around it; folded nodes unfold on paper unless
// the reader untick 打印时全部展开. Checked on the PDF Chromium prints
// (page.pdf uses the print stylesheet) through pdftotext (poppler-utils).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { appSession, paste, readOutline, ROOT } from './harness.mjs';

const open = appSession();
const TITLE = '在全市以案促改警示教育暨全面修复净化政治生态集中专项行动动员大会上的讲话';
/** Words of the app's own that must not be printed. */
const UI = ['原文', '搜索', '分享', '导出', '打开', '打印', '清空', '深色', '全部展开', '全部折叠', '显示段落', '引语', '术语',
  // The tree's tags of node kinds (issue 13, item 12).
  '开头', '结语', '题注'];

/** The text of the page printed to PDF (A4, from the print stylesheet). */
async function printed(page) {
  const pdf = await page.pdf({ preferCSSPageSize: true });
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', ['-enc', 'UTF-8', '-', '-'], { encoding: 'utf8' }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin.end(pdf);
  });
}

/** Text without white space, so lines wrapped on paper compare whole. */
const squeeze = (text) => text.replace(/\s+/g, '');

/** Every row of the outline shown (label and heading), depth first. */
function rows(page) {
  return page
    .locator('[role=tree] .row')
    .evaluateAll((rows) =>
      rows.map((row) => (row.querySelector('.label')?.textContent ?? '') + row.querySelector('.heading').textContent),
    );
}

test('the printed page has the title and every heading, and none of the app', async () => {
  const page = await open();
  const headings = await rows(page);
  assert.ok(headings.length >= 13, `${headings.length} rows`);
  for (const word of UI) {
    assert.ok(!headings.some((heading) => heading.includes(word)), `the outline itself says ${word}`);
  }
  // Folded on screen, unfolded on paper (打印时全部展开 is ticked).
  await page.getByRole('button', { name: '全部折叠' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[role=group][hidden]').length >= 3);
  assert.equal(await page.getByRole('checkbox', { name: '打印时全部展开' }).isChecked(), true);

  const text = await printed(page);
  const flat = squeeze(text);
  assert.ok(flat.includes(TITLE), 'the title');
  for (const heading of headings) assert.ok(flat.includes(squeeze(heading)), heading);
  for (const word of UI) assert.ok(!flat.includes(word), `printed ${word}`);
  assert.match(text, /—\s*1\s*—/, 'page numbers as a 公文 has them');
  // The screen is as it was.
  assert.ok((await page.locator('[role=group][hidden]').count()) >= 3);
});

test('with 显示段落 the paper has every paragraph row, far below the view too', async () => {
  const page = await open();
  await paste(page, await readFile(`${ROOT}/tests/corpus/11_gwr1955_first-five-year-plan_very-long.txt`, 'utf8'));
  await page.getByRole('button', { name: '显示段落' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.node-paragraph').length > 200);
  const paragraphs = await page
    .locator('.node-paragraph > .row .heading')
    .evaluateAll((headings) => headings.map((heading) => heading.textContent));
  const flat = squeeze(await printed(page));
  // The first twelve chars of each: a heading clipped on paper still counts.
  const missing = paragraphs.filter((heading) => !flat.includes(squeeze(heading).slice(0, 12)));
  assert.deepEqual(missing, []);
});

test('unticked, the outline prints as shown', async () => {
  const page = await open();
  const outline = await readOutline(page);
  await page.getByRole('checkbox', { name: '打印时全部展开' }).uncheck();
  await page.getByRole('button', { name: '全部折叠' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[role=group][hidden]').length >= 3);

  const flat = squeeze(await printed(page));
  const parts = outline.filter((item) => /^[一二三]、/.test(item.text));
  assert.equal(parts.length, 3);
  for (const part of parts) {
    const row = part.text.replace(/\d+$/, ''); // the child count is not printed
    assert.ok(flat.includes(squeeze(row)), row);
  }
  assert.ok(!flat.includes('一要把“一把手”监督抓严抓实'), 'a folded task is not printed');
});

test('while a search filters the tree, 打印时全部展开 still prints the whole outline', async () => {
  const page = await open();
  const headings = await rows(page);
  await page.getByRole('searchbox', { name: '搜索' }).fill('一把手');
  await page.waitForFunction((all) => document.querySelectorAll('[role=tree] .row').length < all, headings.length);
  const shown = await rows(page);
  assert.ok(shown.length >= 2, shown.join(' / '));
  const hidden = headings.filter((heading) => !shown.includes(heading));
  assert.ok(hidden.length > 0);

  const whole = squeeze(await printed(page));
  for (const heading of headings) assert.ok(whole.includes(squeeze(heading)), heading);
  // After printing, the search is shown again.
  await page.waitForFunction((count) => document.querySelectorAll('[role=tree] .row').length === count, shown.length);
  assert.deepEqual(await rows(page), shown);

  // Unticked, the paper shows what the screen shows.
  await page.getByRole('checkbox', { name: '打印时全部展开' }).uncheck();
  const asShown = squeeze(await printed(page));
  for (const heading of shown) assert.ok(asShown.includes(squeeze(heading)), heading);
  for (const heading of hidden) assert.ok(!asShown.includes(squeeze(heading)), `printed ${heading}`);
});

test('打印 during a search opens the dialog on the whole outline, and the search comes back after', async () => {
  const page = await open({
    beforeLoad: (page) =>
      page.addInitScript(() => {
        // What the dialog would print: the rows drawn when it opens.
        window.print = () => {
          window.printedRows = document.querySelectorAll('[role=tree] .row').length;
        };
      }),
  });
  const all = (await rows(page)).length;
  await page.getByRole('searchbox', { name: '搜索' }).fill('一把手');
  await page.waitForFunction((all) => document.querySelectorAll('[role=tree] .row').length < all, all);
  const shown = await rows(page);
  await page.getByRole('button', { name: '打印', exact: true }).click();
  await page.waitForFunction(() => window.printedRows !== undefined);
  assert.equal(await page.evaluate(() => window.printedRows), all);
  // The stub sends no afterprint, as a browser without a dialog would not.
  await page.waitForFunction((count) => document.querySelectorAll('[role=tree] .row').length === count, shown.length);
  assert.deepEqual(await rows(page), shown);
});

test('the date line of the front matter heads the page', async () => {
  const page = await open();
  const text = await readFile(`${ROOT}tests/corpus/17_mao1937_report-outline_arabic-1dun.txt`, 'utf8');
  await paste(page, text);
  const flat = squeeze(await printed(page));
  assert.ok(flat.startsWith(squeeze('上海太原失陷以后抗日战争的形势和任务（一九三七年十一月十二日）')), flat.slice(0, 60));
});

test('打印 opens the browser’s print dialog', async () => {
  const page = await open({
    beforeLoad: (page) =>
      page.addInitScript(() => {
        window.print = () => {
          window.printed = (window.printed ?? 0) + 1;
        };
      }),
  });
  await page.getByRole('button', { name: '打印', exact: true }).click();
  assert.equal(await page.evaluate(() => window.printed), 1);
});

// Issue 13, item 12: page 1 is not left blank but for the title (a chain
// of headings that avoid a break after them pushed everything to page 2:
// a law's flat articles, a resolution's parts); the front matter prints
// once, under the title, and the tree's front rows not again.
test('page 1 carries the outline, and the front matter prints once', async () => {
  const page = await open();
  for (const [name, front] of [
    ['27_law_flat-articles_repeated-title.txt', '1982年12月10日第五届全国人民代表大会第五次会议通过'],
    ['37_mao1929_gutian-resolution_jia-yi_bare-digits_markdown.txt', '（一九二九年十二月）'],
    ['14_gwr2017_zero-width-breaks.txt', '——2017年3月5日在第十二届全国人民代表大会第五次会议上'],
  ]) {
    await paste(page, await readFile(`${ROOT}tests/corpus/${name}`, 'utf8'));
    const pages = (await printed(page)).split('\f').map((text) => text.split('\n').filter((line) => line.trim()));
    assert.ok(pages.length >= 3, `${name}: ${pages.length} pages`);
    assert.ok(pages[0].length >= 0.6 * pages[1].length, `${name}: page 1 has ${pages[0].length} lines, page 2 ${pages[1].length}`);
    const flat = squeeze(pages.flat().join(''));
    assert.equal(flat.split(squeeze(front)).length - 1, 1, `${name}: ${front} printed once`);
    assert.ok(flat.indexOf(squeeze(front)) < 80, `${name}: ${front} heads the page`);
  }
});
