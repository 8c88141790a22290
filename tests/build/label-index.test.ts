/** The label index at /labels/ (a list or a cloud, with counts) and the sidebar's labels. */
import type { CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildSite, post } from '../support/site.js';

/** Labels used 1, 2, 4 and 8 times. */
const site: Record<string, string> = {};
const uses: [string, number][] = [
  ['zebra', 1],
  ['Oman', 2],
  ['économie', 4],
  ['Iran', 8],
];
let n = 0;
for (const [label, count] of uses) {
  for (let i = 0; i < count; i += 1) {
    n += 1;
    site[`posts/p${n}.md`] = post({
      title: `P${n}`,
      date: `2025-01-${String(n).padStart(2, '0')}`,
      labels: label,
    });
  }
}

const entries = ($: CheerioAPI, list: string) =>
  $(`${list} li`)
    .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
    .get();

describe('the label index', () => {
  it('lists every label sorted by name as the language sorts, with counts', async () => {
    const built = await buildSite(site);
    const $ = await built.page('/labels/');
    expect($('h1').text()).toBe('Labels');
    expect(entries($, 'main .label-list')).toEqual([
      'économie (4)',
      'Iran (8)',
      'Oman (2)',
      'zebra (1)',
    ]);
    expect($('main .label-list a').first().attr('href')).toBe('/labels/%C3%A9conomie/');
    expect($('main .label-cloud')).toHaveLength(0);
  });

  it('is a cloud weighted by count with labelIndex: cloud', async () => {
    const built = await buildSite({ ...site, 'site.yaml': 'labelIndex: cloud\n' });
    const $ = await built.page('/labels/');
    expect(entries($, 'main .label-cloud')).toEqual([
      'économie (4)',
      'Iran (8)',
      'Oman (2)',
      'zebra (1)',
    ]);
    expect(
      $('main .label-cloud li')
        .map((_, li) => $(li).attr('class'))
        .get(),
    ).toEqual(['label-weight-4', 'label-weight-5', 'label-weight-2', 'label-weight-1']);
    expect($('main .label-list')).toHaveLength(0);
  });

  it('rejects another labelIndex', async () => {
    const built = await buildSite({ ...site, 'site.yaml': 'labelIndex: table\n' });
    expect(built.result.errors).toMatchObject([
      { name: 'ConfigInvalid', file: 'site.yaml', line: 1, column: 13 },
    ]);
  });
});

describe('the labels sidebar widget', () => {
  it('is on every page, as names and links without counts, whatever labelIndex says', async () => {
    const built = await buildSite(site);
    for (const url of ['/', '/2025/01/p1/', '/labels/iran/', '/archive/', '/404.html']) {
      const $ = await built.page(url);
      expect(entries($, 'aside .labels-widget .label-list')).toEqual([
        'économie',
        'Iran',
        'Oman',
        'zebra',
      ]);
      expect($('aside .labels-widget .label-list a').first().attr('href')).toMatch(
        /^\/labels\/.+\/$/,
      );
    }
    // The cloud is for /labels/: its sizes come from counts, which the sidebar leaves out.
    const cloud = await buildSite({ ...site, 'site.yaml': 'labelIndex: cloud\n' });
    const $ = await cloud.page('/');
    expect($('aside .labels-widget .label-cloud')).toHaveLength(0);
    expect($('aside .labels-widget .label-list li')).toHaveLength(4);
    expect((await cloud.page('/labels/'))('main .label-cloud li')).toHaveLength(4);
  });

  it('can be used by a custom theme as a partial, with the fill and plural helpers', async () => {
    const built = await buildSite({
      ...site,
      'templates/layout.hbs': [
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>',
        '{{{body}}}<aside>{{> sidebar-labels}}</aside>',
        '<p id="fill">{{fill words.pageN n="<3>"}}</p>',
        '<p id="plural">{{plural 1 words.postsOne words.postsOther}}; {{plural 2 "label" "labels"}}</p>',
        '</body></html>',
      ].join('\n'),
    });
    const $ = await built.page('/');
    expect($('aside .label-list li')).toHaveLength(4);
    expect($('#fill').text()).toBe('Page <3>');
    expect($('#plural').text()).toBe('1 post; 2 labels');
  });
});
