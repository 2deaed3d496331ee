/** Auto mode over a sequence of fake-camera photos: one odd check (a glance away, a single contrary face)
 * does not switch the music; a mood that holds over two checks does. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';
import catalogue from '../../data/catalogue.json';
import { ALBUM, fixtureState, openSpotify, serveSpotify } from './spotify-fixture';

const photo = (name: string) => join(ROOT, 'tests/fixtures/faces', name);
const labelOf = new Map(catalogue.rows.map((r) => [r[0] as string, r[3] as number]));

describe('auto mode with a photo sequence', () => {
  let s: ExtensionSession;
  let spotify: Page;
  beforeAll(async () => {
    s = await launchExtension({ photo: photo('happy.jpg'), grantCamera: true });
    await s.setSettings({ backend: 'wasm' });
    await serveSpotify(s.context, () => ({ locale: 'en' }));
    spotify = await s.context.newPage();
    await openSpotify(spotify, `/album/${ALBUM}`);
    await spotify.locator('section[data-testid="album-page"] [data-testid="action-bar-row"] [data-testid="play-button"]').click();
  });
  afterAll(() => s.close());

  /** One scheduled check with this photo as the camera; resolves with what auto mode noted. */
  async function scheduledCheck(name: string): Promise<{ skipped?: string; mood?: string; ok?: boolean }> {
    s.setPhoto(photo(name));
    const before = await s.worker.evaluate(async () => ((await chrome.storage.local.get('lastAutoQueue')).lastAutoQueue as { at: number } | undefined)?.at ?? 0);
    await s.worker.evaluate(() => chrome.alarms.create('mood-check', { when: Date.now() + 100 }));
    const last = () => s.worker.evaluate(async () => (await chrome.storage.local.get('lastAutoQueue')).lastAutoQueue as { at: number; skipped?: string; mood?: string; ok?: boolean } | undefined);
    await expect.poll(async () => (await last())?.at ?? 0, { timeout: 30_000 }).toBeGreaterThan(before);
    return (await last())!;
  }
  const queuedLabels = async () => (await fixtureState(spotify)).queue.map((id) => labelOf.get(id));

  it('queues for a happy face, then holds through a glance away and a single sad check', async () => {
    await s.setSettings({ autoMode: true, intervalMinutes: 240 }); // on, but not due by itself during the test
    await expect.poll(() => s.worker.evaluate(() => chrome.alarms.get('mood-check'))).toMatchObject({ periodInMinutes: 240 });
    expect(await scheduledCheck('happy.jpg')).toMatchObject({ ok: true, mood: 'happy' });
    expect(await queuedLabels()).toEqual([1, 1, 1]);
    expect((await scheduledCheck('no-face.jpg')).skipped).toMatch(/^no mood: No face was found/);
    expect((await scheduledCheck('sad.jpg')).skipped).toMatch(/^this check read sad, but still happy over recent checks/);
    expect((await scheduledCheck('happy.jpg')).skipped).toMatch(/^still happy over recent checks/);
    expect(await queuedLabels()).toEqual([1, 1, 1]);
  });

  it('switches to sad songs when the sad face holds over two checks', async () => {
    for (let i = 0; i < 2; i++) expect((await scheduledCheck('happy.jpg')).skipped).toMatch(/^still happy/);
    expect((await scheduledCheck('sad.jpg')).skipped).toMatch(/^this check read sad, but still happy/);
    expect(await scheduledCheck('sad.jpg')).toMatchObject({ ok: true, mood: 'sad' });
    expect(await queuedLabels()).toEqual([1, 1, 1, 0, 0, 0]);
    const popup = await s.openPopup();
    expect(await popup.getByTestId('auto-status').innerText()).toMatch(/Last, at .*: Queued 3 songs in Spotify\./);
    await popup.close();
  });
});
