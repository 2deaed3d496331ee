/** The Web Player's own words, in the user's language: read from the locale file the page links, so that
 * "Add to queue" is found in a German or Korean UI as well as in English. */
import { normalText, SPOTIFY, STRINGS, type StringName } from './spotify-selectors';

export interface PageStrings {
  /** the locale the page names, or 'en' when it links no locale file */
  locale: string;
  /** true when the page's locale file was read; false when English is assumed */
  fromPage: boolean;
  text(name: StringName): string;
  /** whether an element's visible text is that string (case and spacing ignored) */
  is(name: StringName, text: string | null | undefined): boolean;
}

let cached: { href: string; strings: Promise<PageStrings> } | undefined;

function make(locale: string, fromPage: boolean, dict: Record<string, unknown>): PageStrings {
  const text = (name: StringName) => {
    const v = dict[STRINGS[name].key];
    return typeof v === 'string' ? v : STRINGS[name].en;
  };
  return { locale, fromPage, text, is: (name, s) => s != null && normalText(s) === normalText(text(name)) };
}

export class StringsUnavailable extends Error {}

/** How long a page that has no locale link yet is given to add one (the app may add it after it starts). */
const LOCALE_LINK_WAIT_MS = 3000;

/** The page's strings; the locale file is fetched once per address (the page preloads it, so it is cached). A
 * page without the locale link is watched for it a while before English is assumed. */
export async function pageStrings(doc: Document = document, waitMs = LOCALE_LINK_WAIT_MS): Promise<PageStrings> {
  let link = doc.querySelector<HTMLLinkElement>(SPOTIFY.localeLink);
  for (const deadline = Date.now() + waitMs; !link && Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 100));
    link = doc.querySelector<HTMLLinkElement>(SPOTIFY.localeLink);
  }
  if (!link) return make('en', false, {});
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
