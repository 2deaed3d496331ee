import { render } from 'preact';
import { CameraAccess } from './CameraAccess';
import { ImportSongs } from './ImportSongs';
import { SettingsForm } from './SettingsForm';
import { SpotifyHealth } from './SpotifyHealth';

render(
  <main>
    <h1>mood-dj options</h1>
    <CameraAccess />
    <SettingsForm />
    <ImportSongs />
    <SpotifyHealth />
  </main>,
  document.getElementById('app')!,
);
