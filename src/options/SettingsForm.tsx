import { useEffect, useState } from 'preact/hooks';
import { BACKENDS } from '../shared/messages';
import { loadSettings, saveSettings, type Settings } from '../shared/settings';
import { t } from '../shared/i18n';

export function SettingsForm() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [notice, setNotice] = useState('');

  useEffect(() => void loadSettings().then(setSettings), []);
  if (!settings) return null;

  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await saveSettings(patch));
      setNotice(t('saved'));
    } catch {
      setNotice(t('notSaved'));
    }
  };
  const num = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);

  return (
    <section>
      <h2>{t('checksHeading')}</h2>
      <label class="row">
        {t('autoMode')}
        <input type="checkbox" data-testid="auto-mode" checked={settings.autoMode} onChange={(e) => update({ autoMode: e.currentTarget.checked })} />
      </label>
      <label class="row">
        {t('interval')}
        <input type="number" data-testid="interval" min={0.5} step={0.5} value={settings.intervalMinutes} onChange={(e) => update({ intervalMinutes: num(e) })} />
      </label>
      <label class="row">
        {t('songsPerCheck')}
        <input type="number" data-testid="songs-per-check" min={1} max={20} value={settings.songsPerCheck} onChange={(e) => update({ songsPerCheck: num(e) })} />
      </label>
      <label class="row">
        {t('music')}
        <select data-testid="mapping" value={settings.mapping} onChange={(e) => update({ mapping: e.currentTarget.value as Settings['mapping'] })}>
          <option value="match">{t('matchMood')}</option>
          <option value="lift">{t('liftMood')}</option>
        </select>
      </label>
      <label class="row">
        {t('preferCentre')}
        <input type="checkbox" checked={settings.preferCentre} onChange={(e) => update({ preferCentre: e.currentTarget.checked })} />
      </label>
      <label class="row">
        {t('framesPerCheck')}
        <input type="number" min={1} max={15} value={settings.framesPerCheck} onChange={(e) => update({ framesPerCheck: num(e) })} />
      </label>
      <h2>{t('speedHeading')}</h2>
      <label class="row">
        {t('backend')}
        <select data-testid="backend" value={settings.backend} onChange={(e) => update({ backend: e.currentTarget.value as Settings['backend'] })}>
          <option value="auto">{t('backendAuto')}</option>
          {BACKENDS.map((b) => (
            <option value={b}>{b}</option>
          ))}
        </select>
      </label>
      <p class="meta" data-testid="settings-notice">{notice}</p>
    </section>
  );
}
