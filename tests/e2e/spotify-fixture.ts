/** Serves tests/fixtures/spotify/web-player.html as open.spotify.com and its locale files as Spotify's CDN,
 * and reads what the fixture page recorded (its main world, out of the content script's reach). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../../scripts/lib/browser';

export interface FixtureConfig {
  locale?: 'en' | 'de';
  account?: 'premium' | 'free-upsell';
  autoplayBlocked?: boolean;
  /** ms until a page renders after navigation, and until the previous one leaves the DOM */
  renderMs?: number;
  lingerMs?: number;
  /** a Spotify redesign renamed the player's play/pause control */
  changed?: boolean;
}

export interface FixtureState {
  log: Array<{ action: 'play' | 'play-blocked' | 'queue' | 'upsell' | 'pause' | 'resume'; id?: string }>;
  queue: string[];
  nowPlaying: string | null;
  playing: boolean;
}

const dir = join(ROOT, 'tests/fixtures/spotify');
export const ALBUM = '1DFixLWuPkGAq4ZfIXEQ9c';

export function fixtureHtml(config: FixtureConfig): string {
  const { locale = 'en', changed = false, ...rest } = config;
  let html = readFileSync(join(dir, 'web-player.html'), 'utf8')
    .replaceAll('{{LOCALE}}', locale)
    .replace('<!--fixture-config-->', `<script>window.__fixtureConfig = ${JSON.stringify(rest)};</script>`);
  if (changed) html = html.replaceAll('control-button-playpause', 'control-button-play-pause-v2');
  return html;
}

/** Routes Spotify's two origins for every page of the context; config() is read at each page load. */
export async function serveSpotify(context: BrowserContext, config: () => FixtureConfig): Promise<void> {
  await context.route('https://open.spotify.com/**', (r) => r.fulfill({ contentType: 'text/html', body: fixtureHtml(config()) }));
  await context.route('https://open.spotifycdn.com/cdn/generated-locales/web-player/**', (r) => {
    const locale = /\/([a-z]{2})\.[0-9a-f]+\.json$/.exec(new URL(r.request().url()).pathname)?.[1] ?? 'en';
    return r.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: readFileSync(join(dir, 'locales', `${locale}.json`), 'utf8') });
  });
}

/** Loads a Spotify address in the tab and waits for the fixture app to have started. */
export async function openSpotify(page: Page, path: string): Promise<void> {
  await page.goto(`https://open.spotify.com${path}`);
  await page.waitForFunction(() => (window as unknown as { __spotifyFixture?: { ready: boolean } }).__spotifyFixture?.ready === true);
}

export const fixtureState = (page: Page) => page.evaluate(() => (window as unknown as { __spotifyFixture: FixtureState }).__spotifyFixture);
