/** The first-run page: opened once when mood-dj is installed, with the steps a new user needs, each working
 * there; reopened from the options page. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, ROOT, type ExtensionSession } from '../../scripts/lib/browser';

describe('first run', () => {
  let s: ExtensionSession;
  let welcome: Page;
  beforeAll(async () => {
    s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), keepWelcome: true });
  });
  afterAll(() => s.close());

  it('opens the first-run page on install, once', async () => {
    await expect.poll(() => s.context.pages().filter((p) => p.url().endsWith('/src/welcome/index.html')).length, { timeout: 10_000 }).toBe(1);
    welcome = s.context.pages().find((p) => p.url().endsWith('/src/welcome/index.html'))!;
    await welcome.getByRole('heading', { name: 'Welcome to mood-dj' }).waitFor();
    const steps = ['step-camera', 'step-calibrate', 'step-spotify', 'step-pin'];
    for (const step of steps) expect(await welcome.getByTestId(step).count()).toBe(1);
    // The pin step reads Chrome's own setting (headless Chromium has no toolbar, so: not pinned).
    await expect.poll(() => welcome.getByTestId('pinned').getAttribute('data-pinned')).toBe('false');
    expect(await welcome.getByTestId('pinned').innerText()).toBe('Not pinned yet: this line changes once it is.');
  });

  it('grants the camera and tests the Spotify tab from its steps', async () => {
    expect(await welcome.getByTestId('camera-status').getAttribute('data-status')).not.toBe('granted');
    // No grant UI in this launch: the prompt is refused, and the step says so instead of failing silently.
    await welcome.getByTestId('grant-camera').click();
    await expect.poll(() => welcome.getByTestId('camera-status').getAttribute('data-status')).toMatch(/denied|error|granted/);
    await welcome.getByTestId('test-spotify').click();
    const error = welcome.getByTestId('spotify-health-error');
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute('data-code')).toBe('no-tab');
    expect(await error.getByRole('button', { name: 'Open Spotify web' }).count()).toBe(1);
  });

  it('is reopened from the options page', async () => {
    const options = await s.context.newPage();
    await options.goto(s.url('src/options/index.html'));
    const opened = s.context.waitForEvent('page');
    await options.getByTestId('open-welcome').click();
    const again = await opened;
    await again.waitForURL(/\/src\/welcome\/index\.html$/);
    await again.getByRole('heading', { name: 'Welcome to mood-dj' }).waitFor();
    await again.close();
    await options.close();
  });
});
