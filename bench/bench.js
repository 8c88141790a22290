#!/usr/bin/env node
/* global console, process, URL */
/**
 * `npm run bench:build` (the first half of `npm run bench`): times Rubric on generated
 * corpora, beside the peers of the shared SSG benchmark, and prints one table per size
 * with the ratios the project aims at.
 * A script, not a test: nothing in CI times anything.
 *
 *   npm run bench:build                            # 1,000 / 4,000 / 10,000 posts, 3 rounds
 *   npm run bench:build -- --sizes 1000 --runs 1   # quicker
 *   npm run bench:build -- --sizes 4000 --peers none   # Rubric alone
 *   npm run bench:build -- --compare before=/other/checkout/bin/rubric.js
 *
 * For each size and round: a cold Rubric build (no cache, no output folder), a warm build
 * (cache and output present, nothing changed), a warm build after one post changed, and one
 * cold build of each peer. Rounds alternate the order (Rubric first, then the peers first)
 * so a drift in the machine's load hits both alike. Each figure is the median over rounds.
 * Peak RSS is GNU time's maximum resident set size of the build process (Rubric's worker
 * threads are in it), and CPU is its user+sys time, which drifts less than wall time on a
 * shared machine. Pages are the HTML files written.
 *
 * Options: --sizes N[,N…]  --runs N (rounds, default 3)  --peers eleventy,hugo,floor|none
 * --rubric PATH (the bin to time)  --name NAME  --compare NAME=PATH (another Rubric, such as
 * an older checkout, timed cold in the same rounds; repeatable)  --compare-warm (time those warm
 * and after one edit too)  --work DIR (corpora and outputs; default
 * /tmp/rubric-bench)  --bench DIR (the shared benchmark; default ../shared/bench).
 * Results also go to WORK/results-<time>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,4000,10000' },
    runs: { type: 'string', default: '3' },
    peers: { type: 'string', default: 'eleventy,hugo' },
    rubric: { type: 'string', default: path.join(repo, 'bin', 'rubric.js') },
    name: { type: 'string', default: 'rubric' },
    compare: { type: 'string', multiple: true, default: [] },
    'compare-warm': { type: 'boolean', default: false },
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

const sizes = values.sizes.split(',').map(Number);
const rounds = Math.max(1, Number(values.runs));
const peers = values.peers === 'none' ? [] : values.peers.split(',').filter(Boolean);
const work = path.resolve(values.work);
/** The Rubric builds to time: this checkout's, then any --compare ones. */
const rubrics = new Map([
  [values.name, path.resolve(values.rubric)],
  ...values.compare.map((spec) => {
    const at = spec.indexOf('=');
    return [spec.slice(0, at), path.resolve(spec.slice(at + 1))];
  }),
]);
const benchDir = findBench(values.bench);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
if (!timeBin) console.warn('GNU time not found (apt-get install -y time): no peak RSS.');

/** The shared benchmark: --bench, else ../shared/bench from this checkout or its parent. */
function findBench(given) {
  const candidates = given ? [given] : ['../shared/bench', '../../shared/bench'];
  for (const candidate of candidates) {
    const dir = path.resolve(repo, candidate);
    if (existsSync(path.join(dir, 'gen-corpus.mjs'))) return dir;
  }
  console.error(
    `No shared benchmark (gen-corpus.mjs) in ${candidates.join(' or ')}; pass --bench DIR.`,
  );
  process.exit(2);
}

