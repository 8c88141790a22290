/**
 * What `rubric import --comments` writes is what the build reads: imported comments are
 * shown under their post with no warning, their HTML turned into safe markup.
 */
import { describe, expect, it } from 'vitest';
import { buildAt, makeSite } from '../support/site.js';
import { CLASSIC, importInto } from './support.js';
import { importWxr } from './wordpress-support.js';

describe('imported comments', () => {
  it('are shown under their Blogger post', async () => {
    const root = await makeSite({});
    await importInto(root, CLASSIC, { comments: true });
    const site = await buildAt(root);
    expect(site.result.errors).toEqual([]);
    expect(site.result.warnings.filter((w) => w.name.startsWith('Comment'))).toEqual([]);
    const $ = await site.page('/2025/03/omans-quiet-channel/');
    expect($('.comment .comment-author').text()).toBe('A Reader');
    expect($('.comment .comment-body em').text()).toBe('clear');
    expect($('.comment .comment-body').text()).toContain('Great piece & very clear.');
  });

  it('are shown threaded under their WordPress post', async () => {
    const root = await makeSite({});
    await importWxr(root);
    const site = await buildAt(root);
    expect(site.result.errors).toEqual([]);
    expect(site.result.warnings.filter((w) => w.name.startsWith('Comment'))).toEqual([]);
    const $ = await site.page('/2024/03/a-week-in-muscat/');
    expect($('#comment-11 > .comment-list > #comment-12 .comment-author').text()).toBe(
      'Layla Haddad',
    );
    expect($('#comment-11 .comment-body br')).toHaveLength(1);
  });
});
