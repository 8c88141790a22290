/**
 * Running the CLI in-process: an IO that collects what it prints.
 */
import type { CliIO } from '../../src/cli.js';

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
