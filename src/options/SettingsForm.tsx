import { useEffect, useState } from 'preact/hooks';
import { BACKENDS } from '../shared/messages';
import { loadSettings, saveSettings, type Settings } from '../shared/settings';

export function SettingsForm() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [notice, setNotice] = useState('');

  useEffect(() => void loadSettings().then(setSettings), []);
  if (!settings) return null;

  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await saveSettings(patch));
      setNotice('Saved.');
    } catch {
      setNotice('Not saved: a value is out of range.');
    }
  };
  const num = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);

  return (
    <section>
      <h2>Checks</h2>
      <label class="row">
        Auto mode: check my mood regularly
        <input type="checkbox" data-testid="auto-mode" checked={settings.autoMode} onChange={(e) => update({ autoMode: e.currentTarget.checked })} />
      </label>
      <label class="row">
        Minutes between checks (at least 0.5)
        <input type="number" data-testid="interval" min={0.5} step={0.5} value={settings.intervalMinutes} onChange={(e) => update({ intervalMinutes: num(e) })} />
      </label>
      <label class="row">
        Songs per check
        <input type="number" data-testid="songs-per-check" min={1} max={20} value={settings.songsPerCheck} onChange={(e) => update({ songsPerCheck: num(e) })} />
      </label>
      <label class="row">
        Music
        <select data-testid="mapping" value={settings.mapping} onChange={(e) => update({ mapping: e.currentTarget.value as Settings['mapping'] })}>
          <option value="match">Match my mood</option>
          <option value="lift">Lift my mood</option>
        </select>
      </label>
      <label class="row">
        Prefer songs that sound most like the mood
        <input type="checkbox" checked={settings.preferCentre} onChange={(e) => update({ preferCentre: e.currentTarget.checked })} />
      </label>
      <label class="row">
        Camera pictures per check (more: steadier, slower)
        <input type="number" min={1} max={15} value={settings.framesPerCheck} onChange={(e) => update({ framesPerCheck: num(e) })} />
      </label>
      <h2>Speed</h2>
      <label class="row">
        How mood-dj computes (leave on automatic unless a check fails)
        <select data-testid="backend" value={settings.backend} onChange={(e) => update({ backend: e.currentTarget.value as Settings['backend'] })}>
          <option value="auto">Automatic: the fastest that works here</option>
          {BACKENDS.map((b) => (
            <option value={b}>{b}</option>
          ))}
        </select>
      </label>
      <p class="meta" data-testid="settings-notice">{notice}</p>
    </section>
  );
}
