/** "Calibrate to my face" on the options page through the real extension: the fake camera shows the user's
 * faces, the features are kept, every later check uses them and the popup says so; reset undoes it. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';
import { CALIBRATION } from '../../src/model/calibration';

const photo = (name: string) => join(ROOT, 'tests/fixtures/faces', name);
let s: ExtensionSession;
beforeAll(async () => {
  s = await launchExtension({ photo: photo('neutral.jpg'), grantCamera: true });
  await s.setSettings({ backend: 'wasm' });
});
afterAll(() => s.close());

const stored = () => s.worker.evaluate(async () => (await chrome.storage.local.get('calibration')).calibration as { faces: Record<string, number[]> } | undefined);

async function popupNote(): Promise<string | undefined> {
  s.setPhoto(photo('happy.jpg'));
  const check = await s.popupCheck();
  expect(check.mood).toBeDefined();
  const note = check.page.getByTestId('calibrated');
  const text = (await note.count()) ? await note.innerText() : undefined;
  await check.page.close();
  return text;
}

it('captures the neutral face, then all four moods, and every check uses them until reset', async () => {
  expect(await popupNote()).toBeUndefined();
  const page = await s.context.newPage();
  await page.goto(s.url('src/options/index.html'));
  const status = page.getByTestId('calibration-status');
  expect(await status.innerText()).toBe('Not calibrated.');

  s.setPhoto(photo('neutral.jpg'));
  await page.getByTestId('calibrate-neutral').click();
  await expect.poll(() => page.getByTestId('calibration-message').innerText(), { timeout: 30_000 }).toBe('Captured your neutral face.');
  await expect.poll(() => status.innerText()).toBe('Every check is calibrated to your neutral face.');
  const saved = await stored();
  expect(Object.keys(saved!.faces)).toEqual(['neutral']);
  expect(saved!.faces.neutral).toHaveLength(CALIBRATION.neutralMean.length); // features only, no pixels
  expect(await popupNote()).toBe('Calibrated to your face (your neutral face).');
  expect((await s.lastResult()).calibrated).toBe('neutral');

  for (const [mood, file] of [['happy', 'happy.jpg'], ['sad', 'sad.jpg'], ['angry', 'angry.jpg']] as const) {
    s.setPhoto(photo(file));
    await page.getByTestId(`calibrate-${mood}`).click();
    await expect.poll(() => page.getByTestId('calibration-message').innerText(), { timeout: 30_000 }).toBe(`Captured your ${mood} face.`);
  }
  await expect.poll(() => status.innerText()).toBe('Every check is calibrated to your four moods.');
  expect(await popupNote()).toBe('Calibrated to your face (your four moods).');
  expect((await s.lastResult()).calibrated).toBe('four-moods');

  // Faces captured with another model are not used, and the options page says why.
  const kept = await stored();
  await s.worker.evaluate((c) => chrome.storage.local.set({ calibration: { ...c, model: 'an earlier model' } }), kept);
  expect(await popupNote()).toBeUndefined();
  await expect.poll(() => status.innerText()).toBe(
    "Not calibrated: mood-dj's mood model has been updated since your faces were captured. Capture them again to use them.",
  );
  await s.worker.evaluate((c) => chrome.storage.local.set({ calibration: c }), kept);
  await expect.poll(() => status.innerText()).toBe('Every check is calibrated to your four moods.');

  await page.getByTestId('calibration-reset').click();
  await expect.poll(() => status.innerText()).toBe('Not calibrated.');
  expect(await stored()).toBeUndefined();
  expect(await popupNote()).toBeUndefined();
  await page.close();
});
