/**
 * Front matter: `source-text.ts` finds it, `yaml-compat.ts` parses it with positions as
 * js-yaml would read it, and `front-matter/` checks it against the content contract: the
 * fields in `contract.ts`, the keys that give them in the table of `keys.ts`. A broken
 * rule becomes a BuildError at the offending key or value with a sentence that says how
 * to fix it.
 */
import { buildError, type BuildError, type BuildWarning } from '../errors.js';
import type { SourceFile } from '../load/load.js';
import type { FrontMatter } from './front-matter/contract.js';
import { checkFrontMatter } from './front-matter/check.js';
import { cleanPostText, encodingWarnings, splitFrontMatter } from './source-text.js';
import { parseFrontMatterYaml, syntaxHint } from './yaml-compat.js';

export type { FrontMatter, FrontMatterFields } from './front-matter/contract.js';
export type { FrontMatterImage } from './front-matter/peer-keys.js';

/** The front matter and the Markdown body that follows it. */
export interface SplitPost {
  readonly frontMatter: FrontMatter | null;
  readonly body: string;
  /** The line of the file on which the body starts. */
  readonly bodyLine: number;
  readonly errors: readonly BuildError[];
  readonly warnings: readonly BuildWarning[];
}

/** Splits a post file into checked front matter and body. `zone` reads offset-less dates. */
export function readFrontMatter(file: SourceFile, zone: string): SplitPost {
  const { text, warnings: cleaned } = cleanPostText(file.path, file.text);
  const warnings = [...encodingWarnings(file), ...cleaned];
  const block = splitFrontMatter(text);
  const fail = (error: BuildError, body = text): SplitPost => ({
    frontMatter: null,
    body,
    bodyLine: 1,
    errors: [error],
    warnings,
  });
  const top = { file: file.path, line: 1, column: 1 };
  if (block.kind === 'none') {
    return fail(
      buildError(
        'FrontMatterInvalid',
        top,
        'This post has no front matter.',
        'Start the file with a `---` line, then `title:` and `date:`, then another `---` line.',
      ),
    );
  }
  if (block.kind === 'unclosed') {
    return fail(
      buildError(
        'FrontMatterUnclosed',
        top,
        'The front matter opened by the `---` on line 1 is never closed: no later line is `---`, so the whole file would be read as front matter.',
        'Add a line `---` after the last front-matter key, before the text of the post.',
      ),
      '',
    );
  }
  const { yaml, syntaxError } = parseFrontMatterYaml(block.yamlText);
  if (syntaxError) {
    const error = buildError(
      'FrontMatterSyntax',
      { file: file.path, line: syntaxError.line, column: syntaxError.column },
      `The front matter is not valid YAML: ${syntaxError.message}.`,
      syntaxHint(syntaxError),
    );
    return fail(error, block.body);
  }
  const checked = checkFrontMatter(file.path, yaml, zone);
  return {
    ...checked,
    warnings: [...warnings, ...checked.warnings],
    body: block.body,
    bodyLine: block.bodyLine,
  };
}
