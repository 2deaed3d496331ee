/** The extension's translations: every message in every language, with the same substitutions. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser';
import { LOCALES } from '../../src/shared/locales';

const dir = join(ROOT, 'public/_locales');
const read = (lang: string): Record<string, { message: string }> => JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8'));
const en = read('en');
const subs = (m: string) => [...m.matchAll(/\$(\d)/g)].map((x) => x[1]).sort().join(',');

describe.each(readdirSync(dir).filter((l) => l !== 'en'))('messages in %s', (lang) => {
  const other = read(lang);
  it("has every English message, and no other", () => {
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
  });
  it('keeps each message\'s substitutions ($1, $2, …) and leaves none empty', () => {
    for (const [key, { message }] of Object.entries(en)) {
      expect(subs(other[key].message), key).toBe(subs(message));
      expect(other[key].message.trim(), key).not.toBe('');
    }
  });
});

it('has German beside English, as the pages know', () => expect(readdirSync(dir).sort()).toEqual([...LOCALES].sort()));
