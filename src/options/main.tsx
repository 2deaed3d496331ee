import { render } from 'preact';
import browser from 'webextension-polyfill';
import { WELCOME_PAGE } from '../shared/pages';
import { CalibrateFace } from './CalibrateFace';
import { CameraAccess } from './CameraAccess';
import { ImportSongs } from './ImportSongs';
import { MoodHistory } from './MoodHistory';
import { SettingsForm } from './SettingsForm';
import { Shortcut } from './Shortcut';
import { SpotifyHealth } from './SpotifyHealth';

render(
  <main>
    <h1>mood-dj options</h1>
    <p class="meta">
      New here? <a href={browser.runtime.getURL(WELCOME_PAGE)} target="_blank" rel="noreferrer" data-testid="open-welcome">Open the first-run guide</a>.
    </p>
    <CameraAccess />
    <CalibrateFace />
    <SettingsForm />
    <Shortcut />
    <ImportSongs />
    <SpotifyHealth />
    <MoodHistory />
  </main>,
  document.getElementById('app')!,
);
