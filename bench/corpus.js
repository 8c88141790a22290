/* global console, process, URL */
/**
 * What the corpus benchmarks share (`stages.js`, `body-syntax.js`, `features.js`): their
 * options (`--posts N  --runs N  --work DIR  --bench DIR`), the shared benchmark's corpus
 * made once per size (`WORK/corpus-SIZE/posts/`, again only when the generator changes; the
 * stamp is the one bench/bench.js writes, so every script reuses the others' corpus), post
 * bodies, and medians.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The checkout's root folder. */
export const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * The options of the command line: posts (default 4,000), rounds (3), the work folder
 * (/tmp/rubric-bench) and the shared benchmark's folder (the one with gen-corpus.mjs);
 * exits when there is none.
 */
export function corpusOptions() {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string', default: '4000' },
      runs: { type: 'string', default: '3' },
      work: { type: 'string', default: '/tmp/rubric-bench' },
      bench: { type: 'string', default: path.resolve(repo, '../shared/bench') },
    },
  });
  const benchDir = [values.bench, path.resolve(repo, '../../shared/bench')].find((dir) =>
    existsSync(path.join(dir, 'gen-corpus.mjs')),
  );
  if (!benchDir) {
    console.error('No shared benchmark (gen-corpus.mjs); pass --bench DIR.');
    process.exit(2);
  }
  return {
    size: Number(values.posts),
    rounds: Math.max(1, Number(values.runs)),
    work: values.work,
    benchDir,
  };
}

/** A corpus of `size` posts in `dir`, made by `script` unless it is there already. */
export function generate(script, dir, size) {
  if (existsSync(path.join(dir, 'posts'))) {
    const have = readdirSync(path.join(dir, 'posts')).filter((n) => n.endsWith('.md')).length;
    if (have === size) return dir;
  }
  const result = spawnSync(process.execPath, [script, '--posts', String(size), '--out', dir], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(1);
  return dir;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The bodies of a corpus's posts: the text after the front matter. */
export function bodies(dir) {
  const folder = path.join(dir, 'posts');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) =>
      readFileSync(path.join(folder, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''),
    );
}

/** The shared benchmark folder: `given`, else ../shared/bench from `repo` or its parent. */
export function findBench(repo, given) {
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

/** The folder of the `size`-post corpus under `work`, generated when missing or stale. */
export async function corpus(work, benchDir, size) {
  const dir = path.join(work, `corpus-${size}`);
  const stamp = path.join(dir, '.generated');
  const generator = await readFile(path.join(benchDir, 'gen-corpus.mjs'), 'utf8');
  const want = `${size} ${generator.length}`;
  if ((await readFile(stamp, 'utf8').catch(() => '')) !== want) {
    console.log(`generating ${size} posts in ${dir}`);
    const args = [path.join(benchDir, 'gen-corpus.mjs'), '--posts', String(size), '--out', dir];
    if (spawnSync(process.execPath, args, { stdio: 'inherit' }).status !== 0) process.exit(1);
    await writeFile(stamp, want);
  }
  return dir;
}
