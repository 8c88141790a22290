/**
 * Files that cannot be read or written: each is an `IoError` naming the path, what Rubric
 * was doing and what to do, never a silent skip, and `rubric` exits 3 for it.
 *
 * Permissions are tested through the real `rubric` process. Root ignores file modes, so
 * as root it runs without the two capabilities that let it (setpriv), and the test is
 * skipped only where neither that nor an ordinary user is available.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { ioError } from '../../src/errors.js';
import { packageRoot } from '../../src/paths.js';
import { capture } from '../support/cli.js';
import { buildAt, makeSite, NOW, post } from '../support/site.js';

const site = {
  'site.yaml': 'title: Notes\nbaseUrl: https://example.org/\n',
  'posts/a.md': post({ title: 'Alpha', date: '2025-01-01' }),
};

/** The command that runs a program with file permissions enforced, or null if none. */
function withPermissions(): string[] | null {
  if (process.getuid?.() !== 0) return [];
  const setpriv = '/usr/bin/setpriv';
  return existsSync(setpriv) ? [setpriv, '--bounding-set', '-dac_override,-dac_read_search'] : null;
}
const enforcing = withPermissions();
const itWithPermissions = enforcing ? it : it.skip;

/** Runs the compiled `rubric` in `cwd` with permissions enforced: its exit code and output. */
async function rubric(cwd: string, args: string[]) {
  const [command, ...prefix] = [...(enforcing ?? []), process.execPath];
  const bin = path.join(packageRoot, 'bin', 'rubric.js');
  try {
    // Plain text whatever the terminal or CI says: picocolors colours output under CI=true.
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CI;
    const done = await promisify(execFile)(command, [...prefix, bin, ...args], { cwd, env });
    return { code: 0, stdout: done.stdout, stderr: done.stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

const EACCES_HINT = 'Give the user running Rubric access to it (see `ls -l`). [IoError]';

describe('files that cannot be read', () => {
  itWithPermissions('fail the build on an unreadable folder under posts/, exit 3', async () => {
    const root = await makeSite({
      ...site,
      'posts/locked/b.md': post({ title: 'B', date: '2025-02-01' }),
    });
    const locked = path.join(root, 'posts', 'locked');
    await chmod(locked, 0o000);
    try {
      const done = await rubric(root, ['build', '--no-cache']);
      expect(done.code).toBe(3);
      expect(done.stderr.split('\n')).toEqual([
        `error posts/locked  Rubric could not list the files in this folder: permission denied (EACCES). ${EACCES_HINT}`,
        'build failed with 1 error; dist/ was left as it was.',
        '',
      ]);
      expect(await exists(path.join(root, 'dist'))).toBe(false);
    } finally {
      await chmod(locked, 0o755);
    }
  });

  itWithPermissions('fail the build on an unreadable post, exit 3', async () => {
    const root = await makeSite({
      ...site,
      'posts/secret.md': post({ title: 'S', date: '2025-02-01' }),
    });
    await chmod(path.join(root, 'posts', 'secret.md'), 0o000);
    const done = await rubric(root, ['build', '--no-cache']);
    expect(done.code).toBe(3);
    expect(done.stderr.split('\n')[0]).toBe(
      `error posts/secret.md  Rubric could not read this post: permission denied (EACCES). ${EACCES_HINT}`,
    );
    expect(await exists(path.join(root, 'dist'))).toBe(false);
  });

  it('fail the build when site.yaml is a folder (EISDIR), exit 3', async () => {
    const root = await makeSite({ 'posts/a.md': site['posts/a.md'], 'site.yaml/x': '' });
    const io = capture(root, { now: NOW });
    expect(await run(['build'], io)).toBe(3);
    expect(io.stderr).toEqual([
      'error site.yaml  Rubric could not read the settings: it is a folder where a file was expected (EISDIR). Rename or remove the folder so that the file can be there. [IoError]',
      'build failed with 1 error; dist/ was left as it was.',
    ]);
  });

  it('fail the build when templates/ is a file (ENOTDIR)', async () => {
    const root = await makeSite({ ...site, templates: 'not a folder\n' });
    const built = await buildAt(root, { cache: false });
    expect(built.result.errors).toEqual([
      {
        severity: 'error',
        name: 'IoError',
        file: 'templates',
        line: 0,
        column: 0,
        message:
          'Rubric could not list the files in this folder: a part of the path is a file where a folder was expected (ENOTDIR).',
        hint: 'Rename or remove that file, or choose another path.',
      },
    ]);
  });

  it('fail the build on a named pipe where a post should be, instead of hanging', async () => {
    const root = await makeSite(site);
    execFileSync('mkfifo', [path.join(root, 'posts', 'pipe.md')]);
    const built = await buildAt(root, { cache: false });
    expect(built.result.errors.map((e) => [e.name, e.file, e.message])).toEqual([
      [
        'IoError',
        'posts/pipe.md',
        'Rubric could not read this file: it is not a regular file but a pipe, socket or device.',
      ],
    ]);
  });

  it('fail the build on a link to a post that does not exist', async () => {
    const root = await makeSite(site);
    await symlink('gone.md', path.join(root, 'posts', 'b.md'));
    const built = await buildAt(root, { cache: false });
    expect(built.result.errors.map((e) => [e.name, e.file, e.message, e.hint])).toEqual([
      [
        'IoError',
        'posts/b.md',
        'Rubric could not read this file: it is a symbolic link to something that does not exist (ENOENT).',
        'Restore what it points to, or delete the link.',
      ],
    ]);
  });
});

describe('files that cannot be written', () => {
  itWithPermissions(
    'fail the build with exit 3 when the output folder cannot be made',
    async () => {
      const root = await makeSite(site);
      const readOnly = path.join(root, 'public');
      await mkdir(readOnly);
      await chmod(readOnly, 0o555);
      try {
        const done = await rubric(root, ['build', '--no-cache', '--out', 'public/dist']);
        expect(done.code).toBe(3);
        expect(done.stderr.split('\n')).toEqual([
          `error public/dist  Rubric could not move this file of the site into place: permission denied (EACCES). ${EACCES_HINT}`,
          'build failed with 1 error; public/dist/ was left as it was.',
          '',
        ]);
      } finally {
        await chmod(readOnly, 0o755);
      }
    },
  );

  it('fail the build with exit 3 when the output path goes through a file', async () => {
    const root = await makeSite({ ...site, 'notes.txt': 'a file\n' });
    const io = capture(root, { now: NOW });
    expect(await run(['build', '--out', 'notes.txt/dist'], io)).toBe(3);
    expect(io.stderr).toEqual([
      'error notes.txt  Rubric could not create this folder of the site: something is already there (EEXIST). Move it away, then build again. [IoError]',
      'build failed with 1 error; notes.txt/dist/ was left as it was.',
    ]);
  });

  it('make rubric dev exit 3, naming the path, when it cannot write its output', async () => {
    const root = await makeSite({ ...site, 'notes.txt': 'a file\n' });
    let served = false;
    const io = capture(root, { now: NOW, onServing: () => (served = true) });
    expect(await run(['dev', '--port', '0', '--out', 'notes.txt/dist'], io)).toBe(3);
    expect(served).toBe(false);
    expect(io.stderr).toEqual([
      'error notes.txt  Rubric could not finish `rubric dev` (mkdir failed): something is already there (EEXIST). Move it away, then build again. [IoError]',
    ]);
  });

  it('refuse an output folder that is a file, leaving the file as it was', async () => {
    const root = await makeSite({ ...site, 'notes.txt': 'a file\n' });
    const built = await buildAt(root, { outDir: path.join(root, 'notes.txt'), cache: false });
    expect(built.result.errors.map((e) => [e.name, e.file, e.message])).toEqual([
      [
        'OutputFolder',
        'notes.txt',
        `The output folder ${path.join(root, 'notes.txt')} is a file, not a folder, and Rubric does not replace it.`,
      ],
    ]);
  });
});

describe('ioError', () => {
  it('says what a full disk and too many open files mean and what to do', () => {
    const failure = (code: string, syscall: string) =>
      Object.assign(new Error(`${code}: ${syscall} failed`), { code, syscall });
    expect(
      ioError('dist/index.html', 'write this file of the site', failure('ENOSPC', 'write')),
    ).toEqual({
      severity: 'error',
      name: 'IoError',
      file: 'dist/index.html',
      line: 0,
      column: 0,
      message: 'Rubric could not write this file of the site: the disk is full (ENOSPC).',
      hint: 'Free some space on that disk, then build again.',
    });
    expect(ioError('posts/a.md', 'read this post', failure('EMFILE', 'open'))).toMatchObject({
      message: 'Rubric could not read this post: too many files are open at once (EMFILE).',
      hint: 'Raise the limit of open files (such as `ulimit -n 4096`), then build again.',
    });
    expect(ioError('posts/a.md', 'read this post', failure('EWHATEVER', 'open'))).toMatchObject({
      message: 'Rubric could not read this post: EWHATEVER: open failed (EWHATEVER).',
      hint: 'Check that the path exists and that Rubric may read and write it.',
    });
  });
});
