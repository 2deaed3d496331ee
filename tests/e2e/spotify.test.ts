/** Songs into a Spotify Web Player tab, through the real extension: open.spotify.com is served by a fixture
 * built like the real Web Player (tests/fixtures/spotify/README.md), in English and German, with its
 * lingering pages, extra buttons, tippy menu, upsell, blocked autoplay and a tab without the content script. */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';
import { localePrefix, SPOTIFY, STRINGS, trackOfLink, trackPageOf } from '../../src/content/spotify-selectors';
import { AUTOPLAY_BLOCKED } from '../../src/content/spotify-driver';
import catalogue from '../../data/catalogue.json';
import de from '../fixtures/spotify/locales/de.json';
import { ALBUM, fixtureState, openSpotify, serveSpotify, type FixtureConfig } from './spotify-fixture';

const labelOf = new Map(catalogue.rows.map((r) => [r[0] as string, r[3] as number]));
const TRACK = '4uLU6hMCjMI75M1A2tKUQC';

describe('Spotify selectors against the fixture pages', () => {
  let browser: Browser;
  let page: Page;
  let config: FixtureConfig = {};
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext();
    await serveSpotify(context, () => config);
    page = await context.newPage();
  });
  afterAll(() => browser.close());

  for (const locale of ['en', 'de'] as const) {
    it(`${locale}: finds the player, the track page of the requested track, its own buttons and the tippy menu`, async () => {
      config = { locale };
      await openSpotify(page, locale === 'de' ? `/intl-de/album/${ALBUM}` : `/album/${ALBUM}`);
      expect(await page.locator(SPOTIFY.playPause).count()).toBe(1);
      expect(await page.locator(SPOTIFY.localeLink).getAttribute('data-translations-url-for-locale')).toBe(locale);
      const prefix = localePrefix(new URL(page.url()).pathname);
      expect(prefix).toBe(locale === 'de' ? '/intl-de' : '');
      await page.evaluate((url) => {
        history.pushState({}, '', url);
        dispatchEvent(new PopStateEvent('popstate'));
      }, `${prefix}/track/${TRACK}`);
      // The album page lingers while the track page renders; the track page is told apart by its test uri.
      const track = page.locator(trackPageOf(TRACK));
      await track.waitFor();
      // The test clicks by pointer at a position: the lingering album page's removal shifts the track page up, and
      // a click during that shift lands elsewhere (the driver clicks the element itself, so it is not affected).
      await page.locator('[data-testid="album-page"]').waitFor({ state: 'detached' });
      expect(await page.locator(SPOTIFY.trackPage).count()).toBe(1);
      expect(await track.locator(SPOTIFY.actionBarPlay).count()).toBe(1);
      expect(await track.locator(SPOTIFY.actionBarMore).count()).toBe(1);
      // The trap: play and More buttons on every card and row.
      expect(await page.locator('[data-testid="play-button"]').count()).toBeGreaterThan(5);
      await track.locator(SPOTIFY.actionBarMore).click();
      const menu = page.locator(SPOTIFY.menu);
      await menu.waitFor();
      expect(await page.locator('body > div[data-tippy-root] > #context-menu[data-testid=context-menu] > ul[role=menu] > li[role=presentation] > button[role=menuitem] > span').count()).toBeGreaterThan(1);
      const items = menu.locator(SPOTIFY.menuItem);
      expect(await items.count()).toBe(5); // buttons, a checkbox item and a link
      const words = locale === 'de' ? de[STRINGS.addToQueue.key] : STRINGS.addToQueue.en;
      expect((await items.allInnerTexts()).filter((t) => t.trim() === words)).toHaveLength(1);
      await page.keyboard.press('Escape');
      await track.locator(SPOTIFY.actionBarPlay).click();
      expect(trackOfLink((await page.locator(SPOTIFY.nowPlayingLink).getAttribute('href'))!)).toBe(TRACK);
      expect(await page.locator(SPOTIFY.playPause).getAttribute('aria-label')).toBe(locale === 'de' ? de[STRINGS.pause.key] : STRINGS.pause.en);
    });
  }
});

interface Queued {
  text: string;
  code?: string;
  shown: string[];
  statuses: Array<string | null>;
}

