/** Starts Debian's Chromium with the built extension and, optionally, a photo as the fake webcam. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { Diagnostics, MoodResult } from '../../src/shared/messages';
import { WELCOME_PAGE } from '../../src/shared/pages';

export const ROOT = resolve(import.meta.dirname, '../..');
/** the built extension; MOOD_DJ_DIST points at another build, to compare two builds with one script */
export const DIST = process.env.MOOD_DJ_DIST ?? join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CAMERA_FILTER = 'scale=480:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:black,format=yuv420p';

/** A still photo as a one-frame y4m clip that Chromium's fake camera repeats (yuv420p, 640x480). */
export function photoToY4m(photo: string, dir: string): string {
  const out = join(dir, 'camera.y4m');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', photo, '-vf', CAMERA_FILTER, '-frames:v', '1', out]);
  return out;
}

/** The photo as a webcam in a dim room sees it (every level times `factor`), written into a fresh temporary folder. */
export function dimmedPhoto(photo: string, factor: number): string {
  const out = join(mkdtempSync(join(tmpdir(), 'mood-dj-dim-')), 'dim.png');
  const level = `val*${factor}`;
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', photo, '-vf', `lutrgb=r=${level}:g=${level}:b=${level}`, out]);
  return out;
}

/** The frame that photo becomes on the fake camera, as RGBA (through the same yuv420p; Chromium's own
 * YUV-to-RGB conversion may differ from ffmpeg's by a level or two). */
export function photoFrame(photo: string): { data: Uint8Array; width: number; height: number } {
  const data = execFileSync('ffmpeg', ['-loglevel', 'error', '-i', photo, '-vf', `${CAMERA_FILTER},format=rgba`, '-frames:v', '1', '-f', 'rawvideo', '-'], { maxBuffer: 1 << 24 });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: 640, height: 480 };
}

export interface LaunchOptions {
  /** photo for the fake webcam; none means the machine has no camera */
  photo?: string;
  /** grant the camera to the extension, as a user does once on the options page */
  grantCamera?: boolean;
  args?: string[];
  /** runs in the browser before the extension is installed (say, to open a tab that then has no content
   * script, as one opened before a user installs mood-dj); the extension is then installed through the
   * DevTools protocol instead of --load-extension */
  beforeInstall?: (context: BrowserContext) => Promise<void>;
  /** leave the first-run page that installing opens (by default it is closed, as a user would once done) */
  keepWelcome?: boolean;
  /** the browser's UI language, for the extension's translations: Chromium on Linux takes it from LANGUAGE and
   * LANG, and has it only with Debian's chromium-l10n */
  lang?: string;
}

/** Installs the built extension into a running browser (Extensions.loadUnpacked needs a browser-wide
 * DevTools session, reached on the loopback port Chromium wrote into the profile). */
async function installLater(profile: string): Promise<void> {
  const [port] = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    await (await browser.newBrowserCDPSession()).send('Extensions.loadUnpacked' as never, { path: DIST } as never);
  } finally {
    await browser.close(); // only this connection: the browser goes on
  }
}

