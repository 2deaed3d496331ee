/** Small helpers for the benchmark's tables. */
export type Row = string[];

export const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
export const p95 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length * 0.95)];

export function markdownTable(header: Row, rows: Row[]): string {
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
