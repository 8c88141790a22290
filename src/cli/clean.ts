/**
 * `rubric clean`: deletes the site's build cache and staging folders (finishing first a
 * build killed mid-commit). The output folder is otherwise left alone.
 */
import path from 'node:path';
import { cacheFolder } from '../cache/cache.js';
import { cleanSite } from '../write/clean.js';
import {
  EXIT,
  HELP_OPTION,
  ROOT_OPTION,
  notASite,
  rootOf,
  type CliIO,
  type Colors,
  type CommandSpec,
  type Values,
} from './args.js';

export const CLEAN: CommandSpec = {
  name: 'clean',
  summary: 'delete the build cache and staging folders (ROOT/.cache/rubric)',
  usage: ['rubric clean [--root DIR]'],
  options: [ROOT_OPTION, HELP_OPTION],
  positionals: false,
};

export async function runClean(values: Values, io: CliIO, colors: Colors): Promise<number> {
  const root = rootOf(values, io);
  const refused = await notASite(root, 'clean', io, colors);
  if (refused !== null) return refused;
  const folder = cacheFolder(root);
  await cleanSite(root, path.join(root, 'dist'));
  const relative = path.relative(io.cwd, folder);
  io.out(`removed the build cache ${relative.startsWith('..') ? folder : relative}/`);
  return EXIT.ok;
}
