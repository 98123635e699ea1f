// Paste-to-outline in the browser, gangmu against markmap, side by side in
// one headless Chromium:
//
// * gangmu: the built app (dist/) with a document pasted into 原文, timed
//   by its own `gangmu:outline` measure (parse + render of the tree);
// * markmap: markmap-lib's Transformer and markmap-view's Markmap
//   rendering the same outline written as Markdown — every node the tree
//   holds, as a nested list under the title (from `gangmu --format json`)
//   — timed with performance.now() around the transform and both steps of
//   the render (see timeMarkmap), in a page of its own.
//
// Prints the median of RUNS runs of each, after WARMUP untimed runs (so
// that both are compiled by the JavaScript and WebAssembly engines' top
// tiers), and the ratio. Not a test: run
// it with `make bench` (which builds dist/ and the CLI first).
//
//   node scripts/bench/markmap.mjs [RUNS]

import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, openApp, ROOT, serveDist } from '../../e2e/harness.mjs';

const RUNS = Number(process.argv[2] ?? 9);
const WARMUP = 2;
const DOCUMENTS = [
  ['sample speech (24 KB)', '00_seed_city-mobilisation-speech.txt'],
  ['1955 report (170 KB)', '11_gwr1955_first-five-year-plan_very-long.txt'],
];
const BENCH = join(ROOT, 'scripts', 'bench', 'node_modules');
const CLI = join(ROOT, 'target', 'release', 'gangmu');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Median `gangmu:outline` duration of pasting `text` RUNS times (after WARMUP). */
async function timeGangmu(page, text) {
  const textarea = page.getByRole('textbox', { name: '原文' });
  const durations = [];
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    // Alternate with an empty text so that every paste is a real change.
    await textarea.fill('');
    await page.waitForFunction(() => document.querySelectorAll('[role=tree] [role=treeitem]').length === 0);
    const before = await page.evaluate(() => performance.getEntriesByName('gangmu:outline').length);
    await textarea.fill(text);
    await page.waitForFunction(
      (before) => performance.getEntriesByName('gangmu:outline').length > before,
      before,
    );
    durations.push(await page.evaluate(() => performance.getEntriesByName('gangmu:outline').at(-1).duration));
  }
  return median(durations.slice(WARMUP));
}

/**
 * Median time of markmap transforming and rendering `markdown`, RUNS times
 * (after WARMUP).
 *
 * markmap-view renders in two steps: `setData` joins the data to the SVG
 * at once, then waits for an animation frame (`await new Promise(
 * requestAnimationFrame)`) and lays the nodes out (measuring each one,
 * which forces a layout) before it positions them. Both steps are timed;
 * the idle wait for the frame between them is not. What is left out: the
 * transitions (duration 0) that apply the final positions on later frames,
 * and fitting the view.
 */
async function timeMarkmap(page, markdown) {
  const durations = [];
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    durations.push(
      await page.evaluate(async (markdown) => {
        const svg = document.getElementById('mindmap');
        svg.replaceChildren();
        // When the animation frame that markmap waits for begins.
        let frameStart = 0;
        const requestFrame = window.requestAnimationFrame;
        window.requestAnimationFrame = (callback) =>
          requestFrame((time) => {
            frameStart = performance.now();
            callback(time);
          });
        let markmap;
        try {
          const start = performance.now();
          // No plugins: they would fetch KaTeX and highlight.js from a CDN.
          const transformer = new window.markmap.Transformer([]);
          const { root } = transformer.transform(markdown);
          markmap = new window.markmap.Markmap(svg, { duration: 0, autoFit: false });
          const rendered = markmap.setData(root);
          const joined = performance.now();
          await rendered;
          // The continuation runs right after the layout step ends.
          const end = performance.now();
          if (svg.querySelectorAll('g.markmap-node').length === 0) throw new Error('markmap drew nothing');
          if (frameStart < joined) throw new Error('markmap did not wait for a frame');
          return joined - start + (end - frameStart);
        } finally {
          window.requestAnimationFrame = requestFrame;
          // Its ResizeObserver would re-render during later runs.
          markmap?.destroy();
        }
      }, markdown),
    );
  }
  return median(durations.slice(WARMUP));
}

/** The document's whole tree as Markdown: the title, then nested items. */
function outlineMarkdown(doc) {
  const lines = [`# ${doc.title ?? '提纲'}`, ''];
  const walk = (nodes, depth) => {
    for (const node of nodes) {
      lines.push(`${'  '.repeat(depth)}- ${node.label ?? ''}${node.heading}`);
      walk(node.children, depth + 1);
    }
  };
  walk(doc.nodes, 0);
  return lines.join('\n');
}

/**
 * For the "+ layout" column: markmap's timed step lays its nodes out (it
 * measures them), while `gangmu:outline` ends once the DOM is updated, before
 * the browser lays it out. In this page the browser lays the page out just
 * before the parse starts (so the pasted text's own layout is not counted)
 * and again just before the measure ends, so that the outline's style and
 * layout are in it.
 */
function layoutInMeasure() {
  const { mark, measure } = Performance.prototype;
  const layout = () => document.body?.offsetHeight;
  Performance.prototype.mark = function (name, ...rest) {
    if (name === 'gangmu:parse-start') layout();
    return mark.call(this, name, ...rest);
  };
  Performance.prototype.measure = function (name, ...rest) {
    if (name === 'gangmu:outline') layout();
    return measure.call(this, name, ...rest);
  };
}

async function markmapPage(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.setContent('<!doctype html><meta charset="utf-8"><svg id="mindmap" style="width:1280px;height:800px"></svg>');
  await page.addScriptTag({ path: join(BENCH, 'd3', 'dist', 'd3.min.js') });
  await page.addScriptTag({ path: join(BENCH, 'markmap-view', 'dist', 'browser', 'index.js') });
  await page.addScriptTag({ path: join(BENCH, 'markmap-lib', 'dist', 'browser', 'index.iife.js') });
  return page;
}

const server = await serveDist();
const browser = await launchChromium();
try {
  const { page: app } = await openApp(browser, server.url);
  const { page: laidOut } = await openApp(browser, server.url, { beforeLoad: (page) => page.addInitScript(layoutInMeasure) });
  const mindmap = await markmapPage(browser);
  console.log(`paste to outline, median of ${RUNS} runs (headless Chromium):`);
  console.log('document                     gangmu ms   + layout   markmap ms   markmap / gangmu   / (+ layout)');
  for (const [name, file] of DOCUMENTS) {
    const path = join(ROOT, 'tests', 'corpus', file);
    const text = await readFile(path, 'utf8');
    const markdown = outlineMarkdown(JSON.parse(execFileSync(CLI, [path], { encoding: 'utf8' })));
    const gangmu = await timeGangmu(app, text);
    const withLayout = await timeGangmu(laidOut, text);
    const markmap = await timeMarkmap(mindmap, markdown);
    console.log(
      `${name.padEnd(28)} ${gangmu.toFixed(1).padStart(9)} ${withLayout.toFixed(1).padStart(10)} ${markmap.toFixed(1).padStart(12)} ${(markmap / gangmu).toFixed(1).padStart(17)}× ${(markmap / withLayout).toFixed(1).padStart(13)}×`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
