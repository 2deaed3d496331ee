import { MOODS } from '../model/contract';
import type { MoodResult } from '../shared/messages';
import { MOOD_LOOK } from '../shared/moods';

const pct = (p: number) => `${Math.round(p * 100)}%`;

export function MoodCard({ result }: { result: MoodResult }) {
  const look = MOOD_LOOK[result.mood];
  const t = result.timings;
  return (
    <section data-testid="mood-result" data-mood={result.mood}>
      <div class="mood" style={{ background: look.colour }}>
        <span class="emoji">{look.emoji}</span>
        <div>
          <div class="name" data-testid="mood-name">{look.label}</div>
          <div>{pct(result.probabilities[result.mood])} confident</div>
        </div>
      </div>
      <div class="bars">
        {MOODS.map((m) => (
          <>
            <span>{MOOD_LOOK[m].label}</span>
            <div class="bar"><span style={{ width: pct(result.probabilities[m]), background: MOOD_LOOK[m].colour }} /></div>
            <span data-testid={`prob-${m}`}>{pct(result.probabilities[m])}</span>
          </>
        ))}
      </div>
      {result.requestedBackend !== 'auto' && result.requestedBackend !== result.backend && (
        <p class="note" data-testid="backend-fallback">{result.requestedBackend} is not available here: {result.backend} was used.</p>
      )}
      {result.faces > 1 && <p class="note" data-testid="several-faces">{result.faces} faces in view: the largest one was used.</p>}
      <p class="meta" data-testid="mood-meta">
        {result.backend} · {Math.round(t.totalMs)} ms ({t.coldStart ? 'first check, models loaded' : 'models warm'}) · detect {t.detectMsPerFrame.toFixed(0)} ms, classify{' '}
        {t.classifyMsPerFrame.toFixed(0)} ms per frame · {result.framesUsed} frames
      </p>
    </section>
  );
}
