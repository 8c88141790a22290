#!/usr/bin/env node
/* global console, performance, process */
/**
 * `npm run bench:stages`: what parsing raw HTML (issue 11 part 5) and the link check
 * (part 7) cost, on the shared benchmark corpus (no raw HTML) and on an HTML-heavy one
 * (`bench/gen-messy-corpus.js`). A script, not a test: nothing in CI times anything.
 *
 *   npm run bench:stages                          # 4,000 posts, 3 rounds
 *   npm run bench:stages -- --posts 1000 --runs 1
 *
 * Per corpus: the Markdown renderer over every body on this thread (CPU ms), with raw HTML parsed
 * and written as is (the difference is what parsing costs; the parse stage runs it on one
 * worker per core, so a build pays about that over the number of cores); then in-process
 * builds, cold (no cache) and warm (cache present), with the link check's time (the
 * session's `check` stage) beside the build's. Medians over rounds.
 * Options: --posts N  --runs N  --work DIR (default /tmp/rubric-bench)  --bench DIR.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from '../lib/build.js';
import { cacheFolder } from '../lib/cache/cache.js';
import { createMarkdownRenderer } from '../lib/parse/markdown.js';
import { createSession } from '../lib/session/session.js';
import { bodies, corpusOptions, generate, median, repo } from './corpus.js';

const { size, rounds, work, benchDir } = corpusOptions();

function timeRenderer(texts, parseRawHtml) {
  const render = createMarkdownRenderer({ parseRawHtml });
  for (const text of texts.slice(0, 50)) render(text, 'warm-up-');
  // CPU time of this thread: on a shared machine it drifts far less than wall time.
  const before = process.cpuUsage();
  let raw = 0;
  for (const text of texts) if (render(text, 'p-').rawHtml) raw += 1;
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, raw };
}

async function timeBuild(dir, warm) {
  const out = path.join(dir, 'dist');
  if (!warm) rmSync(cacheFolder(dir), { recursive: true, force: true });
  const started = performance.now();
  const result = await build({ root: dir, outDir: out });
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return { ms: performance.now() - started, warnings: result.warnings.length };
}

async function timeCheck(dir, warm) {
  const session = createSession({
    root: dir,
    drafts: false,
    future: false,
    cacheFolder: warm ? cacheFolder(dir) : null,
    keepPages: false,
  });
  const run = await session.run();
  return {
    check: run.timings.check,
    broken: run.warnings.filter((w) => w.name === 'BrokenLink').length,
  };
}

const corpora = [
  [
    'benchmark',
    generate(path.join(benchDir, 'gen-corpus.mjs'), path.join(work, `stages-bench-${size}`), size),
  ],
  [
    'HTML-heavy',
    generate(
      path.join(repo, 'bench', 'gen-messy-corpus.js'),
      path.join(work, `stages-messy-${size}`),
      size,
    ),
  ],
];

const lines = [
  '',
  `### Raw HTML and link check, ${size.toLocaleString('en')} posts: medians of ${rounds} round${rounds === 1 ? '' : 's'}, ms`,
  '',
  '| corpus | bodies with raw HTML | render CPU, raw HTML parsed | render CPU, written as is | raw-HTML cost (% of render) | cold build | link check (% of cold) | warm build | link check (% of warm) | broken links |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const [name, dir] of corpora) {
  const texts = bodies(dir);
  const parsed = [];
  const asIs = [];
  const cold = [];
  const warm = [];
  const coldCheck = [];
  const warmCheck = [];
  let raw = 0;
  let broken = 0;
  for (let round = 0; round < rounds; round++) {
    const withRaw = timeRenderer(texts, true);
    raw = withRaw.raw;
    parsed.push(withRaw.ms);
    asIs.push(timeRenderer(texts, false).ms);
    cold.push((await timeBuild(dir, false)).ms);
    coldCheck.push((await timeCheck(dir, false)).check);
    warm.push((await timeBuild(dir, true)).ms);
    const check = await timeCheck(dir, true);
    warmCheck.push(check.check);
    broken = check.broken;
  }
  const cost = median(parsed) - median(asIs);
  const pct = (part, whole) => `${((100 * part) / whole).toFixed(1)} %`;
  lines.push(
    `| ${name} | ${raw} | ${median(parsed).toFixed(0)} | ${median(asIs).toFixed(0)} | ${cost.toFixed(0)} (${pct(cost, median(parsed))}) | ${median(cold).toFixed(0)} | ${median(coldCheck).toFixed(1)} (${pct(median(coldCheck), median(cold))}) | ${median(warm).toFixed(0)} | ${median(warmCheck).toFixed(1)} (${pct(median(warmCheck), median(warm))}) | ${broken} |`,
  );
  console.log(`${name}: done`);
}
console.log(lines.join('\n'));
