#!/usr/bin/env node
/* global console, process, URL */
/**
 * `npm run profile`: where a cold build's time goes, by stage. Builds a generated corpus
 * (the shared benchmark's, as `npm run bench`) once with `--no-cache` under
 * `node --cpu-prof`, then prints the build's own wall time per session stage and the CPU
 * time by stage from the profiles (one per thread: main thread and workers apart).
 * A script, not a test: nothing in CI times anything.
 *
 *   npm run profile                                # 1,000 posts
 *   npm run profile -- --posts 4000
 *   npm run profile -- --rubric ../other/bin/rubric.js   # another checkout, same corpus
 *   npm run profile -- prof                        # only summarise profiles already in prof/
 *
 * Each sample is charged to the stage of the innermost frame on its stack that belongs to
 * a stage (so a `micromark` frame under `parsePost` counts as Markdown, a `yaml` frame as
 * front matter). Samples with no such frame are "other" (Node internals, module loading);
 * the garbage collector and idle time (a worker waiting for its next batch included) are
 * shown on their own.
 * Options: --posts N  --rubric PATH  --dir DIR (summarise only)  --work DIR (default
 * /tmp/rubric-profile)  --bench DIR (the shared benchmark; default ../shared/bench).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('..', import.meta.url));

/** Stages in pipeline order, each with the source files (URL substrings) that belong to it. */
const STAGES = [
  ['cache', ['/cache/', 'node:v8', '/pool/parse-posts.']],
  ['read', ['/load/', 'tinyglobby', 'fdir', 'picomatch', 'image-size']],
  ['front matter', ['/parse/front-matter', '/yaml.', '/node_modules/yaml/', 'gray-matter']],
  [
    'Markdown (remark)',
    [
      'micromark',
      'mdast-util-from-markdown',
      'mdast-util-gfm',
      'remark-parse',
      'remark-gfm',
      '/parse/gfm-autolink',
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
      'github-slugger',
      'parse5',
    ],
  ],
  ['Markdown (other unified)', ['/parse/', '/unified/', 'vfile', 'bail', 'trough']],
  ['parse (post)', ['/parse/post.', '/slug.', '/dates.', '/words.', 'luxon']],
  ['model', ['/model/']],
  ['route', ['/route/']],
  ['check', ['/check/']],
  ['render', ['/render/', 'handlebars']],
  ['write', ['/write/', 'concurrency.']],
  ['worker pool', ['piscina', 'node:internal/worker', '/pool/']],
];
// More specific needles first: `/parse/post.` before `/parse/`, `/pool/parse-posts.` before `/pool/`.
const ORDERED = [...STAGES].sort(([a], [b]) => rank(a) - rank(b));
function rank(stage) {
  return ['Markdown (other unified)', 'worker pool'].includes(stage) ? 1 : 0;
}

/** The stage of one frame's URL, or null. */
function stageOf(url) {
  if (!url) return null;
  for (const [stage, needles] of ORDERED) {
    if (needles.some((needle) => url.includes(needle))) return stage;
  }
  return null;
}

