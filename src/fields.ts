/**
 * Typed readers of one `key: value`, shared by site.yaml (`config/settings.ts`) and a post's
 * front matter (`parse/front-matter/keys.ts`), so that "must be text", "must be true or
 * false" and "must be a whole number from … to …" are decided and worded in one place.
 * A reader returns the value or the sentence that says why there is none; the caller
 * names the problem (ConfigInvalid, FrontMatterInvalid) and places it at the value.
 */

/** One key and its value as YAML read it (`value`) and as it is written (`written`). */
export interface Field {
  readonly key: string;
  readonly value: unknown;
  /** See `YamlEntry.written`: `007` and `1.10` stay the text they are. */
  readonly written: unknown;
}

/** What a reader made of a value: the value, or why it cannot be used. */
export type Reading<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly message: string;
      readonly hint: string;
      /** The item of a list or mapping that is wrong; -1 or absent for the whole value. */
      readonly item?: number;
    };

export type FieldReader<T> = (field: Field) => Reading<T>;

/** A hint written for the key it is about: `(key) => \`Write it like \\`${key}: …\\`.\``. */
export type Hint = string | ((key: string) => string);

export function accept<T>(value: T): Reading<T> {
  return { ok: true, value };
}

export function refuse(message: string, hint: string, item?: number): Reading<never> {
  return item === undefined ? { ok: false, message, hint } : { ok: false, message, hint, item };
}

function hintFor(hint: Hint, key: string): string {
  return typeof hint === 'string' ? hint : hint(key);
}

/** Text that must be given (site.yaml): YAML's value, trimmed; blank text stays ''. */
export function requiredText(hint: Hint): FieldReader<string> {
  return ({ key, value }) =>
    typeof value === 'string'
      ? accept(value.trim())
      : refuse(`${key} must be text.`, hintFor(hint, key));
}

/**
 * Text that may be left out (front matter): read as written, so `summary: 2024` is the
 * text "2024"; nothing after the key is null, and so is blank text unless `keepBlank`.
 */
export function optionalText(
  hint: Hint,
  options: { readonly keepBlank?: boolean } = {},
): FieldReader<string | null> {
  return ({ key, written }) => {
    if (written === null) return accept(null);
    if (typeof written !== 'string') return refuse(`${key} must be text.`, hintFor(hint, key));
    const text = written.trim();
    return accept(text === '' && options.keepBlank !== true ? null : text);
  };
}

/** `true` or `false`, as YAML reads them. */
export function flag(hint: Hint): FieldReader<boolean> {
  return ({ key, value }) =>
    typeof value === 'boolean'
      ? accept(value)
      : refuse(`${key} must be true or false.`, hintFor(hint, key));
}

/** A whole number from `min` to `max`, both included. */
export function wholeNumber(min: number, max: number, hint: Hint): FieldReader<number> {
  return ({ key, value }) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? accept(value)
      : refuse(`${key} must be a whole number from ${min} to ${max}.`, hintFor(hint, key));
}

/**
 * One of `choices`. The message names them (`` `warn`, `error` or `off` ``) and, with
 * `sayWhatWasWritten`, what was given; `also` reads other values as a choice (YAML 1.1's
 * `off` is `false`).
 */
export function oneOf<const T extends string>(
  choices: readonly T[],
  hint: Hint,
  options: { readonly sayWhatWasWritten?: boolean; readonly also?: ReadonlyMap<unknown, T> } = {},
): FieldReader<T> {
  const named = choices.map((choice) => `\`${choice}\``);
  const listed = `${named.slice(0, -1).join(', ')} or ${named.at(-1) ?? ''}`;
  return ({ key, value }) => {
    const choice = options.also?.get(value) ?? value;
    if ((choices as readonly unknown[]).includes(choice)) return accept(choice as T);
    const got = options.sayWhatWasWritten === true ? ` (got ${JSON.stringify(value)})` : '';
    return refuse(`${key} must be ${listed}${got}.`, hintFor(hint, key));
  };
}
