import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { LastAutoQueue } from '../shared/messages';
import { queueSummary } from '../shared/queue-summary';
import { loadSettings, type Settings } from '../shared/settings';
import { t } from '../shared/i18n';

function describe(last: LastAutoQueue): string {
  if ('skipped' in last) return t('autoSkipped', last.skipped);
  if (last.ok) return queueSummary(last.songs);
  return t('autoFailed', last.message);
}

/** What auto mode did at its last scheduled check, so that a quiet auto mode is never a silent failure. */
export function AutoStatus() {
  const [settings, setSettings] = useState<Settings>();
  const [last, setLast] = useState<LastAutoQueue>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    void browser.storage.local.get('lastAutoQueue').then((r) => setLast(r.lastAutoQueue as LastAutoQueue | undefined));
  }, []);
  if (!settings?.autoMode) return null;
  return (
    <p class="meta" data-testid="auto-status">
      {t('autoStatus', settings.intervalMinutes)}
      {last && t('autoLast', new Date(last.at).toLocaleTimeString(), describe(last))}
    </p>
  );
}
