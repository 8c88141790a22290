#!/usr/bin/env node
/* global console, process, URL */
/**
 * `npm run bench:syntax`: what embeds (`::youtube`, Hugo's shortcodes) and math (`$…$`)
 * cost, on the shared benchmark corpus (which has neither) and on the same bodies with
 * one video, one figure, three formulas in a sentence and one on its own lines added to
 * each. A script, not a test: nothing in CI times anything.
 *
 *   npm run bench:syntax                          # 4,000 posts, 3 rounds
 *   npm run bench:syntax -- --posts 1000 --runs 1
 *
 * Per corpus: the Markdown renderer over every body on this thread (CPU ms) with both
 * plugins, with each turned off, and with neither; the differences are what each costs
 * (the parse stage runs the renderer on one worker per core, so a build pays about that
 * over the number of cores); on a shared machine, differences within a few per cent of
 * the whole are noise. Then what loading each plugin's modules costs a fresh
 * process (each worker pays it once). Medians over rounds.
 * Options: --posts N  --runs N  --work DIR (default /tmp/rubric-bench)  --bench DIR.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createMarkdownRenderer } from '../lib/parse/markdown.js';
import { bodies, corpusOptions, generate, median, repo } from './corpus.js';

const { size, rounds, work, benchDir } = corpusOptions();
const dir = generate(
  path.join(benchDir, 'gen-corpus.mjs'),
  path.join(work, `stages-bench-${size}`),
  size,
);
const plain = bodies(dir);

/** What a post that uses both adds: a video, a figure, three formulas, one displayed. */
const USING = [
  '',
  '::youtube[A talk on the treaty]{#dQw4w9WgXcQ}',
  '',
  '{{< figure src="/images/map.png" alt="The region" caption="The region in 1975" >}}',
  '',
  'The ratio $a/b$ grows as $n^2$, and the sum $\\sum_{i=1}^{n} i$ too:',
  '',
  '$$',
  '\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}',
  '$$',
  '',
].join('\n');
const using = plain.map((text) => text + USING);

const variants = [
  ['both', { embeds: true, math: true }],
  ['no embeds', { embeds: false, math: true }],
  ['no math', { embeds: true, math: false }],
  ['neither', { embeds: false, math: false }],
];

/** CPU ms of one pass of `render` over `texts`, on this thread (drifts less than wall time). */
function timePass(render, texts) {
  const before = process.cpuUsage();
  for (const text of texts) render(text, { idPrefix: 'p-' });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * Each variant's median pass. The renderers are made and warmed up (200 bodies each)
 * first, and the variants take turns within each round, starting one later each round,
 * so the machine's drift and the JIT hit them alike.
 */
function timeVariants(texts) {
  const renderers = variants.map(([, options]) => createMarkdownRenderer(options));
  for (const render of renderers) timePass(render, texts.slice(0, 200));
  const times = variants.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < renderers.length; turn++) {
      const i = (round + turn) % renderers.length;
      times[i].push(timePass(renderers[i], texts));
    }
  }
  return times.map(median);
}

/**
 * CPU ms a fresh Node takes to import `modules` (Rubric's compiled plugin files) once the
 * libraries the renderer loads anyway are loaded: what each worker pays for a plugin.
 */
function importCost(modules) {
  const base = ['unified', 'remark-parse', 'remark-gfm', 'remark-rehype', 'hast-util-raw'];
  const urls = modules.map((file) => new URL(`../lib/parse/${file}`, import.meta.url).href);
  const code = `for(const s of ${JSON.stringify(base)})await import(s);const t=process.cpuUsage();for(const s of ${JSON.stringify(urls)})await import(s);const u=process.cpuUsage(t);console.log((u.user+u.system)/1000)`;
  const run = () =>
    Number(
      spawnSync(process.execPath, ['--input-type=module', '-e', code], {
        cwd: repo,
        encoding: 'utf8',
      }).stdout,
    );
  return median(Array.from({ length: Math.max(5, rounds) }, run));
}

const lines = [
  '',
  `### Embeds and math, ${size.toLocaleString('en')} posts: render CPU, medians of ${rounds} round${rounds === 1 ? '' : 's'}, ms`,
  '',
  '| corpus | both | no embeds | no math | neither | embeds cost | math cost | both cost | per post |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const [name, texts] of [
  ['benchmark (neither used)', plain],
  ['each post with a video, a figure, 4 formulas', using],
]) {
  const [both, noEmbeds, noMath, neither] = timeVariants(texts);
  const per = (ms) => `${((1000 * ms) / texts.length).toFixed(0)} µs`;
  lines.push(
    `| ${name} | ${both.toFixed(0)} | ${noEmbeds.toFixed(0)} | ${noMath.toFixed(0)} | ${neither.toFixed(0)} | ${(both - noEmbeds).toFixed(0)} | ${(both - noMath).toFixed(0)} | ${(both - neither).toFixed(0)} | ${per(both - neither)} |`,
  );
  console.log(`${name}: done`);
}
const load = {
  embeds: importCost(['embeds.js']),
  math: importCost(['math.js']),
};
lines.push(
  '',
  `Loading each plugin and its libraries, once per worker (CPU ms, medians of fresh processes): embeds ${load.embeds.toFixed(0)}, math ${load.math.toFixed(0)} (KaTeX among them).`,
);
console.log(lines.join('\n'));
