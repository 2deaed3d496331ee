/** Songs into a Spotify Web Player tab, through the real extension: open.spotify.com is served by a fixture
 * built like the real Web Player (tests/fixtures/spotify/README.md), in English and German, with its
 * lingering pages, extra buttons, tippy menu, upsell, blocked autoplay and a tab without the content script,
 * and one variant per hazard switch of the fixture: each queues exactly the requested songs in order or says why. */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';
import { localePrefix, SPOTIFY, STRINGS, trackOfLink } from '../../src/content/spotify-selectors';
import en from '../../public/_locales/en/messages.json';
import catalogue from '../../data/catalogue.json';
import de from '../fixtures/spotify/locales/de.json';
import { ALBUM, extensionWithSpotify, fixtureState, openSpotify, serveSpotify, type FixtureConfig, type FixtureState } from './spotify-fixture';

// The driver's reasons, as an English browser shows them.
const AUTOPLAY_BLOCKED = en.reasonAutoplayBlocked.message;
const USER_TOOK_OVER = en.reasonUserTookOver.message;
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
      const track = page.locator(`${SPOTIFY.trackPage}[data-test-uri="spotify:track:${TRACK}"]`);
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
      expect(trackOfLink((await page.locator(SPOTIFY.playingLinks).first().getAttribute('href'))!)).toBe(TRACK);
      expect(await page.locator(SPOTIFY.playPause).getAttribute('aria-label')).toBe(locale === 'de' ? de[STRINGS.pause.key] : STRINGS.pause.en);
      // What learning from skips and plays reads: the track page's artist, the playback bar.
      expect(await track.locator(SPOTIFY.artistLink).first().innerText()).toBe('Fixture Artist');
      await expect.poll(() => page.locator(SPOTIFY.playbackPosition).innerText()).toMatch(/^0:0[1-9]$/);
      expect(await page.locator(SPOTIFY.playbackDuration).innerText()).toBe('3:30');
      expect(Number(await page.locator(SPOTIFY.playbackRange).getAttribute('max'))).toBe(210_000);
    });
  }
});

interface Queued {
  text: string;
  code?: string;
  shown: string[];
  statuses: Array<string | null>;
  /** the signal that decided each song's status */
  by: Array<string | null>;
}

