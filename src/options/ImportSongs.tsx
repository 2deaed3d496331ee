import { useEffect, useRef, useState } from 'preact/hooks';
import { importCsv, WrongColumns, type ImportJob, type ImportProgress } from '../shared/import-278k';
import { beginImport, catalogueSize, type ImportWriter } from '../shared/song-db';
import type { Song } from '../shared/songs';

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
                ? 'Import cancelled. The songs read so far are kept; import the file again to finish (nothing is added twice).'
                : `The import stopped: ${e instanceof Error ? e.message : String(e)}`,
        }),
    );
  };

  return (
    <section>
      <h2>Songs</h2>
      <p data-testid="catalogue-size">
        {size ? `${n(size.total)} songs in the catalogue, ${n(size.import?.songs ?? 0)} of them imported.` : 'Counting songs…'}
      </p>
      {size?.import?.status === 'running' && state.kind !== 'running' && (
        <p class="note" data-testid="import-interrupted">The last import stopped after {n(size.import.songs)} songs: import the file again to finish.</p>
      )}
      <p class="meta">
        Add Kaggle's "278k Emotion Labeled Spotify Songs" file <code>278k_labelled_uri.csv</code>. It stays on this computer.
      </p>
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
          {n(state.progress.imported)} songs imported{state.progress.bad ? `, ${n(state.progress.bad)} bad rows skipped` : ''}{' '}
          <button onClick={() => job.current?.cancel()}>Cancel</button>
        </div>
      )}
      {state.kind === 'done' && (
        <p class="ok" data-testid="import-done" data-imported={state.progress.imported} data-bad={state.progress.bad}>
          Imported {n(state.progress.imported)} songs in {state.seconds.toFixed(1)} s.
          {state.progress.bad ? ` ${n(state.progress.bad)} malformed rows were skipped.` : ''}
        </p>
      )}
      {state.kind === 'failed' && <p class="error" data-testid="import-error">{state.message}</p>}
    </section>
  );
}
