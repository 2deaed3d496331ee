/** Restarts, concurrency, message validation and permissions of the built extension. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIST, launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';
import { MoodResult } from '../../src/shared/messages';

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), grantCamera: true });
  await s.setSettings({ backend: 'wasm' });
});
afterAll(() => s.close());

it('the built manifest asks for exactly the documented permissions', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  expect(manifest.permissions).toEqual(['offscreen', 'storage', 'alarms', 'scripting']);
  expect(manifest.host_permissions).toEqual(['https://open.spotify.com/*']);
  expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
});

it('two checks at once share one offscreen document and both get an answer', async () => {
  const [a, b] = await Promise.all([s.ask({ type: 'check-mood' }), s.ask({ type: 'check-mood' })]);
  const [ra, rb] = [MoodResult.parse(a.result), MoodResult.parse(b.result)];
  expect(ra.documentId).toBe(rb.documentId);
  const contexts = await s.worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] }));
  expect(contexts).toHaveLength(1);
});

it('malformed and unknown messages are rejected, not acted on', async () => {
  for (const bad of [{ type: 'format-disk' }, { type: 'pick-songs', mood: 'euphoric' }, { type: 'queue-songs', songs: [{ id: '../../etc' }] }, 'check-mood', null]) {
    const answer = await s.ask(bad);
    expect(answer).toMatchObject({ ok: false });
  }
  const offscreen = await s.ask({ target: 'offscreen', type: 'run-check', frames: 1000, backend: 'wasm' });
  expect(offscreen).toMatchObject({ ok: false, error: { message: 'malformed message' } });
});

it('a check cut by a service worker restart still ends with a mood or a clear message', async () => {
  const popup = await s.openPopup();
  const cdp = await s.context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await popup.waitForTimeout(300); // the check is under way
  await cdp.send('ServiceWorker.stopAllWorkers');
  const shown = popup.locator('[data-testid=mood-result], [data-testid=check-error]');
  await shown.first().waitFor({ timeout: 90_000 });
  if (await popup.getByTestId('check-error').count()) expect(await popup.getByTestId('check-error').innerText()).toMatch(/\w+/);
  else expect(await shown.getAttribute('data-mood')).toMatch(/angry|happy|neutral|sad/);
});
