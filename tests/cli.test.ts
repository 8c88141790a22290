/** The `rubric` command: arguments, output, exit codes. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { packageRoot } from '../src/paths.js';
import { capture as captureIn } from './support/cli.js';
import { listFiles, makeSite, NOW, post } from './support/site.js';

/** The CLI in `cwd`, at the tests' fixed moment. */
const capture = (cwd: string) => captureIn(cwd, { now: NOW });

const site = {
  'posts/a.md': post({ title: 'A', date: '2025-01-01', labels: 'Oman' }),
  'posts/b.md': post({ title: 'B', date: '2025-01-02', labels: 'oman' }),
  'posts/later.md': post({ title: 'Later', date: '2026-02-01' }),
};

describe('rubric build', () => {
  it('builds, warns, lists held-back posts, and ends with a one-line summary', async () => {
    const root = await makeSite(site);
    const io = capture(root);
    expect(await run(['build'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout[0]).toMatch(/^warning posts\/a\.md:4:9 {2}The label "oman" is also written/);
    expect(io.stdout[0]).toMatch(/\[LabelVariants\]$/);
    expect(io.stdout).toContain(
      'held back posts/later.md: dated in the future, due 2026-02-01 00:00 (UTC) (--future builds it)',
    );
    expect(io.stdout.at(-1)).toMatch(/^built 10 pages from 2 posts in \d+\.\d s into dist\/$/);
    expect(await listFiles(path.join(root, 'dist'))).toContain('index.html');
  });

  it('counts held-back posts, lists the first ten, and names the next one due', async () => {
    const scheduled: Record<string, string> = {};
    for (let day = 12; day >= 1; day--) {
      const date = `2026-03-${String(day).padStart(2, '0')}T08:00`;
      scheduled[`posts/s${String(day)}.md`] = post({ title: `S${String(day)}`, date });
    }
    const root = await makeSite({
      ...site,
      ...scheduled,
      'site.yaml': 'timezone: Europe/Paris\n',
    });
    const io = capture(root);
    expect(await run(['build'], io)).toBe(0);
    const held = io.stdout.filter((line) => line.startsWith('held back posts/'));
    expect(held).toHaveLength(10);
    expect(held[0]).toBe(
      'held back posts/later.md: dated in the future, due 2026-02-01 00:00 (Europe/Paris) (--future builds it)',
    );
    expect(io.stdout).toContain(
      'held back 13 future posts (3 not listed); the next is due 2026-02-01 00:00 (Europe/Paris): build again then to publish it',
    );
  });

  it('honours --root, --out, --drafts and --future', async () => {
    const root = await makeSite({
      ...site,
      'posts/draft.md': post({ title: 'D', date: '2025-01-03', draft: 'true' }),
    });
    const io = capture(path.dirname(root));
    const args = [
      'build',
      '--root',
      root,
      '--out',
      path.join(root, 'public'),
      '--drafts',
      '--future',
    ];
    expect(await run(args, io)).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/^built 14 pages from 4 posts/);
    const files = await listFiles(path.join(root, 'public'));
    expect(files).toContain('2025/01/draft/index.html');
    expect(files).toContain('2026/02/later/index.html');
  });

  it('exits 1 and prints every error with file:line:column', async () => {
    const root = await makeSite({
      ...site,
      'posts/bad.md': '---\ntitle: Bad\ndate: 2025-13-40\n---\n',
      'posts/worse.md': '---\ndate: 2025-01-01\n---\n',
    });
    const io = capture(root);
    expect(await run(['build'], io)).toBe(1);
    expect(io.stderr).toEqual([
      expect.stringMatching(/^error posts\/bad\.md:3:7 {2}date "2025-13-40" is not a date/),
      expect.stringMatching(/^error posts\/worse\.md:1:1 {2}This post has no title\./),
      'build failed with 2 errors; dist/ was left as it was.',
    ]);
  });

  it.each([[['build', '--nope']], [['build', 'extra']], [['serve']], [[]]])(
    'exits 2 on wrong usage: %j',
    async (argv) => {
      const io = capture(packageRoot);
      expect(await run(argv, io)).toBe(2);
      expect([...io.stdout, ...io.stderr].join('\n')).toMatch(/rubric/);
    },
  );

  it('prints help with --help and exits 0', async () => {
    const io = capture(packageRoot);
    expect(await run(['build', '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain(
      'rubric build [--root DIR] [--out DIR] [--drafts] [--future]',
    );
  });

  it('runs as the installed bin', async () => {
    const root = await makeSite(site);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(packageRoot, 'bin/rubric.js'), 'build', '--root', root, '--future'],
      { env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^built 13 pages from 3 posts in/);
  });
});
