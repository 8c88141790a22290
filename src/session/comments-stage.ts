/**
 * The comments of a run: each comments file read (`parse/comments.ts`) and threaded
 * (`model/comments.ts`), remembered by the file's text so an unchanged file keeps its
 * thread object and its post's page is not rendered again. A file beside no post is a
 * warning (a renamed post left its comments behind).
 */
import { buildWarning, type BuildWarning } from '../errors.js';
import { COMMENTS_SUFFIX } from '../load/comments.js';
import type { SourceFile } from '../load/load.js';
import { threadComments, type CommentThread } from '../model/comments.js';
import { parseCommentFiles } from '../pool/parse-comments.js';
import type { State } from './state.js';

/** A comments file as last read. */
export interface CachedComments {
  readonly text: string;
  readonly thread: CommentThread;
  readonly warnings: readonly BuildWarning[];
}

/** The threads of a run, by the source of their post (`posts/a.md`), and the warnings. */
export interface CommentsStage {
  readonly threads: ReadonlyMap<string, CommentThread>;
  /** None: what is wrong in a comments file is a warning (see `parse/comments.ts`). */
  readonly errors: readonly [];
  readonly warnings: readonly BuildWarning[];
}

/**
 * Reads the comments files that changed since the last run (every one, on a first run)
 * and beside a post, from the disk cache when it has them: before {@link commentsStage},
 * which then finds every thread in `state`.
 */
export async function readComments(
  files: readonly SourceFile[],
  posts: readonly SourceFile[],
  state: State,
  cacheFolder: string | null,
): Promise<void> {
  const postPaths = new Set(posts.map((post) => post.path));
  const changed = files.filter(
    (file) =>
      state.comments.get(file.path)?.text !== file.text && postOf(file.path, postPaths) !== null,
  );
  const complete = state.comments.size === 0;
  const zone = state.config.timezone;
  const parsed = await parseCommentFiles(changed, { zone, cacheFolder, complete });
  parsed.forEach((read, i) => {
    const file = changed[i] as SourceFile;
    state.comments.set(file.path, {
      text: file.text,
      thread: threadComments(file.path, read.comments),
      warnings: read.warnings,
    });
  });
}

/** Reads what changed among the comments files; `posts` are the post files of the run. */
export function commentsStage(
  files: readonly SourceFile[],
  posts: readonly SourceFile[],
  state: State,
): CommentsStage {
  const postPaths = new Set(posts.map((post) => post.path));
  const threads = new Map<string, CommentThread>();
  const warnings: BuildWarning[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    seen.add(file.path);
    const post = postOf(file.path, postPaths);
    if (post === null) {
      // Read once it is beside a post: until then, the one thing to fix is its name.
      warnings.push(withoutPost(file.path));
      continue;
    }
    const read = commentsOf(file, state);
    warnings.push(...read.warnings);
    threads.set(post, read.thread);
  }
  for (const key of state.comments.keys()) if (!seen.has(key)) state.comments.delete(key);
  return { threads, errors: [], warnings };
}

function commentsOf(file: SourceFile, state: State): CachedComments {
  const known = state.comments.get(file.path);
  if (known?.text !== file.text) throw new Error(`readComments did not read ${file.path}`);
  return known;
}

/** The post a comments file is beside: `a.comments.yaml` → `a.md` or `a.markdown`. */
function postOf(file: string, posts: ReadonlySet<string>): string | null {
  const stem = file.slice(0, -COMMENTS_SUFFIX.length);
  for (const extension of ['.md', '.markdown']) {
    if (posts.has(`${stem}${extension}`)) return `${stem}${extension}`;
  }
  return null;
}

function withoutPost(file: string): BuildWarning {
  const stem = file.slice(0, -COMMENTS_SUFFIX.length);
  return buildWarning(
    'CommentsWithoutPost',
    { file },
    `These comments are beside no post (there is no ${stem}.md), so they are not shown.`,
    'Name it after its post (`POST.comments.yaml` beside `POST.md`), or delete it.',
  );
}
