/** The README's pictures show the UI as it is: docs/screenshots/ carries the digest of the UI sources they were
 * taken from (npm run screenshots writes both), and a UI change without new pictures fails here. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { UI_HASH_FILE, uiHash } from '../../scripts/lib/ui-hash';

it('the committed screenshots were taken from the UI sources as they are now (else: npm run screenshots)', () => {
  expect(readFileSync(UI_HASH_FILE, 'utf8').trim(), 'the UI changed since docs/screenshots was written: run npm run screenshots').toBe(uiHash());
});
