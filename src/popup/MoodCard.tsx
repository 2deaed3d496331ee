import { MOODS } from '../model/contract';
import type { CheckProgress, Mood, MoodResult } from '../shared/messages';
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
            {other ? `${look.label} or ${MOOD_LOOK[other].label.toLowerCase()}?` : look.label}
          </div>
          <div data-testid="mood-sureness">
            {other ? 'Hard to tell: your face shows a bit of both' : `${pct(shown.probabilities[shown.mood])} sure`}
          </div>
        </div>
      </div>
      <div class="bars">
        {MOODS.map((m) => (
          <>
            <span id={`bar-${m}`}>{MOOD_LOOK[m].label}</span>
            <div class="bar" role="meter" aria-labelledby={`bar-${m}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(100 * shown.probabilities[m])} aria-valuetext={pct(shown.probabilities[m])}>
              <span style={{ width: `${(100 * shown.probabilities[m]).toFixed(1)}%`, background: MOOD_LOOK[m].colour }} />
            </div>
            <span data-testid={`prob-${m}`} aria-hidden="true">{pct(shown.probabilities[m])}</span>
          </>
        ))}
      </div>
      {reading && (
        <p class="meta" data-testid="reading-meta">
          Reading… frame {reading.framesDone} of {reading.frames}
        </p>
      )}
      {result && <ResultNotes result={result} />}
    </section>
  );
}

function ResultNotes({ result }: { result: MoodResult }) {
  const t = result.timings;
  return (
    <>
      {result.requestedBackend !== 'auto' && result.requestedBackend !== result.backend && (
        <p class="note" data-testid="backend-fallback">The compute method you chose ({result.requestedBackend}) does not work here, so {result.backend} was used.</p>
      )}
      {result.faces > 1 && <p class="note" data-testid="several-faces">{result.faces} faces in view: the largest one was used.</p>}
      <details>
        <summary>Details</summary>
        <p class="meta" data-testid="mood-meta">
          Read from {result.framesUsed} camera frames in {(t.totalMs / 1000).toFixed(1)} s{t.coldStart ? ', including loading the models' : ''}. Computed
          with {result.backend}: finding the face {t.detectMsPerFrame.toFixed(0)} ms, reading the expression {t.classifyMsPerFrame.toFixed(0)} ms a frame.
        </p>
      </details>
      {result.calibrated !== 'none' && (
        <p class="note" data-testid="calibrated">
          Calibrated to your face ({result.calibrated === 'neutral' ? 'your neutral face' : 'your four moods'}).
        </p>
      )}
    </>
  );
}
