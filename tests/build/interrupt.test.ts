/**
 * Interrupted builds: a real `rubric build` child process is killed (SIGKILL, SIGINT,
 * SIGTERM) at many points, while it stages files and inside the commit step (the
 * `RUBRIC_TEST_PAUSE_*` hooks make it stop at an exact file and say so). After each kill
 * the output folder must be the old site, the new site, or hold a committed journal; then
 * the next build, even one that fails on bad content, must leave the old or the new site
 * whole, and the build after it must equal a clean build byte for byte, with no staging
 * folder left anywhere.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { listFiles, makeSite, post, writeFiles } from '../support/site.js';

const BIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../bin/rubric.js');
// Under 50, so no build starts parser threads: the test is about the write stage.
const POSTS = 40;
const LABELS = ['Oman', 'Iran', 'Qatar', 'Iraq', 'Yemen', 'Egypt'];

/** The posts of the old site; the new one drops posts 1–10, adds 10 more, and retitles the site. */
function posts(from: number, to: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = from; i <= to; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    files[`posts/2024-${month}-${day}-post-${String(i)}.md`] = post(
      {
        title: `Dispatch ${String(i)}`,
        date: `2024-${month}-${day}`,
        labels: `${LABELS[i % LABELS.length] ?? ''}, ${LABELS[(i * 7) % LABELS.length] ?? ''}`,
      },
      `Notes from the talks, part ${String(i)}.`,
    );
  }
  return files;
}

const OLD = { 'site.yaml': 'title: Old Gazette\n', ...posts(1, POSTS) };
const NEW_POSTS = posts(11, POSTS + 10);

/** Every file of a folder with its bytes. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = await listFiles(folder);
  const contents = await Promise.all(files.map((f) => readFile(path.join(folder, f), 'latin1')));
  return new Map(files.map((f, i) => [f, contents[i] ?? '']));
}

/** Committed journals left in the staging place. */
async function journals(root: string): Promise<string[]> {
  const place = path.join(root, '.cache/rubric/staging');
  const names = await readdir(place).catch(() => [] as string[]);
  const found = await Promise.all(
    names.map((name) =>
      stat(path.join(place, name, 'commit.json')).then(
        () => name,
        () => null,
      ),
    ),
  );
  return found.filter((name) => name !== null);
}

interface Killed {
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
}

/** Runs `rubric build`, waits for its test pause, sends `signal`, and waits for it to end. */
function buildAndKill(
  root: string,
  pause: string,
  at: number,
  signal: NodeJS.Signals,
): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'build', '--root', root], {
      env: { ...process.env, NO_COLOR: '1', [`RUBRIC_TEST_PAUSE_${pause}`]: String(at) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && stderr.includes('rubric: test pause:')) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, got) => {
      if (!sent) reject(new Error(`the build never paused (exit ${String(code)}): ${stderr}`));
      else resolve({ code, signal: got });
    });
  });
}

