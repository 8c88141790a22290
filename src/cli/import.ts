/** `rubric import SOURCE FILE`: runs an importer and prints its summary. */
import path from 'node:path';
import { formatProblem } from '../errors.js';
import type { ImportOptions } from '../import/import.js';
import {
  EXIT,
  HELP_OPTION,
  ROOT_OPTION,
  flag,
  rootOf,
  text,
  usageError,
  type CliIO,
  type Colors,
  type CommandSpec,
  type Values,
} from './args.js';

export const IMPORT: CommandSpec = {
  name: 'import',
  summary: 'write posts from a Blogger or WordPress export, or a Jekyll or Hugo site',
  usage: [
    'rubric import blogger|wordpress EXPORT.xml [--root DIR] [--comments] [--force] [--download-images DIR] [--dry-run]',
    'rubric import jekyll|hugo SITE_DIR [--root DIR] [--force] [--dry-run]',
  ],
  options: [
    { ...ROOT_OPTION, help: 'the site folder to write into; default: .' },
    {
      name: 'comments',
      type: 'boolean',
      help: "write each post's comments beside it (POST.comments.yaml)",
    },
    {
      name: 'force',
      type: 'boolean',
      help: 'overwrite files that exist and differ from the import',
    },
    {
      name: 'download-images',
      type: 'string',
      value: 'DIR',
      help: 'fetch images into DIR (inside ROOT/static) and link the copies',
    },
    { name: 'dry-run', type: 'boolean', help: 'print what would be written, and write nothing' },
    HELP_OPTION,
  ],
  positionals: true,
  notes: ['Exit codes: 0 imported, 1 the export cannot be read, 2 wrong usage.'],
};

type Source = 'blogger' | 'wordpress' | 'jekyll' | 'hugo';
const SOURCES: readonly string[] = ['blogger', 'wordpress', 'jekyll', 'hugo'];

/** The importer of a source; Jekyll and Hugo read a folder where the others read a file. */
async function importerOf(source: Source) {
  if (source === 'blogger') return (await import('../import/import.js')).importBlogger;
  if (source === 'wordpress')
    return (await import('../import/wordpress/import.js')).importWordPress;
  const folder =
    source === 'jekyll'
      ? (await import('../import/jekyll/jekyll.js')).importJekyll
      : (await import('../import/hugo/hugo.js')).importHugo;
  return (options: ImportOptions) => folder({ ...options, sourceDir: options.exportFile });
}

export async function runImport(
  values: Values,
  positionals: readonly string[],
  io: CliIO,
  colors: Colors,
): Promise<number> {
  const usage = (message: string) => usageError(io, colors, 'import', message);
  const [source, file, ...extra] = positionals;
  if (source === undefined || !SOURCES.includes(source))
    return usage(
      'the sources are `blogger`, `wordpress`, `jekyll` and `hugo`: rubric import blogger EXPORT.xml',
    );
  if (file === undefined || extra.length > 0) return usage('give one export file or site folder.');
  const images = text(values, 'download-images');
  if (
    (source === 'jekyll' || source === 'hugo') &&
    (flag(values, 'comments') || images !== undefined)
  )
    return usage(`--comments and --download-images are for exports; a ${source} site has neither.`);
  // Loaded on demand: `build` never pays for the importer's XML and HTML libraries.
  const run = await importerOf(source as Source);
  const { importSummary } = await import('../import/report.js');
  const root = rootOf(values, io);
  const result = await run({
    exportFile: path.resolve(io.cwd, file),
    root,
    comments: flag(values, 'comments'),
    force: flag(values, 'force'),
    downloadImages: images === undefined ? null : path.resolve(io.cwd, images),
    dryRun: flag(values, 'dry-run'),
  });
  if (!result.ok) {
    const shownFile = path.relative(io.cwd, result.error.file) || result.error.file;
    io.err(`${colors.red('error')} ${formatProblem({ ...result.error, file: shownFile })}`);
    return EXIT.contentErrors;
  }
  for (const line of importSummary(result)) io.out(line);
  const relative = path.relative(io.cwd, root);
  const shown = relative.startsWith('..') ? root : relative || '.';
  if (result.dryRun) io.out(`dry run: nothing was written to ${shown}/`);
  else io.out(colors.green(`imported into ${shown}/; build it with \`rubric build\``));
  return EXIT.ok;
}
