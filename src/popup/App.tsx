import { useEffect, useState } from 'preact/hooks';
import { checkMoodNow } from '../shared/ask-background';
import type { CheckError, CheckOutcome } from '../shared/messages';
import { AutoStatus } from './AutoStatus';
import { MoodCard } from './MoodCard';
import { SongList } from './SongList';

/** What the user can do about each failure. */
function NextStep({ error, retry }: { error: CheckError; retry: () => void }) {
  if (error.code === 'camera-denied')
    return <button class="primary" onClick={() => chrome.runtime.openOptionsPage()}>Allow the camera</button>;
  return <button onClick={retry}>Try again</button>;
}

export function App() {
  const [outcome, setOutcome] = useState<CheckOutcome | undefined>();
  const run = () => {
    setOutcome(undefined);
    void checkMoodNow().then(setOutcome);
  };
  useEffect(run, []);

  return (
    <main>
      <h1>mood-dj</h1>
      {!outcome && (
        <div class="progress" data-testid="checking"><span class="spinner" /> Looking at your expression…</div>
      )}
      {outcome?.ok && (
        <>
          <MoodCard result={outcome.result} />
          <SongList mood={outcome.result.mood} />
          <button onClick={run}>Check again</button>
        </>
      )}
      {outcome && !outcome.ok && (
        <div class="message" data-testid="check-error" data-code={outcome.error.code}>
          <p>{outcome.error.message}</p>
          <NextStep error={outcome.error} retry={run} />
        </div>
      )}
      <AutoStatus />
    </main>
  );
}
