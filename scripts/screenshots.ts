/** npm run screenshots: rewrites docs/screenshots/ from the real built extension in Chromium, each picture in
 * the light and the dark theme: the popup with a mood and its songs, the popup's errors, the options page, the
 * mood history chart and the first-run page; then the digest of the UI sources they show (ui-hash.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dimmedPhoto, launchExtension, ROOT, type LaunchOptions } from './lib/browser';
import { UI_HASH_FILE, uiHash } from './lib/ui-hash';

const OUT = join(ROOT, 'docs/screenshots');
const photo = (name: string) => join(ROOT, 'tests/fixtures/faces', name);

async function withSession(opts: LaunchOptions, fn: (s: Awaited<ReturnType<typeof launchExtension>>) => Promise<void>) {
  const s = await launchExtension(opts);
  try {
    await s.setSettings({ backend: 'wasm' });
    await fn(s);
  } finally {
    await s.close();
  }
}

/** The page (or one element of it) in the light theme as name.png and the dark one as name-dark.png. */
async function shot(page: Page, name: string, element?: string) {
  for (const [scheme, suffix] of [['light', ''], ['dark', '-dark']] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const path = join(OUT, `${name}${suffix}.png`);
    await (element ? page.locator(element).screenshot({ path }) : page.screenshot({ path, fullPage: true }));
    console.log(`docs/screenshots/${name}${suffix}.png`);
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  await withSession({ photo: photo('happy.jpg'), grantCamera: true }, async (s) => {
    // A week of earlier checks, so that the history chart has something to draw beside today's.
    await s.worker.evaluate(() => {
      const now = Date.now();
      const history = Array.from({ length: 56 }, (_, i) => {
        const at = now - (56 - i) * 3 * 3600_000;
        const happy = 0.35 + 0.3 * Math.sin(i / 3);
        return { at, checks: 1, probabilities: { angry: 0.05, happy, neutral: 0.9 - happy - 0.1, sad: 0.1 } };
      });
      return chrome.storage.local.set({ history });
    });
    const check = await s.popupCheck();
    const songs = check.page.getByTestId('song');
    await songs.first().waitFor();
    // A like and a "not for me", as a user gives them: the popup shows both, the options page lists them.
    await songs.nth(0).getByTestId('feedback-like').click();
    await songs.nth(2).getByTestId('feedback-ban').click();
    await songs.nth(2).getByRole('status').waitFor();
    await shot(check.page, 'popup-mood');
    await check.page.close();
    const options = await s.context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(s.url('src/options/index.html'));
    await options.getByTestId('history-chart').locator('canvas').waitFor();
    await shot(options, 'options');
    await options.getByTestId('history-week').check();
    await shot(options, 'history', '[data-testid=mood-history]');
    await options.goto(s.url('src/welcome/index.html'));
    await shot(options, 'welcome');
    s.setPhoto(photo('no-face.jpg'));
    const noFace = await s.popupCheck();
    await shot(noFace.page, 'popup-no-face');
    s.setPhoto(dimmedPhoto(photo('neutral.jpg'), 0.3));
    const dim = await s.popupCheck();
    await dim.page.getByTestId('light-note').waitFor();
    await shot(dim.page, 'popup-dim-light');
  });
  await withSession({ photo: photo('happy.jpg'), grantCamera: false }, async (s) => shot((await s.popupCheck()).page, 'popup-camera-denied'));
  await withSession({ args: ['--use-fake-ui-for-media-stream'] }, async (s) => shot((await s.popupCheck()).page, 'popup-no-camera'));
  writeFileSync(UI_HASH_FILE, `${uiHash()}\n`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
