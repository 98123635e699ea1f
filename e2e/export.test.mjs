// 导出: each format is made in the page and saved through a download,
// named after the title, and says what the outline on screen says.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { appSession, paste, ROOT, waitForParts } from './harness.mjs';

const open = appSession();
const TITLE = '在全市以案促改警示教育暨全面修复净化政治生态集中专项行动动员大会上的讲话';

/** Saves the export named `name` (Markdown, OPML, …); its file name and path. */
async function exportAs(page, name) {
  await page.getByRole('button', { name: '导出', exact: true }).click();
  const item = page.getByRole('button', { name: new RegExp(`^${name}`) });
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  assert.equal(await item.isVisible(), false, 'the menu closes');
  return { file: download.suggestedFilename(), path: await download.path() };
}

/**
 * The outline in a page — the app's tree or the exported HTML — as nested
 * { text, children }, text being label and heading; plain paragraphs,
 * which the app hides by default, left out unless `paragraphs`.
 */
function outlineIn(page, rootSelector, paragraphs = false) {
  return page.locator(rootSelector).first().evaluate((root, paragraphs) => {
    const own = (item, part) =>
      item.querySelector(`:scope > .row .${part}, :scope > details > summary .${part}, :scope > .${part}`)
        ?.textContent ?? '';
    const read = (list) =>
      [...(list?.children ?? [])]
        .filter((item) => item.matches(paragraphs ? 'li.node' : 'li.node:not(.node-paragraph)'))
        .map((item) => ({
          kind: item.className.match(/node-(\w+)/)?.[1],
          text: own(item, 'label') + own(item, 'heading'),
          children: read(item.querySelector(':scope > [role=group], :scope > details > ul')),
        }));
    return read(root);
  }, paragraphs);
}

const appOutline = (page, paragraphs = false) => outlineIn(page, '[role=tree]', paragraphs);

/** The same outline as lines, depth-first: each with its depth and text. */
function flatten(items, depth = 1, out = []) {
  for (const item of items) {
    out.push({ depth, kind: item.kind, text: item.text });
    flatten(item.children, depth + 1, out);
  }
  return out;
}

/** The tree's rows as lines: every export holds what the tree shows, the salutation and the closing address too. */
async function structure(page) {
  return flatten(await appOutline(page)).map(({ depth, text }) => ({ depth, text }));
}

/** Nested { text, children } without kinds (OPML has none). */
const texts = (items) => items.map(({ text, children }) => ({ text, children: texts(children) }));

test('every format is offered, named after the title, and its object URL revoked', async () => {
  const page = await open({
    beforeLoad: (page) =>
      page.addInitScript(() => {
        window.objectUrls = { made: 0, revoked: 0 };
        const { createObjectURL, revokeObjectURL } = URL;
        URL.createObjectURL = (blob) => (window.objectUrls.made++, createObjectURL(blob));
        URL.revokeObjectURL = (url) => (window.objectUrls.revoked++, revokeObjectURL(url));
      }),
  });
  for (const [name, extension] of [
    ['Markdown', 'md'],
    ['OPML', 'opml'],
    ['JSON', 'json'],
    ['提纲', 'txt'],
    ['Word 文档\\s*\\.docx', 'docx'],
    ['Word 文档（含要句）', 'docx'],
    ['Word 文档（含全文）', 'docx'],
    ['网页', 'html'],
  ]) {
    const { file } = await exportAs(page, name);
    assert.equal(file, `纲目-${TITLE}.${extension}`);
  }
  await page.waitForFunction(() => window.objectUrls.made === 8 && window.objectUrls.revoked === 8);
});

test('a report under a common title is named after its speaker and date too', async () => {
  const page = await open();
  await page
    .getByRole('textbox', { name: '原文' })
    .fill(
      '政府工作报告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n国务院总理　李克强\n各位代表：\n' +
        '现在，我代表国务院，向大会报告政府工作，请予审议。\n一、2016年工作回顾\n过去一年，我们做了很多工作。\n' +
        '二、2017年工作总体部署\n今年要做好以下工作。\n',
    );
  await waitForParts(page, ['一、', '二、']);
  const { file } = await exportAs(page, 'Markdown');
  assert.equal(file, '纲目-政府工作报告-李克强-2017年3月5日.md');
});

