import browser from 'webextension-polyfill';
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { MOOD_NAMES } from '../shared/messages';
import { strToU8, zipSync } from 'fflate';
import { HISTORY_KEY, historyCsv, parseHistory, topMood, type HistoryEntry } from '../shared/mood-history';
import { parseEvents, TASTE_KEY, TASTE_KEYS, tasteCsv } from '../shared/taste-events';
import { MOOD_LOOK } from '../shared/moods';
import { moodLabel, t } from '../shared/i18n';

const RANGES = { day: 24 * 3600_000, week: 7 * 24 * 3600_000 } as const;
type Range = keyof typeof RANGES;
const pct = (p: number) => `${Math.round(100 * p)}%`;

/** Whether the system asks for the dark theme, followed as it changes. */
function useDarkScheme(): boolean {
  const query = matchMedia('(prefers-color-scheme: dark)');
  const [dark, setDark] = useState(query.matches);
  useEffect(() => {
    const changed = () => setDark(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return dark;
}

/** The entries of the range shown, oldest first. */
const inRange = (entries: HistoryEntry[], range: Range, now: number) => entries.filter((e) => e.at >= now - RANGES[range]);

function describe(e: HistoryEntry): string {
  const mood = topMood(e);
  return t('historyAt', new Date(e.at).toLocaleString(), moodLabel(mood), pct(e.probabilities[mood])) + (e.checks > 1 ? t('historyMean', e.checks) : '');
}

/** One line per mood: its probability at each check (or hourly mean, for older days). Pointing at it, or the
 * arrow keys once it has focus, step through the checks; the same data is also a table. */
function Chart({ entries, range }: { entries: HistoryEntry[]; range: Range }) {
  const box = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot>();
  const [hover, setHover] = useState<number | undefined>();
  const shown = inRange(entries, range, Date.now());
  const dark = useDarkScheme();
  useEffect(() => {
    // The canvas is drawn in the theme's colours (CSS variables do not reach inside it).
    const css = getComputedStyle(document.documentElement);
    const axis = { stroke: css.getPropertyValue('--muted').trim(), grid: { stroke: css.getPropertyValue('--track').trim() }, ticks: { stroke: css.getPropertyValue('--track').trim() } };
    const now = Date.now();
    const data: uPlot.AlignedData = [shown.map((e) => e.at / 1000), ...MOOD_NAMES.map((m) => shown.map((e) => e.probabilities[m]))];
    const plot = new uPlot(
      {
        width: 640,
        height: 240,
        scales: { x: { time: true, range: [(now - RANGES[range]) / 1000, now / 1000] }, y: { range: [0, 1] } },
        axes: [axis, { ...axis, values: (_u, ticks) => ticks.map(pct) }],
        // The legend names the lines; values are read out below the chart, not as "--" before any pointing.
        legend: { live: false },
        series: [{}, ...MOOD_NAMES.map((m) => ({ label: moodLabel(m), stroke: MOOD_LOOK[m].colour, width: 2, points: { show: true, size: 5 } }))],
        hooks: { setCursor: [(u) => setHover(u.cursor.idx ?? undefined)] },
      },
      data,
      box.current!,
    );
    plotRef.current = plot;
    return () => plot.destroy();
  }, [entries, range, dark]);
  const step = (e: KeyboardEvent) => {
    const last = shown.length - 1;
    const to = { ArrowLeft: (hover ?? last + 1) - 1, ArrowRight: (hover ?? -1) + 1, Home: 0, End: last }[e.key];
    if (to === undefined || last < 0) return;
    e.preventDefault();
    const i = Math.max(0, Math.min(last, to));
    const u = plotRef.current!;
    const mood = topMood(shown[i]);
    u.setCursor({ left: u.valToPos(shown[i].at / 1000, 'x'), top: u.valToPos(shown[i].probabilities[mood], 'y') });
    setHover(i);
  };
  const at = hover === undefined ? undefined : shown[hover];
  return (
    <>
      <div
        ref={box}
        data-testid="history-chart"
        tabIndex={0}
        role="group"
        aria-label={t('historyChartLabel')}
        onKeyDown={step}
      />
      <p class="meta" data-testid="history-hover" aria-live="polite">
        {at ? describe(at) : t('historyPoint')}
      </p>
      <details data-testid="history-table">
        <summary>{t('showTable')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              {MOOD_NAMES.map((m) => (
                <th scope="col">{moodLabel(m)}</th>
              ))}
              <th scope="col">{t('checks')}</th>
            </tr>
          </thead>
          <tbody>
            {[...shown].reverse().map((e) => (
              <tr>
                <th scope="row">{new Date(e.at).toLocaleString()}</th>
                {MOOD_NAMES.map((m) => (
                  <td>{pct(e.probabilities[m])}</td>
                ))}
                <td>{e.checks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** The stored mood history as a picture, with export and clearing (it never leaves the device otherwise). */
export function MoodHistory() {
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>();
  const [range, setRange] = useState<Range>('day');
  useEffect(() => {
    const load = () => void browser.storage.local.get(HISTORY_KEY).then((r) => setEntries(parseHistory(r[HISTORY_KEY])));
    load();
    const changed = (changes: Record<string, unknown>, area: string) => area === 'local' && HISTORY_KEY in changes && load();
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  // The history and the taste learned go out, and away, together: both say how the user felt and listened.
  const exportData = async () => {
    const events = parseEvents((await browser.storage.local.get(TASTE_KEY))[TASTE_KEY]);
    const zip = zipSync({ 'mood-history.csv': strToU8(historyCsv(entries ?? [])), 'taste.csv': strToU8(tasteCsv(events)) });
    const url = URL.createObjectURL(new Blob([zip], { type: 'application/zip' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `mood-dj-data-${new Date().toISOString().slice(0, 10)}.zip` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const clear = () => void browser.storage.local.remove([HISTORY_KEY, ...TASTE_KEYS]);
  if (!entries) return null;
  return (
    <section data-testid="mood-history">
      <h2>{t('historyHeading')}</h2>
      <p class="meta">{t('historyHelp')}</p>
      {entries.length === 0 ? (
        <p data-testid="history-empty">{t('historyEmpty')}</p>
      ) : (
        <>
          <p>
            {(Object.keys(RANGES) as Range[]).map((r) => (
              <label>
                <input type="radio" name="range" data-testid={`history-${r}`} checked={range === r} onChange={() => setRange(r)} /> {t(r === 'day' ? 'lastDay' : 'lastWeek')}{' '}
              </label>
            ))}
          </p>
          <Chart entries={entries} range={range} />
        </>
      )}
      <p class="meta">{t('historyAndTaste')}</p>
      <button data-testid="history-export" onClick={() => void exportData()}>
        {t('exportData')}
      </button>{' '}
      <button data-testid="history-clear" onClick={clear}>
        {t('clearData')}
      </button>
    </section>
  );
}
