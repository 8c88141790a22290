/**
 * Paths: where Rubric itself is installed, and paths as the site sees them (forward
 * slashes on every system, so sources, URLs, messages and the output are the same on
 * Windows).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder: this file is one level below it both in `src/` and in `lib/`. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** A path of this system written with `/` between its parts (`posts\a.md` → `posts/a.md`). */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
