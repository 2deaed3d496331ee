import { useState } from 'preact/hooks';
import { sendFeedback, undoFeedback } from '../shared/ask-background';
import { moodLabel, t } from '../shared/i18n';
import type { Mood, Opinion } from '../shared/messages';

/** Like, not for me, not for this mood: each saved at once (the next pick learns from it) and undone by
 * pressing it again or "Undo". */
export function SongFeedback({ id, title, mood }: { id: string; title: string; mood: Mood }) {
  const [opinion, setOpinion] = useState<Opinion | undefined>();
  const [error, setError] = useState<string | undefined>();
  const set = async (next: Opinion | undefined) => {
    const saved = next ? await sendFeedback(id, mood, next) : await undoFeedback(id, mood);
    if (saved.ok) setOpinion(next);
    setError(saved.ok ? undefined : saved.error);
  };
  const button = (which: Opinion, label: string) => (
    <button
      class={which === 'like' ? 'feedback' : 'feedback negative'}
      data-testid={`feedback-${which}`}
      aria-pressed={opinion === which}
      aria-label={`${label}: ${title}`}
      onClick={() => void set(opinion === which ? undefined : which)}
    >
      {label}
    </button>
  );
  const banned = opinion === 'ban' || opinion === 'not-for-mood';
  return (
    <div class="feedback-row" data-testid="feedback" data-opinion={opinion ?? ''}>
      {button('like', t('like'))}
      {button('ban', t('notForMe'))}
      {button('not-for-mood', t('notForMood'))}
      {banned && (
        <span class="meta" role="status">
          {opinion === 'ban' ? t('songBanned') : t('songBannedMood', moodLabel(mood).toLowerCase())}{' '}
          <button class="link" data-testid="feedback-undo" onClick={() => void set(undefined)}>
            {t('undo')}
          </button>
        </span>
      )}
      {error && <span class="error" role="alert">{t('feedbackFailed', error)}</span>}
    </div>
  );
}
