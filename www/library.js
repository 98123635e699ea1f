// 文档库: every text pasted or opened, kept in this browser (IndexedDB),
// with its title, speaker, date, size and when it was last opened — listed,
// filtered, opened, renamed, deleted (undoably), compared (对比), and moved
// between machines as one JSON Lines file. Loaded by main.js when the page
// is idle after its first outline, and when 文档库 is pressed.
//
// It keeps what the app saves: the app writes its text to localStorage
// (src/app/dom/storage.rs) after each pause in typing, and this module
// sees each such write — and each input in 原文 — and keeps the text here
// too, a second after. A
// text is one record while it is edited (most of it kept, ends alike); a
// text that is new — another opened, pasted over, or a second tab's —
// is a new record, and a text already kept (the same words) is that record
// again: nothing is stored twice. Each tab edits its own record (its id in
// sessionStorage); a record another tab saved since is never overwritten
// — this tab's text becomes a record of its own. When the browser refuses
// (private mode, no space), the panel says so, and 原文 keeps the text.
//
// Opening a record hands its text to the app as a dropped file, so it
// opens as 打开 would, with 撤销.

import { adoptStyle, download, element } from './dialog.js';

const DB = 'gangmu-library';
const STORE = 'docs';
const CURRENT = 'gangmu:library';
const REFUSED = '浏览器拒绝了保存（可能是隐私模式，或空间已满）：原文中的文字不受影响。';

let database;
let refused = false;
// This tab's record: its id, and the stamp it last wrote or read.
let current = null;
let files;

const done = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

// The database, with its store: made if missing (also when the database
// exists without it, as an open by another script with no version makes
// it), by opening it at the next version.
function openDatabase() {
  const opening = (version) =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, version);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) {
          request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true }).createIndex('hash', 'hash');
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked'));
    });
  database ??= opening()
    .then((db) => {
      if (db.objectStoreNames.contains(STORE)) return db;
      const next = db.version + 1;
      db.close();
      return opening(next);
    })
    .catch((error) => {
      database = undefined;
      throw error;
    });
  return database;
}

// Runs `work(store)` in a transaction; resolves to its result when the
// transaction is committed.
async function inStore(mode, work) {
  const db = await openDatabase();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    let result;
    Promise.resolve(work(transaction.objectStore(STORE))).then((value) => (result = value), reject);
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new Error('aborted'));
  });
}

const all = () => inStore('readonly', (store) => done(store.getAll()));
const get = (id) => inStore('readonly', (store) => done(store.get(id)));
const put = (record) => inStore('readwrite', (store) => done(store.put(record)));
const remove = (id) => inStore('readwrite', (store) => done(store.delete(id)));

// Two 32-bit FNV-1a hashes and the length: equal texts, equal hashes; a
// record of the same hash is compared word for word before it counts.
function hashOf(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let at = 0; at < text.length; at += 1) {
    const unit = text.charCodeAt(at);
    a = Math.imul(a ^ unit, 0x01000193) >>> 0;
    b = Math.imul(b ^ unit, 0x5bd1e995) >>> 0;
  }
  return `${text.length}:${a.toString(36)}:${b.toString(36)}`;
}

// Unicode's White_Space, as Rust's char::is_whitespace.
const isWhite = (unit) =>
  (unit >= 9 && unit <= 13) || unit === 32 || unit === 0x85 || unit === 0xa0 || unit === 0x1680 ||
  (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 || unit === 0x202f ||
  unit === 0x205f || unit === 0x3000;

// 字数 as the app counts it (src/app_core/stats.rs): characters other
// than whitespace, a surrogate pair one.
function charsOf(text) {
  let count = 0;
  for (let at = 0; at < text.length; at += 1) {
    const unit = text.charCodeAt(at);
    if (!(unit >= 0xdc00 && unit <= 0xdfff) && !isWhite(unit)) count += 1;
  }
  return count;
}

async function findText(text) {
  const hash = hashOf(text);
  const same = await inStore('readonly', (store) => done(store.index('hash').getAll(hash)));
  return same.find((record) => record.text === text);
}

// Whether `text` is an edit of `before`: their common start and end hold
// half of the shorter, at least.
function isEdit(before, text) {
  const shorter = Math.min(before.length, text.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === text.charCodeAt(start)) start += 1;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === text.charCodeAt(text.length - 1 - end)
  )
    end += 1;
  return start + end >= shorter / 2;
}

