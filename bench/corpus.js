/* global console, process, URL */
/**
 * What the corpus benchmarks share (`stages.js`, `body-syntax.js`): their options
 * (`--posts N  --runs N  --work DIR  --bench DIR`), the shared benchmark's corpus made
 * once per size, post bodies, and medians.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
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
