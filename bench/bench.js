#!/usr/bin/env node
/* global console, process, URL */
/**
 * `npm run bench`: times Rubric on generated corpora beside the peers of the shared SSG
 * benchmark (Hugo, Eleventy, the I/O floor) and prints, per size, the table of issue 13:
 * wall time, user+sys CPU and peak RSS of each build, time per post, the ratios and the
 * goal each is checked against. A script, not a test: nothing in CI times anything.
 *
 *   npm run bench                                   # 1,000 and 4,000 posts, 1 round
 *   npm run bench -- --sizes 1000,4000 --runs 3     # medians of 3 rounds
 *   npm run bench -- --sizes 10000                  # time per post at 10,000
 *   npm run bench -- --huge                         # 100,000 posts once, Rubric alone
 *   npm run bench -- --sizes 4000 --peers none --no-dev   # Rubric's builds alone
 *   npm run bench -- --compare before=/other/checkout/bin/rubric.js
 *
 * Rows, for each size and round:
 * - each peer's cold build (its `build.sh`: no cache, no output folder);
 * - Rubric cold: `--no-cache`, no output folder;
 * - Rubric warm, output present: the cache and the last output kept, nothing changed;
 * - Rubric warm, output folder empty: the cache kept, the output folder there but empty
 *   (a CI runner that restores `.cache/rubric`);
 * - `rubric dev`, from saving a post to the last file written, a body edit and a label
 *   change, through the rebuilder (engine) and through the watcher (`bench/rebuild.js`,
 *   medians of `--edits` saves): wall is that median, CPU the process's CPU per rebuild.
 * Rounds alternate the order (Rubric first, then the peers first), so a drift in the
 * machine's load hits both alike; each figure is the median over rounds. Peak RSS is GNU
 * time's maximum resident set size of the build process (Rubric's worker threads are in
 * it). On a shared machine only ratios from one run mean anything.
 *
 * Options: --sizes N[,N…] (default 1000,4000)  --runs N (rounds, default 1)
 * --peers hugo,eleventy,floor|none  --no-dev (no `rubric dev` rows)  --edits N (saves per
 * dev row, default 9)  --huge (100,000 posts, one round, no peers, no dev rows; the corpus
 * takes a minute or two to generate and about 380 MiB)  --rubric PATH (the bin to time)
 * --compare NAME=PATH (another Rubric, timed in the same rounds; repeatable)  --work DIR
 * (corpora and outputs; default /tmp/rubric-bench)  --bench DIR (the shared benchmark;
 * default ../shared/bench). Samples also go to WORK/results-<time>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpus, findBench } from './corpus.js';
import { printTable } from './table.js';

const repo = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,4000' },
    runs: { type: 'string', default: '1' },
    peers: { type: 'string', default: 'hugo,eleventy,floor' },
    'no-dev': { type: 'boolean', default: false },
    edits: { type: 'string', default: '9' },
    huge: { type: 'boolean', default: false },
    rubric: { type: 'string', default: path.join(repo, 'bin', 'rubric.js') },
    compare: { type: 'string', multiple: true, default: [] },
    work: { type: 'string', default: '/tmp/rubric-bench' },
    bench: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  const source = await readFile(fileURLToPath(import.meta.url), 'utf8');
  console.log(
    /\/\*\*([\s\S]*?)\*\//
      .exec(source)?.[1]
      ?.replace(/^ \* ?/gm, '')
      .trim(),
  );
  process.exit(0);
}

const huge = values.huge;
const sizes = (huge ? '100000' : values.sizes).split(',').map(Number);
const rounds = huge ? 1 : Math.max(1, Number(values.runs));
const peers = huge || values.peers === 'none' ? [] : values.peers.split(',').filter(Boolean);
const withDev = !huge && !values['no-dev'];
const work = path.resolve(values.work);
/** The Rubric builds to time: this checkout's, then any --compare ones. */
const rubrics = new Map([
  ['Rubric', path.resolve(values.rubric)],
  ...values.compare.map((spec) => {
    const at = spec.indexOf('=');
    return [spec.slice(0, at), path.resolve(spec.slice(at + 1))];
  }),
]);
const benchDir = findBench(repo, values.bench);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
if (!timeBin) console.warn('GNU time not found (apt-get install -y time): no CPU or peak RSS.');

