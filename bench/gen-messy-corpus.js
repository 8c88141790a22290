#!/usr/bin/env node
/* global console, process */
/**
 * An HTML-heavy corpus, in the shapes posts moved from Blogger and WordPress have: bodies
 * of raw HTML paragraphs with stray `</p>`, unclosed `<p>` and `<div>`, `<br>`, images
 * in Blogger's separator divs, Flash `<object>`/`<embed>` pairs, iframes, links to other
 * posts of the corpus (one in ten broken, one in ten with a `#fragment`) and Markdown
 * footnotes. Deterministic: the same N gives the same files. For `bench/stages.js`,
 * which measures what parsing raw HTML and checking links cost.
 *
 *   node bench/gen-messy-corpus.js --posts 4000 --out DIR
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { posts: { type: 'string', default: '1000' }, out: { type: 'string' } },
});
if (!values.out) {
  console.error('usage: node bench/gen-messy-corpus.js --posts N --out DIR');
  process.exit(2);
}
const count = Number(values.posts);
const postsDir = path.join(values.out, 'posts');
mkdirSync(postsDir, { recursive: true });
for (const name of readdirSync(postsDir)) {
  if (name.endsWith('.md')) rmSync(path.join(postsDir, name));
}

/** A small deterministic generator (mulberry32), so the corpus is the same every time. */
let seed = 20090314;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];

const PLACES = ['Muscat', 'Sohar', 'Nizwa', 'Salalah', 'Sur', 'Ibri', 'Bahla', 'Khasab'];
const THINGS = ['harbour', 'souq', 'fort', 'wadi', 'market', 'mosque', 'beach', 'oasis'];
const SENTENCES = [
  'We left before dawn, when the road was still empty and cool.',
  'The old town was quieter than the guidebooks promised.',
  'Most of the stalls sold dates, frankincense and copper pots.',
  'A boy showed us the way to the ruins for a handful of coins.',
  'The light at the end of the afternoon made everything gold.',
  'By noon the heat had driven everyone into the shade of the arcades.',
];

const start = Date.UTC(2006, 0, 1);
const posts = Array.from({ length: count }, (_, i) => {
  const date = new Date(start + i * 86_400_000 * 1.3);
  const slug = `${pick(THINGS)}-of-${pick(PLACES).toLowerCase()}-${i}`;
  const day = date.toISOString().slice(0, 10);
  return { i, slug, day, url: `/${day.slice(0, 4)}/${day.slice(5, 7)}/${slug}/` };
});

function paragraph() {
  return Array.from({ length: 3 + Math.floor(random() * 3) }, () => pick(SENTENCES)).join(' ');
}

function body(post) {
  const other = posts[Math.floor(random() * count)];
  const link =
    post.i % 10 === 0
      ? `/${post.day.slice(0, 4)}/01/a-post-that-never-was/`
      : post.i % 10 === 1
        ? `${other.url}#comments`
        : other.url;
  const parts = [
    `<p>${paragraph()}</p></p>`,
    `<div class="separator" style="clear: both; text-align: center;"><a href="${post.url}" style="margin-left: 1em;"><img border="0" src="https://blogger.example/img/${post.slug}.jpg" width="400" height="300" /></a></div>`,
    `<p>${paragraph()}<br>\n${paragraph()}`,
    '',
    `${paragraph()} See <a href="${link}">an earlier trip</a>.[^1]`,
    '',
    `<object width="425" height="344"><param name="movie" value="https://video.example/v/${post.i}"></param><embed src="https://video.example/v/${post.i}" type="application/x-shockwave-flash" width="425" height="344"></embed></object>`,
    '',
    `<div class="note"><b>Update:</b> ${paragraph()}`,
    '',
    `<p>${paragraph()}</p>`,
    '',
    `<iframe src="https://maps.example/embed?q=${post.i}" width="425" height="350" frameborder="0"></iframe>`,
    '',
    `<p>${paragraph()} ${paragraph()}</p>`,
    '',
    `[^1]: ${pick(SENTENCES)}`,
  ];
  return parts.join('\n');
}

for (const post of posts) {
  const title = `${post.slug.split('-')[0]} of ${post.slug.split('-')[2]}`;
  const text = `---\ntitle: "${title}"\ndate: ${post.day}\nlabels: [travel, ${pick(PLACES)}]\n---\n\n${body(post)}\n`;
  writeFileSync(path.join(postsDir, `${post.day}-${post.slug}.md`), text);
}
console.log(`wrote ${count} HTML-heavy posts to ${postsDir}`);
