import { MOODS } from '../model/contract';
import type { CheckProgress, Mood, MoodResult } from '../shared/messages';
import { moodLabel, t } from '../shared/i18n';
import { MOOD_LOOK } from '../shared/moods';
import { percent as pct } from '../shared/percent';

/** Two moods this close are said to be hard to tell apart rather than shown as one sure answer. */
const CLOSE = 0.12;

/** The leading mood, and the runner-up when it is too close to call. */
export function readingOf(probabilities: Record<Mood, number>): { top: Mood; close?: Mood } {
  const [top, second] = [...MOODS].sort((a, b) => probabilities[b] - probabilities[a]);
  return probabilities[top] - probabilities[second] < CLOSE ? { top, close: second } : { top };
}

/** The check's answer, or (reading) the frames read so far while the check goes on. */
export function MoodCard({ result, reading }: { result: MoodResult; reading?: undefined } | { result?: undefined; reading: CheckProgress }) {
  const shown = result ?? reading!;
  const look = MOOD_LOOK[shown.mood];
  const { close } = readingOf(shown.probabilities);
  const other = close && close !== shown.mood ? close : undefined;
  return (
    <section data-testid={result ? 'mood-result' : 'mood-reading'} data-mood={shown.mood} data-close={other}>
      <div class="mood" style={{ background: look.colour }}>
        <span class="emoji" aria-hidden="true">{look.emoji}</span>
        <div>
          <div class="name" data-testid="mood-name">
            {other ? t('moodOr', moodLabel(shown.mood), moodLabel(other).toLowerCase()) : moodLabel(shown.mood)}
          </div>
          <div data-testid="mood-sureness">
            {other ? t('moodHardToTell') : t('moodSure', pct(shown.probabilities[shown.mood]))}
          </div>
        </div>
      </div>
      <div class="bars">
        {MOODS.map((m) => (
          <>
            <span id={`bar-${m}`}>{moodLabel(m)}</span>
            <div class="bar" role="meter" aria-labelledby={`bar-${m}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(100 * shown.probabilities[m])} aria-valuetext={pct(shown.probabilities[m])}>
              <span style={{ width: `${(100 * shown.probabilities[m]).toFixed(1)}%`, background: MOOD_LOOK[m].colour }} />
            </div>
            <span data-testid={`prob-${m}`} aria-hidden="true">{pct(shown.probabilities[m])}</span>
          </>
        ))}
      </div>
      {reading && (
        <p class="meta" data-testid="reading-meta">
          {t('readingFrame', reading.framesDone, reading.frames)}
        </p>
      )}
      {result && <ResultNotes result={result} />}
    </section>
  );
}

const LIGHT_NOTE = { dark: 'lightDark', bright: 'lightBright', flat: 'lightFlat' } as const;

function ResultNotes({ result }: { result: MoodResult }) {
  const ms = result.timings;
  return (
    <>
      {result.requestedBackend !== 'auto' && result.requestedBackend !== result.backend && (
        <p class="note" data-testid="backend-fallback">{t('backendFallback', result.requestedBackend, result.backend)}</p>
      )}
      {result.faces > 1 && <p class="note" data-testid="several-faces">{t('severalFaces', result.faces)}</p>}
      {result.light && <p class="note" data-testid="light-note" data-light={result.light}>{t(LIGHT_NOTE[result.light])}</p>}
      <details>
        <summary>{t('details')}</summary>
        <p class="meta" data-testid="mood-meta">
          {t('detailsText', result.framesUsed, (ms.totalMs / 1000).toFixed(1), ms.coldStart ? t('detailsColdStart') : '', result.backend, ms.detectMsPerFrame.toFixed(0), ms.classifyMsPerFrame.toFixed(0))}
        </p>
      </details>
      {result.calibrated !== 'none' && (
        <p class="note" data-testid="calibrated">
          {t(result.calibrated === 'neutral' ? 'calibratedNeutral' : 'calibratedFour')}
        </p>
      )}
    </>
  );
}
