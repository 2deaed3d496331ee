import { MOODS } from '../model/contract';
import type { CheckProgress, MoodResult } from '../shared/messages';
import { MOOD_LOOK } from '../shared/moods';

const pct = (p: number) => `${Math.round(p * 100)}%`;

/** The check's answer, or (reading) the frames read so far while the check goes on. */
export function MoodCard({ result, reading }: { result: MoodResult; reading?: undefined } | { result?: undefined; reading: CheckProgress }) {
  const shown = result ?? reading!;
  const look = MOOD_LOOK[shown.mood];
  return (
    <section data-testid={result ? 'mood-result' : 'mood-reading'} data-mood={shown.mood}>
      <div class="mood" style={{ background: look.colour }}>
        <span class="emoji">{look.emoji}</span>
        <div>
          <div class="name" data-testid="mood-name">{look.label}</div>
          <div>{pct(shown.probabilities[shown.mood])} confident</div>
        </div>
      </div>
      <div class="bars">
        {MOODS.map((m) => (
          <>
            <span>{MOOD_LOOK[m].label}</span>
            <div class="bar"><span style={{ width: pct(shown.probabilities[m]), background: MOOD_LOOK[m].colour }} /></div>
            <span data-testid={`prob-${m}`}>{pct(shown.probabilities[m])}</span>
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
        <p class="note" data-testid="backend-fallback">{result.requestedBackend} is not available here: {result.backend} was used.</p>
      )}
      {result.faces > 1 && <p class="note" data-testid="several-faces">{result.faces} faces in view: the largest one was used.</p>}
      <p class="meta" data-testid="mood-meta">
        {result.backend} · {Math.round(t.totalMs)} ms ({t.coldStart ? 'first check, models loaded' : 'models warm'}) · detect {t.detectMsPerFrame.toFixed(0)} ms, classify{' '}
        {t.classifyMsPerFrame.toFixed(0)} ms per frame · {result.framesUsed} frames
      </p>
      {result.calibrated !== 'none' && (
        <p class="note" data-testid="calibrated">
          Calibrated to your face ({result.calibrated === 'neutral' ? 'your neutral face' : 'your four moods'}).
        </p>
      )}
    </>
  );
}
