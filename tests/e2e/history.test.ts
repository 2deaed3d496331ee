/** The mood history on the options page: drawn from what the worker stored (a seeded week and a real
 * check), with hover, CSV export and clearing. */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';
import { MOOD_LOOK } from '../../src/shared/moods';

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), grantCamera: true });
  await s.setSettings({ backend: 'wasm' });
  // A week of earlier checks every three hours, sad in the morning and happy after, as the worker keeps them.
  await s.worker.evaluate(() => {
    const now = Date.now();
    const history = Array.from({ length: 56 }, (_, i) => {
      const at = now - (56 - i) * 3 * 3600_000;
      const sad = new Date(at).getHours() < 12;
      return { at, checks: 1, probabilities: { angry: 0.05, happy: sad ? 0.15 : 0.7, neutral: 0.1, sad: sad ? 0.7 : 0.15 } };
    });
    return chrome.storage.local.set({ history });
  });
  const check = await s.popupCheck(); // one real check, stored by the worker beside them
  expect(check.mood).toBe('happy');
  await check.page.close();
});
afterAll(() => s.close());

/** How many canvas pixels are close to each mood's colour. */
function colourCounts(page: import('playwright-core').Page) {
  return page.evaluate((colours) => {
    const canvas = document.querySelector('[data-testid=history-chart] canvas') as HTMLCanvasElement;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const rgb = colours.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
    const counts = rgb.map(() => 0);
    for (let p = 0; p < data.length; p += 4) rgb.forEach(([r, g, b], k) => Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b) < 40 && counts[k]++);
    return counts;
  }, Object.values(MOOD_LOOK).map((l) => l.colour));
}

/** The options page with the history chart drawn. */
async function optionsWithChart() {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 900, height: 1200 });
  await page.goto(s.url('src/options/index.html'));
  const chart = page.getByTestId('history-chart');
  await chart.locator('canvas').waitFor();
  return { page, chart };
}

it('draws the day and the week, and hovering shows the mood and confidence', async () => {
  const { page, chart } = await optionsWithChart();
  const day = await colourCounts(page);
  expect(Math.min(...day)).toBeGreaterThan(50); // a line of every mood's colour
  await page.getByTestId('history-week').check();
  await expect.poll(async () => (await colourCounts(page))[3]).toBeGreaterThan(day[3]); // more sad mornings in a week
  await chart.screenshot({ path: join(ROOT, 'test-results', 'history-chart.png') });
  await page.getByTestId('history-day').check();
  // The day chart replaces the week's a frame after the click: point again until the new one answers.
  await vi.waitFor(
    async () => {
      const over = chart.locator('.u-over');
      const box = await over.boundingBox();
      if (!box) throw new Error('the day chart is not drawn yet');
      await over.hover({ position: { x: box.width - 2, y: box.height / 2 }, timeout: 2000 }); // the newest point: the real check
      expect(await page.getByTestId('history-hover').innerText()).toMatch(/: Happy at \d+%$/);
    },
    { timeout: 15_000, interval: 250 },
  );
  await page.close();
});

it('is usable from the keyboard and as a table, with no "--" legend before pointing', async () => {
  const { page, chart } = await optionsWithChart();
  expect(await chart.innerText()).not.toMatch(/--|–/);
  // Tab order: the range choice (one stop for the radio group), then the chart.
  await page.getByTestId('history-day').focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('history-chart');
  await page.keyboard.press('End'); // the newest check: the real one
  expect(await page.getByTestId('history-hover').innerText()).toMatch(/: Happy at \d+%$/);
  await page.keyboard.press('ArrowLeft');
  expect(await page.getByTestId('history-hover').innerText()).toMatch(/: (Happy|Sad) at \d+%$/);
  await page.getByTestId('history-table').locator('summary').click();
  const rows = page.getByTestId('history-table').locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(5);
  expect(await rows.first().locator('td').allInnerTexts()).toHaveLength(5); // four moods and the number of checks
  await page.close();
});

it('exports the history as CSV (in a zip beside the taste) and clears it', async () => {
  const page = await s.context.newPage();
  await page.goto(s.url('src/options/index.html'));
  const download = page.waitForEvent('download');
  await page.getByTestId('history-export').click();
  const zip = unzipSync(readFileSync((await (await download).path())!));
  const csv = strFromU8(zip['mood-history.csv']).trim().split('\n');
  expect(csv[0]).toBe('time,checks,mood,confidence,angry,happy,neutral,sad');
  expect(csv.length).toBeGreaterThan(20); // the seeded week, the older days as hourly means, and the real check
  expect(csv.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,1,happy,/);
  await page.getByTestId('history-clear').click();
  await page.getByTestId('history-empty').waitFor();
  expect((await s.worker.evaluate(() => chrome.storage.local.get('history'))).history).toBeUndefined();
  await page.close();
});
