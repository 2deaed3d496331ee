import { render } from 'preact';
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