describe('queueing from the popup into a page built like the Web Player', () => {
  let s: ExtensionSession;
  let spotify: Page;
  let config: FixtureConfig = {};
  beforeAll(async () => {
    s = await extensionWithSpotify(() => config);
  });
  afterAll(() => s.close());

  /** The popup's check, its songs, "Queue in Spotify", and what the popup then says; `during` is what the user
   * does in the Spotify tab while mood-dj works there. */
  async function queueFromPopup(during?: (shown: string[]) => Promise<void>): Promise<Queued> {
    const check = await s.popupCheck();
    expect(check.mood).toBe('happy');
    await expect.poll(() => check.page.getByTestId('song').count()).toBe(3);
    const listed = await check.page.getByTestId('song').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    await check.page.getByTestId('queue-songs').click();
    await during?.(listed);
    const answer = check.page.getByTestId('queue-result').or(check.page.getByTestId('queue-error'));
    await answer.waitFor({ timeout: 30_000 });
    const songs = check.page.getByTestId('song');
    const out = {
      text: await answer.innerText(),
      code: (await answer.getAttribute('data-code')) ?? undefined,
      shown: await songs.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!)),
      statuses: await songs.evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))),
      by: await songs.evaluateAll((els) => els.map((e) => e.getAttribute('data-by'))),
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

  /** "Test my Spotify tab" on the options page; returns the page with its result shown. */
  async function testSpotifyTab(): Promise<Page> {
    const options = await s.context.newPage();
    await options.goto(s.url('src/options/index.html'));
    await options.getByTestId('test-spotify').click();
    await options.getByTestId('spotify-health-result').waitFor({ timeout: 30_000 });
    return options;
  }
  /** The user's own music, started by their hand on the album page. */
  const userMusic = () => spotify.locator('section[data-testid="album-page"] [data-testid="action-bar-row"] [data-testid="play-button"]').click();
  const queuedAll = (ids: string[]) => ids.map((id) => ({ action: 'queue', id }));
  const playedThenQueued = (ids: string[]) => [{ action: 'play', id: ids[0] }, ...queuedAll(ids.slice(1))];

  describe('hazards of the real Web Player, one fixture switch each', () => {
    /** A variant that must come out exactly as on the base page: with an idle player the first song played and
     * two queued, with the user's music playing all three queued; `by` checks the signal that decided. */
    const variants: Array<{ name: string; path: string; config: FixtureConfig; idle: boolean; by?: Array<RegExp | string | undefined> }> = [
      { name: '1. the track page has no data-test-uri: known by the address, its fresh section and its title', path: `/album/${ALBUM}`, config: { noTestUri: true }, idle: true, by: [undefined, 'the queue view', 'the queue view'] },
      { name: '2. a German UI whose locale link comes 1.5 s late: waited for, then its words are used', path: `/intl-de/album/${ALBUM}`, config: { locale: 'de', localeLinkLateMs: 1500 }, idle: false },
      {
        name: '2b. a German UI that never links its locale file: "Add to queue" is known by its icon and its place',
        path: `/intl-de/album/${ALBUM}`,
        config: { locale: 'de', noLocaleLink: true },
        idle: false,
        by: Array(3).fill(/^the queue view, the item found by its icon and its place instead of the page's words \(it links no language file\)$/),
      },
      { name: '3. the menu\'s items arrive over several frames: read until "Add to queue" is there', path: `/album/${ALBUM}`, config: { menuFrames: true }, idle: false },
      // Whichever of the signals that name the song comes first (the view renders a moment after the session).
      { name: '5. the 2025 player bar links the album, not the track: the now-playing view, the media session or the title tells the song plays', path: `/album/${ALBUM}`, config: { widget2025: true }, idle: true, by: [/^the (player's link to the track|media session|document title)$/] },
      { name: '5b. the same with the now-playing view closed: the media session names the song', path: `/album/${ALBUM}`, config: { widget2025: true, npvClosed: true }, idle: true, by: ['the media session'] },
      {
        name: 'all at once: German with no language file, no data-test-uri, the 2025 widget, the view closed, the menu in frames',
        path: `/intl-de/album/${ALBUM}`,
        config: { locale: 'de', noLocaleLink: true, noTestUri: true, widget2025: true, npvClosed: true, menuFrames: true },
        idle: true,
        by: ['the media session', /^the queue view, the item found by its icon and its place/],
      },
    ];
    for (const v of variants) {
      it(v.name, async () => {
        const before = await userOn(v.path, v.config);
        if (!v.idle) await userMusic();
        const q = await queueFromPopup();
        expect(q.text).toBe(v.idle ? 'Playing the first song and queued 2 songs in Spotify.' : 'Queued 3 songs in Spotify.');
        const { log } = await fixtureState(spotify);
        expect(v.idle ? log : log.slice(1)).toEqual(v.idle ? playedThenQueued(q.shown) : queuedAll(q.shown));
        (v.by ?? []).forEach((by, i) => by && expect(q.by[i]).toEqual(typeof by === 'string' ? by : expect.stringMatching(by)));
        await expectPutBack(before);
      });
    }

    it('4. queueing fails silently: the queue view does not list the songs, so none is called queued', async () => {
      const before = await userOn(`/album/${ALBUM}`, { queueFails: true });
      await userMusic();
      const q = await queueFromPopup();
      expect(q.text).toBe("3 songs not confirmed: it did not appear in Spotify's queue.");
      expect(q.statuses).toEqual(['not-confirmed', 'not-confirmed', 'not-confirmed']);
      expect((await fixtureState(spotify)).queue).toEqual([]);
      await expectPutBack(before);
    });

    it("4b. no queue view, and the user queues a song by hand during the run: that notice is not taken for mood-dj's song", async () => {
      await userOn(`/album/${ALBUM}`, { queueFails: true, queueAsPage: true });
      await userMusic();
      const mine = '7qiZfU4dY1lWllzX7mPBI3';
      const q = await queueFromPopup(async (shown) => {
        await spotify.waitForFunction((id) => (window as unknown as { __spotifyFixture: FixtureState }).__spotifyFixture.log.some((e) => e.action === 'queue-failed' && e.id === id), shown[1], { polling: 50 });
        await spotify.bringToFront(); // the user goes to the Spotify tab
        await spotify.locator(`section[data-testid="track-page"] [data-testid="tracklist-row"]:has(a[href$="/track/${mine}"]) [data-testid="more-button"]`).first().click();
        await spotify.locator(SPOTIFY.menu).getByText(STRINGS.addToQueue.en).click();
      });
      expect(q.statuses).toEqual(['not-confirmed', 'not-confirmed', 'stopped']);
      expect(q.text).toBe(
        `1 song not confirmed: Spotify showed no "${STRINGS.addedToQueue.en}" notice, so it may not be in the queue. ` +
          `1 song not confirmed: a notice came, but after you used the Spotify tab, so it may be for another song. 1 song stopped: ${USER_TOOK_OVER}.`,
      );
      const { log } = await fixtureState(spotify);
      expect(log.slice(1)).toEqual([{ action: 'queue-failed', id: q.shown[0] }, { action: 'queue-failed', id: q.shown[1] }, { action: 'queue', id: mine, hand: true }]);
      expect(spotify.url()).toBe(`https://open.spotify.com/track/${q.shown[1]}`); // where the user was: not moved
    });

    it("6. the user navigates in the tab during the run: mood-dj stops and leaves the tab where the user took it", async () => {
      await userOn(`/album/${ALBUM}`, { renderMs: 1500, lingerMs: 1600 });
      await userMusic();
      const theirs = '0VjIjW4GlUZAMYd2vXMi3b';
      const q = await queueFromPopup(async (shown) => {
        await spotify.waitForFunction((id) => (window as unknown as { __spotifyFixture: FixtureState }).__spotifyFixture.log.some((e) => e.action === 'queue' && e.id === id), shown[1], { polling: 50 });
        await spotify.bringToFront();
        await spotify.locator(`nav [data-testid="sidebar-cards"] a[href="/track/${theirs}"]`).click();
      });
      expect(q.statuses).toEqual(['queued', 'queued', 'stopped']);
      expect(q.text).toBe(`Queued 2 songs in Spotify. 1 song stopped: ${USER_TOOK_OVER}.`);
      expect((await fixtureState(spotify)).log.slice(1)).toEqual(queuedAll(q.shown.slice(0, 2)));
      await spotify.waitForTimeout(2000); // nothing drags the tab back afterwards
      expect(spotify.url()).toBe(`https://open.spotify.com/track/${theirs}`);
    });

    it('"Test my Spotify tab" on a page with every hazard: passes, naming each signal it fell back from', async () => {
      const before = await userOn(`/intl-de/album/${ALBUM}`, { locale: 'de', noTestUri: true, noLocaleLink: true, widget2025: true, menuFrames: true });
      await userMusic();
      const options = await testSpotifyTab();
      expect(await options.getByTestId('spotify-health-result').getAttribute('data-passed')).toBe('true');
      const items = await options.getByTestId('spotify-health-item').allInnerTexts();
      expect(items.filter((i) => i.includes('instead of'))).toEqual([
        expect.stringMatching(/^✓ Spotify's words in your language .* · instead of the page's language file/),
        expect.stringMatching(/^✓ the play state \(playing, read from the media session\) · instead of the play button's words/),
        expect.stringMatching(/^✓ a track page \(found by the address, the track-page section, rendered after navigation, its title, its action bar\) · instead of data-test-uri/),
        expect.stringMatching(/^✓ the "Add to queue" item \(found by its icon and its place\) · instead of the page's words/),
      ]);
      expect(await options.getByTestId('spotify-health-summary').innerText()).toBe('All 10 checks passed (4 through a second signal): mood-dj can queue songs in this tab.');
      expect((await fixtureState(spotify)).log).toHaveLength(1); // the user's own play: nothing played or queued
      await expectPutBack(before);
      await options.close();
    });
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
      const options = await testSpotifyTab();
      expect(await options.getByTestId('spotify-health-result').getAttribute('data-passed')).toBe('true');
      expect(await options.getByTestId('spotify-health-summary').innerText()).toBe('All 10 checks passed: mood-dj can queue songs in this tab.');
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
    const options = await testSpotifyTab();
    expect(await options.getByTestId('spotify-health-summary').innerText()).toBe(
      "Queueing will not work in this tab: mood-dj could not find the player bar's play/pause button, the play state.",
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
