/**
 * Where staged files go while pages render: into the run's fresh staging folder, in the
 * order they come, each folder made once and parents first (`FreshFolders`).
 *
 * A big site's files are written by one worker thread (`write-worker.ts`) in batches,
 * with plain synchronous calls, while the main thread renders the next pages: rendering
 * and the kernel's work of creating files overlap on two cores, and each file costs its
 * system calls and nothing else. The earlier writer sent every `mkdir`, open, write and
 * close to libuv's four threads, 32 files at a time: a hand-over and a wake-up per call,
 * and writers waiting on the lock of the one folder they all create entries in. A small
 * site (or a test pause, which must count files exactly) is written on the main thread.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import { packageRoot } from '../paths.js';
import { FreshFolders, insideFolder } from './folders.js';
import type { StagedFile, WriteFailure, WriteResult, WriteTask } from './write-worker.js';

/** Takes staged files; `done` resolves once every file is on disk, or rejects with why not. */
export interface StagingSink {
  /** Stages a page's text. May wait, when the writer is behind. */
  page(file: string, html: string): Promise<void>;
  /** Stages a copy of a file. */
  copy(file: string, from: string): Promise<void>;
  /** Waits for every file to be written, then stops the writer. Throws the first failure. */
  done(): Promise<void>;
}

/** From this many files on, a worker thread writes them; starting one costs about 30 ms. */
export const THREAD_FROM = 300;
/** Files per message: enough that messages cost little, few enough to keep memory flat. */
const BATCH_FILES = 64;
/** Batches on their way at once: one being written, one waiting, one being filled. */
const BATCHES_AHEAD = 2;

const WORKER_FILE = path.join(packageRoot, 'lib', 'write', 'write-worker.js');

/** The sink for `count` files into the staging folder `root`. */
export function stagingSink(root: string, count: number, inline: boolean): StagingSink {
  return inline || count < THREAD_FROM ? inlineSink(root) : threadSink(root);
}

/** Writes each file at once, on this thread. */
function inlineSink(root: string): StagingSink & {
  page(file: string, html: string | Uint8Array): Promise<void>;
} {
  const folders = new FreshFolders(root);
  const at = (file: string) => {
    folders.forFile(file);
    return insideFolder(root, file);
  };
  return {
    page(file, html: string | Uint8Array) {
      writeFileSync(at(file), html);
      return Promise.resolve();
    },
    copy(file, from) {
      copyFileSync(from, at(file));
      return Promise.resolve();
    },
    done: () => Promise.resolve(),
  };
}

/**
 * Sends files in batches to one worker thread, started with the first full batch: a
 * rebuild that stages only a few files (or none: every page already in place) writes
 * them here at the end, without paying for a thread.
 */
function threadSink(root: string): StagingSink {
  let pool: Piscina<WriteTask, WriteResult> | null = null;
  const started = () =>
    (pool ??= new Piscina<WriteTask, WriteResult>({
      filename: WORKER_FILE,
      minThreads: 1,
      maxThreads: 1,
    }));
  let batch: StagedFile[] = [];
  const pending = new Set<Promise<void>>();
  let failure: WriteFailure | null = null;
  const send = async () => {
    const files = batch;
    batch = [];
    const transferList = files.flatMap((f) => ('bytes' in f ? [f.bytes.buffer] : []));
    const sent = started()
      .run({ root, files }, { transferList })
      .then((result) => {
        failure ??= result.failure;
      });
    const tracked = sent.finally(() => pending.delete(tracked));
    pending.add(tracked);
    if (pending.size > BATCHES_AHEAD) await Promise.race(pending);
  };
  const add = async (file: StagedFile) => {
    if (failure) throw asError(failure);
    batch.push(file);
    if (batch.length >= BATCH_FILES) await send();
  };
  return {
    // Encoded into a buffer of its own, which moves to the worker without a copy.
    page: (file, html) => add({ path: file, bytes: new TextEncoder().encode(html) }),
    copy: (file, from) => add({ path: file, copyOf: from }),
    async done() {
      if (!pool) return writeHere(root, batch);
      try {
        if (batch.length > 0 && !failure) await send();
        await Promise.all(pending);
      } finally {
        await pool.destroy();
      }
      if (failure) throw asError(failure);
    },
  };
}

/** Writes the staged files of a batch on this thread. */
async function writeHere(root: string, files: readonly StagedFile[]): Promise<void> {
  const sink = inlineSink(root);
  for (const file of files) {
    if ('bytes' in file) await sink.page(file.path, file.bytes);
    else await sink.copy(file.path, file.copyOf);
  }
}

/** The worker's failure as the Error the write stage reports (code, syscall, path kept). */
function asError(failure: WriteFailure): Error {
  return Object.assign(new Error(failure.message), {
    code: failure.code,
    syscall: failure.syscall,
    path: failure.path,
  });
}