export interface PopupCheck {
  page: Page;
  /** the mood shown, or undefined when the popup shows an error */
  mood?: string;
  errorCode?: string;
  /** popup page started to mood (or error) shown */
  ms: number;
  /** popup page started to the first frame's mood (or the final answer, if that came first) shown */
  firstMs: number;
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  id: string;
  url(path: string): string;
  /** opens the popup's page in a tab of popup size */
  openPopup(): Promise<Page>;
  /** opens the popup and waits for the check it starts to show a mood or an error */
  popupCheck(): Promise<PopupCheck>;
  /** sends a message from an extension page, as the popup does (the worker cannot message itself) */
  ask(message: unknown): Promise<any>;
  /** the last mood result the worker stored */
  lastResult(): Promise<MoodResult>;
  /** the offscreen document's own report: tensors, heap, live camera tracks, last face box */
  diagnostics(): Promise<Diagnostics>;
  /** shows another photo to the fake webcam from the next check on (Chromium reopens the file per capture) */
  setPhoto(photo: string): void;
  /** writes settings as the options page would */
  setSettings(patch: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run npm run build first');
  const dir = mkdtempSync(join(tmpdir(), 'mood-dj-'));
  const camera = opts.photo ? ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${photoToY4m(opts.photo, dir)}`] : [];
  const profile = join(dir, 'profile');
  const extension = opts.beforeInstall
    ? [`--disable-extensions-except=${DIST}`, '--enable-unsafe-extension-debugging', '--remote-debugging-port=0'] // Playwright disables all others
    : [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ...(opts.lang ? { env: { ...process.env, LANGUAGE: opts.lang, LANG: `${opts.lang}_${opts.lang.toUpperCase()}.UTF-8` }, locale: opts.lang } : {}),
    args: [
      ...extension,
      '--no-sandbox',
      '--disable-gpu-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...camera,
      ...(opts.grantCamera ? ['--use-fake-ui-for-media-stream'] : []),
      ...(opts.args ?? []),
    ],
  });
  if (opts.beforeInstall) {
    await opts.beforeInstall(context);
    const started = context.waitForEvent('serviceworker');
    await installLater(profile);
    await started;
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  // Installing opens the first-run page; one that opened later would take the front from a test's page (a tab
  // in the back has its timers slowed to once a second), so it is waited for, however slow the start.
  if (!opts.keepWelcome)
    await worker.evaluate(async (page) => {
      for (let i = 0; i < 600; i++) {
        const tabs = await chrome.tabs.query({ url: chrome.runtime.getURL(page) });
        if (tabs.length) return chrome.tabs.remove(tabs.map((t) => t.id!));
        await new Promise((r) => setTimeout(r, 50));
      }
    }, WELCOME_PAGE);
  const url = (path: string) => `chrome-extension://${id}/${path}`;
  if (opts.grantCamera) {
    // As a user does: "Allow the camera" on the options page; the fake UI answers Chrome's prompt with Allow.
    const page = await context.newPage();
    await page.goto(url('src/options/index.html'));
    const granted = page.locator('[data-testid=camera-status][data-status=granted]');
    await granted.or(page.getByTestId('grant-camera')).first().waitFor();
    if (!(await granted.count())) await page.getByTestId('grant-camera').click();
    await granted.waitFor();
    await page.close();
  }
  const openPopup = async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 352, height: 420 });
    await page.goto(url('src/popup/index.html'));
    return page;
  };
  let asker: Promise<Page> | undefined;
  const ask = async (message: unknown) => {
    asker ??= context.newPage().then(async (p) => (await p.goto(url('src/options/index.html')), p));
    return (await asker).evaluate((m) => chrome.runtime.sendMessage(m), message);
  };
  return {
    context,
    ask,
    worker,
    id,
    url,
    openPopup,
    async popupCheck() {
      const page = await openPopup();
      // Times from the popup page's own start (performance.now() there), as a user sees a popup open.
      const shownAt = (sel: string) =>
        page.waitForFunction((q) => document.querySelector(q) && performance.now(), sel, { timeout: 120_000, polling: 10 }).then((h) => h.jsonValue() as Promise<number>);
      const firstMs = await shownAt('[data-testid=mood-reading], [data-testid=mood-result], [data-testid=check-error]');
      const shown = page.locator('[data-testid=mood-result], [data-testid=check-error]');
      const ms = await shownAt('[data-testid=mood-result], [data-testid=check-error]');
      return { page, ms, firstMs, mood: (await shown.getAttribute('data-mood')) ?? undefined, errorCode: (await shown.getAttribute('data-code')) ?? undefined };
    },
    async lastResult() {
      return MoodResult.parse((await worker.evaluate(() => chrome.storage.local.get('lastResult'))).lastResult);
    },
    async diagnostics() {
      return Diagnostics.parse(await ask({ target: 'offscreen', type: 'diagnostics' }));
    },
    setPhoto(photo) {
      photoToY4m(photo, dir);
    },
    async setSettings(patch) {
      await worker.evaluate(async (p) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings ?? {}), ...p } });
      }, patch);
    },
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports a CSV through the options page's file picker, as a user does; resolves when it is done or failed.
 * `progressSeen` lists the progress bar values shown on the way (read by a MutationObserver). */
export async function importThroughOptions(s: ExtensionSession, csv: string): Promise<{ page: Page; ms: number; done: boolean; progressSeen: number[] }> {
  const page = await s.context.newPage();
  await page.goto(s.url('src/options/index.html'));
  await page.evaluate(() => {
    const seen: number[] = ((window as unknown as { progressSeen: number[] }).progressSeen = []);
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid=import-progress] progress') as HTMLProgressElement | null;
      if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const t0 = performance.now();
  await page.getByTestId('import-file').setInputFiles(csv);
  await page.getByTestId('import-done').or(page.getByTestId('import-error')).first().waitFor({ timeout: 120_000 });
  const ms = performance.now() - t0;
  const progressSeen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  return { page, ms, done: (await page.getByTestId('import-done').count()) > 0, progressSeen };
}
