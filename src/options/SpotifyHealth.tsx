import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { testSpotifyTab } from '../shared/ask-background';
import type { HealthOutcome } from '../shared/messages';
import { SPOTIFY_WEB } from '../shared/songs';
import { t } from '../shared/i18n';

/** "Test my Spotify tab": checks each element queueing needs on the user's live Spotify page, in words. */
export function SpotifyHealth() {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'running' } | { kind: 'done'; outcome: HealthOutcome }>({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'running' });
    setState({ kind: 'done', outcome: await testSpotifyTab() });
  };
  const outcome = state.kind === 'done' ? state.outcome : undefined;
  const missing = outcome?.ok ? outcome.health.filter((h) => !h.ok) : [];
  const fallbacks = outcome?.ok ? outcome.health.filter((h) => h.ok && h.fellBackFrom).length : 0;
  return (
    <section data-testid="spotify-health">
      <h2>{t('spotifyHeading')}</h2>
      <p class="meta">{t('spotifyHelp')}</p>
      <button data-testid="test-spotify" disabled={state.kind === 'running'} onClick={() => void run()}>
        {state.kind === 'running' ? t('testingSpotify') : t('testSpotify')}
      </button>
      {outcome && !outcome.ok && (
        <div class="message" data-testid="spotify-health-error" data-code={outcome.code}>
          <p>{outcome.message}</p>
          {outcome.code === 'no-tab' && <button onClick={() => browser.tabs.create({ url: SPOTIFY_WEB })}>{t('openSpotifyWeb')}</button>}
        </div>
      )}
      {outcome?.ok && (
        <div data-testid="spotify-health-result" data-passed={String(missing.length === 0)}>
          <p class={missing.length ? 'message' : 'ok'} data-testid="spotify-health-summary">
            {missing.length
              ? t('healthMissing', missing.map((m) => m.label).join(', '))
              : fallbacks
                ? t('healthPassedFallback', outcome.health.length, fallbacks)
                : t('healthPassed', outcome.health.length)}
          </p>
          <ul>
            {outcome.health.map((h) => (
              <li data-testid="spotify-health-item" data-ok={String(h.ok)}>
                {h.ok ? '✓' : '✗'} {h.label}
                {h.detail ? ` (${h.detail})` : ''}
                {h.fellBackFrom && <span class="meta">{t('healthInsteadOf', h.fellBackFrom)}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
