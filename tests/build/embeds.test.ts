/**
 * Issue 14 part 2: embeds. `::youtube`, `::vimeo`, `::iframe` and `::figure` directives
 * (and Hugo's shortcodes for them) become lazy, titled, privacy-friendly frames and
 * figures; a bad one is a warning at its place and is shown as written; a colon in prose
 * stays text.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/site.js';

const SITE = 'title: Harbour Notes\nbaseUrl: https://harbour.example/\ntimezone: UTC\n';

/** A post file: front matter (5 lines, then a blank line), so the body starts on line 7. */
function postFile(title: string, date: string, body: string): string {
  return `---\ntitle: ${title}\ndate: ${date}\nlabels: [video]\n---\n\n${body}\n`;
}

const EMBEDS = postFile(
  'Filming the harbour',
  '2025-03-02',
  `We filmed the morning market twice.

::youtube[The morning market, first take]{#M7lc1UVf-VE}

The second take is on Vimeo:

::vimeo{#76979871}

Where the boats tie up:

::iframe{src="https://www.openstreetmap.org/export/embed.html?bbox=58.5,23.5,58.7,23.7" title="Map of the harbour"}

::iframe{src="https://tides.example/widget" title="Tide table" height="400"}

::figure{src="boats.svg" alt="Three dhows at the quay" caption="Dhows at dawn, 2019"}

::figure[The quay, *before* the rebuild]{src="/images/quay.svg" alt="The quay, full size" link="https://photos.example/quay"}`,
);

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"></svg>';

async function buildEmbeds() {
  return buildSite(
    {
      'site.yaml': SITE,
      'posts/2025-03-02-filming/index.md': EMBEDS,
      'posts/2025-03-02-filming/boats.svg': SVG,
      'static/images/quay.svg': SVG,
    },
    { cache: false },
  );
}

function attributes(frame: Cheerio<Element>): Record<string, string> {
  return { ...frame.attr() };
}

describe('embed directives', () => {
  it('makes lazy, titled players from YouTube’s no-cookie host and Vimeo without tracking', async () => {
    const built = await buildEmbeds();
    expect(built.result.warnings).toEqual([]);
    const $ = await built.page('/2025/03/filming/');
    const frames = $('.post-body iframe');
    expect(frames.length).toBe(4);
    const youtube = frames.eq(0);
    expect(youtube.parent().attr('class')).toBe('embed embed-video embed-youtube');
    expect(attributes(youtube)).toEqual({
      src: 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE',
      title: 'The morning market, first take',
      width: '560',
      height: '315',
      loading: 'lazy',
      allow: 'autoplay; encrypted-media; fullscreen; picture-in-picture',
      referrerpolicy: 'strict-origin-when-cross-origin',
    });
    expect(new URL(youtube.attr('src') ?? '').host).toBe('www.youtube-nocookie.com');
    const vimeo = frames.eq(1);
    expect(vimeo.parent().attr('class')).toBe('embed embed-video embed-vimeo');
    const vimeoUrl = new URL(vimeo.attr('src') ?? '');
    expect([vimeoUrl.host, vimeoUrl.pathname, vimeoUrl.searchParams.get('dnt')]).toEqual([
      'player.vimeo.com',
      '/video/76979871',
      '1',
    ]);
    expect([vimeo.attr('title'), vimeo.attr('loading')]).toEqual(['Vimeo video', 'lazy']);
  });

  it('frames another site’s page sandboxed, with its title, and a height when given', async () => {
    const $ = await (await buildEmbeds()).page('/2025/03/filming/');
    const [map, tides] = $('.post-body .embed-frame iframe')
      .toArray()
      .map((f) => $(f));
    expect(map && attributes(map)).toEqual({
      src: 'https://www.openstreetmap.org/export/embed.html?bbox=58.5,23.5,58.7,23.7',
      title: 'Map of the harbour',
      loading: 'lazy',
      sandbox:
        'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms allow-presentation',
      referrerpolicy: 'strict-origin-when-cross-origin',
    });
    expect(tides && [tides.attr('title'), tides.attr('height'), tides.attr('allow')]).toEqual([
      'Tide table',
      '400',
      undefined,
    ]);
  });

  it('makes a figure with a lazy, sized image and its caption, from text or Markdown', async () => {
    const $ = await (await buildEmbeds()).page('/2025/03/filming/');
    const figures = $('.post-body figure.embed-figure');
    expect(figures.length).toBe(2);
    const boats = figures.eq(0);
    expect(attributes(boats.children('img'))).toEqual({
      // The bundle's file, written from the site root as for any image of a bundle.
      src: '/2025/03/filming/boats.svg',
      alt: 'Three dhows at the quay',
      width: '400',
      height: '300',
      loading: 'lazy',
    });
    expect(boats.children('figcaption').text()).toBe('Dhows at dawn, 2019');
    const quay = figures.eq(1);
    expect(quay.children('a').attr('href')).toBe('https://photos.example/quay');
    expect(quay.find('> a > img').attr('src')).toBe('/images/quay.svg');
    expect(quay.find('> a > img').attr('alt')).toBe('The quay, full size');
    expect(quay.children('figcaption').html()).toBe('The quay, <em>before</em> the rebuild');
  });

  it('writes valid HTML for every kind of embed', async () => {
    const built = await buildEmbeds();
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const report = await validator.validateString(await built.text('/2025/03/filming/'));
    expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
  });

  it('puts a figure’s image through the link check like any image', async () => {
    const built = await buildSite(
      {
        'site.yaml': SITE,
        'posts/2025-03-03-lost.md': postFile(
          'A lost picture',
          '2025-03-03',
          'Intro.\n\n::figure{src="/images/gone.png" alt="Gone"}',
        ),
      },
      { cache: false },
    );
    expect(
      built.result.warnings.map(({ name, file, line, column }) => [name, file, line, column]),
    ).toEqual([['BrokenLink', 'posts/2025-03-03-lost.md', 9, 1]]);
  });
});

