import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { SPOTIFY_WEB } from './src/shared/songs.ts';

// scripting: to put the content script into a Spotify tab opened before mood-dj was installed or updated.
export const PERMISSIONS = ['offscreen', 'storage', 'alarms', 'scripting'];
export const HOSTS = [`${SPOTIFY_WEB}*`];
// Rendered from public/icons/icon.svg at build time (vite.config.ts).
export const ICON_SIZES = [16, 32, 48, 128] as const;
const icons = Object.fromEntries(ICON_SIZES.map((s) => [s, `icons/icon${s}.png`]));

export default defineManifest({
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  default_locale: 'en',
  version: pkg.version,
  action: { default_popup: 'src/popup/index.html', default_title: '__MSG_actionTitle__', default_icon: icons },
  options_ui: { page: 'src/options/index.html', open_in_tab: true },
  background: { service_worker: 'src/background/service-worker.ts', type: 'module' },
  permissions: PERMISSIONS,
  host_permissions: HOSTS,
  // The toolbar action's shortcut opens the popup, which checks the mood at once.
  commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_commandCheck__' } },
  content_scripts: [{ matches: HOSTS, js: ['src/content/spotify.ts'], run_at: 'document_idle' }],
  // wasm (TF.js, MediaPipe) needs 'wasm-unsafe-eval'; nothing may run from elsewhere.
  content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
  icons,
});
