import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { checkMoodNow } from '../shared/ask-background';
import { CheckProgress, type CheckError, type CheckOutcome } from '../shared/messages';
import { t } from '../shared/i18n';
import { AutoStatus } from './AutoStatus';
import { MoodCard } from './MoodCard';
import { SongList } from './SongList';

/** The failure in the user's language where it is a known one; the technical detail otherwise. */
function checkErrorText({ code, message }: CheckError): string {
  const known = { 'no-face': 'checkError_no_face', 'camera-denied': 'checkError_camera_denied', 'camera-absent': 'checkError_camera_absent', timeout: 'checkError_timeout' } as const;
  return code in known ? t(known[code as keyof typeof known]) : message;
}

/** What the user can do about each failure. */
function NextStep({ error, retry }: { error: CheckError; retry: () => void }) {
  if (error.code === 'camera-denied')
    return <button class="primary" onClick={() => browser.runtime.openOptionsPage()}>{t('allowCamera')}</button>;
  return <button onClick={retry}>{t('tryAgain')}</button>;
}

export function App() {
  const [outcome, setOutcome] = useState<CheckOutcome | undefined>();
  const [first, setFirst] = useState<CheckProgress | undefined>();
  const run = () => {
    setOutcome(undefined);
    setFirst(undefined);
    void checkMoodNow().then(setOutcome);
  };
  useEffect(run, []);
  // The reading of each frame as it comes, until the check's answer replaces it.
  useEffect(() => {
    const listen = (raw: unknown) => {
      const p = CheckProgress.safeParse(raw);
      if (p.success) setFirst(p.data);
    };
    browser.runtime.onMessage.addListener(listen);
    return () => browser.runtime.onMessage.removeListener(listen);
  }, []);

  return (
    <main>
      <h1>mood-dj</h1>
      {!outcome && !first && (
        <div class="progress" data-testid="checking"><span class="spinner" /> {t('popupLooking')}</div>
      )}
      {!outcome && first && <MoodCard reading={first} />}
      {outcome?.ok && (
        <>
          <MoodCard result={outcome.result} />
          <SongList mood={outcome.result.mood} />
          <button onClick={run}>{t('checkAgain')}</button>
        </>
      )}
      {outcome && !outcome.ok && (
        <div class="message" data-testid="check-error" data-code={outcome.error.code}>
          <p>{checkErrorText(outcome.error)}</p>
          <NextStep error={outcome.error} retry={run} />
        </div>
      )}
      <AutoStatus />
    </main>
  );
}
