/** Nothing leaves the machine: Chromium's own network log during mood checks and song picks. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launchExtension, ROOT } from '../../scripts/lib/browser';

it('mood checks and song picks make no network request', async () => {
  const log = join(mkdtempSync(join(tmpdir(), 'netlog-')), 'netlog.json');
  const s = await launchExtension({ photo: join(ROOT, 'tests/fixtures/faces/happy.jpg'), grantCamera: true, args: [`--log-net-log=${log}`, '--net-log-capture-mode=Default'] });
  const origin = `chrome-extension://${s.id}`;
  try {
    for (let i = 0; i < 2; i++) {
      const check = await s.popupCheck();
      expect(check.errorCode).toBeUndefined();
      await check.page.getByTestId('song').first().waitFor();
      await check.page.close();
    }
  } finally {
    await s.close(); // flushes the log
  }
  const netlog = JSON.parse(readFileSync(log, 'utf8'));
  const START = netlog.constants.logEventTypes.URL_REQUEST_START_JOB;
  const requests: Array<{ url?: string; initiator?: string }> = netlog.events.filter((e: { type: number }) => e.type === START).map((e: { params?: object }) => e.params ?? {});
  // Chromium itself asks Google about sign-in (initiator "not an origin"); nothing may come from the extension.
  const fromExtension = requests.filter((r) => r.initiator?.startsWith(origin) || r.url?.startsWith(origin));
  expect(fromExtension).toEqual([]);
  expect(requests.filter((r) => r.url && r.initiator !== 'not an origin')).toEqual([]);
});
