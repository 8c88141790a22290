/**
 * The build cache travels: its keys hold no absolute path, time, inode or host name, so
 * two checkouts of one commit (two folders, two machines, a CI runner that restores
 * `.cache/rubric`) with the same dependency tree share it, and a cache copied from one
 * to the other makes the other's first build warm.
 */
import { execFile } from 'node:child_process';
import { cp, readdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cacheFolder } from '../../src/cache/cache.js';
import { dependencyVersions } from '../../src/cache/fingerprint.js';
import { packageRoot } from '../../src/paths.js';
import { buildAt, listFiles, makeSite, post, writeFiles } from '../support/site.js';

const site = {
  'site.yaml': 'title: Gulf Notes\ntimezone: Asia/Dubai\n',
  'posts/2025-02-01-a-port-deal.md': post(
    { title: 'A port deal', date: '2025-02-01', labels: '[Oman, Trade & Tariffs]' },
    'The *terms* were signed.\n\n| port | share |\n| - | - |\n| Duqm | 40 % |',
  ),
  'posts/2025-02-03-talks-resume.md': post(
    { title: 'Talks resume', date: '2025-02-03 09:30', labels: 'Iran' },
    'Talks resumed in Muscat.\n\n<!-- more -->\n\nSee https://example.org/talks.',
  ),
  'posts/2025-02-07-a-quiet-week.md': post(
    { title: 'A quiet week', date: '2025-02-07', labels: 'Oman' },
    '## Notes\n\n- a list\n- of things',
  ),
};
const POSTS = 3;

/** The entry files in a site's posts cache: their names are the keys. */
async function keys(root: string): Promise<string[]> {
  return (await readdir(path.join(cacheFolder(root), 'posts'))).sort();
}

/** Every output file and its text. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const files = await listFiles(folder);
  const texts = await Promise.all(files.map((f) => readFile(path.join(folder, f), 'utf8')));
  return Object.fromEntries(files.map((f, i) => [f, texts[i] ?? '']));
}

/** A copy of Rubric's package (bin, lib, theme) in a new folder, with the same node_modules. */
async function installedCopy(): Promise<string> {
  const copy = await makeSite({});
  for (const part of ['bin', 'lib', 'templates', 'static', 'package.json']) {
    await cp(path.join(packageRoot, part), path.join(copy, part), { recursive: true });
  }
  await symlink(path.join(packageRoot, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

/** `rubric build --json` of `root` with the Rubric installed in `rubric`: its report. */
async function buildWith(rubric: string, root: string): Promise<{ cachedPosts: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    path.join(rubric, 'bin', 'rubric.js'),
    'build',
    '--root',
    root,
    '--json',
  ]);
  return JSON.parse(stdout) as { cachedPosts: number };
}

describe('the build cache across folders and machines', () => {
  it('has the same keys for two copies of a site in different folders', async () => {
    const first = await makeSite(site);
    const second = await makeSite(site);
    expect((await buildAt(first)).result.cachedPosts).toBe(0);
    expect((await buildAt(second)).result.cachedPosts).toBe(0);
    expect(await keys(first)).toHaveLength(POSTS);
    expect(await keys(second)).toEqual(await keys(first));
  });

  it('makes the first build of another copy warm when the cache folder is copied in', async () => {
    const first = await makeSite(site);
    await buildAt(first);
    const second = await makeSite(site);
    await cp(path.join(first, '.cache'), path.join(second, '.cache'), { recursive: true });
    const warm = await buildAt(second);
    expect(warm.result.cachedPosts).toBe(POSTS);
    // And the warm output is the cold one, byte for byte.
    const cold = await makeSite(site);
    await buildAt(cold, { cache: false });
    expect(await snapshot(path.join(second, 'dist'))).toEqual(
      await snapshot(path.join(cold, 'dist')),
    );
  });

  it('has the same keys for Rubric installed in two folders: its code is hashed by content', async () => {
    const [rubricA, rubricB] = [await installedCopy(), await installedCopy()];
    const [siteA, siteB] = [await makeSite(site), await makeSite(site)];
    expect((await buildWith(rubricA, siteA)).cachedPosts).toBe(0);
    expect((await buildWith(rubricB, siteB)).cachedPosts).toBe(0);
    expect(await keys(siteB)).toEqual(await keys(siteA));
    // A cache made by one installation is read by the other.
    const siteC = await makeSite(site);
    await cp(path.join(siteA, '.cache'), path.join(siteC, '.cache'), { recursive: true });
    expect((await buildWith(rubricB, siteC)).cachedPosts).toBe(POSTS);
  }, 60_000);

  it('changes with an installed runtime dependency, not with dev ones or where the tree is', async () => {
    const tree = {
      'package.json': JSON.stringify({
        dependencies: { alpha: '^1.0.0' },
        devDependencies: { gamma: '^9.0.0' },
      }),
      'node_modules/alpha/package.json': JSON.stringify({
        version: '1.2.0',
        dependencies: { beta: '^2.0.0' },
        optionalDependencies: { 'not-installed': '^1.0.0' },
      }),
      // alpha's own beta, nested; the hoisted one is another version nobody here needs.
      'node_modules/alpha/node_modules/beta/package.json': JSON.stringify({ version: '2.0.1' }),
      'node_modules/beta/package.json': JSON.stringify({ version: '3.0.0' }),
      'node_modules/gamma/package.json': JSON.stringify({ version: '9.9.9' }),
    };
    const here = await makeSite(tree);
    const there = await makeSite(tree);
    expect(dependencyVersions(here)).toEqual(['alpha@1.2.0', 'beta@2.0.1']);
    expect(dependencyVersions(there)).toEqual(dependencyVersions(here));
    await writeFiles(there, {
      'node_modules/alpha/node_modules/beta/package.json': JSON.stringify({ version: '2.1.0' }),
    });
    expect(dependencyVersions(there)).toEqual(['alpha@1.2.0', 'beta@2.1.0']);
  });
});
