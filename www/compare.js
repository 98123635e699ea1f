// 对比: the text in 原文 against another version of it (last year's report,
// an earlier draft) — loaded on first use by main.js when 对比 is pressed,
// so the first load carries none of it. The comparison itself is Rust
// (src/compare/, through the file module's compare_html and
// compare_file); this file is only its dialog: a second text pasted or
// opened from a file, which of the two is the new one, the result, and
// its 导出. Nothing the reader typed is lost: the dialog is kept, with its
// text, when it is closed, and an error only says what went wrong.

import { adoptStyle, download, element } from './dialog.js';

// The largest text opened, as the app takes (src/app_core/state: 20 MB).
const MAX_BYTES = 20 * 1024 * 1024;

const STYLE = `
.compare-dialog { width: min(72rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem);
  border: 1px solid var(--line); border-radius: var(--radius, 10px); padding: 1rem 1.25rem;
  background: var(--surface, #fff); color: var(--text); font: inherit; }
.compare-dialog::backdrop { background: rgb(0 0 0 / .35); }
.compare-dialog h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
.compare-hint, .compare-status { color: var(--muted); margin: .25rem 0 .5rem; font-size: .92rem; }
.compare-status:empty { display: none; }
.compare-status.error { color: var(--accent); }
.compare-roles { display: flex; gap: 1rem; flex-wrap: wrap; margin: .25rem 0 .5rem; }
.compare-other { width: 100%; box-sizing: border-box; min-height: 8rem; resize: vertical;
  font: inherit; line-height: 1.6; padding: .5rem; border: 1px solid var(--line);
  border-radius: 6px; background: var(--bg); color: var(--text); }
.compare-actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; margin: .5rem 0; }
.compare-actions .compare-close { margin-left: auto; }
.compare-run { background: var(--accent); border-color: var(--accent); color: var(--surface, #fff); }
.compare-result { overflow-x: auto; }
.compare-result.sourced td.new[data-span], .compare-result.sourced-old td.old[data-span] { cursor: pointer; }
.compare-result.sourced td.new[data-span]:hover, .compare-result.sourced-old td.old[data-span]:hover {
  text-decoration: underline; text-decoration-color: var(--line); }
.compare-result.changes-only tr.cmp-same { display: none; }
.compare-only { display: inline-flex; gap: .25rem; align-items: center; font-size: .85rem; }
.compare-only[hidden] { display: none; }
:root[data-theme="dark"] .compare-dialog { --add: #17301f; --del: #3a1f1c; --add-text: #8fd6a3; --del-text: #ec8b7c; }
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) .compare-dialog { --add: #17301f; --del: #3a1f1c; --add-text: #8fd6a3; --del-text: #ec8b7c; }
}
@media print { body:has(.compare-dialog[open]) > :not(.compare-dialog) { display: none; }
  .compare-dialog { position: static; width: auto; max-height: none; border: 0; }
  .compare-dialog .compare-form { display: none; } }
`;

let dialog;

// Opens the dialog; `filesModule()` resolves to the file module. With
// `other` (a text of 文档库), that is the other text.
export function openCompare(filesModule, other) {
  dialog ??= build(filesModule);
  if (typeof other === 'string') dialog.querySelector('.compare-other').value = other;
  dialog.showModal();
  dialog.querySelector(typeof other === 'string' ? '.compare-run' : '.compare-other').focus();
}

