/**
 * A `--root` that is not a site folder (missing, a file, or without `posts/`) is wrong
 * usage: exit 2, the folder named, and nothing written anywhere.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { capture } from './support/cli.js';
import { listFiles, makeSite, NOW, post } from './support/site.js';

const HINT =
  'Run it in the folder that holds posts/, or give that folder with --root (a new site needs at least an empty posts/ folder).';

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('a --root that is not a site folder', () => {
  for (const command of ['build', 'dev', 'clean']) {
    it(`makes rubric ${command} exit 2 when the folder does not exist, creating nothing`, async () => {
      const parent = await makeSite({});
      const missing = path.join(parent, 'nonexistent');
      let served = false;
      const io = capture(parent, { now: NOW, onServing: () => (served = true) });
      const args = command === 'dev' ? [command, '--port', '0'] : [command];
      expect(await run([...args, '--root', missing], io)).toBe(2);
      expect(io.stderr).toEqual([
        `rubric ${command}: the site folder ${missing} does not exist. ${HINT}`,
      ]);
      expect(io.stdout).toEqual([]);
      expect(served).toBe(false);
      expect(await exists(missing)).toBe(false);
    });

    it(`makes rubric ${command} exit 2 in a folder without posts/, writing nothing`, async () => {
      const root = await makeSite({
        'site.yaml': 'title: Notes\n',
        'notes/a.md': post({ title: 'A', date: '2025-01-01' }),
      });
      const io = capture(root, { now: NOW });
      const args = command === 'dev' ? [command, '--port', '0'] : [command];
      expect(await run(args, io)).toBe(2);
      expect(io.stderr).toEqual([
        `rubric ${command}: ${root} has no posts/ folder, so it is not a site folder. ${HINT}`,
      ]);
      expect(await listFiles(root)).toEqual(['notes/a.md', 'site.yaml']);
    });
  }

  it('makes rubric build exit 2 when the root is a file, or posts is one', async () => {
    const root = await makeSite({ 'notes.txt': 'a file\n', 'other/posts': 'a file too\n' });
    const io = capture(root, { now: NOW });
    expect(await run(['build', '--root', 'notes.txt'], io)).toBe(2);
    expect(await run(['build', '--root', 'other'], io)).toBe(2);
    const other = path.join(root, 'other');
    expect(io.stderr).toEqual([
      `rubric build: the site folder ${path.join(root, 'notes.txt')} is not a folder. ${HINT}`,
      `rubric build: ${path.join(other, 'posts')} is not a folder, so ${other} is not a site folder. ${HINT}`,
    ]);
    expect(await listFiles(root)).toEqual(['notes.txt', 'other/posts']);
  });

  it('still builds a site whose posts/ folder is empty', async () => {
    const root = await makeSite({ 'posts/.keep': '' });
    const io = capture(root, { now: NOW });
    expect(await run(['build'], io)).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/^built \d+ pages from 0 posts in \d+\.\d s into dist\/$/);
  });
});
