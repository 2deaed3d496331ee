/** The first-run page, opened once on install (and from the options page): the few steps a new user needs, in
 * order, each done right here with the same parts the options page uses. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CalibrateFace } from '../options/CalibrateFace';
import { CameraAccess } from '../options/CameraAccess';
import { SpotifyHealth } from '../options/SpotifyHealth';
import { loadMessages } from '../shared/i18n';
import { t } from '../shared/i18n';

/** Whether the icon is on the toolbar, followed while the page is open (Chrome tells no event for it). */
function Pinned() {
  const [pinned, setPinned] = useState<boolean | undefined>();
  useEffect(() => {
    const read = () => void chrome.action.getUserSettings().then((s) => setPinned(s.isOnToolbar));
    read();
    const timer = setInterval(read, 1000);
    return () => clearInterval(timer);
  }, []);
  if (pinned === undefined) return null;
  return (
    <p class={pinned ? 'ok' : 'meta'} data-testid="pinned" data-pinned={String(pinned)} aria-live="polite">
      {pinned ? t('pinned') : t('notPinned')}
    </p>
  );
}

function Welcome() {
  return (
    <main>
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <ol class="steps">
        <li data-testid="step-camera">
          <CameraAccess />
        </li>
        <li data-testid="step-calibrate">
          <CalibrateFace />
          <p class="meta">{t('welcomeCalibrateNote')}</p>
        </li>
        <li data-testid="step-spotify">
          <SpotifyHealth />
          <p class="meta">{t('welcomeSpotifyNote')}</p>
        </li>
        <li data-testid="step-pin">
          <h2>{t('pinHeading')}</h2>
          <p>{t('pinText')}</p>
          <Pinned />
          <button class="primary" onClick={() => browser.runtime.openOptionsPage()}>
            {t('openOptions')}
          </button>
        </li>
      </ol>
    </main>
  );
}

void loadMessages().then(() => render(<Welcome />, document.getElementById('app')!));
