/**
 * What a row of the key table (`keys.ts`) reads from: the entries of one post's front
 * matter, and where the problems it finds go, each placed at the value it is about.
 */
import { buildError, type BuildError, type BuildWarning, type ErrorName } from '../../errors.js';
import type { FieldReader } from '../../fields.js';
import type { YamlEntry, YamlText } from '../../yaml.js';

export interface PostKeys {
  readonly file: string;
  readonly yaml: YamlText;
  /** The site's time zone, in which dates without an offset are read. */
  readonly zone: string;
  readonly errors: BuildError[];
  readonly warnings: BuildWarning[];
  /** The entry of `key`: a key given twice takes its last value. */
  last(key: string): YamlEntry | undefined;
  /** Every entry of `key`, in file order: label lists are read from every line. */
  every(key: string): readonly YamlEntry[];
  /** Puts the error `name` at the value of `entry`. */
  fail(name: ErrorName, entry: YamlEntry, message: string, hint: string): void;
  /**
   * `entry` read by a shared reader (`fields.ts`); a refusal becomes the error `name` at
   * the value, and the result is `undefined`.
   */
  read<T>(entry: YamlEntry, reader: FieldReader<T>, name?: ErrorName): T | undefined;
}

/** The {@link PostKeys} of one post's top-level `entries`. */
export function postKeys(
  file: string,
  yaml: YamlText,
  zone: string,
  entries: readonly YamlEntry[],
): PostKeys {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const errors: BuildError[] = [];
  const fail = (name: ErrorName, entry: YamlEntry, message: string, hint: string) => {
    errors.push(buildError(name, { file, ...entry.valueAt }, message, hint));
  };
  return {
    file,
    yaml,
    zone,
    errors,
    warnings: [],
    last: (key) => byKey.get(key),
    every: (key) => entries.filter((entry) => entry.key === key),
    fail,
    read(entry, reader, name = 'FrontMatterInvalid') {
      const reading = reader(entry);
      if (reading.ok) return reading.value;
      fail(name, entry, reading.message, reading.hint);
      return undefined;
    },
  };
}
