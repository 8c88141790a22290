/**
 * Running the CLI in-process: an IO that collects what it prints.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { CliIO } from '../../src/cli.js';
import { packageRoot } from '../../src/paths.js';

/** A {@link CliIO} in `cwd` that keeps every line printed, without colour. */
export function capture(
  cwd: string,
  extra: Partial<CliIO> = {},
): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    color: false,
    cwd,
    ...extra,
  };
}

/** What the real bin printed and returned. */
export interface BinRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `bin/rubric.js` (the compiled lib/) in `cwd`, without colour, with
 * `env` over this process's environment minus CI (so tests behave alike on a CI runner).
 */
export async function runBin(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<BinRun> {
  const inherited = { ...process.env };
  delete inherited.CI;
  delete inherited.RUBRIC_BASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(packageRoot, 'bin', 'rubric.js'), ...args],
      { cwd, env: { ...inherited, NO_COLOR: '1', ...env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
