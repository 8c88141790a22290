/* global Buffer */
/**
 * What bench/features.js adds to the benchmark corpus for each reader feature of issue 14,
 * post by post: pure functions of a post's text and its index in the sorted file list, so
 * every variant is the same on every run (no randomness). Each returns what it added, so
 * the checks know exactly what the built pages must hold.
 *
 * Shares: embeds in posts 0, 4, 8 … (a video and a figure each), comments beside posts
 * 1, 5, 9 … (4 to 8 each, 6 on average, half of them replies, some to replies), math in posts 2, 6, 10 …
 * (three formulas in a sentence and one displayed), one or two of 20 authors on every post.
 */
import { deflateSync } from 'node:zlib';

/** The corpus's 14 bylines, then 6 co-authors; the key is what a post's `authors:` writes. */
export const AUTHORS = [
  ['sarah', 'Sarah Whitfield'],
  ['daniel', 'Daniel Okafor'],
  ['leila', 'Leila Farahani'],
  ['marco', 'Marco Bellini'],
  ['zoe', 'Zoë Müller'],
  ['jose', 'José Álvarez'],
  ['priya', 'Priya Raman'],
  ['tomasz', 'Tomasz Wójcik'],
  ['liam', "Liam O'Connor"],
  ['aiko', 'Aiko Tanaka'],
  ['hamid', 'Hamid Rezaei'],
  ['ingrid', 'Ingrid Solberg'],
  ['chloe', 'Chloé Dubois'],
  ['samuel', 'Samuel Adeyemi'],
  ['noor', 'Noor Al-Amin'],
  ['erik', 'Erik Lindqvist'],
  ['amara', 'Amara Nwosu'],
  ['kenji', 'Kenji Morita'],
  ['sofia', 'Sofía Ramírez'],
  ['yusuf', 'Yusuf Demir'],
];

/** Picture files the figures and avatars point at, in `static/images/`. */
export const IMAGES = 8;

/** The post's front matter (with its `---` lines) and its body. */
export function splitPost(text) {
  const end = text.indexOf('\n---\n', 4) + 5;
  return { front: text.slice(0, end), body: text.slice(end) };
}

/** The front matter without the corpus's `author:` line: the site's byline, no author pages. */
export function withoutAuthor(front) {
  return front.replace(/^author: .*\n/m, '');
}

/** The front matter with `authors:` (the corpus's byline, and a co-author on every third post). */
export function withAuthors(front, index) {
  const written = /^author: (.*)$/m.exec(front)?.[1].replace(/^"(.*)"$/, '$1') ?? '';
  const first = AUTHORS.find(([, name]) => name === written) ?? AUTHORS[index % 14];
  const ids = [first[0]];
  if (index % 3 === 0) ids.push(AUTHORS[14 + ((index / 3) % 6)][0]);
  return {
    front: front.replace(/^author: .*$/m, `authors: [${ids.join(', ')}]`),
    added: { authors: ids },
  };
}

/** An 11-character YouTube id made from the index. */
function youtubeId(index) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let x = (index + 1) * 2654435761;
  let id = '';
  for (let k = 0; k < 11; k++) {
    id += alphabet[x % 64];
    x = Math.floor(x / 64) + (k + 1) * 40503 * (index + 7);
  }
  return id;
}

/** Inserts `block` after the body's first paragraph. */
function afterFirstParagraph(body, block) {
  const at = body.indexOf('\n\n');
  return at < 0 ? `${body}\n${block}\n` : `${body.slice(0, at)}\n\n${block}${body.slice(at)}`;
}

/** Posts 0, 4, 8 …: a video (YouTube, some Vimeo, some as Hugo's shortcode) and a figure. */
export function withEmbeds(body, index) {
  if (index % 4 !== 0) return { body, added: null };
  const k = index / 4;
  const image = `/images/fig-${k % IMAGES}.png`;
  const caption = `Figure ${k + 1}: the indicators since ${2010 + (k % 12)}`;
  const video =
    k % 5 === 4
      ? `::vimeo[Interview, part ${k}]{#${76979871 + k}}`
      : k % 3 === 2
        ? `{{< youtube ${youtubeId(index)} >}}`
        : `::youtube[Briefing ${k}]{#${youtubeId(index)}}`;
  const figure =
    k % 4 === 3
      ? `{{< figure src="${image}" alt="A chart of the figures" caption="${caption}" >}}`
      : `::figure{src="${image}" alt="A chart of the figures" caption="${caption}"}`;
  const kind = k % 5 === 4 ? 'vimeo' : 'youtube';
  return {
    body: afterFirstParagraph(body, `${video}\n\n${figure}\n`),
    added: { [kind]: 1, figures: 1 },
  };
}

