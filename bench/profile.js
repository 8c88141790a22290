#!/usr/bin/env node
/* global console, process */
/**
 * Where a build's time goes, by stage, from the `.cpuprofile` files that
 * `node --cpu-prof --cpu-prof-dir=DIR bin/rubric.js build ...` writes (one per thread).
 *
 *   node bench/profile.js DIR
 *
 * Each sample is charged to the stage of the innermost frame on its stack that belongs to
 * a stage (so a `micromark` frame under `parsePost` counts as Markdown, a `yaml` frame as
 * front matter). Samples with no such frame are "other" (Node internals, module loading);
 * the garbage collector and idle time are shown on their own.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/** Stages in pipeline order, each with the source files (URL substrings) that belong to it. */
const STAGES = [
  ['cache', ['/cache/', 'node:v8', '/pool/parse-posts.']],
  ['read', ['/load/load.', 'tinyglobby', 'fdir', 'picomatch']],
  ['front matter', ['/parse/front-matter.', '/yaml.', '/node_modules/yaml/', 'gray-matter']],
  [
    'Markdown (remark)',
    [
      'micromark',
      'mdast-util-from-markdown',
      'mdast-util-gfm',
      'remark-parse',
      'remark-gfm',
      'decode-named-character-reference',
      'character-entities',
      'mdast-util-to-string',
      'unist-util-stringify-position',
    ],
  ],
  [
    'rehype (to HTML)',
    [
      'mdast-util-to-hast',
      'remark-rehype',
      'hast-util',
      'rehype-',
      'property-information',
      'stringify-entities',
      'html-void-elements',
      'unist-util-visit',
      'unist-util-position',
      'zwitch',
      'comma-separated-tokens',
      'space-separated-tokens',
      'ccount',
      'character-entities-legacy',
      'character-entities-html4',
      'trim-lines',
      'lowlight',
      'highlight.js',
      'shiki',
    ],
  ],
  ['Markdown (other unified)', ['/parse/markdown.', '/unified/', 'vfile', 'bail', 'trough']],
  ['parse (post)', ['/parse/post.', '/slug.', '/dates.', 'luxon']],
  ['model', ['/model/']],
  ['route', ['/route/']],
  ['render', ['/render/', 'handlebars']],
  ['write', ['/write/', 'concurrency.']],
  ['worker pool', ['piscina', 'node:internal/worker', '/pool/threads.', '/pool/worker.']],
];

/** The stage of one frame's URL, or null. */
function stageOf(url) {
  if (!url) return null;
  for (const [stage, needles] of STAGES) {
    if (needles.some((needle) => url.includes(needle))) return stage;
  }
  return null;
}

async function summarize(dir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  const totals = new Map();
  let all = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    const stageOfNode = new Map();
    const resolve = (id) => {
      if (stageOfNode.has(id)) return stageOfNode.get(id);
      const node = byId.get(id);
      const name = node.callFrame.functionName;
      let stage;
      if (name === '(garbage collector)') stage = 'GC';
      else if (name === '(idle)') stage = 'idle';
      else
        stage = stageOf(node.callFrame.url) ?? (parent.has(id) ? resolve(parent.get(id)) : 'other');
      stageOfNode.set(id, stage);
      return stage;
    };
    // Sample times: timeDeltas[i] is the time before sample i.
    const deltas = profile.timeDeltas;
    profile.samples.forEach((id, i) => {
      const ms = (deltas[i + 1] ?? 0) / 1000;
      const stage = resolve(id);
      totals.set(stage, (totals.get(stage) ?? 0) + ms);
      if (stage !== 'idle') all += ms;
    });
  }
  const order = [...STAGES.map(([s]) => s), 'GC', 'other', 'idle'];
  console.log(
    `${dir}: ${files.length} profile(s) (threads); CPU ms by stage, idle not counted in %`,
  );
  console.log('| stage | CPU ms | % |');
  console.log('| --- | ---: | ---: |');
  for (const stage of order) {
    const ms = totals.get(stage);
    if (!ms) continue;
    const share = stage === 'idle' ? '' : ((100 * ms) / all).toFixed(1);
    console.log(`| ${stage} | ${ms.toFixed(0)} | ${share} |`);
  }
  console.log(`| total (busy) | ${all.toFixed(0)} | 100 |`);
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/profile.js DIR_WITH_CPUPROFILES');
  process.exit(2);
}
await summarize(dir);
