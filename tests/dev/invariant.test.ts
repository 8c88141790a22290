/**
 * The invariant of watch mode: after any sequence of edits, the output folder is byte for
 * byte what a fresh `rubric build` of the same sources writes. fast-check draws random
 * sequences of the edits watch mode must handle; after each step the dev output (built
 * in place by the rebuilder) is compared with a fresh build into another folder.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { createRebuilder } from '../../src/dev/rebuild.js';
import { listFiles, makeSite, NOW, writeFiles } from '../support/site.js';

interface PostModel {
  title: string;
  day: number;
  labels: string[];
  body: string;
  draft: boolean;
  /** A page of the site (`page: true`) rather than a post. */
  page: boolean;
  broken: boolean;
}

interface SiteModel {
  posts: Map<string, PostModel>;
  postsPerPage: number;
  title: string;
  templateMark: string;
  partialMark: string;
  statics: Map<string, string>;
  /** Comment bodies by the post file they are beside (which may have been renamed away). */
  comments: Map<string, string[]>;
}

const LABELS = ['Oman', 'nuclear talks', 'Sécurité', 'Iran'];
const WORDS = ['alpha', 'beta', 'gamma', 'delta'];

function postText(p: PostModel): string {
  if (p.broken) return `---\ntitle: ${p.title}\ndate: [not a date\n---\n\n${p.body}\n`;
  const labels = p.labels.length > 0 ? `labels: ${JSON.stringify(p.labels)}\n` : '';
  const draft = `${p.draft ? 'draft: true\n' : ''}${p.page ? 'page: true\n' : ''}`;
  const day = String(p.day).padStart(2, '0');
  return `---\ntitle: ${JSON.stringify(p.title)}\ndate: 2025-03-${day}\n${labels}${draft}---\n\n${p.body}\n`;
}

function siteFiles(model: SiteModel): Map<string, string> {
  const files = new Map<string, string>();
  for (const [file, p] of model.posts) files.set(file, postText(p));
  files.set(
    'site.yaml',
    `title: ${JSON.stringify(model.title)}\npostsPerPage: ${model.postsPerPage}\n`,
  );
  if (model.templateMark !== '') {
    files.set(
      'templates/home.hbs',
      `<p class="mark">${model.templateMark}</p>\n{{#each posts}}{{> post-card this}}{{/each}}\n{{> pager pager}}\n`,
    );
  }
  if (model.partialMark !== '') {
    files.set(
      'templates/partials/byline.hbs',
      `<p class="post-byline">${model.partialMark} {{author}}</p>\n`,
    );
  }
  for (const [file, text] of model.statics) files.set(`static/${file}`, text);
  for (const [file, bodies] of model.comments) {
    files.set(file.replace(/\.md$/, '.comments.yaml'), commentsText(bodies));
  }
  return files;
}

/** A thread in the importer's shape: each comment answers the one before it. */
function commentsText(bodies: readonly string[]): string {
  return bodies
    .map(
      (body, i) =>
        `- id: '${i + 1}'\n  date: 2025-04-0${(i % 9) + 1}T10:00\n${i > 0 ? `  replyTo: '${i}'\n` : ''}  body: ${body}\n`,
    )
    .join('');
}

/** One edit: a function of the model that changes it in place, named for counterexamples. */
interface Edit {
  readonly name: string;
  readonly apply: (model: SiteModel) => void;
}

const named = (name: string, apply: (model: SiteModel) => void): Edit =>
  Object.assign({ name, apply }, { [fc.toStringMethod]: () => name });

const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items[n % Math.max(1, items.length)];
const postKey = (model: SiteModel, n: number) => pick([...model.posts.keys()].sort(), n);
const onPost = (n: number, change: (p: PostModel) => void) => (model: SiteModel) => {
  const key = postKey(model, n);
  const p = key === undefined ? undefined : model.posts.get(key);
  if (p) change(p);
};

