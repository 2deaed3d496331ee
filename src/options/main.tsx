import { render } from 'preact';
import browser from 'webextension-polyfill';
import { WELCOME_PAGE } from '../shared/pages';
import { loadMessages } from '../shared/i18n';
import { CalibrateFace } from './CalibrateFace';
import { CameraAccess } from './CameraAccess';
import { ImportSongs } from './ImportSongs';
import { MoodHistory } from './MoodHistory';
import { SettingsForm } from './SettingsForm';
import { Shortcut } from './Shortcut';
import { SpotifyHealth } from './SpotifyHealth';
import { TasteSettings } from './TasteSettings';
import { t } from '../shared/i18n';

function Options() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="meta">
        {t('newHere')}{' '}
        <a href={browser.runtime.getURL(WELCOME_PAGE)} target="_blank" rel="noreferrer" data-testid="open-welcome">
          {t('openWelcome')}
        </a>
      </p>
      <CameraAccess />
      <CalibrateFace />
      <SettingsForm />
      <Shortcut />
      <ImportSongs />
      <SpotifyHealth />
      <TasteSettings />
      <MoodHistory />
    </main>
  );
}

void loadMessages().then(() => render(<Options />, document.getElementById('app')!));
