import { render } from 'preact';
import { CameraAccess } from './CameraAccess';
import { SettingsForm } from './SettingsForm';

render(
  <main>
    <h1>mood-dj options</h1>
    <CameraAccess />
    <SettingsForm />
  </main>,
  document.getElementById('app')!,
);