function build(filesModule) {
  const status = element('p', { className: 'compare-status', role: 'status' });
  const other = element('textarea', {
    className: 'compare-other',
    placeholder: '把另一稿粘贴在这里，或点“打开文件”',
    spellcheck: false,
  });
  other.setAttribute('aria-label', '另一稿');
  const role = (value, text, checked) =>
    element('label', {}, [element('input', { type: 'radio', name: 'compare-role', value, checked }), text]);
  const file = element('input', { type: 'file', accept: '.txt,.text,.md,.markdown,.docx,text/plain' });
  const button = (className, text) => element('button', { type: 'button', className }, [text]);
  const run = button('compare-run', '对比');
  const open = button('compare-open-file', '打开文件');
  file.hidden = true;
  open.addEventListener('click', () => file.click());
  const exportMarkdown = button('compare-export', '导出 Markdown');
  const exportHtml = button('compare-export', '导出网页');
  const exportWord = button('compare-export', '导出 Word');
  const close = button('compare-close', '关闭');
  // 只看变化: the rows 不变 hidden, the others in their places.
  const onlyBox = element('input', { type: 'checkbox' });
  const only = element('label', { className: 'compare-only', hidden: true }, [onlyBox, '只看变化']);
  onlyBox.addEventListener('change', () => result.classList.toggle('changes-only', onlyBox.checked));
  const result = element('div', { className: 'compare-result' });
  exportMarkdown.hidden = exportHtml.hidden = exportWord.hidden = true;

  const node = element('dialog', { className: 'compare-dialog' }, [
    element('div', { className: 'compare-form' }, [
      element('h2', { id: 'compare-title' }, ['对比两稿']),
      element('p', { className: 'compare-hint' }, [
        '与原文中的文字对比：两份提纲按标题对齐，逐项标出新增、删去、改写和不变，并列出新提法和有变的数字。全部在本机完成。',
      ]),
      element('div', { className: 'compare-roles' }, [
        role('new', '原文是新稿，另一稿是旧稿', true),
        role('old', '原文是旧稿，另一稿是新稿', false),
      ]),
      other,
      element('div', { className: 'compare-actions' }, [
        run,
        open,
        file,
        only,
        exportMarkdown,
        exportHtml,
        exportWord,
        close,
      ]),
      status,
    ]),
    result,
  ]);
  node.setAttribute('aria-labelledby', 'compare-title');

  const say = (text, error = false) => {
    status.textContent = text;
    status.classList.toggle('error', error);
  };
  // The two texts, old first, or null (and a word why) when one is empty.
  const texts = () => {
    const source = document.querySelector('.source-text')?.value ?? '';
    const second = other.value;
    if (!second.trim()) return say('请先粘贴或打开另一稿。', true), null;
    if (!source.trim()) return say('原文是空的：请先在原文中粘贴一稿。', true), null;
    const sourceIsNew = node.querySelector('input[name="compare-role"]:checked')?.value !== 'old';
    return sourceIsNew ? [second, source] : [source, second];
  };
  // The fragment's style sheet, from the file module once it is loaded.
  let styled;
  const loaded = async () => {
    try {
      const module = await filesModule();
      styled ??= adoptStyle(module.compare_style());
      return module;
    } catch {
      say('对比功能没有加载成功（可能已断网），请稍后再试。', true);
      return null;
    }
  };

  run.addEventListener('click', async () => {
    const pair = texts();
    if (!pair) return;
    say('正在对比……');
    const module = await loaded();
    if (!module) return;
    // Let the word above be drawn before the work.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    try {
      result.innerHTML = module.compare_html(...pair);
      // The cells of the text in 原文 show their passage there when clicked.
      const sourceIsNew = pair[1] === (document.querySelector('.source-text')?.value ?? '');
      result.classList.toggle('sourced', sourceIsNew);
      result.classList.toggle('sourced-old', !sourceIsNew);
      exportMarkdown.hidden = exportHtml.hidden = exportWord.hidden = only.hidden = false;
      say('');
    } catch {
      say('对比时出错了：两稿的文字都还在，可以修改后再试。', true);
    }
  });

  result.addEventListener('click', (event) => {
    const side = result.classList.contains('sourced') ? 'new' : 'old';
    const cell = event.target.closest?.(`td.${side}[data-span]`);
    const source = document.querySelector('.source-text');
    if (!cell || !source) return;
    const [start, end] = cell.dataset.span.split('-').map(Number);
    // Char offsets to the textarea's UTF-16 ones.
    const units = (chars) => {
      let at = 0;
      for (let seen = 0; seen < chars && at < source.value.length; seen += 1) {
        const unit = source.value.charCodeAt(at);
        at += unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
      }
      return at;
    };
    node.close();
    source.focus();
    source.setSelectionRange(units(start), units(end));
    // The app follows the selection (its select event) and scrolls to it
    // as to any passage it shows.
    source.dispatchEvent(new Event('select', { bubbles: true }));
  });

  const save = async (format) => {
    const pair = texts();
    const module = pair && (await loaded());
    if (!module) return;
    try {
      download(...module.compare_file(...pair, format));
    } catch {
      say('导出失败，请再试一次。', true);
    }
  };
  exportMarkdown.addEventListener('click', () => save('markdown'));
  exportHtml.addEventListener('click', () => save('html'));
  exportWord.addEventListener('click', () => save('docx'));
  close.addEventListener('click', () => node.close());

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) return say(`文件太大（超过 20 MB）：${chosen.name}`, true);
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    try {
      other.value = await textOf(bytes, loaded);
      say(`已打开 ${chosen.name}`);
    } catch (message) {
      say(typeof message === 'string' ? message : `无法打开 ${chosen.name}`, true);
    }
  });

  adoptStyle(STYLE);
  document.body.append(node);
  return node;
}

// The text of a file's bytes: a Word file through the file module, else
// UTF-8 or UTF-16 (by its byte-order mark). Throws the Chinese message.
async function textOf(bytes, loaded) {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const module = await loaded();
    if (!module) throw '对比功能没有加载成功（可能已断网），请稍后再试。';
    return module.docx_text(bytes);
  }
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw '无法识别这个文件的编码：请另存为 UTF-8 文本，或把内容直接粘贴进来。';
  }
}
