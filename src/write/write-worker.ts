/**
 * The worker side of the staging writer (`sink.ts`): a module piscina loads in one worker
 * thread (from the compiled `lib/`). It writes batches of files into a fresh staging
 * folder with plain synchronous calls, each folder made once, parents first: one thread,
 * one `mkdir` per folder and an open, a write and a close per file, with no hand-over to
 * libuv's thread pool per call, while the main thread renders the next pages.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { FreshFolders, insideFolder } from './folders.js';

/** One file to stage: its bytes, or the file to copy. */
export type StagedFile =
  | { readonly path: string; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly path: string; readonly copyOf: string };

/** A batch for the worker: files to write under `root` (a staging folder). */
export interface WriteTask {
  readonly root: string;
  readonly files: readonly StagedFile[];
}

/** A failed system call, as plain data: an Error's own fields do not cross threads. */
export interface WriteFailure {
  readonly message: string;
  readonly code?: string;
  readonly syscall?: string;
  readonly path?: string;
}

/** What a batch did: how many files it wrote, and the failure that stopped it, if any. */
export interface WriteResult {
  readonly written: number;
  readonly failure: WriteFailure | null;
}

/** The folders made so far, per staging folder: this thread serves one build at a time. */
const folders = new Map<string, FreshFolders>();

/** Writes one batch, in order; stops at the first failure and reports it. */
export default function writeBatch(task: WriteTask): WriteResult {
  let made = folders.get(task.root);
  if (!made) {
    made = new FreshFolders(task.root);
    folders.set(task.root, made);
  }
  let written = 0;
  try {
    for (const file of task.files) {
      made.forFile(file.path);
      const destination = insideFolder(task.root, file.path);
      if ('bytes' in file) writeFileSync(destination, file.bytes);
      else copyFileSync(file.copyOf, destination);
      written++;
    }
    return { written, failure: null };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return {
      written,
      failure: { message: e.message, code: e.code, syscall: e.syscall, path: e.path },
    };
  }
}