test('the OPML parses as XML and nests as the tree', async () => {
  const page = await open();
  const { path } = await exportAs(page, 'OPML');
  const xml = await readFile(path, 'utf8');
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    const read = (parent) =>
      [...parent.children]
        .filter((child) => child.tagName === 'outline')
        .map((outline) => ({ text: outline.getAttribute('text'), children: read(outline) }));
    return {
      version: doc.documentElement.getAttribute('version'),
      title: doc.querySelector('head > title').textContent,
      outline: read(doc.querySelector('body')),
    };
  }, xml);
  assert.equal(parsed.error, undefined);
  assert.equal(parsed.version, '2.0');
  assert.equal(parsed.title, TITLE);
  assert.deepEqual(parsed.outline, texts(await appOutline(page)));
});

test('with 显示段落 the files list the paragraph rows too, as the tree does', async () => {
  const page = await open();
  await page.getByRole('button', { name: '显示段落' }).click();
  await page.locator('[role=tree] .node-paragraph').first().waitFor();
  const { path } = await exportAs(page, 'OPML');
  const xml = await readFile(path, 'utf8');
  const outline = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const read = (parent) =>
      [...parent.children]
        .filter((child) => child.tagName === 'outline')
        .map((outline) => ({ text: outline.getAttribute('text'), children: read(outline) }));
    return read(doc.querySelector('body'));
  }, xml);
  const tree = texts(await appOutline(page, true));
  assert.ok(tree.find((row) => row.text === '同志们：').children.length > 0, 'the preamble shows its paragraphs');
  assert.deepEqual(outline, tree);
});

