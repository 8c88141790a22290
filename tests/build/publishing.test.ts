/** Drafts and future posts: left out unless asked for, and said so. */
import { describe, expect, it } from 'vitest';
import { buildSite, NOW, post } from '../support/site.js';

const files = {
  'posts/published.md': post({ title: 'Published', date: '2025-06-01', labels: 'Oman' }),
  'posts/draft.md': post({ title: 'Draft', date: '2025-06-02', labels: 'Oman', draft: 'true' }),
  'posts/future.md': post({ title: 'Future', date: '2026-03-01T09:00', labels: 'Gulf' }),
};

describe('drafts', () => {
  it('are left out of every page and list by default', async () => {
    const built = await buildSite(files);
    expect(built.result.errors).toEqual([]);
    expect(built.result.draftCount).toBe(1);
    expect(await built.exists('/2025/06/draft/')).toBe(false);
    const label = await built.page('/labels/oman/');
    expect(label('.post-title').text()).toBe('Published');
    const index = await built.page('/labels/');
    expect(index('.label-index li').text().replace(/\s+/g, ' ').trim()).toBe('Oman (1)');
  });

  it('are built with drafts: true', async () => {
    const built = await buildSite(files, { drafts: true });
    expect(await built.exists('/2025/06/draft/')).toBe(true);
    const label = await built.page('/labels/oman/');
    expect(
      label('.post-title')
        .map((_, h) => label(h).text())
        .get(),
    ).toEqual(['Draft', 'Published']);
  });
});

describe('future posts', () => {
  it('are held back and listed with when they are due', async () => {
    const built = await buildSite(files);
    expect(await built.exists('/2026/03/future/')).toBe(false);
    expect(await built.exists('/labels/gulf/')).toBe(false);
    expect(built.result.heldBack).toEqual([
      { source: 'posts/future.md', due: '2026-03-01 09:00 (UTC)' },
    ]);
  });

  it('are built with future: true', async () => {
    const built = await buildSite(files, { future: true });
    expect(await built.exists('/2026/03/future/')).toBe(true);
    expect(built.result.heldBack).toEqual([]);
  });

  it('are published once their time has come', async () => {
    const built = await buildSite(files, { now: NOW + 365 * 24 * 3600 * 1000 });
    expect(await built.exists('/2026/03/future/')).toBe(true);
  });
});
