/** Songs into a Spotify Web Player tab: open.spotify.com is routed to local fixture pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';
import { ADD_TO_QUEUE, SPOTIFY } from '../../src/content/spotify-selectors';
import catalogue from '../../data/catalogue.json';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/spotify', name), 'utf8');
// The same page after a Spotify redesign renamed the player's play/pause control.
const changedFixture = () => fixture('player.html').replaceAll('control-button-playpause', 'control-button-play-pause-v2');
const labelOf = new Map(catalogue.rows.map((r) => [r[0] as string, r[3] as number]));
const TRACK = '4uLU6hMCjMI75M1A2tKUQC';

describe('Spotify selectors against the fixture page', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.route('https://open.spotify.com/**', (r) => r.fulfill({ contentType: 'text/html', body: fixture('player.html') }));
    await page.goto('https://open.spotify.com/');
  });
  afterAll(() => browser.close());

  it('finds one play/pause control in the player bar', async () => {
    expect(await page.locator(SPOTIFY.playPause).count()).toBe(1);
  });

  it('finds the track page play and More buttons', async () => {
    await page.evaluate((id) => {
      history.pushState({}, '', `/track/${id}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, TRACK);
    await expect.poll(() => page.locator(SPOTIFY.trackMore).count()).toBe(1);
    expect(await page.locator(SPOTIFY.trackPlay).count()).toBe(1);
  });

  it('finds the context menu and exactly one "Add to queue" item', async () => {
    await page.locator(SPOTIFY.trackMore).click();
    expect(await page.locator(SPOTIFY.menu).count()).toBe(1);
    const texts = await page.locator(SPOTIFY.menuItem).allInnerTexts();
    expect(texts.filter((t) => ADD_TO_QUEUE.test(t.trim()))).toHaveLength(1);
  });
});

describe('queueing from the popup', () => {
  let s: ExtensionSession;
  let spotify: Page;
  let changed = false;
  beforeAll(async () => {
    s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), grantCamera: true });
    await s.setSettings({ backend: 'wasm' });
    await s.context.route('https://open.spotify.com/**', (r) => r.fulfill({ contentType: 'text/html', body: changed ? changedFixture() : fixture('player.html') }));
  });
  afterAll(() => s.close());

  it('without a Spotify tab, offers to open Spotify web and keeps the songs listed', async () => {
    const check = await s.popupCheck();
    await check.page.getByTestId('queue-songs').click();
    const error = check.page.getByTestId('queue-error');
    expect(await error.getAttribute('data-code')).toBe('no-tab');
    await expect.poll(() => check.page.getByTestId('song').count()).toBe(3);
    const opened = s.context.waitForEvent('page');
    await error.getByRole('button', { name: 'Open Spotify web' }).click();
    spotify = await opened;
    await spotify.waitForURL('https://open.spotify.com/');
    await check.page.close();
  });

  it('plays the first song and queues the rest, all of the mapped label', async () => {
    const check = await s.popupCheck();
    expect(check.mood).toBe('happy');
    await check.page.getByTestId('queue-songs').click();
    const answer = check.page.getByTestId('queue-result').or(check.page.getByTestId('queue-error'));
    await answer.waitFor();
    expect(await answer.innerText()).toBe('Playing the first song and queued 2 songs in Spotify.');
    const shown = await check.page.getByTestId('song').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    const playing = await spotify.locator('#fixture-now-playing').innerText();
    const queued = await spotify.locator('#fixture-queue li').allInnerTexts();
    expect([playing, ...queued]).toEqual(shown);
    expect(shown.every((id) => labelOf.get(id) === 1)).toBe(true);
    await check.page.close();
  });

  it('auto mode: an alarm checks the mood, queues songs in the tab and puts the mood on the badge', async () => {
    const before = await spotify.locator('#fixture-queue li').count();
    await s.worker.evaluate(() => chrome.storage.local.remove('lastQueued'));
    await s.setSettings({ autoMode: true, intervalMinutes: 240 }); // on, but not due by itself during the test
    await expect.poll(() => s.worker.evaluate(() => chrome.alarms.get('mood-check'))).toMatchObject({ periodInMinutes: 240 });
    // The alarm the options page schedules, made due now instead of in 30 s or more.
    await s.worker.evaluate(() => chrome.alarms.create('mood-check', { when: Date.now() + 100 }));
    await expect.poll(() => spotify.locator('#fixture-queue li').count(), { timeout: 30_000 }).toBe(before + 3);
    const added = (await spotify.locator('#fixture-queue li').allInnerTexts()).slice(before);
    expect(added.every((id) => labelOf.get(id) === 1)).toBe(true);
    expect(await s.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('😄');
    // Same mood again right away: the queue is still full, nothing more is added.
    await s.worker.evaluate(() => chrome.alarms.create('mood-check', { when: Date.now() + 100 }));
    const skipped = () => s.worker.evaluate(async () => ((await chrome.storage.local.get('lastAutoQueue')).lastAutoQueue as { skipped?: string } | undefined)?.skipped);
    await expect.poll(skipped, { timeout: 30_000 }).toMatch(/still happy/);
    const popup = await s.openPopup();
    expect(await popup.getByTestId('auto-status').innerText()).toMatch(/a check every 240 min\. Last, at .*: nothing queued \(still happy/);
    await popup.close();
    expect(await spotify.locator('#fixture-queue li').count()).toBe(before + 3);
  });

  it("reports that Spotify's page changed instead of failing silently", async () => {
    changed = true;
    await spotify.reload();
    const check = await s.popupCheck();
    await check.page.getByTestId('queue-songs').click();
    const error = check.page.getByTestId('queue-error');
    expect(await error.getAttribute('data-code')).toBe('page-changed');
    expect(await error.innerText()).toContain("Spotify's page changed");
    expect(await error.innerText()).toContain('queueing is unavailable');
    await check.page.close();
  });
});
