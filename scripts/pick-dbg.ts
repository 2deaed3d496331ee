// one-off: which faces-dev photos does the shipped pipeline get right, with what margin (not committed)
import { readdirSync } from 'node:fs';
import { launchExtension } from './lib/browser';
const dir = '/work/shared/data/faces-dev';
const s = await launchExtension({ photo: `${dir}/happy/happy-00.jpg`, grantCamera: true });
await s.setSettings({ backend: 'wasm', framesPerCheck: 2 });
for (const label of ['happy', 'sad']) {
  for (const f of readdirSync(`${dir}/${label}`).sort()) {
    s.setPhoto(`${dir}/${label}/${f}`);
    const o = await s.ask({ type: 'check-mood' });
    if (!o.ok) { console.log(label, f, o.error.code); continue; }
    const p = o.result.probabilities;
    const sorted = Object.values(p as Record<string, number>).sort((a, b) => b - a);
    console.log(label, f, o.result.mood, p[label].toFixed(3), 'margin', (p[label] - Math.max(...Object.entries(p as Record<string, number>).filter(([k]) => k !== label).map(([, v]) => v))).toFixed(3), sorted[0].toFixed(3));
  }
}
await s.close();
