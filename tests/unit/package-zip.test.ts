import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { DIST } from '../../scripts/lib/browser';
import { filesUnder, zipDirectory } from '../../scripts/lib/zip-dir';

it('the package holds every built file, byte for byte, with manifest.json at the top', () => {
  const unzipped = unzipSync(zipDirectory(DIST));
  const built = filesUnder(DIST).map((p) => relative(DIST, p));
  expect(Object.keys(unzipped).sort()).toEqual(built.sort());
  expect(JSON.parse(new TextDecoder().decode(unzipped['manifest.json'])).manifest_version).toBe(3);
  for (const name of built) expect(Buffer.compare(Buffer.from(unzipped[name]), readFileSync(join(DIST, name)))).toBe(0);
});
