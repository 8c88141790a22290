/* global console, process */
/**
 * The benchmark corpora, shared by the bench scripts: the shared SSG benchmark's generator
 * (`../shared/bench/gen-corpus.mjs`) writes `WORK/corpus-SIZE/posts/`, once, and again only
 * when the generator changes. The stamp is the one bench/bench.js writes, so either script
 * reuses the other's corpus.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
