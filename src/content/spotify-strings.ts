/** The Web Player's own words, in the user's language: read from the locale file the page links, so that
 * "Add to queue" is found in a German or Korean UI as well as in English. */
import { SPOTIFY, STRINGS, type StringName } from './spotify-selectors';

export interface PageStrings {
  /** the locale the page names, or 'en' when it links no locale file */
  locale: string;
  /** true when the page's locale file was read; false when English is assumed */
  fromPage: boolean;
  text(name: StringName): string;
  /** whether an element's visible text is that string (case and spacing ignored) */
  is(name: StringName, text: string | null | undefined): boolean;
}

const normal = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
let cached: { href: string; strings: Promise<PageStrings> } | undefined;

function make(locale: string, fromPage: boolean, dict: Record<string, unknown>): PageStrings {
  const text = (name: StringName) => {
    const v = dict[STRINGS[name].key];
    return typeof v === 'string' ? v : STRINGS[name].en;
  };
  return { locale, fromPage, text, is: (name, s) => s != null && normal(s) === normal(text(name)) };
}

export class StringsUnavailable extends Error {}

/** The page's strings; the locale file is fetched once per address (the page preloads it, so it is cached). */
export function pageStrings(doc: Document = document): Promise<PageStrings> {
  const link = doc.querySelector<HTMLLinkElement>(SPOTIFY.localeLink);
  if (!link) return Promise.resolve(make('en', false, {}));
  const locale = link.getAttribute('data-translations-url-for-locale') ?? 'en';
  if (cached?.href !== link.href) {
    const strings = fetch(link.href, { credentials: 'omit' })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((dict: Record<string, unknown>) => {
        const missing = Object.values(STRINGS).filter((s) => typeof dict[s.key] !== 'string');
        if (missing.length) throw new Error(`it has no ${missing.map((s) => `"${s.key}"`).join(', ')}`);
        return make(locale, true, dict);
      })
      .catch((e: unknown) => {
        cached = undefined; // tried again next time
        throw new StringsUnavailable(`Spotify's language file (${locale}) could not be read: ${e instanceof Error ? e.message : String(e)}`);
      });
    cached = { href: link.href, strings };
  }
  return cached.strings;
}
