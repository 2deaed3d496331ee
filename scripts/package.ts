/** npm run package: builds the extension and writes mood-dj-<version>.zip, the file a user loads or the
 * Chrome Web Store takes (manifest.json at the top of the archive). */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIST, ROOT } from './lib/browser';
import { zipDirectory } from './lib/zip-dir';

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
const { version } = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { version: string };
const out = join(ROOT, `mood-dj-${version}.zip`);
const zip = zipDirectory(DIST);
writeFileSync(out, zip);
console.log(`${relative(ROOT, out)}: ${(zip.length / 1e6).toFixed(1)} MB`);
