/**
 * The package as a user gets it: `npm pack` makes the tarball, a fresh project installs
 * it (offline first, from the npm cache), and imports `rubric` the way its code would:
 * by package name, through `exports`, with the shipped type declarations. One pack and
 * one install, shared by every test here. The tarball is packed from the compiled `lib/`
 * (`npm test` compiles before it runs vitest), without running `prepare` again: that
 * would rewrite lib/ while other test files run the CLI from it.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { post, writeFiles } from '../support/site.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let temp = '';
let project = '';

/** Runs a module script with Node inside the consumer project, and parses what it prints. */
async function node(script: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: project,
    timeout: 60_000,
  });
  return JSON.parse(stdout) as unknown;
}

beforeAll(async () => {
  await access(path.join(packageRoot, 'lib', 'index.d.ts')).catch(() => {
    throw new Error('lib/ is not compiled: run `npm run compile` first.');
  });
  temp = await mkdtemp(path.join(tmpdir(), 'rubric-pack-'));
  const { stdout } = await run(
    npm,
    ['pack', '--ignore-scripts', '--json', '--pack-destination', temp],
    { cwd: packageRoot, timeout: 60_000 },
  );
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  if (!packed) throw new Error(`npm pack printed no tarball: ${stdout}`);
  project = path.join(temp, 'consumer');
  await writeFiles(project, {
    'package.json': JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    'site/site.yaml': 'title: Packed\nbaseUrl: https://example.org/\n',
    'site/posts/2025-03-01-first.md': post({ title: 'First from the tarball', date: '2025-03-01' }),
  });
  await run(
    npm,
    ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(temp, packed.filename)],
    { cwd: project, timeout: 180_000 },
  );
}, 240_000);

afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

/** Each test starts Node (or tsc) on the installed package: seconds on a busy machine. */
const SLOW = 120_000;

describe('the packed package', () => {
  it(
    'builds a site through `import { build } from "rubric"`',
    async () => {
      const result = await node(
        [
          "import { build, formatProblem } from 'rubric';",
          "const r = await build({ root: 'site', now: Date.UTC(2026, 0, 1), cache: false });",
          'console.log(JSON.stringify({ ok: r.ok, posts: r.postCount, errors: r.errors.map(formatProblem) }));',
        ].join('\n'),
      );
      expect(result).toEqual({ ok: true, posts: 1, errors: [] });
      const $ = load(
        await readFile(path.join(project, 'site/dist/2025/03/first/index.html'), 'utf8'),
      );
      expect($('h1.post-title').text()).toBe('First from the tarball');
      // The built-in theme's stylesheet ships in the package and is copied.
      await access(path.join(project, 'site/dist/style.css'));
    },
    SLOW,
  );

  it(
    'starts a preview with dev() and stops it with close(), so the process can end',
    async () => {
      const result = await node(
        [
          "import { dev } from 'rubric';",
          "const server = await dev({ root: 'site', port: 0, outDir: 'preview', cache: false });",
          'const response = await fetch(server.url);',
          'const html = await response.text();',
          'await server.close();',
          // Nothing else keeps the process alive: it prints and ends by itself.
          "console.log(JSON.stringify({ status: response.status, url: server.url, hasTitle: html.includes('<title>Packed</title>') }));",
        ].join('\n'),
      );
      expect(result).toEqual({
        status: 200,
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/) as string,
        hasTitle: true,
      });
    },
    SLOW,
  );

  it(
    'imports a Blogger export with importBlogger()',
    async () => {
      const exportFile = path.join(packageRoot, 'tests/fixtures/blogger/classic.xml');
      const result = await node(
        [
          "import { importBlogger } from 'rubric';",
          `const r = await importBlogger({ exportFile: ${JSON.stringify(exportFile)}, root: 'imported' });`,
          'console.log(JSON.stringify({ ok: r.ok, format: r.ok ? r.format : null }));',
        ].join('\n'),
      );
      expect(result).toEqual({ ok: true, format: 'classic' });
    },
    SLOW,
  );

  it(
    'keeps its internals private: only the package root is exported',
    async () => {
      const result = await node(
        [
          "const code = await import('rubric/lib/build.js').then(() => 'imported', (e) => e.code);",
          'console.log(JSON.stringify(code));',
        ].join('\n'),
      );
      expect(result).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    },
    SLOW,
  );

  it(
    'ships declarations a TypeScript consumer type-checks against',
    async () => {
      await writeFile(
        path.join(project, 'consumer.ts'),
        [
          "import { build, dev, importBlogger, type BuildResult, type DevServer, type ImportResult } from 'rubric';",
          '',
          "const result: BuildResult = await build({ root: 'site', drafts: true });",
          'const pages: number = result.pageCount;',
          'for (const error of result.errors) console.log(error.file, error.line, error.name);',
          "const server: DevServer = await dev({ root: 'site', port: 0 });",
          'await server.close();',
          "const imported: ImportResult = await importBlogger({ exportFile: 'blog.xml', root: 'site' });",
          'if (imported.ok) console.log(imported.counts);',
          '// @ts-expect-error a build needs its site folder',
          'await build({});',
          '// @ts-expect-error pageCount is a number',
          'const wrong: string = result.pageCount;',
          'console.log(pages, wrong);',
          '',
        ].join('\n'),
      );
      await writeFile(
        path.join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2023',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            noEmit: true,
            // Rubric's own declarations are checked; they refer to Node's types.
            skipLibCheck: false,
            types: ['node'],
            typeRoots: [path.join(packageRoot, 'node_modules/@types')],
          },
          files: ['consumer.ts'],
        }),
      );
      const tsc = path.join(packageRoot, 'node_modules/typescript/bin/tsc');
      const checked = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], {
        cwd: project,
        timeout: 120_000,
      }).then(
        () => ({ failed: false, output: '' }),
        (error: unknown) => ({
          failed: true,
          output: String((error as { stdout?: unknown }).stdout ?? error),
        }),
      );
      expect(checked).toEqual({ failed: false, output: '' });
    },
    SLOW,
  );
});