describe('queueing from the popup into a page built like the Web Player', () => {
  let s: ExtensionSession;
  let spotify: Page;
  let config: FixtureConfig = {};
  beforeAll(async () => {
    s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), grantCamera: true });
    await s.setSettings({ backend: 'wasm' });
    await serveSpotify(s.context, () => config);
  });
  afterAll(() => s.close());

  /** The popup's check, its songs, "Queue in Spotify", and what the popup then says. */
  async function queueFromPopup(): Promise<Queued> {
    const check = await s.popupCheck();
    expect(check.mood).toBe('happy');
    await expect.poll(() => check.page.getByTestId('song').count()).toBe(3);
    await check.page.getByTestId('queue-songs').click();
    const answer = check.page.getByTestId('queue-result').or(check.page.getByTestId('queue-error'));
    await answer.waitFor({ timeout: 30_000 });
    const songs = check.page.getByTestId('song');
    const out = {
      text: await answer.innerText(),
      code: (await answer.getAttribute('data-code')) ?? undefined,
      shown: await songs.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!)),
      statuses: await songs.evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))),
    };
    await check.page.close();
    return out;
  }

  /** Loads the user's page in the Spotify tab; returns what must be the same after mood-dj is done. */
  async function userOn(path: string, c: FixtureConfig) {
    config = c;
    await openSpotify(spotify, path);
    return { url: spotify.url(), length: await spotify.evaluate(() => history.length) };
  }
  async function expectPutBack(before: { url: string; length: number }) {
    expect(spotify.url()).toBe(before.url);
    expect(await spotify.evaluate(() => history.length)).toBe(before.length);
    // The app renders the user's page again; the last track page lingers a moment, as after any navigation.
    await expect.poll(() => spotify.locator('section[data-testid="album-page"]').count()).toBe(1);
    await expect.poll(() => spotify.locator(SPOTIFY.trackPage).count()).toBe(0);
    expect(await spotify.locator(`${SPOTIFY.menu}, ${SPOTIFY.dialog}`).count()).toBe(0);
  }

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

  it('English, idle player, old page lingering 400 ms: plays the first song and queues the other two, exactly', async () => {
    const before = await userOn(`/album/${ALBUM}`, { locale: 'en', lingerMs: 400, renderMs: 300 });
    const q = await queueFromPopup();
    expect(q.text).toBe('Playing the first song and queued 2 songs in Spotify.');
    expect(q.statuses).toEqual(['played', 'queued', 'queued']);
    const state = await fixtureState(spotify);
    expect(state.log).toEqual([{ action: 'play', id: q.shown[0] }, ...q.shown.slice(1).map((id) => ({ action: 'queue', id }))]);
    expect(q.shown.every((id) => labelOf.get(id) === 1)).toBe(true);
    await expectPutBack(before);
  });

  it('German UI on an /intl-de/ path while music plays: queues all three, in order', async () => {
    const before = await userOn(`/intl-de/album/${ALBUM}`, { locale: 'de' });
    await spotify.locator('section[data-testid="album-page"] [data-testid="action-bar-row"] [data-testid="play-button"]').click(); // the user's own music
    const q = await queueFromPopup();
    expect(q.text).toBe('Queued 3 songs in Spotify.');
    const state = await fixtureState(spotify);
    expect(state.log.slice(1)).toEqual(q.shown.map((id) => ({ action: 'queue', id })));
    expect(state.playing).toBe(true);
    await expectPutBack(before);
  });

  it('free account, idle player: plays the first song and says why the other two were not queued', async () => {
    const before = await userOn(`/album/${ALBUM}`, { account: 'free-upsell' });
    const q = await queueFromPopup();
    expect(q.text).toBe('Playing the first song in Spotify. 2 songs not queued: Spotify answered "Try Premium" instead of adding it to the queue.');
    expect(q.statuses).toEqual(['played', 'refused', 'refused']);
    expect((await fixtureState(spotify)).log).toEqual([
      { action: 'play', id: q.shown[0] },
      { action: 'upsell', id: q.shown[1] },
    ]);
    await expectPutBack(before);
  });

  it('free account while music plays: the refused first song is played now, the rest reported', async () => {
    const before = await userOn(`/intl-de/album/${ALBUM}`, { locale: 'de', account: 'free-upsell' });
    await spotify.locator('section[data-testid="album-page"] [data-testid="action-bar-row"] [data-testid="play-button"]').click();
    const q = await queueFromPopup();
    expect(q.text).toBe(`Playing the first song in Spotify. 2 songs not queued: Spotify answered "${de['upsell.premium-only.title']}" instead of adding it to the queue.`);
    expect((await fixtureState(spotify)).log.slice(1)).toEqual([
      { action: 'upsell', id: q.shown[0] },
      { action: 'play', id: q.shown[0] },
    ]);
    await expectPutBack(before);
  });

  it('autoplay blocked: the first song waits in the player, the other two are queued, and the popup says to press play', async () => {
    const before = await userOn(`/album/${ALBUM}`, { autoplayBlocked: true });
    const q = await queueFromPopup();
    expect(q.text).toBe(`Queued 2 songs in Spotify. 1 song not confirmed: ${AUTOPLAY_BLOCKED.replace(/\.$/, '')}.`);
    expect(q.statuses).toEqual(['not-confirmed', 'queued', 'queued']);
    const state = await fixtureState(spotify);
    expect(state.log).toEqual([{ action: 'play-blocked', id: q.shown[0] }, ...q.shown.slice(1).map((id) => ({ action: 'queue', id }))]);
    expect(state.nowPlaying).toBe(q.shown[0]);
    await expectPutBack(before);
  });

  it('auto mode: an alarm checks the mood, queues songs in the tab and puts the mood on the badge', async () => {
    await userOn(`/album/${ALBUM}`, { locale: 'en' });
    await spotify.locator('section[data-testid="album-page"] [data-testid="action-bar-row"] [data-testid="play-button"]').click();
    await s.worker.evaluate(() => chrome.storage.local.remove('lastQueued'));
    await s.setSettings({ autoMode: true, intervalMinutes: 240 }); // on, but not due by itself during the test
    await expect.poll(() => s.worker.evaluate(() => chrome.alarms.get('mood-check'))).toMatchObject({ periodInMinutes: 240 });
    // The alarm the options page schedules, made due now instead of in 30 s or more.
    await s.worker.evaluate(() => chrome.alarms.create('mood-check', { when: Date.now() + 100 }));
    await expect.poll(async () => (await fixtureState(spotify)).queue.length, { timeout: 30_000 }).toBe(3);
    const { queue } = await fixtureState(spotify);
    expect(queue.every((id) => labelOf.get(id) === 1)).toBe(true);
    expect(new Set(queue).size).toBe(3);
    expect(await s.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('😄');
    // Same mood again right away: the queue is still full, nothing more is added.
    await s.worker.evaluate(() => chrome.alarms.create('mood-check', { when: Date.now() + 100 }));
    const skipped = () => s.worker.evaluate(async () => ((await chrome.storage.local.get('lastAutoQueue')).lastAutoQueue as { skipped?: string } | undefined)?.skipped);
    await expect.poll(skipped, { timeout: 30_000 }).toMatch(/still happy/);
    const popup = await s.openPopup();
    expect(await popup.getByTestId('auto-status').innerText()).toMatch(/a check every 240 min\. Last, at .*: nothing queued \(still happy/);
    await popup.close();
    expect((await fixtureState(spotify)).queue).toHaveLength(3);
    await s.setSettings({ autoMode: false });
  });

  it('"Test my Spotify tab" passes on the English and German pages and leaves them as they were', async () => {
    for (const [path, c] of [[`/album/${ALBUM}`, { locale: 'en' }], [`/intl-de/album/${ALBUM}`, { locale: 'de' }]] as const) {
      const before = await userOn(path, c);
      const options = await s.context.newPage();
      await options.goto(s.url('src/options/index.html'));
      await options.getByTestId('test-spotify').click();
      const result = options.getByTestId('spotify-health-result');
      await result.waitFor({ timeout: 30_000 });
      expect(await result.getAttribute('data-passed')).toBe('true');
      expect(await options.getByTestId('spotify-health-summary').innerText()).toBe('All 7 checks passed: mood-dj can queue songs in this tab.');
      expect(await options.getByTestId('spotify-health-item').allInnerTexts()).toContainEqual(expect.stringContaining(`language ${c.locale}`));
      expect((await fixtureState(spotify)).log).toEqual([]); // nothing played or queued
      await expectPutBack(before);
      await options.close();
    }
  });

  it("a redesigned page: the queue reports that Spotify's page changed, and the test names the missing control", async () => {
    await userOn(`/album/${ALBUM}`, { changed: true });
    const q = await queueFromPopup();
    expect(q.code).toBe('page-changed');
    expect(q.text).toContain("Spotify's page changed");
    expect(q.text).toContain('queueing is unavailable');
    expect((await fixtureState(spotify)).log).toEqual([]);
    const options = await s.context.newPage();
    await options.goto(s.url('src/options/index.html'));
    await options.getByTestId('test-spotify').click();
    await options.getByTestId('spotify-health-result').waitFor({ timeout: 30_000 });
    expect(await options.getByTestId('spotify-health-summary').innerText()).toBe(
      "Queueing will not work in this tab: mood-dj could not find the player bar's play/pause button.",
    );
    await options.close();
  });
});