describe('a build killed at any moment', () => {
  let template: string;
  let oldSite: Map<string, string>;
  let newSite: Map<string, string>;
  let moves: number;

  beforeAll(async () => {
    // Not makeSite's: its folders go after each test, and this one serves them all.
    template = await mkdtemp(path.join(tmpdir(), 'rubric-interrupt-'));
    await writeFiles(template, OLD);
    expect((await build({ root: template })).ok).toBe(true);
    oldSite = await snapshot(path.join(template, 'dist'));
    const clean = path.join(template, 'clean');
    await writeFiles(clean, { 'site.yaml': 'title: New Gazette\n', ...NEW_POSTS });
    expect((await build({ root: clean })).ok).toBe(true);
    newSite = await snapshot(path.join(clean, 'dist'));
    // Every page shows the site's title, so every page changes; style.css and robots.txt do not.
    moves = [...newSite].filter(([file, bytes]) => oldSite.get(file) !== bytes).length;
    expect(moves).toBeGreaterThan(50);
    expect(newSite.get('style.css')).toBe(oldSite.get('style.css'));
    await rm(clean, { recursive: true });
  }, 120_000);
  afterAll(() => rm(template, { recursive: true, force: true }));

  /** A copy of the built old site with the new content written over it. */
  async function siteToRebuild(): Promise<string> {
    const root = await makeSite({});
    await cp(template, root, { recursive: true, preserveTimestamps: true });
    for (const i of Array.from({ length: 10 }, (_, n) => n + 1)) {
      const name = Object.keys(posts(i, i))[0] ?? '';
      await rm(path.join(root, name));
    }
    await writeFiles(root, {
      'site.yaml': 'title: New Gazette\n',
      ...posts(POSTS + 1, POSTS + 10),
    });
    return root;
  }

  /** Which whole site a folder holds: 'old', 'new', or 'mixed'. */
  async function whichSite(folder: string): Promise<'old' | 'new' | 'mixed'> {
    const now = await snapshot(folder);
    const same = (site: Map<string, string>) =>
      now.size === site.size && [...site].every(([file, bytes]) => now.get(file) === bytes);
    return same(oldSite) ? 'old' : same(newSite) ? 'new' : 'mixed';
  }

  /** Where to pause (after N files staged or moved), the signal, and what must follow. */
  const cases: [point: string, signal: NodeJS.Signals, after: 'old' | 'new' | 'journal'][] = [
    ['STAGE 1', 'SIGKILL', 'old'],
    ['STAGE half', 'SIGKILL', 'old'],
    ['STAGE 1', 'SIGINT', 'old'],
    ['COMMIT 0', 'SIGKILL', 'journal'],
    ['COMMIT 1', 'SIGKILL', 'journal'],
    ['COMMIT third', 'SIGKILL', 'journal'],
    ['COMMIT last-1', 'SIGKILL', 'journal'],
    ['COMMIT last', 'SIGKILL', 'journal'],
    ['COMMIT half', 'SIGINT', 'new'],
    ['COMMIT 1', 'SIGTERM', 'new'],
  ];
  const count = (at: string) =>
    ({
      half: Math.floor(moves / 2),
      third: Math.floor(moves / 3),
      'last-1': moves - 1,
      last: moves,
    })[at] ?? Number(at);

  it.each(cases)(
    'paused at %s, killed with %s: then %s, and the next builds repair and match a clean build',
    async (point, signal, after) => {
      const [pause = '', at = ''] = point.split(' ');
      const root = await siteToRebuild();
      const dist = path.join(root, 'dist');
      const css = await stat(path.join(dist, 'style.css'));

      const killed = await buildAndKill(root, pause, count(at), signal);
      // A held Ctrl+C or SIGTERM still ends the build by that signal, once the commit is done.
      expect(killed.signal).toBe(signal);
      const state = await whichSite(dist);
      if (after === 'journal') {
        expect(await journals(root)).toHaveLength(1);
      } else {
        expect(state).toBe(after);
        expect(await journals(root)).toEqual([]);
      }

      // The next build fails on bad content, yet first finishes the killed one's commit.
      await writeFiles(root, { 'posts/broken.md': '---\ntitle: [unclosed\n---\n' });
      const failed = await build({ root });
      expect(failed.ok).toBe(false);
      expect(await whichSite(dist)).toBe(after === 'journal' ? 'new' : after);
      expect(await journals(root)).toEqual([]);

      await rm(path.join(root, 'posts/broken.md'));
      expect((await build({ root })).ok).toBe(true);
      expect(await whichSite(dist)).toBe('new');
      // Staging is gone, beside dist/ and in the cache; unchanged files kept inode and time.
      expect(await readdir(path.join(root, '.cache/rubric'))).not.toContain('staging');
      expect((await readdir(root)).filter((name) => name.includes('rubric'))).toEqual([]);
      const cssAfter = await stat(path.join(dist, 'style.css'));
      expect([cssAfter.ino, cssAfter.mtimeMs]).toEqual([css.ino, css.mtimeMs]);
    },
    120_000,
  );

  it('removes the staging folders of earlier versions beside the output folder', async () => {
    const root = await siteToRebuild();
    await writeFiles(root, { '.dist.rubric-0a1b2c3d/index.html': 'half a site\n' });
    expect((await build({ root })).ok).toBe(true);
    expect((await readdir(root)).filter((name) => name.includes('rubric'))).toEqual([]);
  }, 60_000);
});