/** Runs a command under GNU time: wall ms, user+sys CPU ms, peak RSS MiB. */
function timed(command, args) {
  const full = timeBin
    ? [timeBin, ['-f', 'RSSKB=%M CPU=%U+%S', command, ...args]]
    : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(full[0], full[1], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  const rss = /RSSKB=(\d+) CPU=([\d.]+)\+([\d.]+)/.exec(result.stderr ?? '');
  return {
    ms,
    cpuMs: rss ? (Number(rss[2]) + Number(rss[3])) * 1000 : NaN,
    rssMiB: rss ? Number(rss[1]) / 1024 : NaN,
    stdout: result.stdout,
  };
}

async function countHtml(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

/** One Rubric's three builds: cold, warm with the output there, warm into an empty folder. */
async function rubricBuilds(bin, dir, out) {
  const args = (...extra) => [bin, 'build', '--root', dir, '--out', out, '--quiet', ...extra];
  await rm(path.join(dir, '.cache'), { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  const cold = timed(process.execPath, args('--no-cache'));
  const pages = await countHtml(out);
  // A cold build that writes no cache: this one fills it, untimed.
  timed(process.execPath, args());
  const present = timed(process.execPath, args());
  await rm(out, { recursive: true, force: true });
  await mkdir(out);
  const empty = timed(process.execPath, args());
  return { cold, present, empty, pages };
}

/** `rubric dev` on a copy of the corpus: body edit and label change, engine and watcher. */
function devRows(dir) {
  const json = path.join(work, 'rebuild.json');
  const script = path.join(repo, 'bench', 'rebuild.js');
  const run = timed(process.execPath, [
    script,
    '--corpus',
    dir,
    '--edits',
    values.edits,
    '--json',
    json,
  ]);
  return readFile(json, 'utf8').then((text) => ({ ...JSON.parse(text), rssMiB: run.rssMiB }));
}

function peerCommand(peer, dir, out) {
  const script = path.join(benchDir, peer === 'floor' ? 'floor' : `peers/${peer}`, 'build.sh');
  return ['bash', [script, dir, out]];
}

async function preparePeer(peer) {
  if (peer === 'hugo' && spawnSync('hugo', ['version']).status !== 0) {
    console.error('hugo is missing: apt-get install -y hugo');
    process.exit(2);
  }
  const folder = path.join(benchDir, 'peers', peer);
  if ((peer === 'eleventy' || peer === 'hexo') && !existsSync(path.join(folder, 'node_modules'))) {
    spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: folder, stdio: 'inherit' });
  }
}

const sample = () => ({ ms: [], cpuMs: [], rssMiB: [] });
const push = (s, r) => {
  s.ms.push(r.ms);
  s.cpuMs.push(r.cpuMs);
  s.rssMiB.push(r.rssMiB);
};
const secs = (ms) => (ms / 1000).toFixed(2);

for (const peer of peers) await preparePeer(peer);
await mkdir(work, { recursive: true });
const results = {
  date: new Date().toISOString(),
  rubric: Object.fromEntries(rubrics),
  rounds,
  sizes: {},
};

for (const size of sizes) {
  const dir = await corpus(work, benchDir, size);
  /** Samples by row name, in the order the table shows them. */
  const rows = new Map();
  const row = (name) => rows.get(name) ?? rows.set(name, sample()).get(name);
  for (const peer of peers) row(peer);
  for (const tool of rubrics.keys()) {
    for (const build of ['cold', 'warm, output folder empty', 'warm, output present'])
      row(`${tool} ${build}`);
  }
  const pages = {};
  const dev = [];
  for (let round = 0; round < rounds; round++) {
    const order = [...rubrics.keys(), ...peers];
    if (round % 2 === 1) order.reverse();
    for (const tool of order) {
      const out = path.join(work, `out-${tool}-${size}`);
      if (rubrics.has(tool)) {
        const r = await rubricBuilds(rubrics.get(tool), dir, out);
        push(row(`${tool} cold`), r.cold);
        push(row(`${tool} warm, output present`), r.present);
        push(row(`${tool} warm, output folder empty`), r.empty);
        pages[tool] = r.pages;
        console.log(
          `${size} round ${round + 1}: ${tool} cold ${secs(r.cold.ms)} s, warm (present) ` +
            `${secs(r.present.ms)} s, warm (empty) ${secs(r.empty.ms)} s, load ${loadavg()[0].toFixed(1)}`,
        );
      } else {
        const [command, args] = peerCommand(tool, dir, out);
        const r = timed(command, args);
        push(row(tool), r);
        pages[tool] = await countHtml(out);
        console.log(`${size} round ${round + 1}: ${tool} ${secs(r.ms)} s`);
      }
    }
    if (withDev) dev.push(await devRows(dir));
  }
  results.sizes[size] = { rows: Object.fromEntries(rows), dev, pages };
  printTable({ size, rounds, rows, dev, pages, peers, rubric: 'Rubric' });
}

const saved = path.join(work, `results-${results.date.replace(/[:.]/g, '-')}.json`);
await writeFile(saved, JSON.stringify(results, null, 2));
console.log(`\nsamples: ${saved}`);
