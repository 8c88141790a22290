/** The warning for template syntax left in a post body (see `template-fragments.ts`). */
import { buildWarning, type BuildWarning } from '../errors.js';
import type { TemplateFragments } from './template-fragments.js';

/** One warning per post: where the first fragment is, what it is, and how many there are. */
export function templateFragmentWarning(
  file: string,
  bodyLine: number,
  fragments: TemplateFragments,
): BuildWarning {
  const others =
    fragments.count === 1
      ? ''
      : ` and ${fragments.count - 1} more template fragment${fragments.count === 2 ? '' : 's'}`;
  const first = fragments.first.length > 60 ? `${fragments.first.slice(0, 57)}…` : fragments.first;
  return buildWarning(
    'TemplateFragment',
    { file, line: bodyLine - 1 + fragments.line, column: fragments.column },
    `This post has \`${first}\`${others}: Liquid, Nunjucks or Hugo template syntax, which Rubric does not run, so it is shown as written.`,
    'Replace each with what it stood for (a path such as `/assets/x.png`, HTML such as an `<iframe>` for a shortcode), or put it in `code` if the post is about templates.',
  );
}
