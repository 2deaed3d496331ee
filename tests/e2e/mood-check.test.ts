/** The built extension in Debian's Chromium, a committed photo as the webcam, the real models. */
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dimmedPhoto, launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';
import { percent } from '../../src/shared/percent';

const photo = (name: string) => join(ROOT, 'tests/fixtures/faces', name);


describe('a happy face', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchExtension({ photo: photo('happy.jpg'), grantCamera: true });
    await s.setSettings({ backend: 'wasm' });
  });
  afterAll(() => s.close());

  it('shows happy in the popup, with the four confidences and the backend', async () => {
    const check = await s.popupCheck();
    expect(check.errorCode).toBeUndefined();
    expect(check.mood).toBe('happy');
    const probs = await Promise.all(['angry', 'happy', 'neutral', 'sad'].map(async (m) => Number((await check.page.getByTestId(`prob-${m}`).innerText()).replace(/[<%]/g, ''))));
    expect(Math.max(...probs)).toBe(probs[1]);
    expect(await check.page.getByTestId('mood-meta').textContent()).toContain('wasm'); // behind "Details"
    expect(await check.page.getByTestId('light-note').count()).toBe(0); // the photo is lit like FER2013's faces
    // happy maps to the catalogue's happy label (1); three songs by default, each a Spotify link
    const songs = check.page.getByTestId('songs');
    await expect.poll(() => songs.getAttribute('data-label')).toBe('1');
    await expect.poll(() => check.page.getByTestId('song').count()).toBe(3);
    expect(await check.page.getByTestId('song').first().locator('a').getAttribute('href')).toMatch(/^https:\/\/open\.spotify\.com\/track\/[A-Za-z0-9]{22}$/);
    await check.page.close();
  });

  it("shows the first frame's mood while the check goes on, then the check's answer", async () => {
    const popup = await s.openPopup();
    const reading = popup.getByTestId('mood-reading');
    await reading.waitFor({ timeout: 60_000 });
    expect(await reading.getAttribute('data-mood')).toBe('happy');
    expect(await popup.getByTestId('reading-meta').innerText()).toMatch(/^Reading… frame [1-4] of 5$/);
    const result = popup.getByTestId('mood-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await reading.count()).toBe(0);
    const last = await s.lastResult();
    expect(await result.getAttribute('data-mood')).toBe(last.mood);
    expect(await popup.getByTestId('prob-happy').innerText()).toBe(percent(last.probabilities.happy));
    await popup.close();
  });

  it('reuses the offscreen document and stops the camera after each check', async () => {
    const first = await s.lastResult();
    expect((await s.diagnostics()).liveTracks).toBe(0);
    const check = await s.popupCheck();
    expect(check.mood).toBe('happy');
    const second = await s.lastResult();
    expect(second.documentId).toBe(first.documentId);
    expect(second.timings.coldStart).toBe(false);
    const contexts = await s.worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] }));
    expect(contexts).toHaveLength(1);
    expect((await s.diagnostics()).liveTracks).toBe(0);
    await check.page.close();
  });

  it('falls back when WebGPU is unavailable and says which backend ran', async () => {
    await s.setSettings({ backend: 'webgpu' }); // no --enable-unsafe-webgpu: no adapter here
    const check = await s.popupCheck();
    expect(check.mood).toBe('happy');
    const result = await s.lastResult();
    expect(result.requestedBackend).toBe('webgpu');
    // WebGL comes next, but here it is SwiftShader, software: skipped for wasm unless asked for by name.
    expect(result.backend).toBe('wasm');
    expect(await check.page.getByTestId('backend-fallback').innerText()).toContain(`${result.backend} was used`);
    await check.page.close();
  });

  it('runs on WebGL when asked for by name (the WebGL smoke test)', async () => {
    await s.setSettings({ backend: 'webgl' });
    const check = await s.popupCheck();
    expect(check.mood).toBe('happy');
    expect((await s.lastResult()).backend).toBe('webgl');
    await check.page.close();
  });
});

/** One popup check in a fresh browser whose webcam shows `name` (a fixture, or a path). */
async function checkWithPhoto(name: string) {
  const s = await launchExtension({ photo: isAbsolute(name) ? name : photo(name), grantCamera: true });
  try {
    await s.setSettings({ backend: 'wasm' });
    const check = await s.popupCheck();
    return { ...check, text: await check.page.locator('main').innerText() };
  } finally {
    await s.close();
  }
}

it('a sad face shows sad, with no note on the light', async () => {
  const check = await checkWithPhoto('sad.jpg');
  expect(check.mood).toBe('sad');
  expect(check.text).not.toMatch(/less sure/);
});

it('a face in a dim room gets a note that the mood is less sure and how to fix it', async () => {
  const check = await checkWithPhoto(dimmedPhoto(photo('neutral.jpg'), 0.3));
  expect(check.errorCode).toBeUndefined();
  expect(check.text).toMatch(/Your face is in dim light, so this mood is less sure.*More light on your face helps/);
});

it('a photo without a face gives the "no face" message', async () => {
  const check = await checkWithPhoto('no-face.jpg');
  expect(check.errorCode).toBe('no-face');
  expect(check.text).toMatch(/No face was found/);
});

it('without the camera permission the popup says so and offers to grant it', async () => {
  const s = await launchExtension({ photo: photo('happy.jpg'), grantCamera: false });
  try {
    const check = await s.popupCheck();
    expect(check.errorCode).toBe('camera-denied');
    const options = s.context.waitForEvent('page');
    await check.page.getByRole('button', { name: 'Allow the camera' }).click();
    const page = await options;
    await page.waitForLoadState();
    expect(page.url()).toBe(s.url('src/options/index.html'));
    await page.getByTestId('grant-camera').waitFor();
  } finally {
    await s.close();
  }
});

it('with no camera at all the popup says none was found', async () => {
  // Permission prompts answered with Allow, but this headless machine has no camera device.
  const s = await launchExtension({ args: ['--use-fake-ui-for-media-stream'] });
  try {
    const check = await s.popupCheck();
    expect(check.errorCode).toBe('camera-absent');
    expect(await check.page.getByTestId('check-error').innerText()).toMatch(/No camera was found/);
  } finally {
    await s.close();
  }
});

it('with two faces in view the popup says the largest was used', async () => {
  const check = await checkWithPhoto('two-faces.jpg');
  expect(check.mood).toBeDefined();
  expect(check.text).toMatch(/2 faces in view: the largest one was used/);
});