describe('Hugo’s embed shortcodes', () => {
  const DIRECTIVES = [
    '::youtube{#M7lc1UVf-VE}',
    '::youtube{#M7lc1UVf-VE title="The market"}',
    '::vimeo{#76979871}',
    '::figure{src="/images/quay.svg" alt="The quay" caption="The quay in 2019"}',
    '::youtube{#M7lc1UVf-VE}',
  ];
  const SHORTCODES = [
    '{{< youtube M7lc1UVf-VE >}}',
    '{{< youtube id="M7lc1UVf-VE" title="The market" >}}',
    '{{< vimeo 76979871 >}}',
    '{{< figure src="/images/quay.svg" alt="The quay" caption="The quay in 2019" >}}',
    '{{% youtube M7lc1UVf-VE %}}',
  ];

  it('render exactly what the directives render, with no template warning', async () => {
    const built = await buildSite(
      {
        'site.yaml': SITE,
        'static/images/quay.svg': SVG,
        'posts/2025-04-01-directives.md': postFile(
          'Directives',
          '2025-04-01',
          DIRECTIVES.join('\n\n'),
        ),
        'posts/2025-04-02-shortcodes.md': postFile(
          'Shortcodes',
          '2025-04-02',
          SHORTCODES.join('\n\n'),
        ),
      },
      { cache: false },
    );
    expect(built.result.warnings).toEqual([]);
    const body = ($: CheerioAPI) => $('.post-body').html();
    const directives = await built.page('/2025/04/directives/');
    expect(directives('.post-body iframe').length).toBe(4);
    expect(directives('.post-body figure img').length).toBe(1);
    expect(body(await built.page('/2025/04/shortcodes/'))).toBe(body(directives));
  });

  it('keep the template warning for other shortcodes and for ones inside a sentence', async () => {
    const built = await buildSite(
      {
        'site.yaml': SITE,
        'posts/2025-04-03-others.md': postFile(
          'Others',
          '2025-04-03',
          'See {{< youtube M7lc1UVf-VE >}} here.\n\n{{< gist harbour 1234 >}}',
        ),
      },
      { cache: false },
    );
    expect(built.result.warnings.map(({ name, line, column }) => [name, line, column])).toEqual([
      ['TemplateFragment', 7, 5],
    ]);
    expect(built.result.warnings[0]?.message).toContain('and 1 more template fragment');
    const $ = await built.page('/2025/04/others/');
    expect($('.post-body iframe').length).toBe(0);
    expect($('.post-body p').last().text()).toBe('{{< gist harbour 1234 >}}');
  });
});