// The first line with letters, as a title until the parser's is known.
function firstLine(text) {
  const line = text
    .slice(0, 4000)
    .split('\n')
    .map((line) => line.replace(/^[#>*\s　]+|[*\s　]+$/g, ''))
    .find((line) => /[\p{L}\p{N}]/u.test(line));
  return (line ?? '（无标题）').slice(0, 60);
}

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

function newRecord(text, now = Date.now()) {
  return { text, hash: hashOf(text), title: firstLine(text), named: false, chars: charsOf(text), saved: now, opened: now, stamp: stamp() };
}

function remember(record) {
  current = { id: record.id, stamp: record.stamp };
  try {
    sessionStorage.setItem(CURRENT, JSON.stringify(current));
  } catch {
    // No session storage: this tab forgets its record on reload.
  }
}

// Keeps `text` as this tab's record (see the top of this file).
async function keep(text) {
  if (!text.trim()) return;
  try {
    const now = Date.now();
    const same = await findText(text);
    if (same) {
      same.opened = now;
      same.stamp = stamp();
      await put(same);
      return remember(same);
    }
    const mine = current && (await get(current.id));
    let record;
    if (mine && mine.stamp === current.stamp && isEdit(mine.text, text)) {
      record = { ...mine, text, hash: hashOf(text), chars: charsOf(text), saved: now, opened: now, stamp: stamp() };
      if (!mine.named) record.title = firstLine(text);
      delete record.facts;
    } else {
      record = newRecord(text, now);
    }
    record.id = await put(record);
    remember(record);
    refused = false;
  } catch {
    refused = true;
  }
  if (panel?.open) panel.refresh();
}

// What is to be kept, a second after the last change; the keeps run one
// after another. A text that replaces another (not an edit of it) has
// that one kept first, however soon it came.
let pending;
let timer;
let queue = Promise.resolve();
function later(text) {
  if (pending !== undefined && pending !== text && !isEdit(pending, text)) flush();
  pending = text;
  clearTimeout(timer);
  timer = setTimeout(flush, 1000);
}
function flush() {
  clearTimeout(timer);
  if (pending === undefined) return;
  const text = pending;
  pending = undefined;
  queue = queue.then(() => keep(text));
}

// Starts keeping texts: the one shown now (unless it is the untouched
// sample), then every text the app saves.
export function start(filesModule) {
  files = filesModule;
  if (start.done) return;
  start.done = true;
  try {
    current = JSON.parse(sessionStorage.getItem(CURRENT) ?? 'null');
  } catch {
    current = null;
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key === 'gangmu:text' && this === globalThis.localStorage) later(String(value));
    return setItem.call(this, key, value);
  };
  // Typing and pasting too: a tab whose text the app does not save (another
  // tab saved since, src/app_core/state/transfer.rs) still has it kept here.
  document.addEventListener('input', (event) => {
    if (event.target.matches?.('.source-text')) later(event.target.value);
  });
  addEventListener('pagehide', flush);
  const shown = document.querySelector('.source-text')?.value ?? '';
  if (!document.getElementById('sample-mark')) later(shown);
}

// The parser's title, speaker and date of records that lack them (from
// the file module, which is loaded for it).
async function addFacts(records) {
  const lacking = records.filter((record) => record.facts !== record.hash);
  if (lacking.length === 0) return false;
  const module = await files();
  for (const record of lacking) {
    const [title, speaker, date] = module.doc_facts(record.text);
    if (title && !record.named) record.title = title;
    record.speaker = speaker;
    record.date = date;
    record.facts = record.hash;
    await put(record).catch(() => {});
  }
  return true;
}

let panel;
const button = (text, onclick, className = '') => element('button', { type: 'button', className, onclick }, [text]);
const when = (ms) =>
  ms ? new Date(ms).toLocaleString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '';

const STYLE = `
.library-dialog { width: min(64rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem); border: 1px solid var(--line);
  border-radius: var(--radius, 10px); padding: 1rem 1.25rem; background: var(--surface, #fff); color: var(--text); font: inherit; }
.library-dialog::backdrop { background: rgb(0 0 0 / .35); }
.library-dialog h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
.library-hint, .library-status { color: var(--muted); font-size: .92rem; margin: .25rem 0 .5rem; }
.library-status:empty { display: none; }
table.library td.library-empty { color: var(--muted); padding: .75rem .4rem; }
.library-status.error { color: var(--accent); }
.library-bar { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; margin: .5rem 0; }
.library-bar input[type=search] { flex: 1 1 12rem; font: inherit; padding: .25rem .5rem; border: 1px solid var(--line);
  border-radius: 6px; background: var(--bg); color: var(--text); }
.library-bar .library-close { margin-left: auto; }
table.library { border-collapse: collapse; width: 100%; }
table.library th, table.library td { border-bottom: 1px solid var(--line); padding: .3rem .4rem; text-align: left; vertical-align: top; }
table.library th { font-weight: 600; font-size: .85rem; color: var(--muted); }
table.library td.actions { white-space: nowrap; }
table.library td.actions button { margin-right: .25rem; }
table.library tr.current td.title { font-weight: 600; }
table.library td.number, table.library td.when { white-space: nowrap; font-size: .85rem; color: var(--muted); }
table.library input.rename { font: inherit; width: 100%; box-sizing: border-box; }
`;

function buildPanel(compare) {
  const status = element('p', { className: 'library-status', role: 'status' });
  const filter = element('input', { type: 'search', placeholder: '按标题筛选' });
  filter.setAttribute('aria-label', '按标题筛选');
  const body = element('tbody');
  const count = element('span', { className: 'library-hint' });
  const importFile = element('input', { type: 'file', accept: '.jsonl,.json,application/json', hidden: true });
  let undo = null;

  const say = (text, error = false, action = null) => {
    status.replaceChildren(text, ...(action ? [' ', action] : []));
    status.classList.toggle('error', error);
  };

  const node = element('dialog', { className: 'library-dialog' }, [
    element('h2', { id: 'library-title' }, ['文档库']),
    element('p', { className: 'library-hint' }, [
      '你粘贴或打开过的文本都自动保存在这台电脑的浏览器里，不上传。打开一篇，原文就换成它（可撤销）。',
    ]),
    element('div', { className: 'library-bar' }, [
      filter,
      count,
      button('导出文档库', () => exportAll()),
      button('导入文档库', () => importFile.click()),
      importFile,
      button('关闭', () => node.close(), 'library-close'),
    ]),
    status,
    element('table', { className: 'library' }, [
      element('thead', {}, [
        element('tr', {}, ['标题', '讲话人', '日期', '字数', '最近打开', ''].map((text) => element('th', {}, [text]))),
      ]),
      body,
    ]),
  ]);
  node.setAttribute('aria-labelledby', 'library-title');

  async function refresh() {
    let records;
    try {
      records = await all();
    } catch {
      body.replaceChildren();
      count.textContent = '';
      return say(REFUSED, true);
    }
    if (refused && !undo) say(REFUSED, true);
    records.sort((a, b) => b.opened - a.opened);
    const words = filter.value.trim();
    const shown = words ? records.filter((record) => record.title.includes(words)) : records;
    count.textContent = words ? `${shown.length} / ${records.length} 篇` : `共 ${records.length} 篇`;
    const empty = records.length === 0 ? '还没有保存的文本：在原文中粘贴、输入或打开一篇，它就会保存在这里。' : '没有标题含这些字的文本。';
    body.replaceChildren(
      ...(shown.length ? shown.map(row) : [element('tr', {}, [element('td', { colSpan: 6, className: 'library-empty' }, [empty])])]),
    );
    if (await addFacts(records).catch(() => false)) refresh();
  }
  node.refresh = refresh;

  function row(record) {
    const title = element('td', { className: 'title' }, [record.title]);
    const line = element('tr', { className: record.id === current?.id ? 'current' : '' }, [
      title,
      element('td', {}, [record.speaker ?? '']),
      element('td', {}, [record.date ?? '']),
      element('td', { className: 'number' }, [record.chars.toLocaleString('zh-CN')]),
      element('td', { className: 'when' }, [when(record.opened)]),
      element('td', { className: 'actions' }, [
        button('打开', () => openRecord(record)),
        button('对比', () => compareWith(record)),
        button('重命名', () => rename(record, title)),
        button('删除', () => removeRecord(record)),
      ]),
    ]);
    return line;
  }

  function openRecord(record) {
    const transfer = new DataTransfer();
    transfer.items.add(new File([record.text], `${record.title}.txt`, { type: 'text/plain' }));
    node.close();
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }

  async function compareWith(record) {
    node.close();
    const module = await compare();
    module.openCompare(files, record.text);
  }

  function rename(record, cell) {
    const input = element('input', { className: 'rename', value: record.title });
    input.setAttribute('aria-label', '新的标题');
    const finish = async (save) => {
      const name = input.value.trim();
      if (save && name && name !== record.title) {
        record.title = name;
        record.named = true;
        await put(record).catch(() => say(REFUSED, true));
      }
      refresh();
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') finish(true);
      if (event.key === 'Escape') {
        event.preventDefault();
        finish(false);
      }
    });
    input.addEventListener('blur', () => finish(true));
    cell.replaceChildren(input);
    input.focus();
    input.select();
  }

  async function removeRecord(record) {
    try {
      await remove(record.id);
    } catch {
      return say(REFUSED, true);
    }
    undo = button('撤销', async () => {
      undo = null;
      await put(record).catch(() => say(REFUSED, true));
      say('');
      refresh();
    });
    say(`已删除“${record.title}”`, false, undo);
    refresh();
  }

  async function exportAll() {
    const records = await all().catch(() => null);
    if (!records) return say(REFUSED, true);
    const lines = records
      .sort((a, b) => a.saved - b.saved)
      .map(({ title, named, speaker, date, text, saved, opened }) =>
        JSON.stringify({ title, named, speaker, date, saved, opened, text }),
      );
    const day = new Date().toISOString().slice(0, 10);
    download(`纲目-文档库-${day}.jsonl`, lines.join('\n') + '\n', 'application/jsonl');
    say(`已导出 ${records.length} 篇。`);
  }

  importFile.addEventListener('change', async () => {
    const chosen = importFile.files?.[0];
    importFile.value = '';
    if (!chosen) return;
    let added = 0;
    let duplicates = 0;
    let unreadable = 0;
    const lines = (await chosen.text()).split('\n').filter((line) => line.trim());
    try {
      for (const line of lines) {
        let entry;
        try {
          entry = JSON.parse(line);
        } catch {
          entry = null;
        }
        if (typeof entry?.text !== 'string' || !entry.text.trim()) {
          unreadable += 1;
          continue;
        }
        if (await findText(entry.text)) {
          duplicates += 1;
          continue;
        }
        const record = newRecord(entry.text, Number(entry.saved) || Date.now());
        if (typeof entry.title === 'string' && entry.title.trim()) record.title = entry.title.trim().slice(0, 200);
        record.named = entry.named === true;
        if (Number(entry.opened)) record.opened = Number(entry.opened);
        await put(record);
        added += 1;
      }
    } catch {
      say(`${REFUSED}（已导入 ${added} 篇）`, true);
      return refresh();
    }
    const skipped = [duplicates && `跳过重复 ${duplicates} 篇`, unreadable && `${unreadable} 行无法读取`].filter(Boolean);
    say(`已导入 ${added} 篇${skipped.length ? `，${skipped.join('，')}` : ''}。`, unreadable > 0);
    refresh();
  });

  filter.addEventListener('input', () => refresh());
  adoptStyle(STYLE);
  document.body.append(node);
  return node;
}

// Opens the panel; `compare()` resolves to compare.js.
export function openLibrary(filesModule, compare) {
  start(filesModule);
  flush();
  panel ??= buildPanel(compare);
  panel.showModal();
  panel.refresh();
}
