/**
 * `rubric new site DIR` and `rubric new post "Title"`, after `hugo new site` and
 * `hugo new content`. Neither asks anything: every choice is an option or a default, so
 * they work the same in a terminal, a script and CI.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { readConfig } from '../config/config.js';
import { slugify } from '../slug.js';
import {
  EXIT,
  HELP_OPTION,
  flag,
  rootOf,
  text,
  usageError,
  type CliIO,
  type Colors,
  type CommandSpec,
  type Values,
} from './args.js';
import { scaffoldFiles } from './scaffold.js';
import { version } from './version.js';

export const NEW: CommandSpec = {
  name: 'new',
  summary: 'start a blog in a new folder, or write a new post',
  usage: [
    'rubric new site DIR [--force]',
    'rubric new post "Title" [--labels LIST] [--draft] [--root DIR]',
  ],
  options: [
    { name: 'force', type: 'boolean', help: 'site: write into a folder that is not empty' },
    {
      name: 'labels',
      type: 'string',
      value: 'LIST',
      help: 'post: its labels, comma-separated ("Oman, talks")',
    },
    { name: 'draft', type: 'boolean', help: 'post: mark it draft: true' },
    {
      name: 'root',
      type: 'string',
      value: 'DIR',
      help: 'post: the site folder to write into; default: .',
    },
    HELP_OPTION,
  ],
  positionals: true,
  notes: [
    "A site's templates/post.md, when there is one, is the new post ({{title}}, {{date}}, {{labels}}, {{draft}}).",
  ],
};

export async function runNew(
  values: Values,
  positionals: readonly string[],
  io: CliIO,
  colors: Colors,
): Promise<number> {
  const [what, name, ...extra] = positionals;
  if ((what !== 'site' && what !== 'post') || name === undefined || extra.length > 0)
    return usageError(
      io,
      colors,
      'new',
      'write `rubric new site DIR` or `rubric new post "Title"`.',
    );
  return what === 'site' ? newSite(name, values, io, colors) : newPost(name, values, io, colors);
}

/** The minute `now` is in `zone`, as a front-matter date: `2026-12-01T09:30`. */
function dateIn(zone: string, now: number): string {
  return DateTime.fromMillis(now, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The zone of this machine, for a new site's `timezone`; UTC when it has none. */
function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

async function newSite(dir: string, values: Values, io: CliIO, colors: Colors): Promise<number> {
  const root = path.resolve(io.cwd, dir);
  const existing = await readdir(root).catch(() => [] as string[]);
  if (existing.length > 0 && !flag(values, 'force'))
    return usageError(
      io,
      colors,
      'new site',
      `${dir} is not empty; choose a new folder, or add --force to write into it.`,
    );
  const timezone = localZone();
  const title = path.basename(root).replace(/[-_]+/g, ' ');
  const files = scaffoldFiles({
    title,
    timezone,
    date: dateIn(timezone, io.now ?? Date.now()),
    version: version(),
  });
  for (const [file, contents] of Object.entries(files)) {
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents);
  }
  const shown = path.relative(io.cwd, root) || '.';
  for (const file of Object.keys(files)) io.out(`wrote ${path.join(shown, file)}`);
  io.out(colors.green(`new site in ${shown}/`) + `: cd ${shown} && npm install && npm run dev`);
  return EXIT.ok;
}

/** The front matter and first line of a post, from the site's archetype or the default. */
function postText(
  archetype: string | null,
  fields: { title: string; date: string; labels: string[]; draft: boolean },
): string {
  // Quoted as JSON, which is YAML too: a title with a colon or a quote stays one string.
  const labels = `[${fields.labels.map((l) => JSON.stringify(l)).join(', ')}]`;
  if (archetype !== null)
    return archetype
      .replaceAll('{{title}}', JSON.stringify(fields.title))
      .replaceAll('{{date}}', fields.date)
      .replaceAll('{{labels}}', labels)
      .replaceAll('{{draft}}', String(fields.draft));
  const lines = ['---', `title: ${JSON.stringify(fields.title)}`, `date: ${fields.date}`];
  if (fields.labels.length > 0) lines.push(`labels: ${labels}`);
  if (fields.draft) lines.push('draft: true');
  lines.push(
    '---',
    '',
    'The first paragraphs are the teaser on the home page and label pages.',
    '',
  );
  return lines.join('\n');
}

async function newPost(title: string, values: Values, io: CliIO, colors: Colors): Promise<number> {
  if (title.trim() === '') return usageError(io, colors, 'new post', 'the title is empty.');
  const root = rootOf(values, io);
  const read = (file: string) => readFile(path.join(root, file), 'utf8').catch(() => null);
  const { config } = readConfig(await read('site.yaml'));
  const date = dateIn(config.timezone, io.now ?? Date.now());
  const file = path.join('posts', `${date.slice(0, 10)}-${slugify(title)}.md`);
  const target = path.join(root, file);
  const shown = path.relative(io.cwd, target);
  if ((await read(file)) !== null) {
    io.err(
      `${colors.red('error')} ${shown} exists already; it was left as it was. Choose another title, or edit it.`,
    );
    return EXIT.contentErrors;
  }
  const labels = (text(values, 'labels') ?? '')
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const contents = postText(await read(path.join('templates', 'post.md')), {
    title: title.trim(),
    date,
    labels,
    draft: flag(values, 'draft'),
  });
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, contents, { flag: 'wx' });
  io.out(shown);
  return EXIT.ok;
}