/** Posts 2, 6, 10 …: three formulas in a sentence and one on lines of its own. */
export function withMath(body, index) {
  if (index % 4 !== 2) return { body, added: null };
  const n = 2 + (index % 9);
  const block = [
    `The ratio $\\beta_{${n}} = a_{${n}}/b$ grows as $n^{${n}}$, and the sum $\\sum_{i=1}^{n} i^{${n}}$ with it:`,
    '',
    '$$',
    `\\beta_i = \\frac{\\eta_i}{\\sum_{j=1}^{${n}} \\eta_j} + \\sqrt{x^2 + ${n}}`,
    '$$',
    '',
  ].join('\n');
  return { body: afterFirstParagraph(body, block), added: { math: 4, displayMath: 1 } };
}

const READERS = [
  'Layla Haddad',
  'Tom Baker',
  'Anonymous',
  'Rania K.',
  'Pieter de Vries',
  'M. Osei',
];
const SAYINGS = [
  'Thanks for this, a *very* clear summary of a messy week.',
  'I am not sure the second point holds: the figures in [the report](https://news.example.com/report) say otherwise.',
  'Agreed. The **real** test comes in the spring.',
  'Old Blogger comment: I <b>disagree</b> &amp; I said so in 2016.',
  'Could you write more on the regional angle?\n\nThe pipeline matters more than the talks.',
  'Good point, see also `quota_3` in the data release.',
];

/** The comment the one at `j` answers: 2 answers 1, 3 answers 2, 5 answers 4 … (half are replies). */
function repliesTo(j) {
  return j > 0 && j % 3 !== 1 ? j - 1 : null;
}

/** Posts 1, 5, 9 …: `POST.comments.yaml`, 4 to 8 comments after the post's date. */
export function commentsFor(front, index) {
  if (index % 4 !== 1) return null;
  const count = 4 + (((index - 1) / 4) % 5);
  const posted = Date.parse(/^date: (.*)$/m.exec(front)[1]);
  const lines = [];
  let replies = 0;
  for (let j = 0; j < count; j++) {
    const reader = READERS[(index + j) % READERS.length];
    const date = new Date(posted + (j + 1) * 3 * 3600 * 1000).toISOString();
    lines.push(`- id: 'c${index}-${j}'`);
    if (reader !== 'Anonymous') lines.push(`  author: ${reader}`);
    if (j % 2 === 0) lines.push(`  authorUrl: https://reader${j}.example.org/`);
    lines.push(`  date: ${date.replace(/\.\d{3}Z$/, 'Z')}`);
    const to = repliesTo(j);
    if (to !== null) {
      lines.push(`  replyTo: 'c${index}-${to}'`);
      replies++;
    }
    lines.push('  body: |');
    for (const line of SAYINGS[(index + j) % SAYINGS.length].split('\n')) {
      lines.push(line === '' ? '' : `    ${line}`);
    }
  }
  return { text: `${lines.join('\n')}\n`, added: { comments: count, replies } };
}

/** site.yaml of a variant: feeds on (an https baseUrl), search as asked, the authors map. */
export function siteYaml({ search, authors }) {
  const lines = [
    'title: Bench Notes',
    'description: A generated blog for the feature benchmark.',
    'baseUrl: https://example.org/',
    'author: The Desk',
    `search: ${search}`,
  ];
  if (authors) {
    lines.push('authors:');
    AUTHORS.forEach(([key, name], k) => {
      lines.push(`  ${key}:`, `    name: ${JSON.stringify(name)}`);
      lines.push(`    bio: Writes on regional politics and trade from desk ${k + 1}.`);
      if (k % 2 === 0) lines.push(`    avatar: /images/fig-${k % IMAGES}.png`);
      lines.push('    links:', `      Website: https://example.org/people/${key}/`);
    });
  }
  return `${lines.join('\n')}\n`;
}

/** A PNG of one colour, `width` × `height`, as a camera-less blog's chart export might be. */
export function png(width, height, shade) {
  const row = Buffer.alloc(1 + width * 3, shade);
  row[0] = 0;
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
