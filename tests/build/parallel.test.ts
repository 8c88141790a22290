/**
 * Parsing on worker threads gives the same site as parsing on the main thread, byte for
 * byte, and the same errors and warnings. Workers run the compiled `lib/`, so `npm test`
 * compiles first; run `npm run compile` before running this file alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAt, listFiles, makeSite, post } from '../support/site.js';

const bodies = [
  'Plain *emphasis*, **strong**, `code` and a [link](https://example.org/?a=1&b=2).',
  '## Heading\n\n- one\n- two\n\n> quoted\n\n| a | b |\n| - | :-: |\n| 1 | 2 |',
  '```ts\nconst x = 1 < 2;\n```\n\nwww.example.com and ~~gone~~ and [^1]\n\n[^1]: A note.',
  'Before the break.\n\n<!-- more -->\n\nAfter the <b>break</b>.',
  '- [ ] task\n- [x] done\n\nÉté, Россия, 中东 & “quotes”.',
];

function posts(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    files[`posts/2024-${month}-${day}-post-${i}.md`] = post(
      {
        title: `"Post ${i}: Q&A"`,
        date: `2024-${month}-${day} ${String(i % 24).padStart(2, '0')}:00`,
        labels: i % 3 === 0 ? 'Iran, Oman' : 'foreign relations of iran',
      },
      bodies[i % bodies.length],
    );
  }
  return files;
}

async function contents(folder: string): Promise<Record<string, string>> {
  const files = await listFiles(folder);
  return Object.fromEntries(
    await Promise.all(files.map(async (f) => [f, await readFile(path.join(folder, f), 'utf8')])),
  ) as Record<string, string>;
}

describe('parsing on worker threads', () => {
  it('writes byte-identical output to parsing on the main thread', async () => {
    const root = await makeSite(posts(40));
    const threaded = await buildAt(root, {
      cache: false,
      parallelFrom: 1,
      outDir: path.join(root, 'threaded'),
    });
    const single = await buildAt(root, {
      cache: false,
      parallelFrom: Infinity,
      outDir: path.join(root, 'single'),
    });
    expect(threaded.result.ok).toBe(true);
    expect(threaded.result.postCount).toBe(40);
    const expected = await contents(path.join(root, 'single'));
    expect(Object.keys(expected).length).toBeGreaterThan(40);
    expect(await contents(path.join(root, 'threaded'))).toEqual(expected);
    expect(threaded.result.warnings).toEqual(single.result.warnings);
  });

  it('reports the same errors and warnings', async () => {
    const root = await makeSite({
      ...posts(12),
      'posts/bad-date.md': '---\ntitle: Bad\ndate: 2025-13-40\n---\n',
      'posts/no-title.md': '---\ndate: 2025-01-01\nlables: x\n---\n',
      'posts/broken.md': '---\ntitle: [unclosed\n---\n',
    });
    const threaded = await buildAt(root, { cache: false, parallelFrom: 1 });
    const single = await buildAt(root, { cache: false, parallelFrom: Infinity });
    expect(threaded.result.errors.length).toBeGreaterThanOrEqual(3);
    expect(threaded.result.errors).toEqual(single.result.errors);
    expect(threaded.result.warnings).toEqual(single.result.warnings);
  });

  it('writes what it parsed on threads to the cache, for the next build', async () => {
    const root = await makeSite(posts(20));
    const cold = await buildAt(root, { parallelFrom: 1, outDir: path.join(root, 'cold') });
    const warm = await buildAt(root, { parallelFrom: 1, outDir: path.join(root, 'warm') });
    expect(cold.result.cachedPosts).toBe(0);
    expect(warm.result.cachedPosts).toBe(20);
    expect(await contents(path.join(root, 'warm'))).toEqual(
      await contents(path.join(root, 'cold')),
    );
  });
});
