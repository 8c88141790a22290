/**
 * Symbolic links in a site: followed while they stay inside the site folder; a link out
 * of it, or a loop of links, fails the build with an error naming it, and nothing from
 * outside reaches the output or the preview.
 */
import { lstat, mkdir, readFile, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dev } from '../../src/dev/dev.js';
import { loadSite, reloadSite } from '../../src/load/load.js';
import { buildAt, listFiles, makeSite, post } from '../support/site.js';

const postA = post({ title: 'Alpha', date: '2025-01-01' });

/** A folder outside the site with files nobody should publish. */
async function outsideFolder() {
  return makeSite({ shadow: 'root:$6$secret:19000:0:99999:7:::\n', 'note.md': postA });
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('symbolic links out of the site', () => {
  it('fails on a static link to a folder outside, naming it, and copies nothing', async () => {
    const outside = await outsideFolder();
    const root = await makeSite({ 'posts/a.md': postA });
    await writeLink(outside, root, 'static/etc-link');
    const built = await buildAt(root, { cache: false });
    expect(built.result.ok).toBe(false);
    expect(built.result.errors).toEqual([
      {
        severity: 'error',
        name: 'SymlinkOutside',
        file: 'static/etc-link',
        line: 0,
        column: 0,
        message: `This symbolic link points to ${outside}, outside the site folder ${root}: Rubric never reads, copies or serves anything from outside it.`,
        hint: 'Copy the file or folder into the site instead, or point the link at a place inside the site folder.',
      },
    ]);
    expect(await exists(path.join(root, 'dist'))).toBe(false);
  });

  it('fails on links out of the site from posts/, templates/ and site.yaml', async () => {
    const outside = await outsideFolder();
    const root = await makeSite({ 'posts/a.md': postA, 'templates/partials/.keep': '' });
    await writeLink(path.join(outside, 'note.md'), root, 'posts/stolen.md');
    await writeLink(outside, root, 'posts/more');
    await writeLink(path.join(outside, 'shadow'), root, 'templates/partials/footer.hbs');
    await writeLink(path.join(outside, 'shadow'), root, 'site.yaml');
    const built = await buildAt(root, { cache: false });
    expect(built.result.errors.map((e) => [e.name, e.file])).toEqual([
      ['SymlinkOutside', 'posts/more'],
      ['SymlinkOutside', 'posts/stolen.md'],
      ['SymlinkOutside', 'site.yaml'],
      ['SymlinkOutside', 'templates/partials/footer.hbs'],
    ]);
    expect(built.result.errors[1]?.message).toContain(
      `points to ${path.join(outside, 'note.md')}, outside`,
    );
    expect(await exists(path.join(root, 'dist'))).toBe(false);
  });

  it('shows the link as written beside where it resolves', async () => {
    const outside = await outsideFolder();
    const root = await makeSite({ 'posts/a.md': postA });
    const written = path.relative(path.join(root, 'posts'), path.join(outside, 'note.md'));
    await symlink(written, path.join(root, 'posts', 'relative.md'));
    const built = await buildAt(root, { cache: false });
    expect(built.result.errors.map((e) => e.message)).toEqual([
      `This symbolic link points to ${written} (${path.join(outside, 'note.md')}), outside the site folder ${root}: Rubric never reads, copies or serves anything from outside it.`,
    ]);
  });

  it('never lets rubric dev serve a file from outside through a static link', async () => {
    const outside = await outsideFolder();
    const root = await makeSite({ 'posts/a.md': postA });
    await writeLink(outside, root, 'static/etc-link');
    const logged: string[] = [];
    const server = await dev({
      root,
      port: 0,
      strictPort: true,
      host: '127.0.0.1',
      cache: false,
      log: (line) => logged.push(line),
    });
    try {
      const res = await fetch(new URL('etc-link/shadow', server.url));
      expect(res.status).toBe(404);
      expect(logged).toContain(
        `static/etc-link  This symbolic link points to ${outside}, outside the site folder ${root}: Rubric never reads, copies or serves anything from outside it. Copy the file or folder into the site instead, or point the link at a place inside the site folder. [SymlinkOutside]`,
      );
    } finally {
      await server.close();
    }
  });

  it('notices a link out of the site made after the first load', async () => {
    const outside = await outsideFolder();
    const root = await makeSite({ 'posts/a.md': postA });
    const first = await loadSite(root);
    expect(first.errors).toEqual([]);
    await writeLink(path.join(outside, 'note.md'), root, 'posts/b.md');
    const again = await reloadSite(first, { posts: ['posts/b.md'], theme: false });
    expect(again.errors.map((e) => [e.name, e.file])).toEqual([['SymlinkOutside', 'posts/b.md']]);
    expect(again.posts.map((p) => p.path)).toEqual(['posts/a.md']);
  });
});

describe('symbolic links inside the site', () => {
  it('are followed, and a static link is written as a real file', async () => {
    const root = await makeSite({
      'posts/a.md': postA,
      'shared/b.md': post({ title: 'Beta', date: '2025-01-02' }),
      'archive/2024/c.md': post({ title: 'Gamma', date: '2024-05-01' }),
      'images/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    });
    await writeLink(path.join(root, 'shared/b.md'), root, 'posts/b.md');
    await symlink('../archive', path.join(root, 'posts', 'old'));
    await writeLink(path.join(root, 'images/logo.svg'), root, 'static/logo.svg');
    const built = await buildAt(root, { cache: false });
    expect(built.result.errors).toEqual([]);
    expect(built.result.postCount).toBe(3);
    expect((await built.page('/2025/01/b/'))('h1').text()).toBe('Beta');
    expect((await built.page('/2024/05/c/'))('h1').text()).toBe('Gamma');
    const logo = path.join(root, 'dist', 'logo.svg');
    expect((await lstat(logo)).isSymbolicLink()).toBe(false);
    expect(await readFile(logo, 'utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  });
});

describe('symbolic link loops', () => {
  it('name both links of a.md -> b.md -> a.md, once', async () => {
    const root = await makeSite({ 'posts/c.md': postA });
    await symlink('b.md', path.join(root, 'posts', 'a.md'));
    await symlink('a.md', path.join(root, 'posts', 'b.md'));
    const built = await buildAt(root, { cache: false });
    expect(built.result.errors).toEqual([
      {
        severity: 'error',
        name: 'SymlinkLoop',
        file: 'posts/a.md',
        line: 0,
        column: 0,
        message:
          'The symbolic links posts/a.md -> posts/b.md -> posts/a.md form a loop, so none of them leads to a file.',
        hint: 'Point one of them at a real file or folder, or delete them.',
      },
    ]);
  });

  it('report posts/self -> . as a loop, not as colliding URLs', async () => {
    const root = await makeSite({ 'posts/a.md': postA });
    await symlink('.', path.join(root, 'posts', 'self'));
    const built = await buildAt(root, { cache: false });
    expect(built.result.errors).toEqual([
      {
        severity: 'error',
        name: 'SymlinkLoop',
        file: 'posts/self',
        line: 0,
        column: 0,
        message:
          'This symbolic link points to the folder posts, which leads back to the link itself: following it would go round in a loop.',
        hint: 'Delete the link, or point it at a folder that does not hold it.',
      },
    ]);
  });

  it('report a link to the site folder and links that lead into each other', async () => {
    const root = await makeSite({ 'posts/a.md': postA, 'posts/x/.keep': '', 'posts/z/.keep': '' });
    await symlink('..', path.join(root, 'posts', 'up'));
    await symlink('../z', path.join(root, 'posts', 'x', 'to-z'));
    await symlink('../x', path.join(root, 'posts', 'z', 'to-x'));
    const built = await buildAt(root, { cache: false });
    expect(built.result.errors.map((e) => [e.name, e.file])).toEqual([
      ['SymlinkLoop', 'posts/up'],
      ['SymlinkLoop', 'posts/x/to-z'],
      ['SymlinkLoop', 'posts/z/to-x'],
    ]);
    expect(await listFiles(root)).not.toContain('dist/index.html');
  });
});

/** Makes `root/at` a symbolic link to `target`, its folders first. */
async function writeLink(target: string, root: string, at: string): Promise<void> {
  const link = path.join(root, at);
  await mkdir(path.dirname(link), { recursive: true });
  await symlink(target, link);
}
