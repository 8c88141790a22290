/**
 * What a changed file means for a build. Watch mode hears about paths; this pure table
 * turns each into a kind, so the session knows what to load again and what to keep.
 * It mirrors what the load stage reads: a path that a build would not read is ignored.
 */
import { isEditorLitter, isHiddenOrModules } from '../load/skipped-names.js';

/** The kinds of change, from the cheapest to handle to the most expensive. */
export type ChangeKind =
  /** A post file (`posts/**.md`): re-read and re-parsed alone. */
  | 'post'
  /** A post's comments file (`posts/a.comments.yaml`): re-read alone; its post's page renders again. */
  | 'comments'
  /** A page template (`templates/post.hbs`), or the site's `templates/helpers.js`. */
  | 'template'
  /** A partial (`templates/partials/byline.hbs`). */
  | 'partial'
  /** A file copied as is (`static/style.css`). */
  | 'static'
  /** `site.yaml`: it can change everything, so the session starts afresh. */
  | 'config'
  /** A folder of posts, templates or static files appeared or vanished: list them again. */
  | 'folder'
  /** Anything a build does not read: editor temp files, the output folder, others. */
  | 'ignored';

const POST = /\.(md|markdown)$/;
const TEMPLATE = /\.(hbs|handlebars)$/;
const COMMENTS = /\.comments\.yaml$/;

/**
 * Classifies a path relative to the site folder, with forward slashes (`posts/a.md`); a
 * folder ends with a slash (`posts/2025/`). `outputFolder` is the output folder relative
 * to the site folder, when it is inside it: nothing in it is ever a source.
 */
export function classify(file: string, outputFolder?: string): ChangeKind {
  const isFolder = file.endsWith('/');
  const segments = file.split('/').filter((segment) => segment !== '' && segment !== '.');
  const [top, ...rest] = segments;
  const name = segments[segments.length - 1] ?? '';
  if (top === undefined || segments.includes('..')) return 'ignored';
  if (isInside(segments, outputFolder)) return 'ignored';
  if (isEditorLitter(name)) return 'ignored';
  if (rest.length === 0 && !isFolder) return top === 'site.yaml' ? 'config' : 'ignored';
  if (top !== 'posts' && top !== 'templates' && top !== 'static') return 'ignored';
  if (top !== 'static' && rest.some(isHiddenOrModules)) {
    return 'ignored';
  }
  if (isFolder) return 'folder';
  // Other files in posts/ may be a page bundle's (photo.jpg beside oman/index.md): they
  // are copied like static files. Comments files are not: they are shown on their post's page.
  if (top === 'posts')
    return POST.test(name) ? 'post' : COMMENTS.test(name) ? 'comments' : 'static';
  if (top === 'templates') {
    // helpers.js adds helpers every template may call: a change to it is a template's.
    if (rest.length === 1 && name === 'helpers.js') return 'template';
    if (!TEMPLATE.test(name)) return 'ignored';
    return rest[0] === 'partials' && rest.length > 1 ? 'partial' : 'template';
  }
  return 'static';
}

function isInside(segments: readonly string[], folder: string | undefined): boolean {
  if (folder === undefined) return false;
  const parts = folder.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (parts.length === 0 || parts[0] === '..') return false;
  return parts.every((part, i) => segments[i] === part);
}
