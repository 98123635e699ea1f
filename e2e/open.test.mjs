// 打开: text files in any encoding the core detects (here GBK, made with
// iconv), Word .docx files (made by LibreOffice when it is installed),
// dropped files, and files that cannot be read.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { appSession, paste, partLabels, readOutline, ROOT, waitForParts } from './harness.mjs';
import { docxOf, zip } from './docx-writer.mjs';

const open = appSession();
const run = promisify(execFile);
const corpus = (name) => join(ROOT, 'tests', 'corpus', name);
const GBK_SOURCE = corpus('17_mao1937_report-outline_arabic-1dun.txt');
const DOCX_SOURCE = corpus('09_cpc12-1982_report_shouxian-qici.txt');

let dir;
const files = {};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gangmu-open-'));
  files.gbk = join(dir, '毛泽东-gbk.txt');
  const { stdout } = await run('iconv', ['-f', 'UTF-8', '-t', 'GBK', GBK_SOURCE], {
    encoding: 'buffer',
    maxBuffer: 1 << 24,
  });
  await writeFile(files.gbk, stdout);
  files.docx = await wordFile(DOCX_SOURCE);
  files.binary = join(dir, 'random.txt');
  await writeFile(files.binary, Buffer.from([0x00, 0xff, 0x13, 0x00, 0x89, 0x00, 0x00, 0x07, 0xfe, 0x00, 0x42]));
  files.pdf = join(dir, '报告.pdf');
  await writeFile(files.pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
  files.zip = join(dir, '材料.docx');
  await writeFile(files.zip, zip([['说明.txt', Buffer.from('一、不是 Word 文档\n', 'utf8')]]));
});

/** Whether the page has asked for the lazily loaded .docx reader. */
const docxReaderRequests = (page) => {
  const urls = [];
  page.on('request', (request) => {
    if (/gangmu_files/.test(request.url())) urls.push(request.url());
  });
  return urls;
};

after(() => rm(dir, { recursive: true }));

/**
 * A .docx of the text file `source`: converted by LibreOffice (soffice)
 * when it is installed, as a word processor would save it; otherwise
 * written by e2e/docx-writer.mjs, one paragraph per line.
 */
async function wordFile(source) {
  try {
    await run(
      'soffice',
      ['--headless', '--infilter=Text (encoded):UTF8,LF,,,', '--convert-to', 'docx', '--outdir', dir, source],
      { timeout: 120_000, env: { ...process.env, HOME: dir } },
    );
    return join(dir, basename(source).replace(/\.txt$/, '.docx'));
  } catch (error) {
    console.log(`# LibreOffice unavailable (${error.code ?? error.message}); using a generated .docx`);
    const file = join(dir, basename(source).replace(/\.txt$/, '.generated.docx'));
    await writeFile(file, docxOf(await readFile(source, 'utf8')));
    return file;
  }
}

/** Opens `file` with 打开 and its file chooser. */
async function openFile(page, file) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: '打开', exact: true }).click(),
  ]);
  assert.deepEqual(chooser.isMultiple(), false);
  await chooser.setFiles(file);
}

const textOf = (page) => page.getByRole('textbox', { name: '原文' }).inputValue();

test('a GBK text file opens as its text, and 撤销 brings the old one back', async () => {
  const page = await open();
  const before = await textOf(page);
  await openFile(page, files.gbk);
  const toast = page.getByRole('status').filter({ hasText: '已打开“毛泽东-gbk.txt”' });
  await toast.waitFor();
  assert.equal(await textOf(page), await readFile(GBK_SOURCE, 'utf8'));
  await waitForParts(page, []);
  const rows = await readOutline(page);
  assert.deepEqual(
    rows.map((row) => row.text.match(/^[一二三]　/)?.[0]).filter(Boolean),
    ['一　', '二　'],
  );

  await toast.getByRole('button', { name: '撤销' }).click();
  await waitForParts(page, ['一、', '二、', '三、']);
  assert.equal(await textOf(page), before);
});

test('a .docx from a word processor gives the outline of its text', async () => {
  const page = await open();
  const requested = docxReaderRequests(page);
  await paste(page, await readFile(DOCX_SOURCE, 'utf8'));
  const expected = await readOutline(page);
  assert.deepEqual(partLabels(expected), ['一、', '二、', '三、', '四、', '五、', '六、']);

  await paste(page, '');
  assert.deepEqual(requested, [], 'the .docx reader is not loaded before a Word file is opened');
  await openFile(page, files.docx);
  await waitForParts(page, ['一、', '二、', '三、', '四、', '五、', '六、']);
  assert.deepEqual(await readOutline(page), expected);
  const origin = new URL(page.url()).origin;
  assert.deepEqual(
    requested.map((url) => [new URL(url).origin, new URL(url).pathname.split('/').pop()]).sort(),
    [
      [origin, 'gangmu_files.js'],
      [origin, 'gangmu_files_bg.wasm'],
    ],
    'the reader is loaded once, from this origin',
  );
});