describe('bad and unknown directives', () => {
  const BAD = [
    '::youtube',
    '::youtube{#too-short}',
    '::vimeo{#harbour}',
    '::iframe{src="https://tides.example/widget"}',
    '::iframe{src="javascript:alert(1)" title="Tides"}',
    '::iframe{src="java\tscript:alert(1)" title="Tides"}',
    '::figure{src="javascript:alert(1)" alt="A quay"}',
    '::figure{src="quay.png"}',
    '::figure{src="quay.png" alt="" link="https://photos.example/quay"}',
    '::figure{src="quay.png" alt="A quay" link="javascript:alert(1)"}',
    '- ::youtub{#M7lc1UVf-VE}',
  ];

  async function buildBad() {
    return buildSite(
      {
        'site.yaml': SITE,
        'posts/2025-05-01-bad.md': postFile('Bad embeds', '2025-05-01', BAD.join('\n\n')),
      },
      { cache: false },
    );
  }

  it('are warnings at their line and column, saying what is wrong', async () => {
    const built = await buildBad();
    expect(
      built.result.warnings.map(({ name, file, line, column }) => [name, file, line, column]),
    ).toEqual([
      ['InvalidEmbed', 'posts/2025-05-01-bad.md', 7, 1],
      ['InvalidEmbed', 'posts/2025-05-01-bad.md', 9, 1],
      ['InvalidEmbed', 'posts/2025-05-01-bad.md', 11, 1],
      ['InvalidEmbed', 'posts/2025-05-01-bad.md', 13, 1],
      ['InvalidEmbed', 'posts/2025-05-01-bad.md', 15, 1],
      ['InvalidEmbed', 'posts/2025-05-01-bad.md', 17, 1],
      ['InvalidEmbed', 'posts/2025-05-01-bad.md', 19, 1],
      ['InvalidEmbed', 'posts/2025-05-01-bad.md', 21, 1],
      ['InvalidEmbed', 'posts/2025-05-01-bad.md', 23, 1],
      ['InvalidEmbed', 'posts/2025-05-01-bad.md', 25, 1],
      ['UnknownEmbed', 'posts/2025-05-01-bad.md', 27, 3],
    ]);
    const messages = built.result.warnings.map((w) => w.message);
    expect(messages[0]).toBe('This `::youtube` has no video id, so it is shown as written.');
    expect(messages[1]).toBe(
      "This `::youtube`'s id `too-short` is not a YouTube video id (11 letters, digits, `-` or `_`), so it is shown as written.",
    );
    expect(messages[3]).toBe(
      'This `::iframe` has no title, which screen readers announce for the frame, so it is shown as written.',
    );
    expect(messages[4]).toBe(
      "This `::iframe`'s address `javascript:alert(1)` is not an `https://` address a browser may load, so it is shown as written.",
    );
    expect(messages[10]).toBe(
      '`::youtub` is not an embed Rubric knows (youtube, vimeo, figure, iframe), so it is shown as written.',
    );
    expect(built.result.warnings.every((w) => w.hint !== '')).toBe(true);
  });

  it('are shown as written, with no frame, image or script address in the page', async () => {
    const $ = await (await buildBad()).page('/2025/05/bad/');
    expect($('.post-body iframe, .post-body img, .post-body figure').length).toBe(0);
    expect(
      $('.post-body p, .post-body li')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(BAD.map((line) => line.replace(/^- /, '')));
    const urls = $('.post-body *')
      .toArray()
      .flatMap((element) => Object.values(element.attribs));
    expect(urls.filter((value) => /script:/i.test(value))).toEqual([]);
  });
});

describe('colons in prose', () => {
  const PROSE = [
    'The ferry leaves at 10:30 sharp, note:this is the winter timetable.',
    'Ratios such as 3:2 and labels like :harbour: or :abbr[HTML]{title="x"} stay as typed.',
    ':::note\nNot a container, just three colons.\n:::',
    'See https://tides.example/today:high for the day.',
  ];

  it('stay as written: only a line that is a leaf directive is one', async () => {
    const built = await buildSite(
      {
        'site.yaml': SITE,
        'posts/2025-06-01-prose.md': postFile('Prose', '2025-06-01', PROSE.join('\n\n')),
      },
      { cache: false },
    );
    expect(built.result.warnings).toEqual([]);
    const $ = await built.page('/2025/06/prose/');
    expect(
      $('.post-body p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(PROSE);
    expect($('.post-body div, .post-body iframe').length).toBe(0);
  });
});
