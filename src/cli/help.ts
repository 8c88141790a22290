/** Help texts, made from the command specs: `rubric --help` and `rubric COMMAND --help`. */
import type { CommandSpec, OptionSpec } from './args.js';

/** `--root DIR`, `-h, --help`: how an option is written in help. */
export function optionLabel(option: OptionSpec): string {
  const long = `--${option.name}${option.value === undefined ? '' : ` ${option.value}`}`;
  return option.short === undefined ? long : `-${option.short}, ${long}`;
}

/** One command's help: usage, what it does, every option. */
export function commandHelp(spec: CommandSpec): string {
  const width = Math.max(...spec.options.map((o) => optionLabel(o).length));
  const lines = [
    `rubric ${spec.name}: ${spec.summary}`,
    '',
    'Usage:',
    ...spec.usage.map((line) => `  ${line}`),
    '',
    'Options:',
    ...spec.options.map((o) => `  ${optionLabel(o).padEnd(width)}  ${o.help}`),
  ];
  if (spec.notes && spec.notes.length > 0) lines.push('', ...spec.notes);
  return lines.join('\n');
}

/** `rubric --help`: every command with its usage, in the order given. */
export function globalHelp(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((s) => s.name.length));
  return [
    'rubric: a static site generator for topic blogs',
    '',
    'Usage:',
    ...specs.flatMap((s) => s.usage.map((line) => `  ${line}`)),
    '',
    'Commands:',
    ...specs.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`),
    '',
    'Options of every command: rubric COMMAND --help',
    '  --version      print the version of Rubric',
    '  -h, --help     show this help',
    '',
    'Exit codes: 0 done, 1 the content has errors, 2 wrong usage, 3 a file could not be read or written.',
  ].join('\n');
}
