#!/usr/bin/env node
/* global Buffer, console, document, performance, process, URL */
/**
 * `npm run bench:search`: what `search: true` costs (issue 14 part 1), on the shared
 * benchmark corpus. A script, not a test: nothing in CI times anything.
 *
 *   npm run bench:search                          # 1,000 and 4,000 posts, 3 rounds
 *   npm run bench:search -- --sizes 4000 --runs 1
 *
 * For each size: cold builds in this process (no cache, no output folder) with search off
 * and on, rounds alternating which goes first; the medians of wall time, of CPU time (this
 * process, every thread; and the Pagefind process's own, read from /proc), and of the search
 * step alone (the build's `search` timing). CPU time drifts less than wall time on a shared
 * machine. Then the index's size, and what
 * a first query downloads: Debian's Chromium opens the search page of the built site, served
 * under `/notes/` from this machine, with a query, and every response until the results show
 * is counted (bytes as served, uncompressed by the server; Pagefind's own index files are
 * gzip already). Queries: a word in many posts and a word in few.
 * Options: --sizes N[,N…]  --runs N  --work DIR (default /tmp/rubric-bench)  --bench DIR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from '../lib/build.js';
import { close as closePagefind } from 'pagefind';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,4000' },
    runs: { type: 'string', default: '3' },
    work: { type: 'string', default: '/tmp/rubric-bench' },
    bench: { type: 'string', default: path.resolve(repo, '../shared/bench') },
  },
});
const sizes = values.sizes.split(',').map(Number);
const rounds = Math.max(1, Number(values.runs));
const benchDir = [values.bench, path.resolve(repo, '../../shared/bench')].find((dir) =>
  existsSync(path.join(dir, 'gen-corpus.mjs')),
);
if (!benchDir) {
  console.error('No shared benchmark (gen-corpus.mjs); pass --bench DIR.');
  process.exit(1);
}
const QUERIES = ['sanctions', 'Gdańsk'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function generate(dir, size) {
  const result = spawnSync(
    process.execPath,
    [path.join(benchDir, 'gen-corpus.mjs'), '--posts', String(size), '--out', dir],
    { stdio: 'ignore' },
  );
  if (result.status !== 0) throw new Error('gen-corpus failed');
}

/**
 * CPU seconds (user + system) used so far by this process's children: the Pagefind service
 * that the Node API starts and keeps between builds. Read from /proc, as the service is
 * never waited for, so neither `time` nor `process.cpuUsage` counts it.
 */
function childCpuSeconds() {
  const tick = 100;
  let total = 0;
  for (const task of readdirSync(`/proc/${process.pid}/task`)) {
    const children = readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim();
    for (const pid of children === '' ? [] : children.split(/\s+/)) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / tick;
    }
  }
  return total;
}

/**
 * One cold build in this process (no cache, no output folder): wall seconds, this process's
 * CPU seconds (every thread), Pagefind's CPU seconds, and the search step's wall seconds.
 */
async function coldBuild(dir, search) {
  await writeFile(
    path.join(dir, 'site.yaml'),
    `title: Bench\nbaseUrl: https://example.org/notes/\nsearch: ${String(search)}\n`,
  );
  const out = path.join(dir, search ? 'dist-on' : 'dist-off');
  await rm(out, { recursive: true, force: true });
  const cpu = process.cpuUsage();
  const pagefindBefore = childCpuSeconds();
  const started = performance.now();
  const result = await build({ root: dir, outDir: out, cache: false });
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000,
    cpu: (used.user + used.system) / 1e6,
    pagefindCpu: childCpuSeconds() - pagefindBefore,
    searchSeconds: (result.timings.search ?? 0) / 1000,
    out,
  };
}

async function folderBytes(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  let bytes = 0;
  let files = 0;
  for (const entry of entries.filter((e) => e.isFile())) {
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/** Serves `folder` under /notes/ as a static host would. */
function serve(folder) {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://host').pathname);
    let relative = pathname.slice('/notes/'.length);
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const type = relative.endsWith('.js')
      ? 'text/javascript'
      : relative.endsWith('.html')
        ? 'text/html'
        : relative.endsWith('.css')
          ? 'text/css'
          : 'application/octet-stream';
    readFile(path.join(folder, relative)).then(
      (body) => {
        res.writeHead(200, { 'Content-Type': type });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end();
      },
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** What the search page and a first query download, by kind. */
async function firstQuery(browser, origin, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes = { page: 0, search: 0, fragments: 0, requests: 0 };
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    const url = new URL(response.url()).pathname;
    sizes.requests++;
    if (url.includes('/pagefind/fragment/')) sizes.fragments += body.length;
    else if (url.includes('/pagefind/')) sizes.search += body.length;
    else sizes.page += body.length;
  });
  await page.goto(`${origin}/notes/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(
    () => document.querySelector('.search-status')?.textContent !== '',
    null,
    { timeout: 120_000 },
  );
  await page.waitForLoadState('networkidle');
  const status = await page.locator('.search-status').textContent();
  await context.close();
  return { ...sizes, status };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});
for (const size of sizes) {
  const dir = path.join(values.work, `search-${size}`);
  generate(dir, size);
  const off = [];
  const on = [];
  let built = null;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const search of order) {
      const result = await coldBuild(dir, search);
      (search ? on : off).push(result);
      if (search) built = result.out;
    }
  }
  const index = await folderBytes(path.join(built, 'pagefind'));
  console.log(`\n${size} posts, ${rounds} round(s), cold builds (median):`);
  const m = (runs, key) => median(runs.map((r) => r[key])).toFixed(1);
  console.log(`  search off: ${m(off, 'seconds')} s wall, ${m(off, 'cpu')} s CPU`);
  console.log(
    `  search on:  ${m(on, 'seconds')} s wall, ${m(on, 'cpu')} s CPU + Pagefind ${m(on, 'pagefindCpu')} s CPU; the search step ${m(on, 'searchSeconds')} s wall`,
  );
  console.log(`  index: ${index.files} files, ${kb(index.bytes)}`);
  const server = await serve(built);
  const origin = `http://127.0.0.1:${server.address().port}`;
  for (const query of QUERIES) {
    const q = await firstQuery(browser, origin, query);
    console.log(
      `  first query "${query}" (${q.status}): ${kb(q.page + q.search + q.fragments)} in ${q.requests} requests = page ${kb(q.page)} + Pagefind and index ${kb(q.search)} + result fragments ${kb(q.fragments)}`,
    );
  }
  server.close();
}
await browser.close();
await closePagefind();
