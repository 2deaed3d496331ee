import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { undoFeedback } from '../shared/ask-background';
import { moodLabel, t } from '../shared/i18n';
import { MOOD_NAMES, type Mood } from '../shared/messages';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings';
import { parseEvents, TASTE_KEY, type TasteEvent } from '../shared/taste-events';

/** One list of songs the user marked, each with a way to take it back. */
function Marked({ heading, events, testid }: { heading: string; events: TasteEvent[]; testid: string }) {
  if (events.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul class="marked" data-testid={testid}>
        {events.map((e) => (
          <li data-id={e.id}>
            {e.name ? `${e.name}${e.artist ? ` · ${e.artist}` : ''}` : t('songById', e.id)}{' '}
            <button class="link" data-testid="taste-remove" onClick={() => void undoFeedback(e.id, e.mood)}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The switch for learning, and what was learned from: liked and banned songs per mood, each reversible. */
export function TasteSettings() {
  const [learn, setLearn] = useState<boolean | undefined>();
  const [events, setEvents] = useState<TasteEvent[]>([]);
  useEffect(() => {
    void loadSettings().then((s) => setLearn(s.learnTaste));
    onSettingsChanged((s) => setLearn(s.learnTaste));
    const load = () => void browser.storage.local.get(TASTE_KEY).then((r) => setEvents(parseEvents(r[TASTE_KEY])));
    load();
    const changed = (changes: Record<string, unknown>, area: string) => area === 'local' && TASTE_KEY in changes && load();
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  if (learn === undefined) return null;
  const of = (feedback: TasteEvent['feedback'], mood?: Mood) => events.filter((e) => e.feedback === feedback && (!mood || e.mood === mood));
  const explicit = events.filter((e) => e.feedback === 'like' || e.feedback === 'ban' || e.feedback === 'not-for-mood');
  return (
    <section data-testid="taste">
      <h2>{t('tasteHeading')}</h2>
      <p class="meta">{t('tasteHelp')}</p>
      <label class="row">
        {t('learnTaste')}
        <input type="checkbox" data-testid="learn-taste" checked={learn} onChange={(e) => void saveSettings({ learnTaste: e.currentTarget.checked })} />
      </label>
      {!learn && <p class="note" data-testid="taste-off">{t('tasteOff')}</p>}
      {explicit.length === 0 && <p data-testid="taste-empty">{t('tasteEmpty')}</p>}
      {MOOD_NAMES.map((m) => (
        <Marked heading={t('tasteLiked', moodLabel(m).toLowerCase())} events={of('like', m)} testid={`taste-liked-${m}`} />
      ))}
      {MOOD_NAMES.map((m) => (
        <Marked heading={t('tasteBanned', moodLabel(m).toLowerCase())} events={of('not-for-mood', m)} testid={`taste-banned-${m}`} />
      ))}
      <Marked heading={t('tasteBannedAll')} events={of('ban')} testid="taste-banned-all" />
      {(of('skip').length > 0 || of('played').length > 0) && (
        <p class="meta" data-testid="taste-playback">{t('tastePlayback', of('skip').length, of('played').length)}</p>
      )}
    </section>
  );
}
