/** Reading the files a walk found: decoded as UTF-8, with where a bad byte was. */
import { readFile } from 'node:fs/promises';
import { mapLimit } from '../concurrency.js';
import { ioError, type BuildError } from '../errors.js';
import { decodeUtf8 } from '../utf8.js';
import type { SourceFile } from './load.js';
import type { FoundFile } from './walk.js';

/** Reads found files, naming each `prefix/relative`; a file that fails is an error. */
export async function readTexts(
  files: readonly FoundFile[],
  prefix: string,
  doing: string,
): Promise<{ files: (SourceFile & { relative: string })[]; errors: BuildError[] }> {
  const errors: BuildError[] = [];
  const read = await mapLimit(files, async (file) => {
    const shown = `${prefix}/${file.relative}`;
    try {
      return { ...sourceFile(shown, await readFile(file.real)), relative: file.relative };
    } catch (error) {
      errors.push(ioError(shown, doing, error));
      return null;
    }
  });
  return { files: read.filter((file) => file !== null), errors };
}

/** A source file from its bytes: decoded, and where the first bad byte was, if any. */
export function sourceFile(file: string, bytes: Uint8Array): SourceFile {
  const { text, invalidUtf8At } = decodeUtf8(bytes);
  return invalidUtf8At ? { path: file, text, invalidUtf8At } : { path: file, text };
}

/** A read file without the walk's relative path. */
export function sourceFileOf(file: SourceFile & { readonly relative: string }): SourceFile {
  return file.invalidUtf8At
    ? { path: file.path, text: file.text, invalidUtf8At: file.invalidUtf8At }
    : { path: file.path, text: file.text };
}