/** Runs a command, timed, under GNU time when there is one. */
function timed(command, args, options = {}) {
  const full = timeBin
    ? [timeBin, ['-f', 'RSSKB=%M CPU=%U+%S', command, ...args]]
    : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(full[0], full[1], { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  const rss = /RSSKB=(\d+) CPU=([\d.]+)\+([\d.]+)/.exec(result.stderr ?? '');
  return {
    ms,
    rssMiB: rss ? Number(rss[1]) / 1024 : NaN,
    cpuMs: rss ? (Number(rss[2]) + Number(rss[3])) * 1000 : NaN,
  };
}

async function countHtml(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

async function corpus(size) {
  const dir = path.join(work, `corpus-${size}`);
  const stamp = path.join(dir, '.generated');
  const generator = await readFile(path.join(benchDir, 'gen-corpus.mjs'), 'utf8');
  const want = `${size} ${generator.length}`;
  if ((await readFile(stamp, 'utf8').catch(() => '')) !== want) {
    console.log(`generating ${size} posts in ${dir}`);
    const result = spawnSync(
      process.execPath,
      [path.join(benchDir, 'gen-corpus.mjs'), '--posts', String(size), '--out', dir],
      { stdio: 'inherit' },
    );
    if (result.status !== 0) process.exit(1);
    await writeFile(stamp, want);
  }
  return dir;
}

/** One post's file, to edit for the "one post changed" build. */
async function postToEdit(dir) {
  const names = (await readdir(path.join(dir, 'posts'))).filter((n) => n.endsWith('.md')).sort();
  return path.join(dir, 'posts', names[Math.floor(names.length / 2)]);
}

async function rubricRuns(bin, dir, out, coldOnly) {
  const cache = path.join(dir, '.cache');
  const args = [bin, 'build', '--root', dir, '--out', out];
  await rm(cache, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  const cold = timed(process.execPath, args);
  const pages = await countHtml(out);
  if (coldOnly) return { cold, warm: null, edit: null, pages };
  const warm = timed(process.execPath, args);
  const file = await postToEdit(dir);
  const original = await readFile(file, 'utf8');
  await appendFile(file, `\nAn added paragraph, ${Date.now()}.\n`);
  let edit;
  try {
    edit = timed(process.execPath, args);
  } finally {
    await writeFile(file, original);
  }
  return { cold, warm, edit, pages };
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

const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const seconds = (ms) => (Number.isNaN(ms) ? '–' : (ms / 1000).toFixed(2));
const range = (xs) =>
  xs.length > 1 ? ` (${seconds(Math.min(...xs))}–${seconds(Math.max(...xs))})` : '';
const ratio = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? '–' : (a / b).toFixed(2));

for (const peer of peers) await preparePeer(peer);
await mkdir(work, { recursive: true });
const results = {
  date: new Date().toISOString(),
  rubric: Object.fromEntries(rubrics),
  rounds,
  sizes: {},
};

for (const size of sizes) {
  const dir = await corpus(size);
  const samples = {};
  for (const name of rubrics.keys())
    samples[name] = { cold: [], warm: [], edit: [], rss: [], cpu: [], warmCpu: [], pages: 0 };
  for (const peer of peers) samples[peer] = { cold: [], rss: [], cpu: [], pages: 0 };
  for (let round = 0; round < rounds; round++) {
    const order = [...rubrics.keys(), ...peers];
    if (round % 2 === 1) order.reverse();
    for (const tool of order) {
      const out = path.join(work, `out-${tool}-${size}`);
      const s = samples[tool];
      if (rubrics.has(tool)) {
        // A --compare build is timed cold only, with --compare-warm also warm.
        const coldOnly = tool !== values.name && !values['compare-warm'];
        const r = await rubricRuns(rubrics.get(tool), dir, out, coldOnly);
        s.cold.push(r.cold.ms);
        s.rss.push(r.cold.rssMiB);
        s.cpu.push(r.cold.cpuMs);
        s.pages = r.pages;
        if (r.warm && r.edit) {
          s.warm.push(r.warm.ms);
          s.edit.push(r.edit.ms);
          s.warmCpu.push(r.warm.cpuMs);
        }
        console.log(
          `${size} round ${round + 1}: ${tool} cold ${seconds(r.cold.ms)} s` +
            (r.warm && r.edit
              ? `, warm ${seconds(r.warm.ms)} s, one edit ${seconds(r.edit.ms)} s`
              : ''),
        );
      } else {
        const [command, args] = peerCommand(tool, dir, out);
        const r = timed(command, args);
        s.cold.push(r.ms);
        s.rss.push(r.rssMiB);
        s.cpu.push(r.cpuMs);
        s.pages = await countHtml(out);
        console.log(`${size} round ${round + 1}: ${tool} cold ${seconds(r.ms)} s`);
      }
    }
  }
  results.sizes[size] = samples;

  const mine = samples[values.name];
  const lines = [
    '',
    `### ${size.toLocaleString('en')} posts: medians of ${rounds} round${rounds === 1 ? '' : 's'}, seconds (range)`,
    '',
    '| tool | cold | warm | warm, one post changed | CPU s cold (warm) | peak RSS MiB (cold) | pages | ms/post (cold) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [tool, s] of Object.entries(samples)) {
    const warm = s.warm?.length ? seconds(median(s.warm)) + range(s.warm) : '–';
    const edit = s.edit?.length ? seconds(median(s.edit)) + range(s.edit) : '–';
    const cpu =
      seconds(median(s.cpu)) + (s.warmCpu?.length ? ` (${seconds(median(s.warmCpu))})` : '');
    lines.push(
      `| ${tool} | ${seconds(median(s.cold))}${range(s.cold)} | ${warm} | ${edit} | ${cpu} | ${median(s.rss).toFixed(0)} | ${s.pages} | ${(median(s.cold) / size).toFixed(2)} |`,
    );
  }
  const cold = median(mine.cold);
  const warm = median(mine.warm);
  const edit = median(mine.edit);
  const peerCold = (peer) => (samples[peer] ? median(samples[peer].cold) : NaN);
  const peerRss = (peer) => (samples[peer] ? median(samples[peer].rss) : NaN);
  lines.push(
    '',
    '| ratio | value | target |',
    '| --- | ---: | ---: |',
    `| cold / Eleventy cold | ${ratio(cold, peerCold('eleventy'))} | ≤ 1.0 |`,
    `| cold / Hugo cold | ${ratio(cold, peerCold('hugo'))} | |`,
    `| cold CPU / Eleventy cold CPU | ${ratio(median(mine.cpu), samples.eleventy ? median(samples.eleventy.cpu) : NaN)} | |`,
    `| warm / Hugo cold | ${ratio(warm, peerCold('hugo'))} | ≤ 0.5 |`,
    `| warm, one post changed / warm | ${ratio(edit, warm)} | ≤ 1.2 |`,
    `| peak RSS / Eleventy peak RSS | ${ratio(median(mine.rss), peerRss('eleventy'))} | ≤ 1.0 (at 10,000) |`,
  );
  for (const other of [...rubrics.keys()].slice(1)) {
    const s = samples[other];
    lines.push(
      `| ${values.name} cold / ${other} cold | ${ratio(cold, median(s.cold))} | |`,
      `| ${values.name} cold CPU / ${other} cold CPU | ${ratio(median(mine.cpu), median(s.cpu))} | |`,
      `| ${other} cold / Eleventy cold | ${ratio(median(s.cold), peerCold('eleventy'))} | |`,
    );
  }
  console.log(lines.join('\n'));
}

const saved = path.join(work, `results-${results.date.replace(/[:.]/g, '-')}.json`);
await writeFile(saved, JSON.stringify(results, null, 2));
console.log(`\nsamples: ${saved}`);
