/** The options page: settings persist and drive the schedule; the camera is granted from here. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from '../../scripts/lib/browser';

let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension();
});
afterAll(() => s.close());

it('settings persist across a reload and auto mode schedules the alarm at the interval', async () => {
  const page = await s.context.newPage();
  await page.goto(s.url('src/options/index.html'));
  await page.getByTestId('interval').fill('0.5');
  await page.getByTestId('interval').press('Tab');
  await page.getByTestId('songs-per-check').fill('7');
  await page.getByTestId('songs-per-check').press('Tab');
  await page.getByTestId('mapping').selectOption('lift');
  await page.getByTestId('backend').selectOption('cpu');
  await page.getByTestId('auto-mode').check();
  await expect.poll(() => s.worker.evaluate(() => chrome.alarms.get('mood-check'))).toMatchObject({ periodInMinutes: 0.5 });
  await page.reload();
  expect(await page.getByTestId('interval').inputValue()).toBe('0.5');
  expect(await page.getByTestId('songs-per-check').inputValue()).toBe('7');
  expect(await page.getByTestId('mapping').inputValue()).toBe('lift');
  expect(await page.getByTestId('backend').inputValue()).toBe('cpu');
  expect(await page.getByTestId('auto-mode').isChecked()).toBe(true);
  await page.getByTestId('auto-mode').uncheck();
  await expect.poll(() => s.worker.evaluate(() => chrome.alarms.get('mood-check'))).toBeUndefined();
});

it('refuses an interval under half a minute and says so', async () => {
  const page = await s.context.newPage();
  await page.goto(s.url('src/options/index.html'));
  await page.getByTestId('interval').fill('0.1');
  await page.getByTestId('interval').press('Tab');
  expect(await page.getByTestId('settings-notice').innerText()).toMatch(/Not saved/);
  await page.reload();
  expect(Number(await page.getByTestId('interval').inputValue())).toBeGreaterThanOrEqual(0.5);
});

it('shows the privacy statement and asks for the camera from this visible page', async () => {
  const page = await s.context.newPage();
  await page.goto(s.url('src/options/index.html'));
  expect(await page.locator('.privacy').innerText()).toMatch(/No picture, face or mood ever leaves your computer/);
  await page.getByTestId('grant-camera').waitFor();
});

it('shows the keyboard shortcut that opens the popup and checks the mood', async () => {
  const manifest = await s.worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.commands?._execute_action?.suggested_key).toEqual({ default: 'Alt+Shift+M' });
  const page = await s.context.newPage();
  await page.goto(s.url('src/options/index.html'));
  expect(await page.getByTestId('shortcut').innerText()).toMatch(/^Press Alt\+Shift\+M in any tab to check your mood/);
  await page.close();
});
