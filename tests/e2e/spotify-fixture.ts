/** Serves tests/fixtures/spotify/web-player.html as open.spotify.com and its locale files as Spotify's CDN,
 * and reads what the fixture page recorded (its main world, out of the content script's reach). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';
import catalogue from '../../data/catalogue.json';

/** The base page and its switches, one per hazard (tests/fixtures/spotify/README.md gives the evidence for each). */
export interface FixtureConfig {
  locale?: 'en' | 'de';
  account?: 'premium' | 'free-upsell';
  autoplayBlocked?: boolean;
  /** ms until a page renders after navigation, and until the previous one leaves the DOM */
  renderMs?: number;
  lingerMs?: number;
  /** a Spotify redesign renamed the player's play/pause control */
  changed?: boolean;
  /** 1: the track page's section has no data-test-uri */
  noTestUri?: boolean;
  /** 2: the locale link is added this many ms after the app starts, or never */
  localeLinkLateMs?: number;
  noLocaleLink?: boolean;
  /** 3: the menu mounts with two items, the rest over the next frames */
  menuFrames?: boolean;
  /** 4: "Add to queue" from a script fails silently (nothing queued, no notice) */
  queueFails?: boolean;
  /** the queue button opens a /queue page instead of the sidebar (the Web Player before 2024) */
  queueAsPage?: boolean;
  /** 5: the player bar's widget links to the album only; the track id is in the now-playing view's context link */
  widget2025?: boolean;
  /** the now-playing view is closed, so no link names the track: only the media session and the title do */
  npvClosed?: boolean;
  /** how long every track plays before the player moves on by itself (210 s unless set) */
  trackMs?: number;
}

export interface FixtureState {
  log: Array<{ action: 'play' | 'play-blocked' | 'queue' | 'queue-failed' | 'upsell' | 'pause' | 'resume' | 'skip' | 'ended'; id?: string; hand?: true }>;
  queue: string[];
  nowPlaying: string | null;
  playing: boolean;
  positionMs: number;
}

const dir = join(ROOT, 'tests/fixtures/spotify');
export const ALBUM = '1DFixLWuPkGAq4ZfIXEQ9c';
// The real page names each song as the catalogue does: the driver checks titles against those names.
const TITLES = JSON.stringify(Object.fromEntries(catalogue.rows.map((r) => [r[0], [r[1], r[2]]]))).replaceAll('</', '<\\/');

export function fixtureHtml(config: FixtureConfig): string {
  const { locale = 'en', changed = false, ...rest } = config;
  let html = readFileSync(join(dir, 'web-player.html'), 'utf8')
    .replaceAll('{{LOCALE}}', locale)
    .replace('<!--fixture-config-->', `<script>window.__fixtureConfig = ${JSON.stringify(rest)}; window.__fixtureTitles = ${TITLES};</script>`);
  if (rest.noLocaleLink || rest.localeLinkLateMs) html = html.replace(/<!--locale-link-->.*<!--\/locale-link-->/, '');
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

/** The extension with a happy face at the webcam (wasm), and Spotify's origins served by the fixture. */
export async function extensionWithSpotify(config: () => FixtureConfig): Promise<ExtensionSession> {
  const s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), grantCamera: true });
  await s.setSettings({ backend: 'wasm' });
  await serveSpotify(s.context, config);
  return s;
}