/** CPU ms by stage of one `.cpuprofile`. */
function stagesOfProfile(profile) {
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
    // A worker blocked in Atomics.wait for its next batch is sampled, but idle.
    else if (name === '(idle)' || name === 'atomicsWaitLoop') stage = 'idle';
    else
      stage = stageOf(node.callFrame.url) ?? (parent.has(id) ? resolve(parent.get(id)) : 'other');
    stageOfNode.set(id, stage);
    return stage;
  };
  const totals = new Map();
  // timeDeltas[i] is the time before sample i.
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const stage = resolve(id);
    totals.set(stage, (totals.get(stage) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  return totals;
}

/** Main thread and workers apart: Node names a profile `CPU.<date>.<time>.<pid>.<thread>.<n>`. */
async function summarize(dir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  const columns = { main: new Map(), workers: new Map() };
  let workers = 0;
  for (const file of files) {
    const thread = Number(file.split('.')[4]);
    const column = thread === 0 ? columns.main : columns.workers;
    if (thread !== 0) workers += 1;
    const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    for (const [stage, ms] of stagesOfProfile(profile))
      column.set(stage, (column.get(stage) ?? 0) + ms);
  }
  const busy = (m) => [...m].reduce((sum, [stage, ms]) => sum + (stage === 'idle' ? 0 : ms), 0);
  const all = busy(columns.main) + busy(columns.workers);
  const order = [...STAGES.map(([s]) => s), 'GC', 'other', 'idle'];
  const lines = [
    `CPU ms by stage from ${files.length} profile(s): the main thread and ${workers} worker thread(s); idle not counted in %`,
    '',
    '| stage | main thread | workers | total | % |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  const ms = (x) => (x ? x.toFixed(0) : '–');
  for (const stage of order) {
    const main = columns.main.get(stage) ?? 0;
    const work = columns.workers.get(stage) ?? 0;
    if (!main && !work) continue;
    const share = stage === 'idle' ? '' : ((100 * (main + work)) / all).toFixed(1);
    lines.push(`| ${stage} | ${ms(main)} | ${ms(work)} | ${ms(main + work)} | ${share} |`);
  }
  lines.push(
    `| total (busy) | ${ms(busy(columns.main))} | ${ms(busy(columns.workers))} | ${ms(all)} | 100 |`,
  );
  console.log(lines.join('\n'));
}

/** The shared benchmark's corpus of `size` posts in `work`, generated when missing. */
function corpus(benchDir, work, size) {
  const dir = path.join(work, `corpus-${size}`);
  if (existsSync(path.join(dir, '.generated'))) return dir;
  const generate = spawnSync(
    process.execPath,
    [path.join(benchDir, 'gen-corpus.mjs'), '--posts', String(size), '--out', dir],
    { stdio: 'inherit' },
  );
  if (generate.status !== 0) process.exit(1);
  return dir;
}

/** One cold build under the profiler; prints the build's wall time per session stage. */
async function profileBuild(rubric, site, profiles) {
  const out = path.join(profiles, 'out');
  const build = spawnSync(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${profiles}`,
      rubric,
      'build',
      '--root',
      site,
      '--out',
      out,
      '--no-cache',
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26, env: process.env },
  );
  await rm(out, { recursive: true, force: true });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  const stdout = build.stdout.trim().split('\n').at(-1) ?? '';
  const { seconds, timingsMs, posts, pages } = JSON.parse(stdout);
  const stages = Object.entries(timingsMs);
  console.log(
    [
      `${path.relative(process.cwd(), rubric)}: ${posts} posts, ${pages} pages, ${seconds.toFixed(2)} s (under the profiler, which slows it)`,
      '',
      `| wall ms | ${stages.map(([stage]) => stage).join(' | ')} |`,
      `| --- |${stages.map(() => ' ---: |').join('')}`,
      `| build | ${stages.map(([, t]) => t.toFixed(0)).join(' | ')} |`,
      '',
    ].join('\n'),
  );
}

const { values, positionals } = parseArgs({
  options: {
    posts: { type: 'string', default: '1000' },
    rubric: { type: 'string', default: path.join(repo, 'bin', 'rubric.js') },
    dir: { type: 'string' },
    work: { type: 'string', default: '/tmp/rubric-profile' },
    bench: { type: 'string' },
  },
  allowPositionals: true,
});
// `npm run profile -- DIR`, as before, summarises profiles already written.
const given = values.dir ?? positionals[0];
if (given) {
  await summarize(given);
} else {
  const benchDir = [values.bench, '../shared/bench', '../../shared/bench']
    .filter(Boolean)
    .map((dir) => path.resolve(repo, dir))
    .find((dir) => existsSync(path.join(dir, 'gen-corpus.mjs')));
  if (!benchDir) {
    console.error('No shared benchmark (gen-corpus.mjs); pass --bench DIR.');
    process.exit(2);
  }
  const work = path.resolve(values.work);
  const site = corpus(benchDir, work, Number(values.posts));
  await writeFile(path.join(site, '.generated'), values.posts);
  const profiles = await mkdtemp(path.join(work, 'prof-'));
  try {
    await profileBuild(path.resolve(values.rubric), site, profiles);
    await summarize(profiles);
  } finally {
    await rm(profiles, { recursive: true, force: true });
  }
}
