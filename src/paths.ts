/** Where Rubric itself is installed, for the built-in theme. */
import { fileURLToPath } from 'node:url';

/** The package folder: this file is one level below it both in `src/` and in `lib/`. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
