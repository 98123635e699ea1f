// The analysis worker: parses large texts off the page's thread, so the
// page stays responsive (src/app/dom/analyzer.rs sends the texts). It
// loads the same wasm module as the page but never calls run(), so no app
// is mounted here. One message in ({ serial, text }), one out
// ({ serial, bytes }: the document in src/wire.rs's form, or
// { serial, error } when something broke).
import init, { analyze } from './gangmu.js';

const ready = init();

self.onmessage = async ({ data }) => {
  const { serial, text } = data;
  try {
    await ready;
    const bytes = analyze(text);
    self.postMessage({ serial, bytes }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ serial, error: String(error) });
  }
};
