#!/usr/bin/env node
/* global console, process, URL */
/**
 * `npm run bench:features`: what each reader feature of issue 14 costs a build, at 4,000
 * posts of the shared benchmark corpus. A script, not a test: nothing in CI times anything.
 *
 *   npm run bench:features                        # 4,000 posts, one round
 *   npm run bench:features -- --size 1000 --runs 3
 *
 * From the corpus bench/bench.js uses it writes one site per variant (bench/features-site.js,
 * bench/features-content.js; the same on every run): base, every feature off (`search:
 * false`, the corpus's `author:` bylines taken out, so no author pages); base plus one of
 * search (Pagefind), embeds (a video and a figure in one post in four, some as Hugo's
 * shortcodes), comments (a comments file beside one post in four, 6 comments on average,
 * some replies), authors (an `authors:` map of 20, one or two on each post) and math (three
 * formulas in a sentence and one displayed in one post in four); and all of them with search
 * off and on. Each is built cold (`--no-cache`, no output folder): wall time, user+sys CPU
 * (Pagefind's own process added, read from /proc, and shown apart), peak RSS of the build
 * process, files written, and the difference from base. Base and the two "all" variants are
 * built warm as well (the cache kept, the last output there, nothing changed: a blogger's
 * rebuild). Every build's output is checked for what its variant put in (frames, figures,
 * MathML, comments and replies, author pages and feeds, byline links, the search index) and
 * the script fails when anything is missing; a build's warnings are printed (there should be
 * none). With --runs N the order alternates between rounds and figures are medians. On a
 * shared machine only the differences within one run mean anything.
 *
 * Options: --size N (posts, default 4000)  --runs N (default 1)  --rubric PATH (the bin to
 * time)  --work DIR (corpora and sites; default /tmp/rubric-bench)  --bench DIR (the shared
 * benchmark; default ../shared/bench)  --keep (leave the last round's sites and outputs).
 */
import { loadavg } from 'node:os';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpus, findBench } from './corpus.js';
import { VARIANTS, checkOutput, writeVariant } from './features-site.js';
import { canMeasure, timedBuild } from './features-timing.js';
import { printFeatureTables } from './features-table.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '4000' },
    runs: { type: 'string', default: '1' },
    rubric: { type: 'string', default: path.join(repo, 'bin', 'rubric.js') },
    work: { type: 'string', default: '/tmp/rubric-bench' },
    bench: { type: 'string' },
    keep: { type: 'boolean', default: false },
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

const size = Number(values.size);
const rounds = Math.max(1, Number(values.runs));
const work = path.resolve(values.work);
const bin = path.resolve(values.rubric);
/** The variants also built warm: what a blogger's rebuild costs with everything off or on. */
const WARM = new Set(['base', 'all, search off', 'all, search on']);
if (!canMeasure) console.warn('GNU time not found (apt-get install -y time): no CPU or peak RSS.');

const secs = (ms) => (ms / 1000).toFixed(2);
const load = () => loadavg()[0].toFixed(1);

/** The build's warnings, printed: these variants are valid input and should give none. */
function reportWarnings(name, build, report) {
  const warnings = report.warnings ?? [];
  for (const w of warnings.slice(0, 20)) {
    console.log(
      `  WARNING ${name} (${build}): ${w.name} ${w.file}:${w.line}:${w.column} ${w.message}`,
    );
  }
  if (warnings.length > 20) console.log(`  … and ${warnings.length - 20} more warnings`);
  return warnings.length;
}

/** Builds one variant cold (then warm, if it is one of those): samples and what was checked. */
async function measure(corpusDir, root, name, features) {
  const slug = name.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
  const site = path.join(root, slug);
  const out = path.join(root, `${slug}-out`);
  const variant = await writeVariant(corpusDir, site, features);
  await rm(out, { recursive: true, force: true });
  const args = (...extra) => [bin, 'build', '--root', site, '--out', out, '--json', ...extra];
  const cold = await timedBuild(args('--no-cache'));
  const warnings = reportWarnings(name, 'cold', cold.report);
  const checked = await checkOutput(out, variant);
  let warm = null;
  if (WARM.has(name)) {
    await timedBuild(args()); // fills the cache, which a --no-cache build does not write
    warm = await timedBuild(args());
    reportWarnings(name, 'warm', warm.report);
    await checkOutput(out, variant);
  }
  console.log(
    `${size} ${name}: cold ${secs(cold.ms)} s${warm ? `, warm ${secs(warm.ms)} s` : ''}, ` +
      `${checked.files} files, load ${load()}`,
  );
  return { cold, warm, files: checked.files, totals: checked.totals, warnings, site, out };
}

const benchDir = findBench(repo, values.bench);
const corpusDir = await corpus(work, benchDir, size);
const root = path.join(work, `features-${size}`);
await mkdir(root, { recursive: true });
const loadAtStart = load();
/** Samples by variant name, in VARIANTS order. */
const samples = new Map(VARIANTS.map(([name]) => [name, { cold: [], warm: [] }]));
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 1 ? [...VARIANTS].reverse() : VARIANTS;
  for (const [name, features] of order) {
    const result = await measure(corpusDir, root, name, features);
    const s = samples.get(name);
    s.cold.push(result.cold);
    if (result.warm) s.warm.push(result.warm);
    Object.assign(s, { files: result.files, totals: result.totals, warnings: result.warnings });
    if (!values.keep || round < rounds - 1) {
      await rm(result.site, { recursive: true, force: true });
      await rm(result.out, { recursive: true, force: true });
    }
  }
}
printFeatureTables({ size, rounds, samples, load: { start: loadAtStart, end: load() } });

const saved = path.join(
  work,
  `features-${size}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
);
const strip = ({ report, ...rest }) => ({ ...rest, timingsMs: report.timingsMs });
await writeFile(
  saved,
  JSON.stringify(
    Object.fromEntries(
      [...samples].map(([name, s]) => [
        name,
        { ...s, cold: s.cold.map(strip), warm: s.warm.map(strip) },
      ]),
    ),
    null,
    2,
  ),
);
console.log(`\nsamples: ${saved}`);