const edit: fc.Arbitrary<Edit> = fc
  .oneof(
    fc.tuple(fc.nat(), fc.constantFrom(...WORDS)).map(([n, w]) => ({
      name: `body ${n} ${w}`,
      apply: onPost(n, (p) => (p.body = `${p.body} ${w}`)),
    })),
    fc.tuple(fc.nat(), fc.constantFrom(...WORDS)).map(([n, w]) => ({
      name: `title ${n} ${w}`,
      apply: onPost(n, (p) => (p.title = `${w} ${String(n % 7)}`)),
    })),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 28 })).map(([n, day]) => ({
      name: `date ${n} ${day}`,
      apply: onPost(n, (p) => (p.day = day)),
    })),
    fc.tuple(fc.nat(), fc.constantFrom(...LABELS)).map(([n, label]) => ({
      name: `label add ${n} ${label}`,
      apply: onPost(n, (p) => {
        if (!p.labels.includes(label)) p.labels.push(label);
      }),
    })),
    fc.tuple(fc.nat(), fc.nat()).map(([n, i]) => ({
      name: `label remove ${n} ${i}`,
      apply: onPost(n, (p) => p.labels.splice(i % Math.max(1, p.labels.length), 1)),
    })),
    fc
      .tuple(fc.constantFrom(...LABELS), fc.constantFrom(...LABELS, 'Renamed'))
      .map(([from, to]) => ({
        name: `label rename ${from} ${to}`,
        apply: (model: SiteModel) => {
          for (const p of model.posts.values()) {
            p.labels = [...new Set(p.labels.map((l) => (l === from ? to : l)))];
          }
        },
      })),
    fc.tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom(...LABELS)).map(([day, label]) => ({
      name: `add post ${day}`,
      apply: (model: SiteModel) => {
        const file = `posts/new-${day}-${model.posts.size}.md`;
        model.posts.set(file, {
          title: `New ${day}`,
          day,
          labels: [label],
          body: 'New.',
          draft: false,
          page: false,
          broken: false,
        });
      },
    })),
    fc.nat().map((n) => ({
      name: `delete post ${n}`,
      apply: (model: SiteModel) => {
        const key = postKey(model, n);
        if (key !== undefined && model.posts.size > 1) model.posts.delete(key);
      },
    })),
    fc.nat().map((n) => ({
      name: `rename post ${n}`,
      apply: (model: SiteModel) => {
        const key = postKey(model, n);
        const p = key === undefined ? undefined : model.posts.get(key);
        if (key === undefined || !p) return;
        model.posts.delete(key);
        model.posts.set(key.replace(/\.md$/, '-moved.md'), p);
      },
    })),
    fc.tuple(fc.nat(), fc.constantFrom(...WORDS)).map(([n, w]) => ({
      name: `comment ${n} ${w}`,
      apply: (model: SiteModel) => {
        const key = postKey(model, n);
        if (key !== undefined) model.comments.set(key, [...(model.comments.get(key) ?? []), w]);
      },
    })),
    fc.nat().map((n) => ({
      name: `delete comments ${n}`,
      apply: (model: SiteModel) => {
        const key = pick([...model.comments.keys()].sort(), n);
        if (key !== undefined) model.comments.delete(key);
      },
    })),
    fc.nat().map((n) => ({ name: `draft ${n}`, apply: onPost(n, (p) => (p.draft = !p.draft)) })),
    fc.nat().map((n) => ({ name: `page ${n}`, apply: onPost(n, (p) => (p.page = !p.page)) })),
    fc.nat().map((n) => ({ name: `break ${n}`, apply: onPost(n, (p) => (p.broken = !p.broken)) })),
    fc.constantFrom('', 'one', 'two').map((mark) => ({
      name: `template ${mark}`,
      apply: (model: SiteModel) => (model.templateMark = mark),
    })),
    fc.constantFrom('', 'by', 'written by').map((mark) => ({
      name: `partial ${mark}`,
      apply: (model: SiteModel) => (model.partialMark = mark),
    })),
    fc
      .tuple(fc.constantFrom('a.txt', 'img/b.txt', 'style.css'), fc.constantFrom('', 'x', 'y'))
      .map(([file, text]) => ({
        name: `static ${file} ${text}`,
        apply: (model: SiteModel) => {
          if (text === '') model.statics.delete(file);
          else model.statics.set(file, text);
        },
      })),
    fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('Blog', 'Other'))
      .map(([perPage, title]) => ({
        name: `site.yaml ${perPage} ${title}`,
        apply: (model: SiteModel) => {
          model.postsPerPage = perPage;
          model.title = title;
        },
      })),
  )
  .map((e) => named(e.name, e.apply));

function initialModel(): SiteModel {
  const posts = new Map<string, PostModel>();
  const seed: [string, number, string[]][] = [
    ['posts/a.md', 3, ['Oman']],
    ['posts/b.md', 5, ['Oman', 'Iran']],
    ['posts/c.md', 8, ['nuclear talks']],
    ['posts/2025/d.md', 12, ['Iran', 'Sécurité']],
  ];
  for (const [file, day, labels] of seed) {
    posts.set(file, {
      title: `Post ${file}`,
      day,
      labels,
      body: `Body of ${file}.`,
      draft: false,
      page: false,
      broken: false,
    });
  }
  return {
    posts,
    postsPerPage: 2,
    title: 'Blog',
    templateMark: '',
    partialMark: '',
    statics: new Map(),
    comments: new Map([['posts/b.md', ['First']]]),
  };
}

/** Writes the model's files and deletes the ones it no longer has; returns the paths that changed. */
async function sync(
  root: string,
  before: Map<string, string>,
  after: Map<string, string>,
): Promise<string[]> {
  const changed: string[] = [];
  const written: Record<string, string> = {};
  for (const [file, text] of after) {
    if (before.get(file) !== text) {
      written[file] = text;
      changed.push(file);
    }
  }
  await writeFiles(root, written);
  for (const file of before.keys()) {
    if (!after.has(file)) {
      await rm(path.join(root, file));
      changed.push(file);
    }
  }
  return changed;
}

async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = await listFiles(folder);
  const entries = await Promise.all(
    files.map(async (f) => [f, await readFile(path.join(folder, f), 'utf8')] as const),
  );
  return new Map(entries);
}

describe('watch mode output', () => {
  it('is byte for byte a fresh build after any sequence of edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const model = initialModel();
        let files = siteFiles(model);
        const root = await makeSite(Object.fromEntries(files));
        const freshOut = path.join(root, '..', `${path.basename(root)}-fresh`);
        const rebuilder = createRebuilder({ root, now: () => NOW });
        try {
          expect((await rebuilder.rebuild()).run.errors).toEqual([]);
          for (const step of edits) {
            step.apply(model);
            const next = siteFiles(model);
            const changed = await sync(root, files, next);
            files = next;
            const dev = await rebuilder.rebuild(changed);
            const fresh = await build({ root, outDir: freshOut, now: NOW });
            expect(dev.run.errors.map((e) => e.name)).toEqual(fresh.errors.map((e) => e.name));
            if (fresh.ok)
              expect(await snapshot(rebuilder.outDir)).toEqual(await snapshot(freshOut));
          }
        } finally {
          await rm(freshOut, { recursive: true, force: true });
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
