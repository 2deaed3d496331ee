import { useEffect, useRef, useState } from 'preact/hooks';
import { importCsv, WrongColumns, type ImportJob, type ImportProgress } from '../shared/import-278k';
import { beginImport, catalogueSize, type ImportWriter } from '../shared/song-db';
import type { Song } from '../shared/songs';
import { t } from '../shared/i18n';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ImportProgress }
  | { kind: 'done'; progress: ImportProgress; seconds: number }
  | { kind: 'failed'; message: string };

const n = (x: number) => x.toLocaleString('en');

export function ImportSongs() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [size, setSize] = useState<Awaited<ReturnType<typeof catalogueSize>>>();
  const job = useRef<ImportJob>();

  useEffect(() => void catalogueSize().then(setSize), [state.kind]);

  const start = (file: File) => {
    const t0 = performance.now();
    setState({ kind: 'running', progress: { bytesRead: 0, bytesTotal: file.size, imported: 0, bad: 0 } });
    // The earlier import is replaced only once this file has shown the right columns and a good row.
    let writer: Promise<ImportWriter> | undefined;
    const write = async (songs: Song[]) => {
      if (songs.length) await (await (writer ??= beginImport())).write(songs);
    };
    job.current = importCsv(file, write, (progress) => setState({ kind: 'running', progress }));
    job.current.done.then(async (progress) => (await (await writer)?.finish(), progress)).then(
      (progress) => setState({ kind: 'done', progress, seconds: (performance.now() - t0) / 1000 }),
      (e) =>
        setState({
          kind: 'failed',
          message:
            e instanceof WrongColumns
              ? e.message
              : e instanceof DOMException && e.name === 'AbortError'
                ? t('importCancelled')
                : t('importStopped', e instanceof Error ? e.message : String(e)),
        }),
    );
  };

  return (
    <section>
      <h2>{t('songsHeading')}</h2>
      <p data-testid="catalogue-size">
        {size ? t('catalogueSize', n(size.total), n(size.import?.songs ?? 0)) : t('countingSongs')}
      </p>
      {size?.import?.status === 'running' && state.kind !== 'running' && (
        <p class="note" data-testid="import-interrupted">{t('importInterrupted', n(size.import.songs))}</p>
      )}
      <p class="meta">{t('importHelp')}</p>
      <input
        type="file"
        accept=".csv,text/csv"
        data-testid="import-file"
        disabled={state.kind === 'running'}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) start(file);
          e.currentTarget.value = '';
        }}
      />
      {state.kind === 'running' && (
        <div data-testid="import-progress">
          <progress max={state.progress.bytesTotal} value={state.progress.bytesRead} />{' '}
          {t('importProgress', n(state.progress.imported))}
          {state.progress.bad ? t('badRowsSkipped', n(state.progress.bad)) : ''} <button onClick={() => job.current?.cancel()}>{t('cancel')}</button>
        </div>
      )}
      {state.kind === 'done' && (
        <p class="ok" data-testid="import-done" data-imported={state.progress.imported} data-bad={state.progress.bad}>
          {t('importDone', n(state.progress.imported), state.seconds.toFixed(1))}
          {state.progress.bad ? t('malformedSkipped', n(state.progress.bad)) : ''}
        </p>
      )}
      {state.kind === 'failed' && <p class="error" data-testid="import-error">{state.message}</p>}
    </section>
  );
}
