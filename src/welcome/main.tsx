/** The first-run page, opened once on install (and from the options page): the few steps a new user needs, in
 * order, each done right here with the same parts the options page uses. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { CalibrateFace } from '../options/CalibrateFace';
import { CameraAccess } from '../options/CameraAccess';
import { SpotifyHealth } from '../options/SpotifyHealth';

function Welcome() {
  return (
    <main>
      <h1>Welcome to mood-dj</h1>
      <p>
        mood-dj reads your facial expression through your webcam, on this computer only, and plays songs that fit it in your Spotify Web
        Player tab. Four steps and you are set.
      </p>
      <ol class="steps">
        <li data-testid="step-camera">
          <CameraAccess />
        </li>
        <li data-testid="step-calibrate">
          <p class="meta">Optional, and you can do it any time from the options page.</p>
          <CalibrateFace />
        </li>
        <li data-testid="step-spotify">
          <p>Open Spotify web (open.spotify.com) in a tab and sign in, then let mood-dj check that it can queue songs there.</p>
          <SpotifyHealth />
        </li>
        <li data-testid="step-pin">
          <h2>Pin mood-dj</h2>
          <p>
            Click the puzzle-piece icon at the right of Chrome's toolbar, then the pin beside mood-dj. Click its icon (or press Alt+Shift+M)
            whenever you want music for your mood; the options page can also check regularly by itself.
          </p>
          <button class="primary" onClick={() => browser.runtime.openOptionsPage()}>
            Open the options
          </button>
        </li>
      </ol>
    </main>
  );
}

render(<Welcome />, document.getElementById('app')!);