test('a ZIP that is not a Word document: the reader’s Chinese message, and the text stays', async () => {
  const page = await open();
  const before = await textOf(page);
  await openFile(page, files.zip);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.locator('p').textContent()).trim(), '这个压缩文件不是 Word 文档（.docx）。');
  assert.equal(await textOf(page), before);
});

test('a .docx reader that cannot be fetched is said in Chinese, and the next try loads it', async () => {
  // As on a first visit: the service worker would serve the module.
  const page = await open({ serviceWorkers: 'block' });
  const before = await textOf(page);
  await page.route('**/gangmu_files*', (route) => route.abort('aborted'));
  await openFile(page, files.docx);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(
    (await alert.locator('p').textContent()).trim(),
    '无法加载 Word 文档读取模块，请检查网络连接后重试。',
  );
  assert.equal(await textOf(page), before);
  await alert.getByRole('button', { name: '关闭提示' }).click();

  await page.unroute('**/gangmu_files*');
  await openFile(page, files.docx);
  await waitForParts(page, ['一、', '二、', '三、', '四、', '五、', '六、']);
});

for (const [what, file, message] of [
  ['random bytes', 'binary', '这不是文本文件，无法打开。请选择 .txt 或 .docx 文件。'],
  ['a PDF', 'pdf', '暂不支持 PDF 文件。请在 PDF 阅读器中复制全文，粘贴到原文框中。'],
]) {
  test(`${what}: a Chinese message, and the text stays`, async () => {
    const page = await open();
    const before = await textOf(page);
    await openFile(page, files[file]);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal((await alert.locator('p').textContent()).trim(), message);
    assert.equal(await textOf(page), before);
    await waitForParts(page, ['一、', '二、', '三、']);
    await alert.getByRole('button', { name: '关闭提示' }).click();
    await page.waitForFunction(() => !document.querySelector('[role=alert]'));
  });
}

/** Drops a UTF-8 text file named `name` on the element `selector`. */
async function drop(page, selector, name, text) {
  const transfer = await page.evaluateHandle(
    ([name, text]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/plain' }));
      return transfer;
    },
    [name, text],
  );
  await page.dispatchEvent(selector, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
}

// Issue 13, item 16: anywhere on the page, not only on 原文.
test('a file dropped on 原文 or anywhere else on the page opens', async () => {
  const page = await open();
  const before = await textOf(page);
  await drop(page, '[role=tree]', '别处.txt', '一、落在提纲上\n');
  await page.getByText('已打开“别处.txt”').waitFor();
  await waitForParts(page, ['一、']);
  assert.equal(await textOf(page), '一、落在提纲上\n');
  await drop(page, '.source-text', '拖入.txt', '一、拖进来的部分\n二、又一部分\n');
  await page.getByText('已打开“拖入.txt”').waitFor();
  await waitForParts(page, ['一、', '二、']);
  assert.equal(await textOf(page), '一、拖进来的部分\n二、又一部分\n');
  assert.notEqual(before, await textOf(page));
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-drop')), false);
});

// Issue 13, item 5: a file opened within the debounce after typing (here
// in the same task) does not lose the typing: 撤销 brings back what 原文
// held, not the text last settled.
test('typing just before 打开 is what 撤销 brings back', async () => {
  const page = await open();
  const typed = '一、刚打的字还没停顿\n二、就打开了文件\n';
  await page.getByRole('textbox', { name: '原文' }).evaluate((textarea, typed) => {
    textarea.value = typed;
    textarea.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    const transfer = new DataTransfer();
    transfer.items.add(new File(['一、打开的文件\n'], '快.txt', { type: 'text/plain' }));
    textarea.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    textarea.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, typed);
  const toast = page.getByRole('status').filter({ hasText: '已打开“快.txt”' });
  await toast.waitFor();
  assert.equal(await textOf(page), '一、打开的文件\n');
  await toast.getByRole('button', { name: '撤销' }).click();
  await waitForParts(page, ['一、', '二、']);
  assert.equal(await textOf(page), typed);
});
