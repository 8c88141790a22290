/**
 * The sidebar in the site view: no counts, and the same object across routings while its
 * labels, years and months stay the same, so `rubric dev` re-renders no page for it.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/config.js';
import { buildSite, createModelMemo } from '../../src/model/site.js';
import { createMarkdownRenderer } from '../../src/parse/markdown.js';
import { parsePost, type Post } from '../../src/parse/post.js';
import { createRouteMemo, routeSite } from '../../src/route/pages.js';
import type { SiteView } from '../../src/route/view.js';

const renderMarkdown = createMarkdownRenderer();
const { config } = readConfig('baseUrl: https://example.org/\n');

function parsed(name: string, date: string, labels: string, body = 'Body.'): Post {
  const text = `---\ntitle: ${name}\ndate: ${date}\nlabels: ${labels}\n---\n\n${body}\n`;
  const { post } = parsePost({ path: `posts/${name}.md`, text }, 'UTC', renderMarkdown);
  if (!post) throw new Error(`${name} did not parse`);
  return post;
}

function router() {
  const modelMemo = createModelMemo();
  const routeMemo = createRouteMemo();
  const options = { drafts: false, future: false, now: Date.parse('2026-01-01') };
  return (posts: readonly Post[]): SiteView => {
    const { site } = buildSite(posts, config, options, modelMemo);
    const { pages, errors } = routeSite(site, [], routeMemo);
    expect(errors).toEqual([]);
    const home = pages.find((page) => page.url === '/');
    if (home?.template !== 'home') throw new Error('no home page');
    return home.data.site;
  };
}

const a = parsed('a', '2024-12-01', 'Oman');
const b = parsed('b', '2025-03-01', 'Oman, Iran');

describe('the sidebar in the site view', () => {
  it('holds labels and the archive without counts', () => {
    const view = router()([a, b]);
    expect(view.labels).toEqual([
      { name: 'Iran', url: '/labels/iran/' },
      { name: 'Oman', url: '/labels/oman/' },
    ]);
    expect(view.archive).toEqual([
      {
        year: '2025',
        url: '/2025/',
        months: [
          { year: '2025', month: '03', name: 'March', title: 'March 2025', url: '/2025/03/' },
        ],
      },
      { year: '2024', url: '/2024/', months: [] },
    ]);
  });

  it('is the same object after a body edit, a relabel to a known label or a post in a known month', () => {
    const route = router();
    const first = route([a, b]);
    expect(route([a, parsed('b', '2025-03-01', 'Oman, Iran', 'Edited.')])).toBe(first);
    // Iran now has two posts and Oman one: counts moved, the sidebar did not.
    expect(route([parsed('a', '2024-12-01', 'Iran'), b])).toBe(first);
    const c = parsed('c', '2025-03-20', 'Iran');
    expect(route([parsed('a', '2024-12-01', 'Iran'), b, c])).toBe(first);
  });

  it('is a new object when a label, a month or a year appears', () => {
    const route = router();
    const first = route([a, b]);
    const labelled = route([a, b, parsed('c', '2025-03-20', 'Qatar')]);
    expect(labelled).not.toBe(first);
    expect(labelled.labels.map((label) => label.name)).toEqual(['Iran', 'Oman', 'Qatar']);
    const month = route([a, b, parsed('c', '2025-04-02', 'Qatar')]);
    expect(month).not.toBe(labelled);
    expect(month.archive[0]?.months.map((m) => m.month)).toEqual(['04', '03']);
    expect(route([a, b, parsed('c', '2025-04-02', 'Qatar')])).toBe(month);
  });
});
