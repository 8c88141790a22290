#!/usr/bin/env node
/* global console, process, URL */
/**
 * `npm run bench:import`: times `rubric import wordpress` against `rubric import blogger`
 * on generated exports of the same size and the same bodies (paragraphs, a link to another
 * post, an image, labels, two comments a post), and prints wall time and peak RSS (GNU
 * time's maximum resident set size) of each import process. A script, not a test.
 *
 *   npm run bench:import                  # 10,000 posts, 1 round
 *   npm run bench:import -- --posts 2000 --runs 3
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '1' },
    work: { type: 'string', default: '/tmp/rubric-bench-import' },
  },
});
const count = Number(values.posts);
const work = values.work;

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pad = (n) => String(n).padStart(2, '0');
const dayOf = (i) => new Date(Date.UTC(2010, 0, 1) + i * 6 * 3600 * 1000);
const slugOf = (i) => `post-number-${i}`;
const labelsOf = (i) => [`Topic ${i % 40}`, `Place ${i % 13}`];

function bodyHtml(i, linkTo) {
  const paragraphs = Array.from(
    { length: 6 },
    (_, p) =>
      `<p>Paragraph ${p} of post ${i}: the <em>talks</em> went on, and the delegates met again over tea and dates.</p>`,
  );
  paragraphs.splice(2, 0, `<p>See <a href="${linkTo}">the earlier post</a>.</p>`);
  paragraphs.push(
    `<p><img src="https://img.example/uploads/${i}-640x480.jpg" alt="Photo ${i}"></p>`,
  );
  return paragraphs.join('\n');
}

function wxr() {
  const items = [];
  for (let i = 0; i < count; i++) {
    const d = dayOf(i);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:00:00`;
    const link = (n) => {
      const dn = dayOf(n);
      return `https://blog.example/${dn.getUTCFullYear()}/${pad(dn.getUTCMonth() + 1)}/${pad(dn.getUTCDate())}/${slugOf(n)}/`;
    };
    const comments = [1, 2]
      .map(
        (c) =>
          `<wp:comment><wp:comment_id>${i * 10 + c}</wp:comment_id><wp:comment_author><![CDATA[Reader ${c}]]></wp:comment_author><wp:comment_date>${date}</wp:comment_date><wp:comment_date_gmt>${date}</wp:comment_date_gmt><wp:comment_content><![CDATA[Comment ${c} on ${i}.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${c === 2 ? i * 10 + 1 : 0}</wp:comment_parent></wp:comment>`,
      )
      .join('');
    const terms = labelsOf(i)
      .map(
        (l) =>
          `<category domain="post_tag" nicename="${l.toLowerCase().replace(' ', '-')}"><![CDATA[${l}]]></category>`,
      )
      .join('');
    const html =
      i % 2 === 0
        ? bodyHtml(i, link(Math.max(0, i - 1)))
        : bodyHtml(i, link(Math.max(0, i - 1))).replace(/<\/?p>/g, '\n\n');
    items.push(
      `<item><title>Post number ${i}</title><link>${link(i)}</link><dc:creator>editor</dc:creator><content:encoded><![CDATA[${html}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${i + 1}</wp:post_id><wp:post_date>${date}</wp:post_date><wp:post_date_gmt>${date}</wp:post_date_gmt><wp:post_name>${slugOf(i)}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>${terms}${comments}</item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://blog.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name>The Editor</wp:author_display_name></wp:author>
${items.join('\n')}
</channel></rss>
`;
}

function takeout() {
  const entries = [];
  const pathOf = (n) => {
    const d = dayOf(n);
    return `/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${slugOf(n)}.html`;
  };
  for (let i = 0; i < count; i++) {
    const published = dayOf(i).toISOString().replace('.000', '');
    const labels = labelsOf(i)
      .map((l) => `<category scheme='tag:blogger.com,1999:blog-1' term='${l}'/>`)
      .join('');
    entries.push(
      `<entry><id>tag:blogger.com,1999:blog-1.post-${i}</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status><author><name>The Editor</name></author><title>Post number ${i}</title><content type='html'>${escape(bodyHtml(i, `https://bench.blogspot.com${pathOf(Math.max(0, i - 1))}`))}</content><published>${published}</published><updated>${published}</updated>${labels}<blogger:filename>${pathOf(i)}</blogger:filename></entry>`,
    );
    for (const c of [1, 2]) {
      entries.push(
        `<entry><id>tag:blogger.com,1999:blog-1.post-${i}-c${c}</id><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status><author><name>Reader ${c}</name></author><content type='html'>Comment ${c} on ${i}.</content><published>${published}</published><blogger:parent>tag:blogger.com,1999:blog-1.post-${i}</blogger:parent></entry>`,
      );
    }
  }
  return `<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'><id>tag:blogger.com,1999:blog-1</id><title>Bench</title>
${entries.join('\n')}
</feed>
`;
}

function timeImport(source, file) {
  const root = path.join(work, `site-${source}`);
  spawnSync('rm', ['-rf', root]);
  const started = process.hrtime.bigint();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-v',
      process.execPath,
      path.join(repo, 'bin/rubric.js'),
      'import',
      source,
      file,
      '--root',
      root,
      '--comments',
    ],
    { encoding: 'utf8' },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${source} import failed:\n${run.stdout}\n${run.stderr}`);
  const rss =
    Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
  return { seconds, rss };
}

await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
const files = {
  wordpress: path.join(work, 'export.xml'),
  blogger: path.join(work, 'takeout.atom'),
};
await writeFile(files.wordpress, wxr());
await writeFile(files.blogger, takeout());
console.log(
  `${count} posts, 2 comments each, ${values.runs} round(s): node bin/rubric.js import SOURCE FILE --comments`,
);
for (let round = 0; round < Number(values.runs); round++) {
  // Alternate the order so a drift in the machine's load hits both alike.
  const order = round % 2 === 0 ? ['blogger', 'wordpress'] : ['wordpress', 'blogger'];
  for (const source of order) {
    const { seconds, rss } = timeImport(source, files[source]);
    console.log(
      `  ${source.padEnd(9)} ${seconds.toFixed(2)} s wall, peak RSS ${rss.toFixed(0)} MB`,
    );
  }
}
