// The outline follows the text: the sample on first load, then pasted
// documents from the corpus. Run with `node --test e2e/` after `make dist`.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  appSession,
  item,
  measureCount,
  partLabels,
  readOutline,
  ROOT,
  taskLabels,
  waitForParts,
} from './harness.mjs';

const corpus = (name) => readFile(join(ROOT, 'tests', 'corpus', name), 'utf8');
const SAMPLE = '00_seed_city-mobilisation-speech.txt';
const REPORT_1982 = '09_cpc12-1982_report_shouxian-qici.txt';
const FIVE_TASKS = ['一要', '二要', '三要', '四要', '五要'];

const open = appSession();

/** Checks the outline of the sample speech: parts 一、二、三、, five tasks under 二、 and 三、. */
async function assertSampleOutline(page) {
  const outline = await readOutline(page);
  assert.deepEqual(partLabels(outline), ['一、', '二、', '三、']);
  const parts = outline.filter((node) => partLabels([node]).length > 0);
  for (const part of parts) assert.equal(part.level, 1, part.text);
  for (const part of parts.slice(1)) {
    assert.deepEqual(taskLabels(part.children), FIVE_TASKS, `tasks under ${part.text}`);
    for (const task of part.children) assert.equal(task.level, 2, task.text);
  }
}

test('on load the tree shows the outline of the sample speech', async () => {
  const page = await open();
  await page.getByRole('tree', { name: '提纲' }).waitFor();
  await assertSampleOutline(page);
  const textarea = page.getByRole('textbox', { name: '原文' });
  assert.equal(await textarea.inputValue(), await corpus(SAMPLE));
});

test('pasting the sample speech again gives the same outline', async () => {
  const page = await open();
  const textarea = page.getByRole('textbox', { name: '原文' });
  await textarea.fill('');
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 0);
  await textarea.fill(await corpus(SAMPLE));
  await waitForParts(page, ['一、', '二、', '三、']);
  await assertSampleOutline(page);
});

test('pasting another report makes the tree follow it', async () => {
  const page = await open();
  await page.getByRole('textbox', { name: '原文' }).fill(await corpus(REPORT_1982));
  await waitForParts(page, ['一、', '二、', '三、', '四、', '五、', '六、']);
  const outline = await readOutline(page);
  for (const node of outline) assert.equal(node.level, 1, node.text);
  // None of the sample's tasks survive the paste.
  const second = outline.find((node) => node.text.startsWith('二、'));
  assert.notDeepEqual(taskLabels(second.children), FIVE_TASKS);
});

test('the quotations of a pasted text follow its outline: 引语, 术语 and the statistics', async () => {
  const page = await open();
  const textarea = page.getByRole('textbox', { name: '原文' });
  const stats = page.getByLabel('统计');
  const quotes = page.getByRole('region', { name: '引语' });
  const terms = page.getByRole('region', { name: '术语' });
  await textarea.fill('一、加强学习\n认真学习。\n\n二、狠抓落实\n抓好落实。\n');
  await waitForParts(page, ['一、', '二、']);
  await quotes.getByRole('button').first().waitFor({ state: 'detached' });
  assert.doesNotMatch(await stats.textContent(), /处引语/);
  // The sample's outline is drawn first, its two quotations found a moment later.
  await textarea.fill(await corpus(SAMPLE));
  await waitForParts(page, ['一、', '二、', '三、']);
  await quotes.getByRole('button', { name: /许多违纪违法/ }).waitFor();
  await quotes.getByRole('button', { name: /善除害者察其本/ }).waitFor();
  assert.match(await stats.textContent(), / 2 处引语 /);
  assert.ok((await terms.getByRole('button').count()) > 0, 'terms listed');
});

test('every parse is measured as gangmu:outline', async () => {
  const page = await open();
  await page.waitForFunction(() => performance.getEntriesByName('gangmu:outline').length > 0);
  const afterLoad = await measureCount(page);
  await page.getByRole('textbox', { name: '原文' }).fill(await corpus(REPORT_1982));
  await page.waitForFunction(
    (count) => performance.getEntriesByName('gangmu:outline').length > count,
    afterLoad,
  );
  const [measure] = await page.evaluate(() =>
    performance.getEntriesByName('gangmu:outline').map((entry) => entry.duration),
  );
  assert.ok(measure >= 0, `duration ${measure}`);
});

// Issue 13, item 10: drag-selecting rows of 提纲 and copying gives the
// rows as seen — the parts with their labels too, indented by level,
// folded rows left out — and folds nothing on the way.
test('copying a selection of rows copies what is seen, with labels', async () => {
  const page = await open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const first = item(page, '一、').locator(':scope > .row');
  const last = item(page, '二要').first().locator(':scope > .row');
  // Fold 一、's points away first: they are not seen, so not copied.
  await item(page, '一、').locator(':scope > .row').click();
  await page.waitForFunction(
    () => document.querySelector('[role=tree] > [role=treeitem]:nth-child(2)')?.getAttribute('aria-expanded') === 'false',
  );
  const from = await first.boundingBox();
  const to = await last.boundingBox();
  await page.mouse.move(from.x + 4, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width - 4, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  const expanded = await item(page, '二、').getAttribute('aria-expanded');
  assert.equal(expanded, 'true', 'the drag folded nothing');
  await page.keyboard.press('ControlOrMeta+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.split('\n').filter(Boolean);
  assert.match(lines[0], /^一、深刻认识开展集中专项行动的重大意义/);
  assert.match(lines[1], /^二、准确把握集中专项行动的重点任务/);
  assert.equal(lines[2], '\u3000\u3000一要把“一把手”监督抓严抓实');
  assert.equal(lines[3], '\u3000\u3000二要把选人用人导向校正校准');
  assert.equal(lines.length, 4, copied);
  assert.ok(!copied.includes('必须充分认识到'), 'folded rows are not copied');
});
