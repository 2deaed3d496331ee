import { render } from 'preact';
import { CameraAccess } from './CameraAccess';
import { ImportSongs } from './ImportSongs';
import { SettingsForm } from './SettingsForm';

render(
  <main>
    <h1>mood-dj options</h1>
    <CameraAccess />
    <SettingsForm />
    <ImportSongs />
  </main>,
  document.getElementById('app')!,
);
