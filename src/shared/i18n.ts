/** The extension's own words in the browser's language (public/_locales/<lang>/messages.json, English when the
 * language has none). Messages from Spotify's page and the worker's reports stay in English for now. */
import browser from 'webextension-polyfill';
import en from '../../public/_locales/en/messages.json';
import type { Mood } from './messages';

export type MessageKey = keyof typeof en;

/** The message with $1, $2, … filled in. Chrome answers "" when it has no message bundle for the page yet (seen
 * under load in the tests): the English text then stands in, never the bare key. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const args = subs.map(String);
  return browser.i18n.getMessage(key, args) || en[key].message.replace(/\$(\d)/g, (_, i: string) => args[Number(i) - 1] ?? '');
}

export const moodLabel = (mood: Mood) => t(`mood_${mood}`);