test('the Markdown headings and list items follow the tree', async () => {
  const page = await open();
  const { path } = await exportAs(page, 'Markdown');
  const markdown = await readFile(path, 'utf8');
  const lines = markdown.split('\n');
  assert.equal(lines[0], `# ${TITLE}`);
  const body = lines.slice(1, lines.indexOf('## 引语')).filter((line) => line.trim() !== '');
  const unescape = (text) => text.replace(/\\(.)/g, '$1');
  const shown = body.map((line) => {
    const heading = line.match(/^(#+) (.*)$/);
    if (heading) return { depth: heading[1].length - 1, text: unescape(heading[2]) };
    const item = line.match(/^( *)- (.*)$/);
    if (item) return { item: true, text: unescape(item[2]) };
    return { line: true, text: unescape(line) };
  });
  // The salutation and the closing address as lines of text, parts as ##,
  // their points as ###, tasks as list items.
  const tree = await structure(page);
  assert.deepEqual(
    shown.map((row) => row.text),
    tree.map((row) => row.text),
  );
  for (const [at, row] of shown.entries()) {
    if (row.item) assert.match(tree[at].text, /^[一二三四五六七八九十]+要/);
    else if (row.line) assert.match(tree[at].text, /^同志们/);
    else assert.equal(row.depth, tree[at].depth);
  }
});

test('a text just pasted is exported with its quotations', async () => {
  const page = await open();
  const textarea = page.getByRole('textbox', { name: '原文' });
  const sample = await textarea.inputValue();
  await textarea.fill('');
  await page.waitForFunction(() => document.querySelectorAll('[role=treeitem]').length === 0);
  await textarea.fill(sample);
  await page.getByRole('tree', { name: '提纲' }).getByRole('treeitem').first().waitFor();
  const { path } = await exportAs(page, 'Markdown');
  const markdown = await readFile(path, 'utf8');
  const quotations = markdown.slice(markdown.indexOf('\n## 引语\n'));
  assert.ok(quotations.length > 1, 'a 引语 section');
  assert.match(quotations, /善除害者察其本/);
  assert.match(quotations, /许多违纪违法/);
});

test('the JSON is the document model', async () => {
  const page = await open();
  const { path } = await exportAs(page, 'JSON');
  const doc = JSON.parse(await readFile(path, 'utf8'));
  assert.equal(doc.title, TITLE);
  const parts = doc.nodes.filter((node) => node.kind === 'part');
  assert.deepEqual(
    parts.map((node) => node.label),
    ['一、', '二、', '三、'],
  );
  const text = await page.getByRole('textbox', { name: '原文' }).inputValue();
  assert.equal(doc.chars, [...text].length);
});

test('the 提纲 text lists the outline, indented, in UTF-8 with a BOM and CRLF for Windows', async () => {
  const page = await open();
  const { path } = await exportAs(page, '提纲');
  const bytes = await readFile(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark');
  const text = bytes.subarray(3).toString('utf8');
  assert.equal(text.split('\n').length, text.split('\r\n').length, 'every line ends in CRLF');
  const lines = text.split('\r\n').filter((line) => line !== '');
  assert.equal(lines[0], TITLE);
  assert.deepEqual(
    lines.slice(1).map((line) => ({ depth: line.match(/^\u3000*/)[0].length / 2 + 1, text: line.trim() })),
    await structure(page),
  );
});

test('the HTML page shows the same outline on its own, with no script', async () => {
  const page = await open();
  const { path } = await exportAs(page, '网页');
  const html = await readFile(path, 'utf8');
  assert.ok(!/<script/i.test(html), 'no script');
  assert.ok(!/(src|href)=["']?(https?:)?\/\//i.test(html), 'nothing from elsewhere');

  // Downloads are kept without an extension; a browser needs one to read
  // a file:// page as HTML.
  const dir = await mkdtemp(join(tmpdir(), 'gangmu-export-'));
  const file = join(dir, 'export.html');
  await copyFile(path, file);
  const view = await page.context().browser().newPage();
  const errors = [];
  view.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  view.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  await view.goto(pathToFileURL(file).href);
  assert.equal(await view.evaluate(() => document.scripts.length), 0);
  assert.equal(await view.locator('h1').textContent(), TITLE);
  assert.deepEqual(await outlineIn(view, 'ul.tree'), await appOutline(page));
  assert.deepEqual(errors, []);
  await view.close();
  await rm(dir, { recursive: true });
});

// The exporters are in the file module, which the page loads on first use
// (www/main.js): a visitor who never exports does not download them, and
// a module that cannot be fetched is said in Chinese and fetched next time.
test('the exporters load on first use; a failed load is said, the next try saves', async () => {
  // As on a first visit: the service worker would serve the module.
  const page = await open({ serviceWorkers: 'block' });
  const fetched = () =>
    page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /gangmu_files/.test(entry.name)).length);
  assert.equal(await fetched(), 0, 'nothing of the file module before 导出');

  await page.route('**/gangmu_files*', (route) => route.abort('aborted'));
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('button', { name: /^Markdown/ }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal((await alert.locator('p').textContent()).trim(), '无法加载导出模块，请检查网络连接后重试。');
  await alert.getByRole('button', { name: '关闭提示' }).click();

  await page.unroute('**/gangmu_files*');
  const { file } = await exportAs(page, 'Markdown');
  assert.equal(file, `纲目-${TITLE}.md`);
});

// The Word files (.docx): read back with Python's zipfile, the XML parsed
// in the page, and where LibreOffice is installed converted to PDF.

const runFile = promisify(execFile);

/** The XML parts of the .docx at `path`, by name (Python's zipfile). */
async function docxParts(path) {
  const script =
    'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
    'print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))';
  const { stdout } = await runFile('python3', ['-c', script, path], { maxBuffer: 64 << 20 });
  return JSON.parse(stdout);
}

/** What the page's DOMParser reads in the document and styles of a .docx. */
function readDocx(page, parts) {
  return page.evaluate((parts) => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const parse = (xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) throw new Error(doc.querySelector('parsererror').textContent);
      return doc;
    };
    const all = (node, name) => [...node.getElementsByTagNameNS(W, name)];
    const child = (node, name) => [...node.children].find((c) => c.namespaceURI === W && c.localName === name);
    const val = (node, name) => (node && child(node, name)?.getAttributeNS(W, 'val')) ?? null;
    const problems = [];
    for (const [name, xml] of Object.entries(parts)) {
      const doc = parse(xml);
      for (const element of doc.getElementsByTagName('*')) {
        for (const attribute of element.attributes) {
          if (/theme$/i.test(attribute.localName)) problems.push(`${name}: ${attribute.name}`);
        }
      }
    }
    const document = parse(parts['word/document.xml']);
    const paragraphs = all(document, 'p').map((p) => {
      const style = val(child(p, 'pPr'), 'pStyle');
      const runs = all(p, 'r').map((r) => {
        const rPr = child(r, 'rPr');
        const fonts = rPr && child(rPr, 'rFonts');
        return {
          eastAsia: fonts?.getAttributeNS(W, 'eastAsia') ?? null,
          ascii: fonts?.getAttributeNS(W, 'ascii') ?? null,
          size: val(rPr, 'sz'),
        };
      });
      return { style, text: all(p, 't').map((t) => t.textContent).join(''), runs };
    });
    const section = all(document, 'sectPr')[0];
    const attributes = (node) =>
      Object.fromEntries([...node.attributes].map((a) => [a.localName, a.value]));
    const styles = parse(parts['word/styles.xml']);
    const headingStyles = all(styles, 'style')
      .filter((style) => /^Heading\d$/.test(style.getAttributeNS(W, 'styleId')))
      .map((style) => ({
        id: style.getAttributeNS(W, 'styleId'),
        name: val(style, 'name'),
        outlineLevel: val(child(style, 'pPr'), 'outlineLvl'),
      }));
    const spacing = all(styles, 'spacing').map(attributes);
    return {
      problems,
      paragraphs,
      pageSize: attributes(child(section, 'pgSz')),
      margins: attributes(child(section, 'pgMar')),
      headingStyles,
      spacing,
    };
  }, parts);
}

/** Checks the .docx at `path` against the tree the page shows; returns its headings. */
async function checkDocx(page, path, title) {
  const docx = await readDocx(page, await docxParts(path));
  assert.deepEqual(docx.problems, [], 'no theme fonts');
  assert.deepEqual(docx.pageSize, { w: '11906', h: '16838' });
  for (const [side, twips] of Object.entries({ top: '2098', bottom: '1984', left: '1588', right: '1474' })) {
    assert.equal(docx.margins[side], twips, side);
  }
  assert.ok(docx.spacing.some((s) => s.line === '579' && s.lineRule === 'exact'), '22 lines a page');
  for (let level = 1; level <= 4; level++) {
    assert.deepEqual(docx.headingStyles[level - 1], {
      id: `Heading${level}`,
      name: `heading ${level}`,
      outlineLevel: String(level - 1),
    });
  }
  for (const { style, text, runs } of docx.paragraphs) {
    for (const run of runs) {
      assert.ok(run.eastAsia && run.ascii === run.eastAsia, `${text}: its font in w:eastAsia`);
      assert.equal(run.size, style === 'Title' ? '44' : '32', text);
    }
  }
  const [first, ...rest] = docx.paragraphs;
  if (title) assert.deepEqual([first.style, first.text], ['Title', title]);
  const written = (title ? rest : docx.paragraphs).map(({ style, text }) => ({ style, text }));
  const structural = new Set(['part', 'section', 'task', 'point', 'appendix']);
  const expected = flatten(await appOutline(page)).map(({ depth, kind, text }) => ({
    style: structural.has(kind) ? `Heading${Math.min(depth, 9)}` : kind === 'front' ? 'Subtitle' : 'Normal',
    text,
  }));
  assert.deepEqual(written, expected, 'every row of the tree, in order, at its level');
  return expected.filter(({ style }) => style.startsWith('Heading')).map(({ text }) => text);
}

/** The PDF LibreOffice makes of the .docx at `path`: its text and pages; null without soffice. */
async function libreOfficePdf(path) {
  const dir = await mkdtemp(join(tmpdir(), 'gangmu-docx-'));
  try {
    const source = join(dir, 'file.docx');
    await copyFile(path, source);
    await runFile('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, source], {
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    const pdf = join(dir, 'file.pdf');
    const { stdout: text } = await runFile('pdftotext', [pdf, '-'], { maxBuffer: 64 << 20 });
    const { stdout: info } = await runFile('pdfinfo', [pdf]);
    return { text, pages: Number(info.match(/^Pages:\s+(\d+)/m)[1]) };
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each heading in the PDF's text, in order (line breaks and blanks aside). */
function assertHeadingsIn(pdfText, headings) {
  const flat = pdfText.replace(/\s+/g, '');
  let at = 0;
  for (const heading of headings) {
    const found = flat.indexOf(heading.replace(/\s+/g, ''), at);
    assert.ok(found >= 0, `${heading} in the PDF, in order`);
    at = found;
  }
}

for (const [name, file, title, pages] of [
  ['the sample', null, TITLE, [1, 3]],
  ['the 1955 report', 'tests/corpus/11_gwr1955_first-five-year-plan_very-long.txt', null, [3, 12]],
]) {
  test(`${name} as a Word file: the tree's rows in the 公文 fonts, sizes, margins and heading styles; LibreOffice reads the headings`, async () => {
    const page = await open();
    if (file) await paste(page, await readFile(join(ROOT, file), 'utf8'));
    const { file: saved, path } = await exportAs(page, 'Word 文档\\s*\\.docx');
    assert.match(saved, /^纲目.*\.docx$/);
    const headings = await checkDocx(page, path, title);
    assert.ok(headings.length > 10, `${headings.length} headings`);
    const pdf = await libreOfficePdf(path);
    if (!pdf) {
      console.log('# LibreOffice unavailable: the PDF check is skipped');
      return;
    }
    assertHeadingsIn(pdf.text, headings);
    assert.ok(pdf.pages >= pages[0] && pdf.pages <= pages[1], `${pdf.pages} pages`);
  });
}

test('the Word file with the full text holds the body under each heading', async () => {
  const page = await open();
  const { file, path } = await exportAs(page, 'Word 文档（含全文）');
  assert.match(file, /\.docx$/);
  const { paragraphs } = await readDocx(page, await docxParts(path));
  const at = paragraphs.findIndex(({ text }) => text === '必须充分认识到');
  assert.match(paragraphs[at + 1].text, /^开展集中专项行动/);
  const pdf = await libreOfficePdf(path);
  if (pdf) assert.ok(pdf.pages >= 8 && pdf.pages <= 25, `${pdf.pages} pages`);
});

// Issue 14, item 3: 复制提纲 puts the outline on the clipboard as plain
// text and as HTML whose headings keep the levels in Word; a refused
// clipboard leaves the text selected for Ctrl+C.
test('复制提纲 puts the outline on the clipboard in both formats', async () => {
  const page = await open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: '显示要句' }).click();
  await page.getByRole('button', { name: '复制提纲' }).click();
  await page.getByText('已复制提纲').waitFor();
  const clipboard = await page.evaluate(async () => {
    // Unsanitized: Chrome's sanitizing parse would meet the page's CSP.
    const [item] = await navigator.clipboard.read({ unsanitized: ['text/html'] });
    const read = async (type) => (await item.getType(type)).text();
    return { types: item.types, plain: await read('text/plain'), html: await read('text/html') };
  });
  assert.ok(clipboard.types.includes('text/html') && clipboard.types.includes('text/plain'), clipboard.types);
  const lines = clipboard.plain.split('\n');
  assert.equal(lines[0], TITLE);
  assert.ok(lines.includes('一、深刻认识开展集中专项行动的重大意义，自觉把思想和行动统一到自治区党委、纪委监委部署要求上来'));
  assert.ok(lines.includes('　　必须充分认识到'));
  assert.ok(lines.includes('　　　　必须清醒认识到，开展集中专项行动是提振队伍士气、转变干部作风的迫切需要。'));
  // Read in Node: parsed in the page, its inline styles would meet the
  // page's CSP.
  const tags = (tag) =>
    [...clipboard.html.matchAll(new RegExp(`<${tag} style="([^"]*)">([^<]*)</${tag}>`, 'g'))].map(
      ([, style, text]) => ({ style, text }),
    );
  const html = {
    h1: tags('h1').map((h) => h.text),
    h2: tags('h2').length,
    font: tags('h1')[0].style,
    keys: tags('p').filter((p) => p.text.startsWith('必须')).length,
  };
  assert.ok(html.h1.some((text) => text.startsWith('二、准确把握')), html.h1.join('\n'));
  assert.ok(html.h2 >= 13, `${html.h2} level-2 headings`);
  assert.match(html.font, /黑体/);
  assert.equal(html.keys, 3);

  // Ctrl+Shift+C in the tree does the same.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator('[role=treeitem]').first().focus();
  await page.keyboard.press('Control+Shift+C');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('必须充分认识到'));
});

test('a refused clipboard leaves the outline selected for Ctrl+C', async () => {
  const page = await open({
    beforeLoad: (page) =>
      page.addInitScript(() => {
        Document.prototype.execCommand = () => false;
      }),
  });
  await page.getByRole('button', { name: '复制提纲' }).click();
  await page.getByText('浏览器不允许写入剪贴板').waitFor();
  const selected = await page.evaluate(() => {
    const box = document.activeElement;
    return box.value.slice(box.selectionStart, box.selectionEnd);
  });
  assert.ok(selected.startsWith(TITLE), selected.slice(0, 40));
  assert.ok(selected.includes('　　一要把“一把手”监督抓严抓实'));
});
