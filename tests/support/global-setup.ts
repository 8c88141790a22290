/**
 * Vitest's global setup: makes `lib/` current before any test runs. The tests import
 * `src/`, but parse workers and the dev server's page scripts load the compiled `lib/`,
 * so a stale `lib/` would mix yesterday's code into today's run. Compiles only when some
 * source is newer than its output: under `isolatedModules` each output depends on its own
 * source alone, so comparing a file with its output is enough. `npm test` has compiled
 * already and pays only for the comparison.
 */
import { execFileSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { packageRoot } from '../../src/paths.js';

/** What compiling reads besides the sources: a change here changes every output. */
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'src/dev/client/tsconfig.json'];

export default async function setup(): Promise<void> {
  const stale = await staleSources();
  if (stale.length === 0) return;
  process.stderr.write(`lib/ is older than ${describe(stale)}: npm run compile\n`);
  try {
    execFileSync('npm', ['run', 'compile', '--silent'], { cwd: packageRoot, stdio: 'inherit' });
  } catch (error) {
    // tsc writes its output even with type errors (which `npm test` reports in its own
    // step); only an output still missing or old stops the tests.
    const still = await staleSources();
    if (still.length > 0) throw error;
  }
}

/** Sources newer than their compiled file (or without one), and configs newer than any. */
async function staleSources(): Promise<string[]> {
  const sources = await glob('src/**/*.ts', { cwd: packageRoot, ignore: ['**/*.d.ts'] });
  const times = await Promise.all(
    sources.map(async (file) => ({
      file,
      source: (await mtime(file)) ?? 0,
      output: await mtime(compiledPath(file)),
    })),
  );
  const stale = times.filter((t) => t.output === null || t.source > t.output).map((t) => t.file);
  const oldest = Math.min(...times.map((t) => t.output ?? 0));
  for (const config of CONFIGS) {
    if (((await mtime(config)) ?? 0) > oldest) stale.push(config);
  }
  return stale;
}

/** `src/a.ts`, `src/a.ts and 3 more`. */
function describe(files: readonly string[]): string {
  const [first = ''] = files;
  return files.length === 1 ? first : `${first} and ${files.length - 1} more`;
}

/** `src/dev/client/reload.ts` → `lib/dev/client/reload.js`. */
function compiledPath(source: string): string {
  return path.join('lib', path.relative('src', source)).replace(/\.ts$/, '.js');
}

async function mtime(file: string): Promise<number | null> {
  try {
    return (await stat(path.join(packageRoot, file))).mtimeMs;
  } catch {
    return null;
  }
}
