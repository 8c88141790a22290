/** Whether a folder can be built at all, checked before anything is read or written. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isSystemError } from '../errors.js';

/**
 * Why `root` cannot be built (it does not exist, is not a folder, or has no `posts/`
 * folder), as a sentence naming the folder; null when it can. Checked before anything
 * is written, so a mistyped `--root` never creates a site somewhere.
 */
export async function siteFolderProblem(root: string): Promise<string | null> {
  const problem = await folderProblem(root);
  if (problem === 'missing') return `the site folder ${root} does not exist.`;
  if (problem !== null) return `the site folder ${root} ${problem}.`;
  const posts = await folderProblem(path.join(root, 'posts'));
  if (posts === null) return null;
  if (posts === 'missing') return `${root} has no posts/ folder, so it is not a site folder.`;
  return `${path.join(root, 'posts')} ${posts}, so ${root} is not a site folder.`;
}

/** `missing`, what else is wrong with `folder` as a phrase, or null when it is a folder. */
async function folderProblem(folder: string): Promise<string | null> {
  try {
    return (await stat(folder)).isDirectory() ? null : 'is not a folder';
  } catch (error) {
    if (isSystemError(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) {
      return 'missing';
    }
    return `cannot be read (${isSystemError(error) ? error.code : String(error)})`;
  }
}
