/**
 * The file names the load stage never reads, as one rule: `session/classify.ts` asks the
 * same predicates, so a file dev ignores is one a build would not have read either.
 */

/** Files that editors and operating systems leave beside real ones. */
const EDITOR_LITTER = [/~$/, /^#.*#$/, /^\.#/, /\.sw[px]$/, /^\.DS_Store$/, /^Thumbs\.db$/];

/** True for an editor's or system's file beside real ones (`a.md~`, `.a.md.swp`, `.DS_Store`). */
export function isEditorLitter(name: string): boolean {
  return EDITOR_LITTER.some((pattern) => pattern.test(name));
}

/**
 * True for a hidden file or folder, or `node_modules`: never a post or a template (static
 * files may be hidden: `.well-known/`, `.nojekyll`).
 */
export function isHiddenOrModules(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** True for a name that is never a post or template source. */
export function isNotSource(name: string): boolean {
  return isEditorLitter(name) || isHiddenOrModules(name);
}
