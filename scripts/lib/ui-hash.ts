/** A digest of the sources of what the screenshots in docs/screenshots show, written beside them by
 * npm run screenshots: a test compares it with the sources now, so a UI change without new pictures fails. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './browser';

const UI_SOURCES = ['src/popup', 'src/options', 'src/welcome', 'src/shared/ui.css', 'src/shared/moods.ts', 'src/shared/percent.ts', 'src/shared/i18n.ts', 'public/_locales', 'public/icons/icon.svg'];
export const UI_HASH_FILE = join(ROOT, 'docs/screenshots/ui-sources.sha256');

function files(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).sort().flatMap((f) => files(join(path, f))) : [path];
}

export function uiHash(): string {
  const hash = createHash('sha256');
  for (const file of UI_SOURCES.flatMap((p) => files(join(ROOT, p)))) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}
