/**
 * The pure stages (parse, model, route, render) may not touch the disk, threads or the
 * process: ESLint holds that rule (eslint.config.js), and this test holds ESLint to it.
 * Each probe is linted as if it were a file in a stage folder; the type-checked rules are
 * off for it, as the probe is not a file of the project.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({
  cwd: new URL('../..', import.meta.url).pathname,
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

const probe = [
  "import { readFileSync } from 'node:fs';",
  "import { readFile } from 'node:fs/promises';",
  "import { writeFileSync } from 'fs';",
  "import { mkdir } from 'fs/promises';",
  "import { Worker } from 'node:worker_threads';",
  "import { isMainThread } from 'worker_threads';",
  "import { DiskCache } from '../cache/cache.js';",
  "import { parsePosts } from '../pool/parse-posts.js';",
  'export const used = [readFileSync, readFile, writeFileSync, mkdir, Worker, isMainThread,',
  '  DiskCache, parsePosts, process.versions, globalThis.process];',
].join('\n');

/** Each problem as `rule line:column`. */
async function problems(filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(probe, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''} ${m.line}:${m.column}`);
}

describe('stage purity', () => {
  it.each(['parse', 'model', 'route', 'render'])(
    'flags every disk, thread and process use in src/%s',
    async (stage) => {
      expect(await problems(`src/${stage}/probe.ts`)).toEqual([
        'no-restricted-imports 1:1',
        'no-restricted-imports 2:1',
        'no-restricted-imports 3:1',
        'no-restricted-imports 4:1',
        'no-restricted-imports 5:1',
        'no-restricted-imports 6:1',
        'no-restricted-imports 7:1',
        'no-restricted-imports 8:1',
        'no-restricted-globals 10:26',
        'no-restricted-properties 10:44',
      ]);
    },
  );

  it.each(['load', 'write', 'pool', 'cache'])('leaves src/%s, an edge, free to', async (stage) => {
    expect(await problems(`src/${stage}/probe.ts`)).toEqual([]);
  });
});
