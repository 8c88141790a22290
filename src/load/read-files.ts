/** Reading the files a walk found: decoded as UTF-8, with where a bad byte was. */
import { readFileSync } from 'node:fs';
import { ioError, type BuildError } from '../errors.js';
import { decodeUtf8 } from '../utf8.js';
import type { SourceFile } from './load.js';
import type { FoundFile } from './walk.js';

/**
 * Reads found files, naming each `prefix/relative`; a file that fails is an error. One
 * after another, synchronously: a site's posts are small files, which read four to seven
 * times faster so (4,000 posts: 60–130 ms against 440–500 ms through promises, whose every
 * open, stat, read and close is a hand-over to libuv's threads and back).
 */
export function readTexts(
  files: readonly FoundFile[],
  prefix: string,
  doing: string,
): { files: (SourceFile & { relative: string })[]; errors: BuildError[] } {
  const errors: BuildError[] = [];
  const read: (SourceFile & { relative: string })[] = [];
  for (const file of files) {
    const shown = `${prefix}/${file.relative}`;
    try {
      read.push({ ...sourceFile(shown, readFileSync(file.real)), relative: file.relative });
    } catch (error) {
      errors.push(ioError(shown, doing, error));
    }
  }
  return { files: read, errors };
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
