import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { calibrateMood, resetCalibration } from '../shared/ask-background';
import { CALIBRATION_KEY, loadCalibration } from '../shared/calibration-store';
import { MOOD_NAMES, type Mood } from '../shared/messages';
import { MOOD_LOOK } from '../shared/moods';

type Captured = Partial<Record<Mood, number>>;
// Neutral first: it is enough by itself; the others count once all four are there.
const ORDER: Mood[] = ['neutral', ...MOOD_NAMES.filter((m) => m !== 'neutral')];

/** "Calibrate to my face": the user's neutral face (and, if they like, one of each mood) read by the camera
 * and kept on this computer as the model's features, used by every later check until reset. */
export function CalibrateFace() {
  const [at, setAt] = useState<Captured>({});
  const [busy, setBusy] = useState<Mood | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => {
    const load = () => void loadCalibration().then((c) => setAt(c?.at ?? {}));
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
    setMessage(outcome.ok ? `Captured your ${mood} face.` : `Not captured: ${outcome.error.message}`);
  };
  const all = ORDER.every((m) => at[m]);
  const status = all ? 'Every check is calibrated to your four moods.' : at.neutral ? 'Every check is calibrated to your neutral face.' : 'Not calibrated.';
  return (
    <section data-testid="calibration">
      <h2>Calibrate to my face</h2>
      <p class="meta">
        One person's resting face reads as sad, another's smile as neutral. Look at the camera with a neutral face and press the first
        button; if you like, show each of the other moods too (calibrating on all four helped most when measured). Only the model's
        numbers for your face are kept, on this computer.
      </p>
      <p data-testid="calibration-status">{status}</p>
      {ORDER.map((m) => (
        <button data-testid={`calibrate-${m}`} disabled={busy !== undefined} onClick={() => void capture(m)}>
          {busy === m ? 'Looking…' : `${at[m] ? '✓ ' : ''}My ${MOOD_LOOK[m].label.toLowerCase()} face`}
        </button>
      ))}{' '}
      <button data-testid="calibration-reset" disabled={!Object.keys(at).length} onClick={() => void resetCalibration()}>
        Reset calibration
      </button>
      {message && <p data-testid="calibration-message">{message}</p>}
    </section>
  );
}
