/**
 * Runs a benchmark script where a contributing tab runs the engine: in a module Web Worker of
 * headless Chromium. The script (and the engine it imports) is bundled with the engine's shipped
 * esbuild options (../build-options.mjs) for the browser platform, served from 127.0.0.1 on a free
 * port, and its console lines are printed here as they come. The script times itself with the
 * renderer's CPU clock (globalThis.benchCpuSeconds).
 * Usage: node bench/browser.mjs <benchmark script .ts> [arguments…] (Chromium: CHROMIUM_PATH, default
 * /usr/bin/chromium). The arguments reach the script as globalThis.benchArgs (./host.ts); one that
 * names an existing file is served and given as its URL (ab.ts imports the two builds it compares).
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename } from 'node:path';
import { chromium } from 'playwright-core';
import { scriptArgument, withBundle } from './bundle.mjs';

const entry = scriptArgument(
  'Usage: node bench/browser.mjs <benchmark script .ts> [arguments…]\n' +
    'Bundles the script with the engine as it ships (esbuild, syntax minified, browser platform) and\n' +
    'runs it in a Web Worker of headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium).\n' +
    'Arguments naming a file are served to the worker and given to the script as their URL.',
);
/** The script's arguments; files among them are served at /args/<position>/<name>. */
const files = new Map();
const args = process.argv.slice(3).map((arg, i) => {
  if (!existsSync(arg) || !statSync(arg).isFile()) return arg;
  const url = `/args/${i}/${basename(arg)}`;
  files.set(url, arg);
  return url;
});
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(
    `Chromium is missing: ${executablePath} does not exist. Install it (apt-get install -y chromium) ` +
      'or point CHROMIUM_PATH at a Chromium binary.',
  );
  process.exit(1);
}

/**
 * CPU seconds (user + system, from the scheduler's nanosecond counters) of every thread of this
 * process's Chromium renderer processes: the worker's own thread, and V8's compiler and GC helper
 * threads, as process.cpuUsage() counts them on Node. The machine is shared, and wall-clock time
 * would measure the neighbours.
 */
async function rendererCpuSeconds() {
  rendererPids ??= await findRenderers();
  let ns = 0;
  for (const pid of rendererPids) {
    for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
      const line = await readFile(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').catch(() => '0');
      ns += Number(line.split(' ')[0]);
    }
  }
  return ns / 1e9;
}
let rendererPids;

/** The process ids of the Chromium renderers this process started (found once: the page keeps its renderer). */
async function findRenderers() {
  const parent = new Map();
  const renderers = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if ((await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('--type=renderer')) renderers.push(pid);
    } catch {
      // the process ended while the list was read
    }
  }
  const ours = (pid) => {
    for (let p = pid; p !== undefined && p !== '0'; p = parent.get(p))
      if (p === String(process.pid)) return true;
    return false;
  };
  const found = renderers.filter(ours);
  if (found.length === 0) throw new Error('no Chromium renderer process found under this process');
  return found;
}

/**
 * A worker that gives the script the renderer's CPU clock (globalThis.benchCpuSeconds, a
 * synchronous request to this server: workers may make them), runs the bundle and posts every
 * console line (and an error or the end) to the page.
 */
const WORKER = `
globalThis.benchCpuSeconds = () => {
  const x = new XMLHttpRequest();
  x.open('GET', '/cpu', false);
  x.send();
  return Number(x.responseText);
};
const post = (kind, text) => postMessage({ kind, text });
console.log = (...args) => post('line', args.join(' '));
globalThis.benchArgs = ${JSON.stringify(args)};
try { await import('/bench.js'); post('done', ''); } catch (e) { post('error', String(e && e.stack || e)); }
`;
const PAGE = `<!doctype html><script type="module">
const w = new Worker('/worker.js', { type: 'module' });
w.onmessage = (e) => window.benchMessage(e.data);
w.onerror = (e) => window.benchMessage({ kind: 'error', text: e.message });
</script>`;

const bundle = await withBundle(entry, { platform: 'browser', target: 'es2022' }, 'bench.js', (file) =>
  readFile(file),
);
let server;
let browser;
try {
  server = createServer(async (req, res) => {
    if (req.url === '/cpu') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(String(await rendererCpuSeconds()));
      return;
    }
    const file = files.get(req.url);
    const [type, body] =
      file !== undefined
        ? ['text/javascript', await readFile(file)]
        : req.url === '/bench.js'
          ? ['text/javascript', bundle]
          : req.url === '/worker.js'
            ? ['text/javascript', WORKER]
            : ['text/html', PAGE];
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  let ok;
  let fail;
  const ended = new Promise((resolve_, reject) => {
    ok = resolve_;
    fail = reject;
  });
  await page.exposeFunction('benchMessage', ({ kind, text }) => {
    if (kind === 'line') console.log(text.startsWith('{') ? text : `[chromium] ${text}`);
    else if (kind === 'done') ok();
    else fail(new Error(`the benchmark failed in Chromium: ${text}`));
  });
  page.on('crash', () => fail(new Error('the Chromium page crashed')));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await ended;
} finally {
  await browser?.close();
  server?.close();
}
