/** A folder as a zip archive, paths relative to the folder (so a built extension's manifest.json is at the top). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function zipDirectory(dir: string): Uint8Array {
  const entries: Zippable = {};
  for (const path of filesUnder(dir)) entries[relative(dir, path).split(sep).join('/')] = readFileSync(path);
  return zipSync(entries, { level: 9 });
}
