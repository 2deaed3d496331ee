import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { calibrateMood, resetCalibration } from '../shared/ask-background';
import { CALIBRATION_KEY, readCalibration } from '../shared/calibration-store';
import { MOOD_NAMES, type Mood } from '../shared/messages';
import { moodLabel, t } from '../shared/i18n';

type Captured = Partial<Record<Mood, number>>;
// Neutral first: it is enough by itself; the others count once all four are there.
const ORDER: Mood[] = ['neutral', ...MOOD_NAMES.filter((m) => m !== 'neutral')];

/** "Calibrate to my face": the user's neutral face (and, if they like, one of each mood) read by the camera
 * and kept on this computer as the model's features, used by every later check until reset. */
export function CalibrateFace() {
  const [at, setAt] = useState<Captured>({});
  const [busy, setBusy] = useState<Mood | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [outdated, setOutdated] = useState(false);
  useEffect(() => {
    const load = () =>
      void readCalibration().then(({ current, outdated }) => {
        setAt(current?.at ?? {});
        setOutdated(outdated);
      });
    load();
    const changed = (changes: Record<string, unknown>, area: string) => area === 'local' && CALIBRATION_KEY in changes && load();
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  const capture = async (mood: Mood) => {
    setBusy(mood);
    setMessage(undefined);
    const outcome = await calibrateMood(mood);
    setBusy(undefined);
    setMessage(outcome.ok ? t('captured', moodLabel(mood).toLowerCase()) : t('notCaptured', outcome.error.message));
  };
  const all = ORDER.every((m) => at[m]);
  const status = t(all ? 'calibratedAll' : at.neutral ? 'calibratedNeutralOnly' : outdated ? 'calibrationOutdated' : 'notCalibrated');
  return (
    <section data-testid="calibration">
      <h2>{t('calibrateHeading')}</h2>
      <p class="meta">{t('calibrateHelp')}</p>
      <p data-testid="calibration-status">{status}</p>
      {ORDER.map((m) => (
        <button data-testid={`calibrate-${m}`} disabled={busy !== undefined} onClick={() => void capture(m)}>
          {busy === m ? t('calibrateLooking') : `${at[m] ? '✓ ' : ''}${t(`calibrateMy_${m}`)}`}
        </button>
      ))}{' '}
      <button data-testid="calibration-reset" disabled={!Object.keys(at).length && !outdated} onClick={() => void resetCalibration()}>
        {t('calibrationReset')}
      </button>
      {message && <p data-testid="calibration-message">{message}</p>}
    </section>
  );
}
