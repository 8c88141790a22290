/**
 * `words:` in site.yaml: the site's own text for the theme's fixed phrases, and `months`.
 * Read before the language's table is known; `config.ts` resolves them last.
 */
import { closest } from '../suggest.js';
import { PHRASE_KEYS, isPhraseKey, type Phrases } from '../words.js';
import { itemPosition, type YamlEntry, type YamlText } from '../yaml.js';
import type { SettingProblem } from './settings.js';

/** The `words:` of site.yaml, before the language's table is known. */
export interface WordSettings {
  phrases: Partial<Record<keyof Phrases, string>>;
  months: string[] | null;
}

/** Reads `words:`: phrase key → text, and `months` as a list of twelve names. */
export function readWords(
  words: WordSettings,
  entry: YamlEntry,
  yaml: YamlText,
): SettingProblem | null {
  const { value } = entry;
  const hint = 'Write it like `words: { olderPosts: Earlier posts, readMore: Continue }`.';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      name: 'ConfigInvalid',
      at: entry.valueAt,
      text: ['words must map phrase names to text.', hint],
    };
  }
  for (const [index, [key, text]] of Object.entries(value).entries()) {
    const at = itemPosition(yaml, entry.node, index, entry.valueAt);
    if (key === 'months') {
      if (!isTwelveNames(text)) {
        return {
          name: 'ConfigInvalid',
          at,
          text: [
            'words.months must be a list of the twelve month names, January first.',
            'Write it like `months: [Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec]`.',
          ],
        };
      }
      words.months = text;
      continue;
    }
    if (!isPhraseKey(key)) return unknownPhrase(key, at);
    if (typeof text !== 'string' && typeof text !== 'number') {
      return { name: 'ConfigInvalid', at, text: [`words.${key} must be text.`, hint] };
    }
    words.phrases[key] = String(text);
  }
  return null;
}

function isTwelveNames(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length === 12 &&
    value.every((name): name is string => typeof name === 'string')
  );
}

function unknownPhrase(key: string, at: SettingProblem['at']): SettingProblem {
  const phrases = [...PHRASE_KEYS, 'months'];
  const near = closest(key, phrases);
  return {
    name: 'ConfigUnknownKey',
    at,
    text: [
      `site.yaml \`words\` has no phrase called \`${key}\`.`,
      near
        ? `Did you mean \`${near}\`?`
        : `The phrases are: ${phrases.map((k) => `\`${k}\``).join(', ')}.`,
    ],
  };
}
