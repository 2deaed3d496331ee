/** How the popup and options page read for a person, in the built extension in Chromium: text at its intended
 * size despite Chromium's extension stylesheet, light and dark themes, and an honest mood card. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';
import { ALBUM, openSpotify, serveSpotify } from './spotify-fixture';
import { MOODS } from '../../src/model/contract';

const fontPx = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('the extension UI', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), grantCamera: true });
    await s.setSettings({ backend: 'wasm' });
  });
  afterAll(() => s.close());

  it("renders text at 15 px in the popup's body and the options page's labels (not Chromium's 75%)", async () => {
    const check = await s.popupCheck();
    expect(await fontPx(check.page, 'body')).toBe(15);
    expect(await fontPx(check.page, '[data-testid=mood-sureness]')).toBe(15);
    expect(await fontPx(check.page, '.meta')).toBeGreaterThanOrEqual(13);
    await check.page.close();
    const options = await s.context.newPage();
    await options.goto(s.url('src/options/index.html'));
    await options.locator('label.row').first().waitFor();
    expect(await fontPx(options, 'label.row')).toBe(15);
    // Help text is smaller than the labels it explains, never larger.
    expect(await fontPx(options, '.meta')).toBeLessThan(await fontPx(options, 'label.row'));
    await options.close();
  });

  it('moves the keyboard focus through the popup in reading order', async () => {
    s.setPhoto(join(ROOT, 'tests/fixtures/faces/happy.jpg'));
    const check = await s.popupCheck();
    await expect.poll(() => check.page.getByTestId('song').count()).toBe(3);
    const order: string[] = [];
    for (let i = 0; i < 15; i++) {
      await check.page.keyboard.press('Tab');
      order.push(await check.page.evaluate(() => {
        const el = document.activeElement!;
        const song = el.closest('[data-testid=song]');
        if (!song) return el.getAttribute('data-testid') ?? el.textContent!.trim();
        return el.tagName === 'A' ? 'song' : el.getAttribute('data-testid')!;
      }));
    }
    // Each song's link, then its three feedback buttons, song after song.
    const song = ['song', 'feedback-like', 'feedback-ban', 'feedback-not-for-mood'];
    expect(order).toEqual(['Details', ...song, ...song, ...song, 'queue-songs', 'Check again']);
    await check.page.close();
  });

  it('follows the system theme: light, and dark with light text', async () => {
    const options = await s.context.newPage();
    await options.emulateMedia({ colorScheme: 'light' });
    await options.goto(s.url('src/options/index.html'));
    expect(await background(options)).toBe('rgb(255, 255, 255)');
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await background(options)).toBe('rgb(24, 24, 28)');
    expect(await options.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(236, 236, 241)');
    await options.close();
  });

  for (const face of ['happy', 'sad', 'angry', 'neutral']) {
    it(`an honest mood card for a ${face} face: "x or y?" when the top two are close, never 100%`, async () => {
      s.setPhoto(join(ROOT, `tests/fixtures/faces/${face}.jpg`));
      const check = await s.popupCheck();
      const { probabilities: p, mood } = await s.lastResult();
      const [top, second] = [...MOODS].sort((a, b) => p[b] - p[a]);
      expect(top).toBe(mood);
      const name = await check.page.getByTestId('mood-name').innerText();
      if (p[top] - p[second] < 0.12) expect(name.toLowerCase()).toBe(`${top} or ${second}?`);
      else expect(name.toLowerCase()).toBe(top);
      const card = await check.page.getByTestId('mood-result').innerText();
      expect(card).not.toMatch(/\b100%/);
      expect(card).not.toMatch(/(^|[^0-9<])0%/);
      // Each bar is a meter with its mood's name and value, for screen readers.
      for (const m of MOODS) {
        const meter = check.page.getByRole('meter', { name: new RegExp(m, 'i') });
        expect(Number(await meter.getAttribute('aria-valuenow'))).toBe(Math.round(100 * p[m]));
      }
      await check.page.close();
    });
  }
});

describe('in German', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), grantCamera: true, lang: 'de' });
    await s.setSettings({ backend: 'wasm' });
  });
  afterAll(() => s.close());

  it("speaks the browser's language in the popup and the options page", async () => {
    const de = JSON.parse(readFileSync(join(ROOT, 'public/_locales/de/messages.json'), 'utf8')) as Record<string, { message: string }>;
    const check = await s.popupCheck();
    expect(await check.page.evaluate(() => chrome.i18n.getUILanguage())).toBe('de');
    expect(await check.page.getByTestId('mood-name').innerText()).toMatch(new RegExp(`^${de.mood_happy.message}`));
    const queue = check.page.getByRole('button', { name: de.queueInSpotify.message });
    await queue.waitFor(); // the songs are picked after the mood shows
    expect(await queue.count()).toBe(1);
    await check.page.close();
    const options = await s.context.newPage();
    await options.goto(s.url('src/options/index.html'));
    await options.getByRole('heading', { name: de.optionsTitle.message }).waitFor();
    const history = options.getByRole('heading', { name: de.historyHeading.message });
    await history.waitFor(); // the history section renders once its records are read
    expect(await history.count()).toBe(1);
    await options.close();
  });

  it('says what the Spotify tab did, and what its test found, in that language too', async () => {
    const de = JSON.parse(readFileSync(join(ROOT, 'public/_locales/de/messages.json'), 'utf8')) as Record<string, { message: string }>;
    await serveSpotify(s.context, () => ({ locale: 'de', autoplayBlocked: true }));
    const spotify = await s.context.newPage();
    await openSpotify(spotify, `/intl-de/album/${ALBUM}`);
    const check = await s.popupCheck();
    await expect.poll(() => check.page.getByTestId('song').count()).toBe(3);
    await check.page.getByTestId('queue-songs').click();
    const result = check.page.getByTestId('queue-result');
    await result.waitFor({ timeout: 30_000 });
    // The content script's own reason for the first song (autoplay blocked), in German.
    expect(await result.innerText()).toContain(de.reasonAutoplayBlocked.message.replace(/\.$/, ''));
    await check.page.close();
    const options = await s.context.newPage();
    await options.goto(s.url('src/options/index.html'));
    await options.getByTestId('test-spotify').click();
    await options.getByTestId('spotify-health-result').waitFor({ timeout: 60_000 });
    const items = await options.getByTestId('spotify-health-item').allInnerTexts();
    expect(items[0]).toContain(de.healthPlayPause.message);
    expect(items.at(-1)).toContain(de.healthQueue.message);
    await options.close();
    await spotify.close();
  });
});
