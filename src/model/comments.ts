/**
 * A post's comments as a thread: oldest first, as Blogger and WordPress show them, each
 * reply under the comment it answers (oldest first too). A reply whose parent is not in
 * the file, or that answers itself through a loop of replies, is shown at the top level:
 * a comment is never lost. Threads are cut at {@link MAX_DEPTH}: deeper replies stand at
 * the deepest level, so a long exchange stays readable on a phone. Pure.
 */
import type { ParsedComment } from '../parse/comments.js';

/** How deep replies nest before they stand side by side (WordPress's default is 5). */
export const MAX_DEPTH = 5;

/** A comment and the replies under it. */
export interface CommentNode {
  readonly comment: ParsedComment;
  readonly replies: readonly CommentNode[];
}

/** The comments of one post, threaded. */
export interface CommentThread {
  /** The comments file: `posts/x.comments.yaml`. */
  readonly file: string;
  readonly count: number;
  readonly comments: readonly CommentNode[];
}

/** Threads the comments of a file (given in the file's order). */
export function threadComments(file: string, comments: readonly ParsedComment[]): CommentThread {
  const order = comments
    .map((comment, index) => ({ comment, index }))
    .sort((a, b) => a.comment.date - b.comment.date || a.index - b.index)
    .map(({ comment }) => comment);
  const ids = new Set(order.flatMap((c) => (c.id === null ? [] : [c.id])));
  const children = new Map<string, ParsedComment[]>();
  const roots: ParsedComment[] = [];
  for (const comment of order) {
    const parent = comment.replyTo;
    if (parent === null || parent === comment.id || !ids.has(parent)) roots.push(comment);
    else children.set(parent, [...(children.get(parent) ?? []), comment]);
  }
  const rank = new Map(order.map((comment, index) => [comment, index]));
  const tree = { children, placed: new Set<ParsedComment>(), rank };
  const nodes = roots.flatMap((comment) => branch(comment, tree, 1));
  // What is left answers a comment that is itself a reply in a loop: shown at the top.
  for (const comment of order) {
    if (!tree.placed.has(comment)) nodes.push(...branch(comment, tree, 1));
  }
  nodes.sort((a, b) => (rank.get(a.comment) ?? 0) - (rank.get(b.comment) ?? 0));
  return { file, count: comments.length, comments: nodes };
}

interface Tree {
  readonly children: ReadonlyMap<string, readonly ParsedComment[]>;
  readonly placed: Set<ParsedComment>;
  readonly rank: ReadonlyMap<ParsedComment, number>;
}

/**
 * A comment with its replies under it; at {@link MAX_DEPTH}, the comment and every reply
 * below it side by side, in date order.
 */
function branch(comment: ParsedComment, tree: Tree, depth: number): CommentNode[] {
  tree.placed.add(comment);
  if (depth < MAX_DEPTH) {
    const replies = repliesTo(comment, tree).flatMap((reply) => branch(reply, tree, depth + 1));
    return [{ comment, replies }];
  }
  const flat = [comment];
  for (let i = 0; i < flat.length; i++) {
    for (const reply of repliesTo(flat[i] as ParsedComment, tree)) {
      tree.placed.add(reply);
      flat.push(reply);
    }
  }
  flat.sort((a, b) => (tree.rank.get(a) ?? 0) - (tree.rank.get(b) ?? 0));
  return flat.map((c) => ({ comment: c, replies: [] }));
}

function repliesTo(comment: ParsedComment, tree: Tree): ParsedComment[] {
  if (comment.id === null) return [];
  return (tree.children.get(comment.id) ?? []).filter((reply) => !tree.placed.has(reply));
}
