/** The extension's own words in the browser's language (public/_locales/<lang>/messages.json, English when the
 * language has none), in its pages, its worker and its content script alike. The details of "Test my Spotify
 * tab" (which signal was found) and internal errors stay in English. */
import browser from 'webextension-polyfill';
import en from '../../public/_locales/en/messages.json';
import { LOCALES } from './locales';
import type { Mood } from './messages';

export type MessageKey = keyof typeof en;
type Messages = Partial<Record<MessageKey, { message: string }>>;

let own: Messages = {};

/** Reads the UI language's messages file itself. Chrome's getMessage now and then answers "" for a whole page
 * (seen under load in the tests, with getUILanguage() right), so each page loads this before it renders. */
export async function loadMessages(): Promise<void> {
  const lang = browser.i18n.getUILanguage().replace('-', '_');
  const dir = [lang, lang.split('_')[0]].find((l) => LOCALES.includes(l));
  if (!dir || dir === 'en') return;
  const r = await fetch(browser.runtime.getURL(`_locales/${dir}/messages.json`)).catch(() => undefined);
  if (r?.ok) own = (await r.json()) as Messages;
}

const fill = (message: string, args: string[]) => message.replace(/\$(\d)/g, (_, i: string) => args[Number(i) - 1] ?? '');

/** The message with $1, $2, … filled in: Chrome's, else the one read by loadMessages, else the English one. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const args = subs.map(String);
  return browser.i18n.getMessage(key, args) || fill((own[key] ?? en[key]).message, args);
}

export const moodLabel = (mood: Mood) => t(`mood_${mood}`);