describe('a Spotify tab opened before mood-dj was installed', () => {
  let s: ExtensionSession;
  let spotify: Page;
  beforeAll(async () => {
    s = await launchExtension({
      photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'),
      grantCamera: true,
      beforeInstall: async (context) => {
        await serveSpotify(context, () => ({ locale: 'en' }));
        spotify = await context.newPage();
        await openSpotify(spotify, `/album/${ALBUM}`);
      },
    });
    await s.setSettings({ backend: 'wasm' });
  });
  afterAll(() => s.close());

  it('has no content script until mood-dj puts one in, then queues the songs in it', async () => {
    const reach = () =>
      s.worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ url: 'https://open.spotify.com/*' });
        return chrome.tabs.sendMessage(tab.id!, { type: 'not-a-command' }).then(() => 'answered', (e: Error) => e.message);
      });
    expect(await reach()).toMatch(/Receiving end does not exist/);
    const check = await s.popupCheck();
    expect(check.mood).toBe('happy');
    await expect.poll(() => check.page.getByTestId('song').count()).toBe(3);
    const shown = await check.page.getByTestId('song').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    await check.page.getByTestId('queue-songs').click();
    const answer = check.page.getByTestId('queue-result').or(check.page.getByTestId('queue-error'));
    await answer.waitFor({ timeout: 30_000 });
    expect(await answer.innerText()).toBe('Playing the first song and queued 2 songs in Spotify.');
    expect((await fixtureState(spotify)).log).toEqual([{ action: 'play', id: shown[0] }, ...shown.slice(1).map((id) => ({ action: 'queue', id }))]);
    expect(spotify.url()).toBe(`https://open.spotify.com/album/${ALBUM}`);
  });
});
